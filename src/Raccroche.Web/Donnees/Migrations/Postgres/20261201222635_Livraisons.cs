using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Raccroche.Web.Donnees.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Livraisons : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Psads",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Nom = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    Territoire = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Psads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "JeunesSuivis",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PsadId = table.Column<int>(type: "integer", nullable: false),
                    Ine = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: true),
                    Nom = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    NomNaissance = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Prenom = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DateNaissance = table.Column<DateOnly>(type: "date", nullable: true),
                    LieuNaissance = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CodeInsee = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    Commune = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CreeLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PremiereLivraisonId = table.Column<int>(type: "integer", nullable: false),
                    DerniereLivraisonId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JeunesSuivis", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JeunesSuivis_Psads_PsadId",
                        column: x => x.PsadId,
                        principalTable: "Psads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Livraisons",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PsadId = table.Column<int>(type: "integer", nullable: false),
                    Mois = table.Column<DateOnly>(type: "date", nullable: false),
                    NomFichier = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EmpreinteFichier = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ImporteeLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ImporteePar = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Lignes = table.Column<int>(type: "integer", nullable: false),
                    Nouveaux = table.Column<int>(type: "integer", nullable: false),
                    Rapproches = table.Column<int>(type: "integer", nullable: false),
                    AArbitrer = table.Column<int>(type: "integer", nullable: false),
                    Absents = table.Column<int>(type: "integer", nullable: false),
                    Reapparus = table.Column<int>(type: "integer", nullable: false),
                    Ignores = table.Column<int>(type: "integer", nullable: false),
                    Erreurs = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Livraisons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Livraisons_Psads_PsadId",
                        column: x => x.PsadId,
                        principalTable: "Psads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartenairePsad",
                columns: table => new
                {
                    PsadId = table.Column<int>(type: "integer", nullable: false),
                    StructureId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartenairePsad", x => new { x.PsadId, x.StructureId });
                    table.ForeignKey(
                        name: "FK_PartenairePsad_Psads_PsadId",
                        column: x => x.PsadId,
                        principalTable: "Psads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PartenairePsad_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SituationsSiei",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LivraisonId = table.Column<int>(type: "integer", nullable: false),
                    JeuneSuiviId = table.Column<int>(type: "integer", nullable: true),
                    Ligne = table.Column<int>(type: "integer", nullable: false),
                    Issue = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Raison = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Candidats = table.Column<List<int>>(type: "integer[]", nullable: false),
                    Contenu = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SituationsSiei", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SituationsSiei_JeunesSuivis_JeuneSuiviId",
                        column: x => x.JeuneSuiviId,
                        principalTable: "JeunesSuivis",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SituationsSiei_Livraisons_LivraisonId",
                        column: x => x.LivraisonId,
                        principalTable: "Livraisons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_JeunesSuivis_PsadId_DateNaissance",
                table: "JeunesSuivis",
                columns: new[] { "PsadId", "DateNaissance" });

            migrationBuilder.CreateIndex(
                name: "IX_JeunesSuivis_PsadId_Ine",
                table: "JeunesSuivis",
                columns: new[] { "PsadId", "Ine" });

            migrationBuilder.CreateIndex(
                name: "IX_Livraisons_PsadId_EmpreinteFichier",
                table: "Livraisons",
                columns: new[] { "PsadId", "EmpreinteFichier" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Livraisons_PsadId_Mois",
                table: "Livraisons",
                columns: new[] { "PsadId", "Mois" });

            migrationBuilder.CreateIndex(
                name: "IX_PartenairePsad_StructureId",
                table: "PartenairePsad",
                column: "StructureId");

            migrationBuilder.CreateIndex(
                name: "IX_Psads_Code",
                table: "Psads",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SituationsSiei_JeuneSuiviId",
                table: "SituationsSiei",
                column: "JeuneSuiviId");

            migrationBuilder.CreateIndex(
                name: "IX_SituationsSiei_LivraisonId_JeuneSuiviId",
                table: "SituationsSiei",
                columns: new[] { "LivraisonId", "JeuneSuiviId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PartenairePsad");

            migrationBuilder.DropTable(
                name: "SituationsSiei");

            migrationBuilder.DropTable(
                name: "JeunesSuivis");

            migrationBuilder.DropTable(
                name: "Livraisons");

            migrationBuilder.DropTable(
                name: "Psads");
        }
    }
}
