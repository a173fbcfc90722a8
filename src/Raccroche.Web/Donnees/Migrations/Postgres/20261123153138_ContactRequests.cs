using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Raccroche.Web.Donnees.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Reference = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    CreeLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Prenom = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Telephone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Courriel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Creneau = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ConsentementLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StructureId = table.Column<int>(type: "integer", nullable: false),
                    DispositifId = table.Column<int>(type: "integer", nullable: true),
                    Reponses = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Statut = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ClotureLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Destinataire = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Sujet = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Corps = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    CreeLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Tentatives = table.Column<int>(type: "integer", nullable: false),
                    ProchaineTentative = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EnvoyeLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DerniereErreur = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
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
