using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Raccroche.Web.Donnees.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SecuriteDonnees : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Destinataire",
                table: "MessagesSortants",
                type: "character varying(256)",
                maxLength: 256,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AddColumn<DateTime>(
                name: "AbandonneLe",
                table: "MessagesSortants",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DemandeId",
                table: "MessagesSortants",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Statut",
                table: "MessagesSortants",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "en-attente");

            migrationBuilder.AlterColumn<string>(
                name: "RessourceId",
                table: "JournalAcces",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CodeCommune",
                table: "DemandesContact",
                type: "character varying(5)",
                maxLength: 5,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Departement",
                table: "DemandesContact",
                type: "character varying(3)",
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

            RepriseSecuriteDonnees.Postgres(migrationBuilder);
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

            migrationBuilder.AlterColumn<string>(
                name: "Destinataire",
                table: "MessagesSortants",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(256)",
                oldMaxLength: 256);

            migrationBuilder.AlterColumn<string>(
                name: "RessourceId",
                table: "JournalAcces",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(256)",
                oldMaxLength: 256,
                oldNullable: true);
        }
    }
}
