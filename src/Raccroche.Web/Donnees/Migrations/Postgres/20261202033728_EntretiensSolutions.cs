using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Raccroche.Web.Donnees.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EntretiensSolutions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EntretiensSituation",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    JeuneSuiviId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    JeunePresent = table.Column<bool>(type: "boolean", nullable: false),
                    ResponsablePresent = table.Column<bool>(type: "boolean", nullable: false),
                    Situation = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Niveau = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Souhaits = table.Column<List<string>>(type: "text[]", nullable: false),
                    Besoins = table.Column<int[]>(type: "integer[]", nullable: false),
                    Contraintes = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Commentaire = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Auteur = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    EnregistreLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EntretiensSituation", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EntretiensSituation_JeunesSuivis_JeuneSuiviId",
                        column: x => x.JeuneSuiviId,
                        principalTable: "JeunesSuivis",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SolutionsSuivi",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    JeuneSuiviId = table.Column<int>(type: "integer", nullable: false),
                    DispositifId = table.Column<int>(type: "integer", nullable: true),
                    HorsCatalogue = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Statut = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    EntreeLe = table.Column<DateOnly>(type: "date", nullable: true),
                    DemandeId = table.Column<int>(type: "integer", nullable: true),
                    CreeLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StatutDepuis = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Auteur = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SolutionsSuivi", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SolutionsSuivi_Dispositifs_DispositifId",
                        column: x => x.DispositifId,
                        principalTable: "Dispositifs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_SolutionsSuivi_JeunesSuivis_JeuneSuiviId",
                        column: x => x.JeuneSuiviId,
                        principalTable: "JeunesSuivis",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EntretiensSituation_JeuneSuiviId",
                table: "EntretiensSituation",
                column: "JeuneSuiviId");

            migrationBuilder.CreateIndex(
                name: "IX_SolutionsSuivi_DispositifId",
                table: "SolutionsSuivi",
                column: "DispositifId");

            migrationBuilder.CreateIndex(
                name: "IX_SolutionsSuivi_JeuneSuiviId",
                table: "SolutionsSuivi",
                column: "JeuneSuiviId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EntretiensSituation");

            migrationBuilder.DropTable(
                name: "SolutionsSuivi");
        }
    }
}
