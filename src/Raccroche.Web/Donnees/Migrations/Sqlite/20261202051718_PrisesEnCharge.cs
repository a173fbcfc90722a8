using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Raccroche.Web.Donnees.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PrisesEnCharge : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.CreateIndex(
                name: "IX_PrisesEnCharge_JeuneSuiviId",
                table: "PrisesEnCharge",
                column: "JeuneSuiviId");

            migrationBuilder.CreateIndex(
                name: "IX_PrisesEnCharge_SolutionId",
                table: "PrisesEnCharge",
                column: "SolutionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PrisesEnCharge");
        }
    }
}
