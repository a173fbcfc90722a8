using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Raccroche.Web.Donnees.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ResultatsDispositifs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EtablissementUai",
                table: "JeunesSuivis",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sexe",
                table: "JeunesSuivis",
                type: "character varying(1)",
                maxLength: 1,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CalculsResultats",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CalculeLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Propositions = table.Column<int>(type: "integer", nullable: false),
                    Cellules = table.Column<int>(type: "integer", nullable: false),
                    DureeMs = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalculsResultats", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CellulesResultats",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CalculId = table.Column<int>(type: "integer", nullable: false),
                    DispositifId = table.Column<int>(type: "integer", nullable: false),
                    PsadId = table.Column<int>(type: "integer", nullable: false),
                    Sexe = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: true),
                    Classe = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Diplome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Proposes = table.Column<int>(type: "integer", nullable: false),
                    Entres = table.Column<int>(type: "integer", nullable: false),
                    Faits3 = table.Column<int>(type: "integer", nullable: false),
                    Toujours3 = table.Column<int>(type: "integer", nullable: false),
                    Changes3 = table.Column<int>(type: "integer", nullable: false),
                    Faits6 = table.Column<int>(type: "integer", nullable: false),
                    Toujours6 = table.Column<int>(type: "integer", nullable: false),
                    Changes6 = table.Column<int>(type: "integer", nullable: false),
                    Faits12 = table.Column<int>(type: "integer", nullable: false),
                    Toujours12 = table.Column<int>(type: "integer", nullable: false),
                    Changes12 = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CellulesResultats", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CellulesResultats_CalculsResultats_CalculId",
                        column: x => x.CalculId,
                        principalTable: "CalculsResultats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CalculsResultats_CalculeLe",
                table: "CalculsResultats",
                column: "CalculeLe");

            migrationBuilder.CreateIndex(
                name: "IX_CellulesResultats_CalculId_DispositifId",
                table: "CellulesResultats",
                columns: new[] { "CalculId", "DispositifId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CellulesResultats");

            migrationBuilder.DropTable(
                name: "CalculsResultats");

            migrationBuilder.DropColumn(
                name: "EtablissementUai",
                table: "JeunesSuivis");

            migrationBuilder.DropColumn(
                name: "Sexe",
                table: "JeunesSuivis");
        }
    }
}
