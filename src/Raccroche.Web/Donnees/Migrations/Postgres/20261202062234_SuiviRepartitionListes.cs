using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Raccroche.Web.Donnees.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SuiviRepartitionListes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Formation",
                table: "JeunesSuivis",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NiveauFormation",
                table: "JeunesSuivis",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NomRecherche",
                table: "JeunesSuivis",
                type: "character varying(310)",
                maxLength: 310,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RappelDemandeLe",
                table: "JeunesSuivis",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Correspondance",
                table: "DepotsSiei",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CorrespondancesColonnes",
                columns: table => new
                {
                    PsadId = table.Column<int>(type: "integer", nullable: false),
                    Entete = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Champ = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ModifieeLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ModifieePar = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CorrespondancesColonnes", x => new { x.PsadId, x.Entete });
                    table.ForeignKey(
                        name: "FK_CorrespondancesColonnes_Psads_PsadId",
                        column: x => x.PsadId,
                        principalTable: "Psads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PrisesEnCharge",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    JeuneSuiviId = table.Column<int>(type: "integer", nullable: false),
                    Nature = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Organisme = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    Source = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Depuis = table.Column<DateOnly>(type: "date", nullable: true),
                    SolutionId = table.Column<long>(type: "bigint", nullable: true),
                    EnregistreeLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Auteur = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PrisesEnCharge", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PrisesEnCharge_JeunesSuivis_JeuneSuiviId",
                        column: x => x.JeuneSuiviId,
                        principalTable: "JeunesSuivis",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PrisesEnCharge_SolutionsSuivi_SolutionId",
                        column: x => x.SolutionId,
                        principalTable: "SolutionsSuivi",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ReglesRepartition",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PsadId = table.Column<int>(type: "integer", nullable: false),
                    Ordre = table.Column<int>(type: "integer", nullable: false),
                    Critere = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Codes = table.Column<List<string>>(type: "text[]", nullable: false),
                    StructureId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReglesRepartition", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReglesRepartition_Psads_PsadId",
                        column: x => x.PsadId,
                        principalTable: "Psads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReglesRepartition_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TransfertsSuivi",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    JeuneSuiviId = table.Column<int>(type: "integer", nullable: false),
                    PsadSourceId = table.Column<int>(type: "integer", nullable: false),
                    PsadCibleId = table.Column<int>(type: "integer", nullable: false),
                    DemandeLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DemandePar = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Motif = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Statut = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ReponduLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReponduPar = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    MotifRefus = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    DossierCibleId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TransfertsSuivi", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TransfertsSuivi_JeunesSuivis_DossierCibleId",
                        column: x => x.DossierCibleId,
                        principalTable: "JeunesSuivis",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_TransfertsSuivi_JeunesSuivis_JeuneSuiviId",
                        column: x => x.JeuneSuiviId,
                        principalTable: "JeunesSuivis",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TransfertsSuivi_Psads_PsadCibleId",
                        column: x => x.PsadCibleId,
                        principalTable: "Psads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TransfertsSuivi_Psads_PsadSourceId",
                        column: x => x.PsadSourceId,
                        principalTable: "Psads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_JeunesSuivis_PsadId_ArriveLe",
                table: "JeunesSuivis",
                columns: new[] { "PsadId", "ArriveLe" });

            migrationBuilder.CreateIndex(
                name: "IX_JeunesSuivis_PsadId_NomRecherche",
                table: "JeunesSuivis",
                columns: new[] { "PsadId", "NomRecherche" });

            migrationBuilder.CreateIndex(
                name: "IX_PrisesEnCharge_JeuneSuiviId",
                table: "PrisesEnCharge",
                column: "JeuneSuiviId");

            migrationBuilder.CreateIndex(
                name: "IX_PrisesEnCharge_SolutionId",
                table: "PrisesEnCharge",
                column: "SolutionId");

            migrationBuilder.CreateIndex(
                name: "IX_ReglesRepartition_PsadId_Ordre",
                table: "ReglesRepartition",
                columns: new[] { "PsadId", "Ordre" });

            migrationBuilder.CreateIndex(
                name: "IX_ReglesRepartition_StructureId",
                table: "ReglesRepartition",
                column: "StructureId");

            migrationBuilder.CreateIndex(
                name: "IX_TransfertsSuivi_DossierCibleId",
                table: "TransfertsSuivi",
                column: "DossierCibleId");

            migrationBuilder.CreateIndex(
                name: "IX_TransfertsSuivi_JeuneSuiviId",
                table: "TransfertsSuivi",
                column: "JeuneSuiviId");

            migrationBuilder.CreateIndex(
                name: "IX_TransfertsSuivi_PsadCibleId_Statut",
                table: "TransfertsSuivi",
                columns: new[] { "PsadCibleId", "Statut" });

            migrationBuilder.CreateIndex(
                name: "IX_TransfertsSuivi_PsadSourceId_Statut",
                table: "TransfertsSuivi",
                columns: new[] { "PsadSourceId", "Statut" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CorrespondancesColonnes");

            migrationBuilder.DropTable(
                name: "PrisesEnCharge");

            migrationBuilder.DropTable(
                name: "ReglesRepartition");

            migrationBuilder.DropTable(
                name: "TransfertsSuivi");

            migrationBuilder.DropIndex(
                name: "IX_JeunesSuivis_PsadId_ArriveLe",
                table: "JeunesSuivis");

            migrationBuilder.DropIndex(
                name: "IX_JeunesSuivis_PsadId_NomRecherche",
                table: "JeunesSuivis");

            migrationBuilder.DropColumn(
                name: "Formation",
                table: "JeunesSuivis");

            migrationBuilder.DropColumn(
                name: "NiveauFormation",
                table: "JeunesSuivis");

            migrationBuilder.DropColumn(
                name: "NomRecherche",
                table: "JeunesSuivis");

            migrationBuilder.DropColumn(
                name: "RappelDemandeLe",
                table: "JeunesSuivis");

            migrationBuilder.DropColumn(
                name: "Correspondance",
                table: "DepotsSiei");
        }
    }
}
