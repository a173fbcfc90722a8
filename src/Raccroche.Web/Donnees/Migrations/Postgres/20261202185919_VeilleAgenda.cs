using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Raccroche.Web.Donnees.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class VeilleAgenda : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Actualites",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Titre = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Resume = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    Corps = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    SourceNom = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SourceUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Themes = table.Column<List<string>>(type: "text[]", nullable: false),
                    Publics = table.Column<List<string>>(type: "text[]", nullable: false),
                    Territoire = table.Column<List<string>>(type: "text[]", nullable: false),
                    CleRecherche = table.Column<string>(type: "text", nullable: false),
                    Statut = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StructureId = table.Column<int>(type: "integer", nullable: true),
                    AuteurId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Auteur = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreeLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ModifieeLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ProposeLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublieLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecisionLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecisionPar = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Commentaire = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Actualites", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Actualites_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Evenements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Titre = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Resume = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Debut = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Fin = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    JourneeEntiere = table.Column<bool>(type: "boolean", nullable: false),
                    EnLigne = table.Column<bool>(type: "boolean", nullable: false),
                    Adresse = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CodeCommune = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    LienEnLigne = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Organisateur = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LienInscription = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Publics = table.Column<List<string>>(type: "text[]", nullable: false),
                    Themes = table.Column<List<string>>(type: "text[]", nullable: false),
                    Territoire = table.Column<List<string>>(type: "text[]", nullable: false),
                    Uid = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Statut = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StructureId = table.Column<int>(type: "integer", nullable: true),
                    AuteurId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Auteur = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreeLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ModifieeLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ProposeLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublieLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecisionLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecisionPar = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Commentaire = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Evenements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Evenements_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ActualiteDispositifs",
                columns: table => new
                {
                    ActualiteId = table.Column<int>(type: "integer", nullable: false),
                    DispositifsLiesId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActualiteDispositifs", x => new { x.ActualiteId, x.DispositifsLiesId });
                    table.ForeignKey(
                        name: "FK_ActualiteDispositifs_Actualites_ActualiteId",
                        column: x => x.ActualiteId,
                        principalTable: "Actualites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ActualiteDispositifs_Dispositifs_DispositifsLiesId",
                        column: x => x.DispositifsLiesId,
                        principalTable: "Dispositifs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ActualiteStructures",
                columns: table => new
                {
                    ActualiteId = table.Column<int>(type: "integer", nullable: false),
                    StructuresLieesId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActualiteStructures", x => new { x.ActualiteId, x.StructuresLieesId });
                    table.ForeignKey(
                        name: "FK_ActualiteStructures_Actualites_ActualiteId",
                        column: x => x.ActualiteId,
                        principalTable: "Actualites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ActualiteStructures_Structures_StructuresLieesId",
                        column: x => x.StructuresLieesId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActualiteDispositifs_DispositifsLiesId",
                table: "ActualiteDispositifs",
                column: "DispositifsLiesId");

            migrationBuilder.CreateIndex(
                name: "IX_Actualites_Statut_Date",
                table: "Actualites",
                columns: new[] { "Statut", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Actualites_Statut_ModifieeLe",
                table: "Actualites",
                columns: new[] { "Statut", "ModifieeLe" });

            migrationBuilder.CreateIndex(
                name: "IX_Actualites_StructureId",
                table: "Actualites",
                column: "StructureId");

            migrationBuilder.CreateIndex(
                name: "IX_ActualiteStructures_StructuresLieesId",
                table: "ActualiteStructures",
                column: "StructuresLieesId");

            migrationBuilder.CreateIndex(
                name: "IX_Evenements_Statut_Fin",
                table: "Evenements",
                columns: new[] { "Statut", "Fin" });

            migrationBuilder.CreateIndex(
                name: "IX_Evenements_Statut_ModifieeLe",
                table: "Evenements",
                columns: new[] { "Statut", "ModifieeLe" });

            migrationBuilder.CreateIndex(
                name: "IX_Evenements_StructureId",
                table: "Evenements",
                column: "StructureId");

            migrationBuilder.CreateIndex(
                name: "IX_Evenements_Uid",
                table: "Evenements",
                column: "Uid",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActualiteDispositifs");

            migrationBuilder.DropTable(
                name: "ActualiteStructures");

            migrationBuilder.DropTable(
                name: "Evenements");

            migrationBuilder.DropTable(
                name: "Actualites");
        }
    }
}
