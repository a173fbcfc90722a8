using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Raccroche.Web.Donnees.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DiagnosticCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StatistiquesDiagnostic",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Jour = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Departement = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    TrancheAge = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Situation = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Souhait = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Nombre = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatistiquesDiagnostic", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StatistiquesDiagnostic_Jour_Departement_TrancheAge_Situation_Souhait",
                table: "StatistiquesDiagnostic",
                columns: new[] { "Jour", "Departement", "TrancheAge", "Situation", "Souhait" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StatistiquesDiagnostic");
        }
    }
}
