using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Raccroche.Web.Donnees.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ValeursExternes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ValeursExternes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Indicateur = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Libelle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Territoire = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Periode = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Valeur = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Unite = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Licence = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ImporteeLe = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ImporteePar = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ValeursExternes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ValeursExternes_Indicateur_Territoire_Periode",
                table: "ValeursExternes",
                columns: new[] { "Indicateur", "Territoire", "Periode" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ValeursExternes");
        }
    }
}
