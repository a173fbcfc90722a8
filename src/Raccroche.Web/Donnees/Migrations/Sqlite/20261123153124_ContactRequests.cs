using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Raccroche.Web.Donnees.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ContactRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DemandesContact",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    CreeLe = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Prenom = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Telephone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Courriel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Creneau = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ConsentementLe = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StructureId = table.Column<int>(type: "INTEGER", nullable: false),
                    DispositifId = table.Column<int>(type: "INTEGER", nullable: true),
                    Reponses = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Statut = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ClotureLe = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DemandesContact", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DemandesContact_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MessagesSortants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Destinataire = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Sujet = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Corps = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    CreeLe = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Tentatives = table.Column<int>(type: "INTEGER", nullable: false),
                    ProchaineTentative = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EnvoyeLe = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DerniereErreur = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessagesSortants", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DemandesContact_Reference",
                table: "DemandesContact",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DemandesContact_StructureId_CreeLe",
                table: "DemandesContact",
                columns: new[] { "StructureId", "CreeLe" });

            migrationBuilder.CreateIndex(
                name: "IX_MessagesSortants_EnvoyeLe_ProchaineTentative",
                table: "MessagesSortants",
                columns: new[] { "EnvoyeLe", "ProchaineTentative" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DemandesContact");

            migrationBuilder.DropTable(
                name: "MessagesSortants");
        }
    }
}
