using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Raccroche.Web.Donnees.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PsadsCorrespondances : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CorrespondancesColonnes");

            migrationBuilder.DropColumn(
                name: "Correspondance",
                table: "DepotsSiei");
        }
    }
}
