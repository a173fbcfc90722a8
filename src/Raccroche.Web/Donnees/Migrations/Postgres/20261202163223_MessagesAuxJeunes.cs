using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Raccroche.Web.Donnees.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MessagesAuxJeunes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Modeles_Jeune",
                table: "Psads",
                type: "character varying(480)",
                maxLength: 480,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Modeles_JeuneRelance",
                table: "Psads",
                type: "character varying(480)",
                maxLength: 480,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Modeles_Responsable",
                table: "Psads",
                type: "character varying(480)",
                maxLength: 480,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Modeles_ResponsableRelance",
                table: "Psads",
                type: "character varying(480)",
                maxLength: 480,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Reglages_DelaiRelanceJours",
                table: "Psads",
                type: "integer",
                nullable: false,
                defaultValue: 7);

            migrationBuilder.AddColumn<bool>(
                name: "Reglages_RelancesAutomatiques",
                table: "Psads",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "NePasContacterLe",
                table: "JeunesSuivis",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Relances",
                table: "JeunesSuivis",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "MessagesJeune",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    JeuneSuiviId = table.Column<int>(type: "integer", nullable: false),
                    EnvoyeLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Canal = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Destinataire = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Nature = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Relance = table.Column<bool>(type: "boolean", nullable: false),
                    Auteur = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    EmpreinteLien = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LienExpireLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReponduLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Reponse = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Creneaux = table.Column<List<string>>(type: "text[]", nullable: false),
                    Precision = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessagesJeune", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MessagesJeune_JeunesSuivis_JeuneSuiviId",
                        column: x => x.JeuneSuiviId,
                        principalTable: "JeunesSuivis",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SmsSortants",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Statut = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Numero = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Texte = table.Column<string>(type: "character varying(640)", maxLength: 640, nullable: false),
                    CreeLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Tentatives = table.Column<int>(type: "integer", nullable: false),
                    ProchaineTentative = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EnvoyeLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AbandonneLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DerniereErreur = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SmsSortants", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MessagesJeune_EmpreinteLien",
                table: "MessagesJeune",
                column: "EmpreinteLien",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MessagesJeune_JeuneSuiviId_EnvoyeLe",
                table: "MessagesJeune",
                columns: new[] { "JeuneSuiviId", "EnvoyeLe" });

            migrationBuilder.CreateIndex(
                name: "IX_SmsSortants_Statut_ProchaineTentative",
                table: "SmsSortants",
                columns: new[] { "Statut", "ProchaineTentative" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MessagesJeune");

            migrationBuilder.DropTable(
                name: "SmsSortants");

            migrationBuilder.DropColumn(
                name: "Modeles_Jeune",
                table: "Psads");

            migrationBuilder.DropColumn(
                name: "Modeles_JeuneRelance",
                table: "Psads");

            migrationBuilder.DropColumn(
                name: "Modeles_Responsable",
                table: "Psads");

            migrationBuilder.DropColumn(
                name: "Modeles_ResponsableRelance",
                table: "Psads");

            migrationBuilder.DropColumn(
                name: "Reglages_DelaiRelanceJours",
                table: "Psads");

            migrationBuilder.DropColumn(
                name: "Reglages_RelancesAutomatiques",
                table: "Psads");

            migrationBuilder.DropColumn(
                name: "NePasContacterLe",
                table: "JeunesSuivis");

            migrationBuilder.DropColumn(
                name: "Relances",
                table: "JeunesSuivis");
        }
    }
}
