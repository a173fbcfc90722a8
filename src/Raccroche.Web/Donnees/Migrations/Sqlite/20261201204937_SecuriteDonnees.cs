using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Raccroche.Web.Donnees.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SecuriteDonnees : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AbandonneLe",
                table: "MessagesSortants",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DemandeId",
                table: "MessagesSortants",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Statut",
                table: "MessagesSortants",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "en-attente");

            migrationBuilder.AddColumn<string>(
                name: "CodeCommune",
                table: "DemandesContact",
                type: "TEXT",
                maxLength: 5,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Departement",
                table: "DemandesContact",
                type: "TEXT",
                maxLength: 3,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_MessagesSortants_DemandeId",
                table: "MessagesSortants",
                column: "DemandeId");

            migrationBuilder.CreateIndex(
                name: "IX_DemandesContact_CodeCommune",
                table: "DemandesContact",
                column: "CodeCommune");

            migrationBuilder.CreateIndex(
                name: "IX_DemandesContact_Departement",
                table: "DemandesContact",
                column: "Departement");

            migrationBuilder.AddForeignKey(
                name: "FK_MessagesSortants_DemandesContact_DemandeId",
                table: "MessagesSortants",
                column: "DemandeId",
                principalTable: "DemandesContact",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            RepriseSecuriteDonnees.Sqlite(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_MessagesSortants_DemandesContact_DemandeId",
                table: "MessagesSortants");

            migrationBuilder.DropIndex(
                name: "IX_MessagesSortants_DemandeId",
                table: "MessagesSortants");

            migrationBuilder.DropIndex(
                name: "IX_DemandesContact_CodeCommune",
                table: "DemandesContact");

            migrationBuilder.DropIndex(
                name: "IX_DemandesContact_Departement",
                table: "DemandesContact");

            migrationBuilder.DropColumn(
                name: "AbandonneLe",
                table: "MessagesSortants");

            migrationBuilder.DropColumn(
                name: "DemandeId",
                table: "MessagesSortants");

            migrationBuilder.DropColumn(
                name: "Statut",
                table: "MessagesSortants");

            migrationBuilder.DropColumn(
                name: "CodeCommune",
                table: "DemandesContact");

            migrationBuilder.DropColumn(
                name: "Departement",
                table: "DemandesContact");
        }
    }
}
