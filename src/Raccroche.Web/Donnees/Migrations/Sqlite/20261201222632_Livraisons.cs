using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Raccroche.Web.Donnees.Migrations.Sqlite
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Nom = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Territoire = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Psads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "JeunesSuivis",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PsadId = table.Column<int>(type: "INTEGER", nullable: false),
                    Ine = table.Column<string>(type: "TEXT", maxLength: 11, nullable: true),
                    Nom = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    NomNaissance = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Prenom = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DateNaissance = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LieuNaissance = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CodeInsee = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    Commune = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreeLe = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PremiereLivraisonId = table.Column<int>(type: "INTEGER", nullable: false),
                    DerniereLivraisonId = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PsadId = table.Column<int>(type: "INTEGER", nullable: false),
                    Mois = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NomFichier = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EmpreinteFichier = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ImporteeLe = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ImporteePar = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Lignes = table.Column<int>(type: "INTEGER", nullable: false),
                    Nouveaux = table.Column<int>(type: "INTEGER", nullable: false),
                    Rapproches = table.Column<int>(type: "INTEGER", nullable: false),
                    AArbitrer = table.Column<int>(type: "INTEGER", nullable: false),
                    Absents = table.Column<int>(type: "INTEGER", nullable: false),
                    Reapparus = table.Column<int>(type: "INTEGER", nullable: false),
                    Ignores = table.Column<int>(type: "INTEGER", nullable: false),
                    Erreurs = table.Column<string>(type: "TEXT", nullable: false)
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
                    PsadId = table.Column<int>(type: "INTEGER", nullable: false),
                    StructureId = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LivraisonId = table.Column<int>(type: "INTEGER", nullable: false),
                    JeuneSuiviId = table.Column<int>(type: "INTEGER", nullable: true),
                    Ligne = table.Column<int>(type: "INTEGER", nullable: false),
                    Issue = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Raison = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Candidats = table.Column<string>(type: "TEXT", nullable: false),
                    Contenu = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false)
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
