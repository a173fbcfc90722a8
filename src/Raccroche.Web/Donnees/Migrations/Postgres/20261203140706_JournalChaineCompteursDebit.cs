using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Raccroche.Web.Donnees.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class JournalChaineCompteursDebit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Empreinte",
                table: "JournalAcces",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmpreintePrecedente",
                table: "JournalAcces",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Rang",
                table: "JournalAcces",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CompteursDebit",
                columns: table => new
                {
                    Cle = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Fenetre = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Nombre = table.Column<int>(type: "integer", nullable: false),
                    ExpireLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompteursDebit", x => new { x.Cle, x.Fenetre });
                });

            migrationBuilder.CreateIndex(
                name: "IX_JournalAcces_Rang",
                table: "JournalAcces",
                column: "Rang",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CompteursDebit_ExpireLe",
                table: "CompteursDebit",
                column: "ExpireLe");

            // Audit lines are never updated, not even by the owner through a forgotten code path (decision 0025); the
            // app's role is refused DELETE and TRUNCATE by its grants (DroitsJournal), the purge role deletes.
            migrationBuilder.Sql("""
                CREATE FUNCTION journal_acces_inalterable() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'Les lignes du journal d''accès ne se modifient pas.' USING ERRCODE = 'insufficient_privilege';
                END $$;
                CREATE TRIGGER journal_acces_sans_modification BEFORE UPDATE ON "JournalAcces"
                    FOR EACH ROW EXECUTE FUNCTION journal_acces_inalterable();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER journal_acces_sans_modification ON "JournalAcces";
                DROP FUNCTION journal_acces_inalterable();
                """);

            migrationBuilder.DropTable(
                name: "CompteursDebit");

            migrationBuilder.DropIndex(
                name: "IX_JournalAcces_Rang",
                table: "JournalAcces");

            migrationBuilder.DropColumn(
                name: "Empreinte",
                table: "JournalAcces");

            migrationBuilder.DropColumn(
                name: "EmpreintePrecedente",
                table: "JournalAcces");

            migrationBuilder.DropColumn(
                name: "Rang",
                table: "JournalAcces");
        }
    }
}
