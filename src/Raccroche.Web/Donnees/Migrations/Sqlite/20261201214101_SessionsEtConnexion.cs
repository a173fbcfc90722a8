using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Raccroche.Web.Donnees.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SessionsEtConnexion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EtatsConnexion",
                columns: table => new
                {
                    UtilisateurId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Echecs = table.Column<int>(type: "INTEGER", nullable: false),
                    PauseJusquA = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DernierPasTotp = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EtatsConnexion", x => x.UtilisateurId);
                    table.ForeignKey(
                        name: "FK_EtatsConnexion_AspNetUsers_UtilisateurId",
                        column: x => x.UtilisateurId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SessionsPro",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EmpreinteTampon = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UtilisateurId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    OuverteLe = table.Column<DateTime>(type: "TEXT", nullable: false),
                    VueLe = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FermeeLe = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionsPro", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SessionsPro_AspNetUsers_UtilisateurId",
                        column: x => x.UtilisateurId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SessionsPro_OuverteLe",
                table: "SessionsPro",
                column: "OuverteLe");

            migrationBuilder.CreateIndex(
                name: "IX_SessionsPro_UtilisateurId",
                table: "SessionsPro",
                column: "UtilisateurId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EtatsConnexion");

            migrationBuilder.DropTable(
                name: "SessionsPro");
        }
    }
}
