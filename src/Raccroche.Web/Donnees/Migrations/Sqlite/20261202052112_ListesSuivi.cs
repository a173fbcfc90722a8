using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Raccroche.Web.Donnees.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ListesSuivi : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Formation",
                table: "JeunesSuivis",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NiveauFormation",
                table: "JeunesSuivis",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NomRecherche",
                table: "JeunesSuivis",
                type: "TEXT",
                maxLength: 310,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RappelDemandeLe",
                table: "JeunesSuivis",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_JeunesSuivis_PsadId_ArriveLe",
                table: "JeunesSuivis",
                columns: new[] { "PsadId", "ArriveLe" });

            migrationBuilder.CreateIndex(
                name: "IX_JeunesSuivis_PsadId_NomRecherche",
                table: "JeunesSuivis",
                columns: new[] { "PsadId", "NomRecherche" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_JeunesSuivis_PsadId_ArriveLe",
                table: "JeunesSuivis");

            migrationBuilder.DropIndex(
                name: "IX_JeunesSuivis_PsadId_NomRecherche",
                table: "JeunesSuivis");

            migrationBuilder.DropColumn(
                name: "Formation",
                table: "JeunesSuivis");

            migrationBuilder.DropColumn(
                name: "NiveauFormation",
                table: "JeunesSuivis");

            migrationBuilder.DropColumn(
                name: "NomRecherche",
                table: "JeunesSuivis");

            migrationBuilder.DropColumn(
                name: "RappelDemandeLe",
                table: "JeunesSuivis");
        }
    }
}
