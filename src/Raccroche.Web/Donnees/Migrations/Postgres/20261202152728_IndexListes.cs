using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Raccroche.Web.Donnees.Migrations.Postgres
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
                filter: "\"AnonymiseLe\" IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "StructureId", "ReferentId", "DateNaissance", "DateSortie", "RappelDemandeLe", "ArriveLe", "StatutDepuis", "DerniereActionLe", "CodeInsee", "Commune", "Formation", "NiveauFormation", "Ine", "NomRecherche", "Id" });
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
