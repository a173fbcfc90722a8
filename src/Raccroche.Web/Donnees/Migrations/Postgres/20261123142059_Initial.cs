using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Raccroche.Web.Donnees.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Communes",
                columns: table => new
                {
                    CodeInsee = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Nom = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CodesPostaux = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Departement = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Region = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Epci = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    Population = table.Column<int>(type: "integer", nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: false),
                    Longitude = table.Column<double>(type: "double precision", nullable: false),
                    PositionEstimee = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Communes", x => x.CodeInsee);
                });

            migrationBuilder.CreateTable(
                name: "Structures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Slug = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Nom = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ReseauPorteur = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    Siret = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: true),
                    SiteWeb = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Courriel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Telephone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ZoneType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ZoneCodes = table.Column<List<string>>(type: "text[]", nullable: false),
                    DateMaj = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Structures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Dispositifs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Slug = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Nom = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Resume = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Entrees = table.Column<List<string>>(type: "text[]", nullable: false),
                    Thematiques = table.Column<List<string>>(type: "text[]", nullable: false),
                    TypeService = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Publics = table.Column<List<string>>(type: "text[]", nullable: false),
                    AgeMin = table.Column<int>(type: "integer", nullable: true),
                    AgeMax = table.Column<int>(type: "integer", nullable: true),
                    Niveaux = table.Column<List<string>>(type: "text[]", nullable: false),
                    Situations = table.Column<List<string>>(type: "text[]", nullable: false),
                    ConditionsAcces = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DureeSemaines = table.Column<int>(type: "integer", nullable: true),
                    HeuresHebdo = table.Column<int>(type: "integer", nullable: true),
                    Internat = table.Column<bool>(type: "boolean", nullable: true),
                    Remunere = table.Column<bool>(type: "boolean", nullable: true),
                    RemunerationDetail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Frais = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    EntreePermanente = table.Column<bool>(type: "boolean", nullable: true),
                    Capacite = table.Column<int>(type: "integer", nullable: true),
                    ModesMobilisation = table.Column<List<string>>(type: "text[]", nullable: false),
                    PersonnesMobilisatrices = table.Column<List<string>>(type: "text[]", nullable: false),
                    PrescriptionProfessionnel = table.Column<bool>(type: "boolean", nullable: false),
                    LienMobilisation = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ZoneType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ZoneCodes = table.Column<List<string>>(type: "text[]", nullable: false),
                    StructureId = table.Column<int>(type: "integer", nullable: false),
                    DateMaj = table.Column<DateOnly>(type: "date", nullable: false),
                    Source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Suspendu = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Dispositifs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Dispositifs_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Lieux",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Slug = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    StructureId = table.Column<int>(type: "integer", nullable: false),
                    Nom = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Adresse = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CodePostal = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    CodeInsee = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: false),
                    Longitude = table.Column<double>(type: "double precision", nullable: false),
                    PositionApprochee = table.Column<bool>(type: "boolean", nullable: false),
                    Horaires = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AccessiblePmr = table.Column<bool>(type: "boolean", nullable: true),
                    Telephone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Courriel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Lieux", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Lieux_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DispositifLieux",
                columns: table => new
                {
                    DispositifsId = table.Column<int>(type: "integer", nullable: false),
                    LieuxId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DispositifLieux", x => new { x.DispositifsId, x.LieuxId });
                    table.ForeignKey(
                        name: "FK_DispositifLieux_Dispositifs_DispositifsId",
                        column: x => x.DispositifsId,
                        principalTable: "Dispositifs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DispositifLieux_Lieux_LieuxId",
                        column: x => x.LieuxId,
                        principalTable: "Lieux",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Communes_Departement",
                table: "Communes",
                column: "Departement");

            migrationBuilder.CreateIndex(
                name: "IX_DispositifLieux_LieuxId",
                table: "DispositifLieux",
                column: "LieuxId");

            migrationBuilder.CreateIndex(
                name: "IX_Dispositifs_Slug",
                table: "Dispositifs",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Dispositifs_StructureId",
                table: "Dispositifs",
                column: "StructureId");

            migrationBuilder.CreateIndex(
                name: "IX_Lieux_CodeInsee",
                table: "Lieux",
                column: "CodeInsee");

            migrationBuilder.CreateIndex(
                name: "IX_Lieux_Slug",
                table: "Lieux",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Lieux_StructureId",
                table: "Lieux",
                column: "StructureId");

            migrationBuilder.CreateIndex(
                name: "IX_Structures_Slug",
                table: "Structures",
                column: "Slug",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Communes");

            migrationBuilder.DropTable(
                name: "DispositifLieux");

            migrationBuilder.DropTable(
                name: "Dispositifs");

            migrationBuilder.DropTable(
                name: "Lieux");

            migrationBuilder.DropTable(
                name: "Structures");
        }
    }
}
