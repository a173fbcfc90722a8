using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Raccroche.Web.Donnees.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PointsSuiviLiens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_JeunesSuivis_Listes",
                table: "JeunesSuivis");

            migrationBuilder.AddColumn<string>(
                name: "Modeles_PointSuivi",
                table: "Psads",
                type: "character varying(480)",
                maxLength: 480,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reglages_MoisPointsSuivi",
                table: "Psads",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "1,3,6,12");

            migrationBuilder.AddColumn<long>(
                name: "PointSuiviId",
                table: "MessagesJeune",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SortiSansSolutionLe",
                table: "JeunesSuivis",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_MessagesJeune_PointSuiviId",
                table: "MessagesJeune",
                column: "PointSuiviId");

            migrationBuilder.CreateIndex(
                name: "IX_JeunesSuivis_Listes",
                table: "JeunesSuivis",
                columns: new[] { "PsadId", "Statut", "NombreTentatives" },
                filter: "\"AnonymiseLe\" IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "StructureId", "ReferentId", "DateNaissance", "DateSortie", "RappelDemandeLe", "SortiSansSolutionLe", "ArriveLe", "StatutDepuis", "DerniereActionLe", "CodeInsee", "Commune", "Formation", "NiveauFormation", "Ine", "NomRecherche", "Id" });

            migrationBuilder.AddForeignKey(
                name: "FK_MessagesJeune_PointsSuivi_PointSuiviId",
                table: "MessagesJeune",
                column: "PointSuiviId",
                principalTable: "PointsSuivi",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_MessagesJeune_PointsSuivi_PointSuiviId",
                table: "MessagesJeune");

            migrationBuilder.DropIndex(
                name: "IX_MessagesJeune_PointSuiviId",
                table: "MessagesJeune");

            migrationBuilder.DropIndex(
                name: "IX_JeunesSuivis_Listes",
                table: "JeunesSuivis");

            migrationBuilder.DropColumn(
                name: "Modeles_PointSuivi",
                table: "Psads");

            migrationBuilder.DropColumn(
                name: "Reglages_MoisPointsSuivi",
                table: "Psads");

            migrationBuilder.DropColumn(
                name: "PointSuiviId",
                table: "MessagesJeune");

            migrationBuilder.DropColumn(
                name: "SortiSansSolutionLe",
                table: "JeunesSuivis");

            migrationBuilder.CreateIndex(
                name: "IX_JeunesSuivis_Listes",
                table: "JeunesSuivis",
                columns: new[] { "PsadId", "Statut", "NombreTentatives" },
                filter: "\"AnonymiseLe\" IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "StructureId", "ReferentId", "DateNaissance", "DateSortie", "RappelDemandeLe", "ArriveLe", "StatutDepuis", "DerniereActionLe", "CodeInsee", "Commune", "Formation", "NiveauFormation", "Ine", "NomRecherche", "Id" });
        }
    }
}
