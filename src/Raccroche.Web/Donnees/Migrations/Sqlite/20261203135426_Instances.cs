using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Raccroche.Web.Donnees.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Instances : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BauxTaches",
                columns: table => new
                {
                    Cle = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Titulaire = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Expiration = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Passations = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BauxTaches", x => x.Cle);
                });

            migrationBuilder.CreateTable(
                name: "VersionCatalogue",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Numero = table.Column<long>(type: "INTEGER", nullable: false),
                    NumeroCommunes = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VersionCatalogue", x => x.Id);
                });

            // Every row written to the catalogue moves the version in its own transaction (decision 0024). SQLite has
            // row-level triggers only: a statement writing n rows moves it by n, which changes nothing for the watch.
            migrationBuilder.Sql("""INSERT INTO "VersionCatalogue" ("Id", "Numero", "NumeroCommunes") VALUES (1, 1, 1);""");
            foreach (var table in TablesCatalogue)
            {
                var communes = table == "Communes" ? 1 : 0;
                foreach (var operation in new[] { "INSERT", "UPDATE", "DELETE" })
                {
                    migrationBuilder.Sql($"""
                        CREATE TRIGGER "{table}_version_catalogue_{operation.ToLowerInvariant()}" AFTER {operation} ON "{table}"
                        BEGIN
                            INSERT INTO "VersionCatalogue" ("Id", "Numero", "NumeroCommunes") VALUES (1, 1, {communes})
                            ON CONFLICT ("Id") DO UPDATE SET "Numero" = "Numero" + 1, "NumeroCommunes" = "NumeroCommunes" + {communes};
                        END;
                        """);
                }
            }
        }

        /// <summary>Frozen here (not read from the code): a migration keeps saying what it did.</summary>
        private static readonly string[] TablesCatalogue = ["Dispositifs", "Structures", "Lieux", "DispositifLieux", "Communes"];

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in TablesCatalogue)
            {
                foreach (var operation in new[] { "insert", "update", "delete" })
                {
                    migrationBuilder.Sql($"""DROP TRIGGER "{table}_version_catalogue_{operation}";""");
                }
            }

            migrationBuilder.DropTable(
                name: "BauxTaches");

            migrationBuilder.DropTable(
                name: "VersionCatalogue");
        }
    }
}
