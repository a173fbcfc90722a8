using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Raccroche.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SessionsEtDoubleFacteur : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DernierPasTotp",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EchecsConnexion",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "PauseConnexionJusquA",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SessionsPro",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
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
                name: "IX_SessionsPro_UtilisateurId",
                table: "SessionsPro",
                column: "UtilisateurId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SessionsPro");

            migrationBuilder.DropColumn(
                name: "DernierPasTotp",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "EchecsConnexion",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "PauseConnexionJusquA",
                table: "AspNetUsers");
        }
    }
}
