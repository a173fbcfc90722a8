using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Raccroche.Web.Donnees.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DossiersSuivi : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ArbitreeLe",
                table: "SituationsSiei",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ArbitreePar",
                table: "SituationsSiei",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Reglages_DelaiEntretienJours",
                table: "Psads",
                type: "integer",
                nullable: false,
                defaultValue: 21);

            migrationBuilder.AddColumn<int>(
                name: "Reglages_DelaiPremiereTentativeJours",
                table: "Psads",
                type: "integer",
                nullable: false,
                defaultValue: 15);

            migrationBuilder.AddColumn<int>(
                name: "Reglages_DelaiSolutionJours",
                table: "Psads",
                type: "integer",
                nullable: false,
                defaultValue: 45);

            migrationBuilder.AddColumn<int>(
                name: "Reglages_InjoignableCanaux",
                table: "Psads",
                type: "integer",
                nullable: false,
                defaultValue: 2);

            migrationBuilder.AddColumn<int>(
                name: "Reglages_InjoignableJours",
                table: "Psads",
                type: "integer",
                nullable: false,
                defaultValue: 10);

            migrationBuilder.AddColumn<int>(
                name: "Reglages_InjoignableTentatives",
                table: "Psads",
                type: "integer",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.AddColumn<int>(
                name: "Reglages_SansNouvellesJours",
                table: "Psads",
                type: "integer",
                nullable: false,
                defaultValue: 30);

            migrationBuilder.AddColumn<DateTime>(
                name: "AnonymiseLe",
                table: "JeunesSuivis",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ArriveLe",
                table: "JeunesSuivis",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<DateTime>(
                name: "ClotureLe",
                table: "JeunesSuivis",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DateSortie",
                table: "JeunesSuivis",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DerniereActionLe",
                table: "JeunesSuivis",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MotifAnnulation",
                table: "JeunesSuivis",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MotifCloture",
                table: "JeunesSuivis",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "NombreTentatives",
                table: "JeunesSuivis",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "PrecisionCloture",
                table: "JeunesSuivis",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReferentId",
                table: "JeunesSuivis",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Statut",
                table: "JeunesSuivis",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "a-attribuer");

            migrationBuilder.AddColumn<DateTime>(
                name: "StatutDepuis",
                table: "JeunesSuivis",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<int>(
                name: "StructureId",
                table: "JeunesSuivis",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "JeunesSuivis",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Files that existed before the follow-up: they arrived when they were created.
            migrationBuilder.Sql("UPDATE \"JeunesSuivis\" SET \"ArriveLe\" = \"CreeLe\", \"StatutDepuis\" = \"CreeLe\";");

            migrationBuilder.CreateTable(
                name: "DepotsSiei",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PsadId = table.Column<int>(type: "integer", nullable: false),
                    UtilisateurId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    NomFichier = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Mois = table.Column<DateOnly>(type: "date", nullable: true),
                    Contenu = table.Column<byte[]>(type: "bytea", nullable: false),
                    DeposeLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DepotsSiei", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DepotsSiei_AspNetUsers_UtilisateurId",
                        column: x => x.UtilisateurId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DepotsSiei_Psads_PsadId",
                        column: x => x.PsadId,
                        principalTable: "Psads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvenementsDossier",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    JeuneSuiviId = table.Column<int>(type: "integer", nullable: false),
                    Quand = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Nature = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Auteur = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Detail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvenementsDossier", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvenementsDossier_JeunesSuivis_JeuneSuiviId",
                        column: x => x.JeuneSuiviId,
                        principalTable: "JeunesSuivis",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HabilitationsSuivi",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UtilisateurId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    PsadId = table.Column<int>(type: "integer", nullable: false),
                    Role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PeutExporter = table.Column<bool>(type: "boolean", nullable: false),
                    AccordeeLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AccordeePar = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HabilitationsSuivi", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HabilitationsSuivi_AspNetUsers_UtilisateurId",
                        column: x => x.UtilisateurId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HabilitationsSuivi_Psads_PsadId",
                        column: x => x.PsadId,
                        principalTable: "Psads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SuivisDeclares",
                columns: table => new
                {
                    UtilisateurId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    JeuneSuiviId = table.Column<int>(type: "integer", nullable: false),
                    DeclareLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SuivisDeclares", x => new { x.UtilisateurId, x.JeuneSuiviId });
                    table.ForeignKey(
                        name: "FK_SuivisDeclares_AspNetUsers_UtilisateurId",
                        column: x => x.UtilisateurId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SuivisDeclares_JeunesSuivis_JeuneSuiviId",
                        column: x => x.JeuneSuiviId,
                        principalTable: "JeunesSuivis",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TentativesContact",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    JeuneSuiviId = table.Column<int>(type: "integer", nullable: false),
                    Quand = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Canal = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Destinataire = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Issue = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Auteur = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TentativesContact", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TentativesContact_JeunesSuivis_JeuneSuiviId",
                        column: x => x.JeuneSuiviId,
                        principalTable: "JeunesSuivis",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_JeunesSuivis_PsadId_Statut_StatutDepuis",
                table: "JeunesSuivis",
                columns: new[] { "PsadId", "Statut", "StatutDepuis" });

            migrationBuilder.CreateIndex(
                name: "IX_JeunesSuivis_PsadId_StructureId_Statut",
                table: "JeunesSuivis",
                columns: new[] { "PsadId", "StructureId", "Statut" });

            migrationBuilder.CreateIndex(
                name: "IX_JeunesSuivis_StructureId",
                table: "JeunesSuivis",
                column: "StructureId");

            migrationBuilder.CreateIndex(
                name: "IX_DepotsSiei_DeposeLe",
                table: "DepotsSiei",
                column: "DeposeLe");

            migrationBuilder.CreateIndex(
                name: "IX_DepotsSiei_PsadId",
                table: "DepotsSiei",
                column: "PsadId");

            migrationBuilder.CreateIndex(
                name: "IX_DepotsSiei_UtilisateurId",
                table: "DepotsSiei",
                column: "UtilisateurId");

            migrationBuilder.CreateIndex(
                name: "IX_EvenementsDossier_JeuneSuiviId_Quand",
                table: "EvenementsDossier",
                columns: new[] { "JeuneSuiviId", "Quand" });

            migrationBuilder.CreateIndex(
                name: "IX_HabilitationsSuivi_PsadId_Role",
                table: "HabilitationsSuivi",
                columns: new[] { "PsadId", "Role" });

            migrationBuilder.CreateIndex(
                name: "IX_HabilitationsSuivi_UtilisateurId_PsadId_Role",
                table: "HabilitationsSuivi",
                columns: new[] { "UtilisateurId", "PsadId", "Role" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SuivisDeclares_JeuneSuiviId",
                table: "SuivisDeclares",
                column: "JeuneSuiviId");

            migrationBuilder.CreateIndex(
                name: "IX_TentativesContact_JeuneSuiviId_Quand",
                table: "TentativesContact",
                columns: new[] { "JeuneSuiviId", "Quand" });

            migrationBuilder.AddForeignKey(
                name: "FK_JeunesSuivis_Structures_StructureId",
                table: "JeunesSuivis",
                column: "StructureId",
                principalTable: "Structures",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_JeunesSuivis_Structures_StructureId",
                table: "JeunesSuivis");

            migrationBuilder.DropTable(
                name: "DepotsSiei");

            migrationBuilder.DropTable(
                name: "EvenementsDossier");

            migrationBuilder.DropTable(
                name: "HabilitationsSuivi");

            migrationBuilder.DropTable(
                name: "SuivisDeclares");

            migrationBuilder.DropTable(
                name: "TentativesContact");

            migrationBuilder.DropIndex(
                name: "IX_JeunesSuivis_PsadId_Statut_StatutDepuis",
                table: "JeunesSuivis");

            migrationBuilder.DropIndex(
                name: "IX_JeunesSuivis_PsadId_StructureId_Statut",
                table: "JeunesSuivis");

            migrationBuilder.DropIndex(
                name: "IX_JeunesSuivis_StructureId",
                table: "JeunesSuivis");

            migrationBuilder.DropColumn(
                name: "ArbitreeLe",
                table: "SituationsSiei");

            migrationBuilder.DropColumn(
                name: "ArbitreePar",
                table: "SituationsSiei");

            migrationBuilder.DropColumn(
                name: "Reglages_DelaiEntretienJours",
                table: "Psads");

            migrationBuilder.DropColumn(
                name: "Reglages_DelaiPremiereTentativeJours",
                table: "Psads");

            migrationBuilder.DropColumn(
                name: "Reglages_DelaiSolutionJours",
                table: "Psads");

            migrationBuilder.DropColumn(
                name: "Reglages_InjoignableCanaux",
                table: "Psads");

            migrationBuilder.DropColumn(
                name: "Reglages_InjoignableJours",
                table: "Psads");

            migrationBuilder.DropColumn(
                name: "Reglages_InjoignableTentatives",
                table: "Psads");

            migrationBuilder.DropColumn(
                name: "Reglages_SansNouvellesJours",
                table: "Psads");

            migrationBuilder.DropColumn(
                name: "AnonymiseLe",
                table: "JeunesSuivis");

            migrationBuilder.DropColumn(
                name: "ArriveLe",
                table: "JeunesSuivis");

            migrationBuilder.DropColumn(
                name: "ClotureLe",
                table: "JeunesSuivis");

            migrationBuilder.DropColumn(
                name: "DateSortie",
                table: "JeunesSuivis");

            migrationBuilder.DropColumn(
                name: "DerniereActionLe",
                table: "JeunesSuivis");

            migrationBuilder.DropColumn(
                name: "MotifAnnulation",
                table: "JeunesSuivis");

            migrationBuilder.DropColumn(
                name: "MotifCloture",
                table: "JeunesSuivis");

            migrationBuilder.DropColumn(
                name: "NombreTentatives",
                table: "JeunesSuivis");

            migrationBuilder.DropColumn(
                name: "PrecisionCloture",
                table: "JeunesSuivis");

            migrationBuilder.DropColumn(
                name: "ReferentId",
                table: "JeunesSuivis");

            migrationBuilder.DropColumn(
                name: "Statut",
                table: "JeunesSuivis");

            migrationBuilder.DropColumn(
                name: "StatutDepuis",
                table: "JeunesSuivis");

            migrationBuilder.DropColumn(
                name: "StructureId",
                table: "JeunesSuivis");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "JeunesSuivis");
        }
    }
}
