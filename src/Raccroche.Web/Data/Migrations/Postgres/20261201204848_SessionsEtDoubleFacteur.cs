using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Raccroche.Web.Data.Migrations.Postgres
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
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EchecsConnexion",
                table: "AspNetUsers",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "PauseConnexionJusquA",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SessionsPro",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UtilisateurId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    OuverteLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    VueLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FermeeLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
