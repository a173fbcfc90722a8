using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Raccroche.Web.Donnees.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class VeilleAgenda : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Actualites",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Titre = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Resume = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false),
                    Corps = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    SourceNom = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SourceUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Themes = table.Column<string>(type: "TEXT", nullable: false),
                    Publics = table.Column<string>(type: "TEXT", nullable: false),
                    Territoire = table.Column<string>(type: "TEXT", nullable: false),
                    CleRecherche = table.Column<string>(type: "TEXT", nullable: false),
                    Statut = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StructureId = table.Column<int>(type: "INTEGER", nullable: true),
                    AuteurId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Auteur = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreeLe = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModifieeLe = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ProposeLe = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublieLe = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecisionLe = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecisionPar = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Commentaire = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Actualites", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Actualites_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Evenements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Titre = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Resume = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Debut = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Fin = table.Column<DateTime>(type: "TEXT", nullable: false),
                    JourneeEntiere = table.Column<bool>(type: "INTEGER", nullable: false),
                    EnLigne = table.Column<bool>(type: "INTEGER", nullable: false),
                    Adresse = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CodeCommune = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    LienEnLigne = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Organisateur = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LienInscription = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Publics = table.Column<string>(type: "TEXT", nullable: false),
                    Themes = table.Column<string>(type: "TEXT", nullable: false),
                    Territoire = table.Column<string>(type: "TEXT", nullable: false),
                    Uid = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Statut = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StructureId = table.Column<int>(type: "INTEGER", nullable: true),
                    AuteurId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Auteur = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreeLe = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModifieeLe = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ProposeLe = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublieLe = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecisionLe = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecisionPar = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Commentaire = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Evenements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Evenements_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ActualiteDispositifs",
                columns: table => new
                {
                    ActualiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    DispositifsLiesId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActualiteDispositifs", x => new { x.ActualiteId, x.DispositifsLiesId });
                    table.ForeignKey(
                        name: "FK_ActualiteDispositifs_Actualites_ActualiteId",
                        column: x => x.ActualiteId,
                        principalTable: "Actualites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ActualiteDispositifs_Dispositifs_DispositifsLiesId",
                        column: x => x.DispositifsLiesId,
                        principalTable: "Dispositifs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ActualiteStructures",
                columns: table => new
                {
                    ActualiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    StructuresLieesId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActualiteStructures", x => new { x.ActualiteId, x.StructuresLieesId });
                    table.ForeignKey(
                        name: "FK_ActualiteStructures_Actualites_ActualiteId",
                        column: x => x.ActualiteId,
                        principalTable: "Actualites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ActualiteStructures_Structures_StructuresLieesId",
                        column: x => x.StructuresLieesId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActualiteDispositifs_DispositifsLiesId",
                table: "ActualiteDispositifs",
                column: "DispositifsLiesId");

            migrationBuilder.CreateIndex(
                name: "IX_Actualites_Statut_Date",
                table: "Actualites",
                columns: new[] { "Statut", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Actualites_Statut_ModifieeLe",
                table: "Actualites",
                columns: new[] { "Statut", "ModifieeLe" });

            migrationBuilder.CreateIndex(
                name: "IX_Actualites_StructureId",
                table: "Actualites",
                column: "StructureId");

            migrationBuilder.CreateIndex(
                name: "IX_ActualiteStructures_StructuresLieesId",
                table: "ActualiteStructures",
                column: "StructuresLieesId");

            migrationBuilder.CreateIndex(
                name: "IX_Evenements_Statut_Fin",
                table: "Evenements",
                columns: new[] { "Statut", "Fin" });

            migrationBuilder.CreateIndex(
                name: "IX_Evenements_Statut_ModifieeLe",
                table: "Evenements",
                columns: new[] { "Statut", "ModifieeLe" });

            migrationBuilder.CreateIndex(
                name: "IX_Evenements_StructureId",
                table: "Evenements",
                column: "StructureId");

            migrationBuilder.CreateIndex(
                name: "IX_Evenements_Uid",
                table: "Evenements",
                column: "Uid",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActualiteDispositifs");

            migrationBuilder.DropTable(
                name: "ActualiteStructures");

            migrationBuilder.DropTable(
                name: "Evenements");

            migrationBuilder.DropTable(
                name: "Actualites");
        }
    }
}
