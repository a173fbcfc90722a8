using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Raccroche.Web.Donnees.Migrations.Postgres
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
                type: "boolean",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PointsSuivi",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    JeuneSuiviId = table.Column<int>(type: "integer", nullable: false),
                    SolutionId = table.Column<long>(type: "bigint", nullable: false),
                    Mois = table.Column<int>(type: "integer", nullable: false),
                    Echeance = table.Column<DateOnly>(type: "date", nullable: false),
                    FaitLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Constat = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ParJeune = table.Column<bool>(type: "boolean", nullable: false),
                    Auteur = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NouveauType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Precision = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AnnuleLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
