using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Raccroche.Web.Donnees.Migrations.Postgres
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
                    Cle = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Titulaire = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Expiration = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Passations = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BauxTaches", x => x.Cle);
                });

            migrationBuilder.CreateTable(
                name: "VersionCatalogue",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Numero = table.Column<long>(type: "bigint", nullable: false),
                    NumeroCommunes = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VersionCatalogue", x => x.Id);
                });

            // Every statement that writes the catalogue moves the version in its own transaction and notifies the
            // instances at its commit (decision 0024). Statement-level: a bulk update or a COPY moves it once.
            migrationBuilder.Sql("""
                INSERT INTO "VersionCatalogue" ("Id", "Numero", "NumeroCommunes") VALUES (1, 1, 1);

                CREATE FUNCTION raccroche_catalogue_modifie() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "VersionCatalogue" ("Id", "Numero", "NumeroCommunes")
                    VALUES (1, 1, CASE WHEN TG_TABLE_NAME = 'Communes' THEN 1 ELSE 0 END)
                    ON CONFLICT ("Id") DO UPDATE SET
                        "Numero" = "VersionCatalogue"."Numero" + 1,
                        "NumeroCommunes" = "VersionCatalogue"."NumeroCommunes" + CASE WHEN TG_TABLE_NAME = 'Communes' THEN 1 ELSE 0 END;
                    PERFORM pg_notify('raccroche_catalogue', '');
                    RETURN NULL;
                END
                $$;
                """);
            foreach (var table in TablesCatalogue)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_version_catalogue" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{table}"
                    FOR EACH STATEMENT EXECUTE FUNCTION raccroche_catalogue_modifie();
                    """);
            }
        }

        /// <summary>Frozen here (not read from the code): a migration keeps saying what it did.</summary>
        private static readonly string[] TablesCatalogue = ["Dispositifs", "Structures", "Lieux", "DispositifLieux", "Communes"];

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in TablesCatalogue)
            {
                migrationBuilder.Sql($"""DROP TRIGGER "{table}_version_catalogue" ON "{table}";""");
            }

            migrationBuilder.Sql("DROP FUNCTION raccroche_catalogue_modifie();");

            migrationBuilder.DropTable(
                name: "BauxTaches");

            migrationBuilder.DropTable(
                name: "VersionCatalogue");
        }
    }
}
