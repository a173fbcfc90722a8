using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Raccroche.Web.Donnees.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CoIntervenantsEtResume : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CoInterventions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JeuneSuiviId = table.Column<int>(type: "INTEGER", nullable: false),
                    StructureId = table.Column<int>(type: "INTEGER", nullable: false),
                    Motif = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    DebutLe = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DebutPar = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    FinLe = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinPar = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    MotifFin = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoInterventions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoInterventions_JeunesSuivis_JeuneSuiviId",
                        column: x => x.JeuneSuiviId,
                        principalTable: "JeunesSuivis",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CoInterventions_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResumesEnvoyes",
                columns: table => new
                {
                    Semaine = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EnvoyeLe = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Courriels = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResumesEnvoyes", x => x.Semaine);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CoInterventions_JeuneSuiviId_StructureId",
                table: "CoInterventions",
                columns: new[] { "JeuneSuiviId", "StructureId" },
                unique: true,
                filter: "\"FinLe\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CoInterventions_StructureId_JeuneSuiviId",
                table: "CoInterventions",
                columns: new[] { "StructureId", "JeuneSuiviId" },
                filter: "\"FinLe\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CoInterventions");

            migrationBuilder.DropTable(
                name: "ResumesEnvoyes");
        }
    }
}
