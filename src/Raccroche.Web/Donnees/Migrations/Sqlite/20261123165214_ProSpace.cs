using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Raccroche.Web.Donnees.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProSpace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Age",
                table: "DemandesContact",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AnonymiseeLe",
                table: "DemandesContact",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DernierMouvementLe",
                table: "DemandesContact",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "Emetteur",
                table: "DemandesContact",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmetteurId",
                table: "DemandesContact",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MotifSansSuite",
                table: "DemandesContact",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Origine",
                table: "DemandesContact",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "PremierContactLe",
                table: "DemandesContact",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RelanceLe",
                table: "DemandesContact",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Situation",
                table: "DemandesContact",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StructureOrigineId",
                table: "DemandesContact",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SuiteId",
                table: "DemandesContact",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    NomAffiche = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    StructureId = table.Column<int>(type: "INTEGER", nullable: true),
                    Territoire = table.Column<string>(type: "TEXT", nullable: false),
                    CreeLe = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Invitations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Courriel = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    StructureId = table.Column<int>(type: "INTEGER", nullable: true),
                    Territoire = table.Column<string>(type: "TEXT", nullable: false),
                    JetonHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreeLe = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpireLe = table.Column<DateTime>(type: "TEXT", nullable: false),
                    InviteParId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AccepteeLe = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Invitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Invitations_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JournalAcces",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Le = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UtilisateurId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Utilisateur = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Ressource = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RessourceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Adresse = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JournalAcces", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RevisionsFiche",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CibleId = table.Column<int>(type: "INTEGER", nullable: true),
                    StructureId = table.Column<int>(type: "INTEGER", nullable: false),
                    Statut = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Contenu = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Avant = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    AuteurId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Auteur = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreeLe = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModifieeLe = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SoumiseLe = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecisionLe = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecisionPar = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Commentaire = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevisionsFiche", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RevisionsFiche_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SuivisDemande",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DemandeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Le = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Statut = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AuteurId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Auteur = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SuivisDemande", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SuivisDemande_DemandesContact_DemandeId",
                        column: x => x.DemandeId,
                        principalTable: "DemandesContact",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DemandesContact_ClotureLe",
                table: "DemandesContact",
                column: "ClotureLe");

            migrationBuilder.CreateIndex(
                name: "IX_DemandesContact_StructureOrigineId_CreeLe",
                table: "DemandesContact",
                columns: new[] { "StructureOrigineId", "CreeLe" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_StructureId",
                table: "AspNetUsers",
                column: "StructureId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_ExpireLe",
                table: "Invitations",
                column: "ExpireLe");

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_JetonHash",
                table: "Invitations",
                column: "JetonHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_StructureId",
                table: "Invitations",
                column: "StructureId");

            migrationBuilder.CreateIndex(
                name: "IX_JournalAcces_Le",
                table: "JournalAcces",
                column: "Le");

            migrationBuilder.CreateIndex(
                name: "IX_JournalAcces_Ressource_RessourceId",
                table: "JournalAcces",
                columns: new[] { "Ressource", "RessourceId" });

            migrationBuilder.CreateIndex(
                name: "IX_JournalAcces_UtilisateurId",
                table: "JournalAcces",
                column: "UtilisateurId");

            migrationBuilder.CreateIndex(
                name: "IX_RevisionsFiche_StructureId_Statut",
                table: "RevisionsFiche",
                columns: new[] { "StructureId", "Statut" });

            migrationBuilder.CreateIndex(
                name: "IX_RevisionsFiche_Type_CibleId",
                table: "RevisionsFiche",
                columns: new[] { "Type", "CibleId" });

            migrationBuilder.CreateIndex(
                name: "IX_SuivisDemande_DemandeId_Le",
                table: "SuivisDemande",
                columns: new[] { "DemandeId", "Le" });

            migrationBuilder.AddForeignKey(
                name: "FK_DemandesContact_Structures_StructureOrigineId",
                table: "DemandesContact",
                column: "StructureOrigineId",
                principalTable: "Structures",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_DemandesContact_Structures_StructureOrigineId",
                table: "DemandesContact");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "Invitations");

            migrationBuilder.DropTable(
                name: "JournalAcces");

            migrationBuilder.DropTable(
                name: "RevisionsFiche");

            migrationBuilder.DropTable(
                name: "SuivisDemande");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "IX_DemandesContact_ClotureLe",
                table: "DemandesContact");

            migrationBuilder.DropIndex(
                name: "IX_DemandesContact_StructureOrigineId_CreeLe",
                table: "DemandesContact");

            migrationBuilder.DropColumn(
                name: "Age",
                table: "DemandesContact");

            migrationBuilder.DropColumn(
                name: "AnonymiseeLe",
                table: "DemandesContact");

            migrationBuilder.DropColumn(
                name: "DernierMouvementLe",
                table: "DemandesContact");

            migrationBuilder.DropColumn(
                name: "Emetteur",
                table: "DemandesContact");

            migrationBuilder.DropColumn(
                name: "EmetteurId",
                table: "DemandesContact");

            migrationBuilder.DropColumn(
                name: "MotifSansSuite",
                table: "DemandesContact");

            migrationBuilder.DropColumn(
                name: "Origine",
                table: "DemandesContact");

            migrationBuilder.DropColumn(
                name: "PremierContactLe",
                table: "DemandesContact");

            migrationBuilder.DropColumn(
                name: "RelanceLe",
                table: "DemandesContact");

            migrationBuilder.DropColumn(
                name: "Situation",
                table: "DemandesContact");

            migrationBuilder.DropColumn(
                name: "StructureOrigineId",
                table: "DemandesContact");

            migrationBuilder.DropColumn(
                name: "SuiteId",
                table: "DemandesContact");
        }
    }
}
