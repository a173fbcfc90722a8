using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Raccroche.Web.Donnees.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ObligationFormation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EnTete_Adresse",
                table: "Psads",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EnTete_ConseilDepartemental",
                table: "Psads",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EnTete_Courriel",
                table: "Psads",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EnTete_Telephone",
                table: "Psads",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            // Existing PSADs get the defaults of ReglagesSuivi (and every existing file an unchecked obligation).
            migrationBuilder.AddColumn<int>(
                name: "Reglages_ObligationEntretienJours",
                table: "Psads",
                type: "integer",
                nullable: false,
                defaultValue: 15);

            migrationBuilder.AddColumn<int>(
                name: "Reglages_ObligationReponseJours",
                table: "Psads",
                type: "integer",
                nullable: false,
                defaultValue: 15);

            migrationBuilder.AddColumn<int>(
                name: "Reglages_ObligationTransmissionMois",
                table: "Psads",
                type: "integer",
                nullable: false,
                defaultValue: 2);

            migrationBuilder.AddColumn<DateTime>(
                name: "ConvocationLe",
                table: "JeunesSuivis",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConvocationPar",
                table: "JeunesSuivis",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ConvocationRendezVous",
                table: "JeunesSuivis",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "EntretienProposeLe",
                table: "JeunesSuivis",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ObligationFixeeLe",
                table: "JeunesSuivis",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ObligationFixeePar",
                table: "JeunesSuivis",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ObligationForme",
                table: "JeunesSuivis",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ObligationStatut",
                table: "JeunesSuivis",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "non-verifiee");

            migrationBuilder.AddColumn<DateTime>(
                name: "TransmissionLe",
                table: "JeunesSuivis",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TransmissionPar",
                table: "JeunesSuivis",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EnTete_Adresse",
                table: "Psads");

            migrationBuilder.DropColumn(
                name: "EnTete_ConseilDepartemental",
                table: "Psads");

            migrationBuilder.DropColumn(
                name: "EnTete_Courriel",
                table: "Psads");

            migrationBuilder.DropColumn(
                name: "EnTete_Telephone",
                table: "Psads");

            migrationBuilder.DropColumn(
                name: "Reglages_ObligationEntretienJours",
                table: "Psads");

            migrationBuilder.DropColumn(
                name: "Reglages_ObligationReponseJours",
                table: "Psads");

            migrationBuilder.DropColumn(
                name: "Reglages_ObligationTransmissionMois",
                table: "Psads");

            migrationBuilder.DropColumn(
                name: "ConvocationLe",
                table: "JeunesSuivis");

            migrationBuilder.DropColumn(
                name: "ConvocationPar",
                table: "JeunesSuivis");

            migrationBuilder.DropColumn(
                name: "ConvocationRendezVous",
                table: "JeunesSuivis");

            migrationBuilder.DropColumn(
                name: "EntretienProposeLe",
                table: "JeunesSuivis");

            migrationBuilder.DropColumn(
                name: "ObligationFixeeLe",
                table: "JeunesSuivis");

            migrationBuilder.DropColumn(
                name: "ObligationFixeePar",
                table: "JeunesSuivis");

            migrationBuilder.DropColumn(
                name: "ObligationForme",
                table: "JeunesSuivis");

            migrationBuilder.DropColumn(
                name: "ObligationStatut",
                table: "JeunesSuivis");

            migrationBuilder.DropColumn(
                name: "TransmissionLe",
                table: "JeunesSuivis");

            migrationBuilder.DropColumn(
                name: "TransmissionPar",
                table: "JeunesSuivis");
        }
    }
}
