using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Raccroche.Web.Donnees.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IndexListes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_JeunesSuivis_Listes",
                table: "JeunesSuivis",
                columns: new[] { "PsadId", "Statut", "NombreTentatives" },
                filter: "\"AnonymiseLe\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_JeunesSuivis_Listes",
                table: "JeunesSuivis");
        }
    }
}
