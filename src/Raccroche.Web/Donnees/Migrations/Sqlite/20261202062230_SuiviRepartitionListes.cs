using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Raccroche.Web.Donnees.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SuiviRepartitionListes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Formation",
                table: "JeunesSuivis",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NiveauFormation",
                table: "JeunesSuivis",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NomRecherche",
                table: "JeunesSuivis",
                type: "TEXT",
                maxLength: 310,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RappelDemandeLe",
                table: "JeunesSuivis",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Correspondance",
                table: "DepotsSiei",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CorrespondancesColonnes",
                columns: table => new
                {
                    PsadId = table.Column<int>(type: "INTEGER", nullable: false),
                    Entete = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Champ = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    ModifieeLe = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModifieePar = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CorrespondancesColonnes", x => new { x.PsadId, x.Entete });
                    table.ForeignKey(
                        name: "FK_CorrespondancesColonnes_Psads_PsadId",
                        column: x => x.PsadId,
                        principalTable: "Psads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PrisesEnCharge",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JeuneSuiviId = table.Column<int>(type: "INTEGER", nullable: false),
                    Nature = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Organisme = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Depuis = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SolutionId = table.Column<long>(type: "INTEGER", nullable: true),
                    EnregistreeLe = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Auteur = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PrisesEnCharge", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PrisesEnCharge_JeunesSuivis_JeuneSuiviId",
                        column: x => x.JeuneSuiviId,
                        principalTable: "JeunesSuivis",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PrisesEnCharge_SolutionsSuivi_SolutionId",
                        column: x => x.SolutionId,
                        principalTable: "SolutionsSuivi",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ReglesRepartition",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PsadId = table.Column<int>(type: "INTEGER", nullable: false),
                    Ordre = table.Column<int>(type: "INTEGER", nullable: false),
                    Critere = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Codes = table.Column<string>(type: "TEXT", nullable: false),
                    StructureId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReglesRepartition", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReglesRepartition_Psads_PsadId",
                        column: x => x.PsadId,
                        principalTable: "Psads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReglesRepartition_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TransfertsSuivi",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JeuneSuiviId = table.Column<int>(type: "INTEGER", nullable: false),
                    PsadSourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    PsadCibleId = table.Column<int>(type: "INTEGER", nullable: false),
                    DemandeLe = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DemandePar = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Motif = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Statut = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ReponduLe = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReponduPar = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    MotifRefus = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    DossierCibleId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TransfertsSuivi", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TransfertsSuivi_JeunesSuivis_DossierCibleId",
                        column: x => x.DossierCibleId,
                        principalTable: "JeunesSuivis",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_TransfertsSuivi_JeunesSuivis_JeuneSuiviId",
                        column: x => x.JeuneSuiviId,
                        principalTable: "JeunesSuivis",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TransfertsSuivi_Psads_PsadCibleId",
                        column: x => x.PsadCibleId,
                        principalTable: "Psads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TransfertsSuivi_Psads_PsadSourceId",
                        column: x => x.PsadSourceId,
                        principalTable: "Psads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_JeunesSuivis_PsadId_ArriveLe",
                table: "JeunesSuivis",
                columns: new[] { "PsadId", "ArriveLe" });

            migrationBuilder.CreateIndex(
                name: "IX_JeunesSuivis_PsadId_NomRecherche",
                table: "JeunesSuivis",
                columns: new[] { "PsadId", "NomRecherche" });

            migrationBuilder.CreateIndex(
                name: "IX_PrisesEnCharge_JeuneSuiviId",
                table: "PrisesEnCharge",
                column: "JeuneSuiviId");

            migrationBuilder.CreateIndex(
                name: "IX_PrisesEnCharge_SolutionId",
                table: "PrisesEnCharge",
                column: "SolutionId");

            migrationBuilder.CreateIndex(
                name: "IX_ReglesRepartition_PsadId_Ordre",
                table: "ReglesRepartition",
                columns: new[] { "PsadId", "Ordre" });

            migrationBuilder.CreateIndex(
                name: "IX_ReglesRepartition_StructureId",
                table: "ReglesRepartition",
                column: "StructureId");

            migrationBuilder.CreateIndex(
                name: "IX_TransfertsSuivi_DossierCibleId",
                table: "TransfertsSuivi",
                column: "DossierCibleId");

            migrationBuilder.CreateIndex(
                name: "IX_TransfertsSuivi_JeuneSuiviId",
                table: "TransfertsSuivi",
                column: "JeuneSuiviId");

            migrationBuilder.CreateIndex(
                name: "IX_TransfertsSuivi_PsadCibleId_Statut",
                table: "TransfertsSuivi",
                columns: new[] { "PsadCibleId", "Statut" });

            migrationBuilder.CreateIndex(
                name: "IX_TransfertsSuivi_PsadSourceId_Statut",
                table: "TransfertsSuivi",
                columns: new[] { "PsadSourceId", "Statut" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CorrespondancesColonnes");

            migrationBuilder.DropTable(
                name: "PrisesEnCharge");

            migrationBuilder.DropTable(
                name: "ReglesRepartition");

            migrationBuilder.DropTable(
                name: "TransfertsSuivi");

            migrationBuilder.DropIndex(
                name: "IX_JeunesSuivis_PsadId_ArriveLe",
                table: "JeunesSuivis");

            migrationBuilder.DropIndex(
                name: "IX_JeunesSuivis_PsadId_NomRecherche",
                table: "JeunesSuivis");

            migrationBuilder.DropColumn(
                name: "Formation",
                table: "JeunesSuivis");

            migrationBuilder.DropColumn(
                name: "NiveauFormation",
                table: "JeunesSuivis");

            migrationBuilder.DropColumn(
                name: "NomRecherche",
                table: "JeunesSuivis");

            migrationBuilder.DropColumn(
                name: "RappelDemandeLe",
                table: "JeunesSuivis");

            migrationBuilder.DropColumn(
                name: "Correspondance",
                table: "DepotsSiei");
        }
    }
}
