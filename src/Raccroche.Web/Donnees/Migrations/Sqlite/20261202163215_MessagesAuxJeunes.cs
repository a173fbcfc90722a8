using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Raccroche.Web.Donnees.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 480,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Modeles_JeuneRelance",
                table: "Psads",
                type: "TEXT",
                maxLength: 480,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Modeles_Responsable",
                table: "Psads",
                type: "TEXT",
                maxLength: 480,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Modeles_ResponsableRelance",
                table: "Psads",
                type: "TEXT",
                maxLength: 480,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Reglages_DelaiRelanceJours",
                table: "Psads",
                type: "INTEGER",
                nullable: false,
                defaultValue: 7);

            migrationBuilder.AddColumn<bool>(
                name: "Reglages_RelancesAutomatiques",
                table: "Psads",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "NePasContacterLe",
                table: "JeunesSuivis",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Relances",
                table: "JeunesSuivis",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "MessagesJeune",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JeuneSuiviId = table.Column<int>(type: "INTEGER", nullable: false),
                    EnvoyeLe = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Canal = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Destinataire = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Nature = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Relance = table.Column<bool>(type: "INTEGER", nullable: false),
                    Auteur = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    EmpreinteLien = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LienExpireLe = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReponduLe = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Reponse = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Creneaux = table.Column<string>(type: "TEXT", nullable: false),
                    Precision = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Statut = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Numero = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Texte = table.Column<string>(type: "TEXT", maxLength: 640, nullable: false),
                    CreeLe = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Tentatives = table.Column<int>(type: "INTEGER", nullable: false),
                    ProchaineTentative = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EnvoyeLe = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AbandonneLe = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DerniereErreur = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
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
