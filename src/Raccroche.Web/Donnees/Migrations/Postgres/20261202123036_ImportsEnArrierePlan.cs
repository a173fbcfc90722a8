using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Raccroche.Web.Donnees.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ImportsEnArrierePlan : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AvanceLe",
                table: "DepotsSiei",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DemandeLe",
                table: "DepotsSiei",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DemandePar",
                table: "DepotsSiei",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Etat",
                table: "DepotsSiei",
                type: "text",
                nullable: false,
                defaultValue: "verifie");

            migrationBuilder.AddColumn<int>(
                name: "Faites",
                table: "DepotsSiei",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "IgnorerInvalides",
                table: "DepotsSiei",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Phase",
                table: "DepotsSiei",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Rapport",
                table: "DepotsSiei",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "TermineLe",
                table: "DepotsSiei",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Total",
                table: "DepotsSiei",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_DepotsSiei_Etat",
                table: "DepotsSiei",
                column: "Etat");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DepotsSiei_Etat",
                table: "DepotsSiei");

            migrationBuilder.DropColumn(
                name: "AvanceLe",
                table: "DepotsSiei");

            migrationBuilder.DropColumn(
                name: "DemandeLe",
                table: "DepotsSiei");

            migrationBuilder.DropColumn(
                name: "DemandePar",
                table: "DepotsSiei");

            migrationBuilder.DropColumn(
                name: "Etat",
                table: "DepotsSiei");

            migrationBuilder.DropColumn(
                name: "Faites",
                table: "DepotsSiei");

            migrationBuilder.DropColumn(
                name: "IgnorerInvalides",
                table: "DepotsSiei");

            migrationBuilder.DropColumn(
                name: "Phase",
                table: "DepotsSiei");

            migrationBuilder.DropColumn(
                name: "Rapport",
                table: "DepotsSiei");

            migrationBuilder.DropColumn(
                name: "TermineLe",
                table: "DepotsSiei");

            migrationBuilder.DropColumn(
                name: "Total",
                table: "DepotsSiei");
        }
    }
}
