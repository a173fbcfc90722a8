using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Raccroche.Web.Donnees.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PartenairesRessources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Partenaires",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Nom = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Nature = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Presentation = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    Actions = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    Territoire = table.Column<List<string>>(type: "text[]", nullable: false),
                    SiteWeb = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Courriel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Telephone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Adresse = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    ContactNom = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ContactFonction = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    ContactCourriel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ContactTelephone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ContactConsentementLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
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
                    table.PrimaryKey("PK_Partenaires", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Partenaires_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Ressources",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Titre = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Resume = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Nature = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Editeur = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Themes = table.Column<List<string>>(type: "text[]", nullable: false),
                    Lien = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Fichier = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    FichierNom = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    FichierTaille = table.Column<long>(type: "bigint", nullable: true),
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
                    table.PrimaryKey("PK_Ressources", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Ressources_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "PartenaireDispositifs",
                columns: table => new
                {
                    DispositifsLiesId = table.Column<int>(type: "integer", nullable: false),
                    PartenaireId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartenaireDispositifs", x => new { x.DispositifsLiesId, x.PartenaireId });
                    table.ForeignKey(
                        name: "FK_PartenaireDispositifs_Dispositifs_DispositifsLiesId",
                        column: x => x.DispositifsLiesId,
                        principalTable: "Dispositifs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PartenaireDispositifs_Partenaires_PartenaireId",
                        column: x => x.PartenaireId,
                        principalTable: "Partenaires",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartenaireStructures",
                columns: table => new
                {
                    PartenaireId = table.Column<int>(type: "integer", nullable: false),
                    StructuresLieesId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartenaireStructures", x => new { x.PartenaireId, x.StructuresLieesId });
                    table.ForeignKey(
                        name: "FK_PartenaireStructures_Partenaires_PartenaireId",
                        column: x => x.PartenaireId,
                        principalTable: "Partenaires",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PartenaireStructures_Structures_StructuresLieesId",
                        column: x => x.StructuresLieesId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PartenaireDispositifs_PartenaireId",
                table: "PartenaireDispositifs",
                column: "PartenaireId");

            migrationBuilder.CreateIndex(
                name: "IX_Partenaires_Statut_ModifieeLe",
                table: "Partenaires",
                columns: new[] { "Statut", "ModifieeLe" });

            migrationBuilder.CreateIndex(
                name: "IX_Partenaires_Statut_Nom",
                table: "Partenaires",
                columns: new[] { "Statut", "Nom" });

            migrationBuilder.CreateIndex(
                name: "IX_Partenaires_StructureId",
                table: "Partenaires",
                column: "StructureId");

            migrationBuilder.CreateIndex(
                name: "IX_PartenaireStructures_StructuresLieesId",
                table: "PartenaireStructures",
                column: "StructuresLieesId");

            migrationBuilder.CreateIndex(
                name: "IX_Ressources_Statut_Date",
                table: "Ressources",
                columns: new[] { "Statut", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Ressources_Statut_ModifieeLe",
                table: "Ressources",
                columns: new[] { "Statut", "ModifieeLe" });

            migrationBuilder.CreateIndex(
                name: "IX_Ressources_StructureId",
                table: "Ressources",
                column: "StructureId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PartenaireDispositifs");

            migrationBuilder.DropTable(
                name: "PartenaireStructures");

            migrationBuilder.DropTable(
                name: "Ressources");

            migrationBuilder.DropTable(
                name: "Partenaires");
        }
    }
}
