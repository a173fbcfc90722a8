using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Raccroche.Web.Donnees.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Jour = table.Column<DateOnly>(type: "date", nullable: false),
                    Departement = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    TrancheAge = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Situation = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Souhait = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Nombre = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatistiquesDiagnostic", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StatistiquesDiagnostic_Jour_Departement_TrancheAge_Situatio~",
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
