using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Raccroche.Web.Donnees.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DataInclusion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IdSource",
                table: "Structures",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PlusDansLaSource",
                table: "Structures",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RepriseLe",
                table: "Structures",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceDonnees",
                table: "Structures",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ValeursImportees",
                table: "Structures",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ZoneEstimee",
                table: "Structures",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "IdSource",
                table: "Dispositifs",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PlusDansLaSource",
                table: "Dispositifs",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "SourceDonnees",
                table: "Dispositifs",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ValeursImportees",
                table: "Dispositifs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Structures_SourceDonnees_IdSource",
                table: "Structures",
                columns: new[] { "SourceDonnees", "IdSource" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Dispositifs_SourceDonnees_IdSource",
                table: "Dispositifs",
                columns: new[] { "SourceDonnees", "IdSource" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Structures_SourceDonnees_IdSource",
                table: "Structures");

            migrationBuilder.DropIndex(
                name: "IX_Dispositifs_SourceDonnees_IdSource",
                table: "Dispositifs");

            migrationBuilder.DropColumn(
                name: "IdSource",
                table: "Structures");

            migrationBuilder.DropColumn(
                name: "PlusDansLaSource",
                table: "Structures");

            migrationBuilder.DropColumn(
                name: "RepriseLe",
                table: "Structures");

            migrationBuilder.DropColumn(
                name: "SourceDonnees",
                table: "Structures");

            migrationBuilder.DropColumn(
                name: "ValeursImportees",
                table: "Structures");

            migrationBuilder.DropColumn(
                name: "ZoneEstimee",
                table: "Structures");

            migrationBuilder.DropColumn(
                name: "IdSource",
                table: "Dispositifs");

            migrationBuilder.DropColumn(
                name: "PlusDansLaSource",
                table: "Dispositifs");

            migrationBuilder.DropColumn(
                name: "SourceDonnees",
                table: "Dispositifs");

            migrationBuilder.DropColumn(
                name: "ValeursImportees",
                table: "Dispositifs");
        }
    }
}
