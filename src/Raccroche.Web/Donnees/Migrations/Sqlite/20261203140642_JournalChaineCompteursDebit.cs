using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Raccroche.Web.Donnees.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmpreintePrecedente",
                table: "JournalAcces",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Rang",
                table: "JournalAcces",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CompteursDebit",
                columns: table => new
                {
                    Cle = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Fenetre = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Nombre = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpireLe = table.Column<DateTime>(type: "TEXT", nullable: false)
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

            // Audit lines are never updated (decision 0025); retention deletes the old ones.
            migrationBuilder.Sql("""
                CREATE TRIGGER journal_acces_sans_modification BEFORE UPDATE ON "JournalAcces"
                BEGIN
                    SELECT RAISE(ABORT, 'Les lignes du journal d''accès ne se modifient pas.');
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER journal_acces_sans_modification;");

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
