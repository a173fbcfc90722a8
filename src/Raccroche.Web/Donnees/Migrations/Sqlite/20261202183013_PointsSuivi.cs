using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Raccroche.Web.Donnees.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PointsSuivi : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "SortieMaintenue",
                table: "JeunesSuivis",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PointsSuivi",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JeuneSuiviId = table.Column<int>(type: "INTEGER", nullable: false),
                    SolutionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Mois = table.Column<int>(type: "INTEGER", nullable: false),
                    Echeance = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FaitLe = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Constat = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    ParJeune = table.Column<bool>(type: "INTEGER", nullable: false),
                    Auteur = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NouveauType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Precision = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AnnuleLe = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointsSuivi", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PointsSuivi_JeunesSuivis_JeuneSuiviId",
                        column: x => x.JeuneSuiviId,
                        principalTable: "JeunesSuivis",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PointsSuivi_SolutionsSuivi_SolutionId",
                        column: x => x.SolutionId,
                        principalTable: "SolutionsSuivi",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PointsSuivi_Echeance",
                table: "PointsSuivi",
                column: "Echeance",
                filter: "\"FaitLe\" IS NULL AND \"AnnuleLe\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PointsSuivi_JeuneSuiviId_Mois",
                table: "PointsSuivi",
                columns: new[] { "JeuneSuiviId", "Mois" });

            migrationBuilder.CreateIndex(
                name: "IX_PointsSuivi_SolutionId_Mois",
                table: "PointsSuivi",
                columns: new[] { "SolutionId", "Mois" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PointsSuivi");

            migrationBuilder.DropColumn(
                name: "SortieMaintenue",
                table: "JeunesSuivis");
        }
    }
}
