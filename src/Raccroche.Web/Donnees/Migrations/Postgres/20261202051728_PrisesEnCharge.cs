using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Raccroche.Web.Donnees.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    JeuneSuiviId = table.Column<int>(type: "integer", nullable: false),
                    Nature = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Organisme = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    Source = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Depuis = table.Column<DateOnly>(type: "date", nullable: true),
                    SolutionId = table.Column<long>(type: "bigint", nullable: true),
                    EnregistreeLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Auteur = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
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
