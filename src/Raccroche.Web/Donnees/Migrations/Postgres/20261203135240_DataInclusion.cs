using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Raccroche.Web.Donnees.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DataInclusion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IdSource",
                table: "Structures",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PlusDansLaSource",
                table: "Structures",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RepriseLe",
                table: "Structures",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceDonnees",
                table: "Structures",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ValeursImportees",
                table: "Structures",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ZoneEstimee",
                table: "Structures",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "IdSource",
                table: "Dispositifs",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PlusDansLaSource",
                table: "Dispositifs",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "SourceDonnees",
                table: "Dispositifs",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ValeursImportees",
                table: "Dispositifs",
                type: "text",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Structures_SourceDonnees_IdSource",
                table: "Structures",
                columns: new[] { "SourceDonnees", "IdSource" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Dispositifs_SourceDonnees_IdSource",
                table: "Dispositifs",
                columns: new[] { "SourceDonnees", "IdSource" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Structures_SourceDonnees_IdSource",
                table: "Structures");

            migrationBuilder.DropIndex(
                name: "IX_Dispositifs_SourceDonnees_IdSource",
                table: "Dispositifs");

            migrationBuilder.DropColumn(
                name: "IdSource",
                table: "Structures");

            migrationBuilder.DropColumn(
                name: "PlusDansLaSource",
                table: "Structures");

            migrationBuilder.DropColumn(
                name: "RepriseLe",
                table: "Structures");

            migrationBuilder.DropColumn(
                name: "SourceDonnees",
                table: "Structures");

            migrationBuilder.DropColumn(
                name: "ValeursImportees",
                table: "Structures");

            migrationBuilder.DropColumn(
                name: "ZoneEstimee",
                table: "Structures");

            migrationBuilder.DropColumn(
                name: "IdSource",
                table: "Dispositifs");

            migrationBuilder.DropColumn(
                name: "PlusDansLaSource",
                table: "Dispositifs");

            migrationBuilder.DropColumn(
                name: "SourceDonnees",
                table: "Dispositifs");

            migrationBuilder.DropColumn(
                name: "ValeursImportees",
                table: "Dispositifs");
        }
    }
}
