using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Raccroche.Web.Donnees.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JeuneSuiviId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    JeunePresent = table.Column<bool>(type: "INTEGER", nullable: false),
                    ResponsablePresent = table.Column<bool>(type: "INTEGER", nullable: false),
                    Situation = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Niveau = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Souhaits = table.Column<string>(type: "TEXT", nullable: false),
                    Besoins = table.Column<string>(type: "TEXT", nullable: false),
                    Contraintes = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Commentaire = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Auteur = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    EnregistreLe = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JeuneSuiviId = table.Column<int>(type: "INTEGER", nullable: false),
                    DispositifId = table.Column<int>(type: "INTEGER", nullable: true),
                    HorsCatalogue = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Statut = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    EntreeLe = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DemandeId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreeLe = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StatutDepuis = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Auteur = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
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
