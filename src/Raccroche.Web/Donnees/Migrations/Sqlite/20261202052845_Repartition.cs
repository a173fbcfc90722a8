using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Raccroche.Web.Donnees.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Repartition : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "ReglesRepartition");

            migrationBuilder.DropTable(
                name: "TransfertsSuivi");
        }
    }
}
