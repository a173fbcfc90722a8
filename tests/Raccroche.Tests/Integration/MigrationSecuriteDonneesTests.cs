using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Raccroche.Tests.Integration;

/// <summary>
/// Requests and mails written before the SecuriteDonnees migration get, from what is known, the commune and
/// département their visibility now depends on, and the link of each mail to its request.
/// </summary>
public abstract class MigrationSecuriteDonneesTests
{
    protected abstract RaccrocheDbContext NouveauContexte();

    /// <summary>The migration just before SecuriteDonnees.</summary>
    protected abstract string MigrationPrecedente { get; }

    [Fact]
    public async Task OldRequests_GetTheirCommuneAndDepartementFromTheirAnswers_AndOldMailsTheirRequest()
    {
        await using var db = NouveauContexte();
        await db.GetService<IMigrator>().MigrateAsync(MigrationPrecedente);

        // A structure as the schema of that time holds it (later migrations added columns the current model writes).
        var zone = (string)db.Model.FindEntityType(typeof(Structure))!.FindProperty(nameof(Structure.ZoneType))!.GetTypeMapping().Converter!.ConvertToProvider(ZoneType.France)!;
        object codes = db.Database.IsNpgsql() ? Array.Empty<string>() : "[]";
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Structures" ("Slug", "Nom", "Type", "ZoneType", "ZoneCodes", "DateMaj", "Description")
            VALUES ({"ancienne"}, {"Ancienne structure"}, {"association"}, {zone}, {codes}, {new DateOnly(2026, 1, 1)}, {""})
            """);
        var structure = new { Id = await db.Database.SqlQuery<int>($"""SELECT "Id" AS "Value" FROM "Structures" WHERE "Slug" = {"ancienne"}""").SingleAsync() };
        var le = new DateTime(2026, 11, 1, 10, 0, 0, DateTimeKind.Utc);

        async Task<int> Demande(string reference, string reponses)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "DemandesContact" ("Reference", "CreeLe", "Prenom", "Creneau", "ConsentementLe", "StructureId", "Reponses", "Statut", "Origine", "DernierMouvementLe")
                VALUES ({reference}, {le}, {"Ancien"}, {"matin"}, {le}, {structure.Id}, {reponses}, {"nouvelle"}, {"jeune"}, {le})
                """);
            return await db.DemandesContact.Where(d => d.Reference == reference).Select(d => d.Id).SingleAsync();
        }

        var jeune = await Demande("RC-AAAAAA", """{"age":19,"code_commune":"63430","commune":"Thiers","situation":"sorti-sans-diplome"}""");
        var corse = await Demande("RC-BBBBBB", """{"age":19,"code_commune":"2A004","commune":"Ajaccio"}""");
        var anonymisee = await Demande("AN-CCCCCCCCC", """{"departement":"69"}""");
        var orientation = await Demande("RC-DDDDDD", "{}");

        async Task Message(string sujet, DateTime? envoye)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "MessagesSortants" ("Destinataire", "Sujet", "Corps", "CreeLe", "Tentatives", "ProchaineTentative", "EnvoyeLe")
                VALUES ({"structure@exemple.fr"}, {sujet}, {"Prénom : Ancien"}, {le}, {0}, {le}, {envoye})
                """);
        }

        await Message("Demande de contact RC-AAAAAA – Thiers", null);
        await Message("Ta demande RC-AAAAAA est bien arrivée", le);
        await Message("Votre accès à l'espace professionnel Raccroche", null);

        await db.GetService<IMigrator>().MigrateAsync();

        var demandes = await db.DemandesContact.AsNoTracking().ToDictionaryAsync(d => d.Id, d => (d.CodeCommune, d.Departement));
        Assert.Equal(("63430", "63"), demandes[jeune]);
        Assert.Equal(("2A004", "2A"), demandes[corse]);
        Assert.Equal((null, "69"), demandes[anonymisee]);
        Assert.Equal((null, null), demandes[orientation]);

        var messages = await db.MessagesSortants.AsNoTracking().OrderBy(m => m.Id).Select(m => new { m.DemandeId, m.Statut }).ToListAsync();
        Assert.Equal([(jeune, StatutMessage.EnAttente), (jeune, StatutMessage.Envoye), ((int?)null, StatutMessage.EnAttente)],
            messages.Select(m => (m.DemandeId, m.Statut)));
    }
}

public sealed class MigrationSecuriteDonneesSqliteTests : MigrationSecuriteDonneesTests, IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"raccroche-migration-{Guid.NewGuid():N}.db");

    protected override string MigrationPrecedente => "20261123165214_ProSpace";

    protected override RaccrocheDbContext NouveauContexte() =>
        new SqliteRaccrocheDbContext(new DbContextOptionsBuilder<SqliteRaccrocheDbContext>().UseSqlite($"Data Source={_path}").Options);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }
}

public sealed class MigrationSecuriteDonneesPostgresTests : MigrationSecuriteDonneesTests, IAsyncLifetime
{
    private readonly string _database = $"raccroche_migration_{Guid.NewGuid():N}";

    protected override string MigrationPrecedente => "20261123165236_ProSpace";

    private string Connexion(string database) => new NpgsqlConnectionStringBuilder(PostgresAppFactory.Serveur) { Database = database }.ToString();

    protected override RaccrocheDbContext NouveauContexte() =>
        new PostgresRaccrocheDbContext(new DbContextOptionsBuilder<PostgresRaccrocheDbContext>()
            .UseNpgsql(Connexion(_database), n => n.MigrationsHistoryTable("__ef_migrations_history")).Options);

    public async Task InitializeAsync()
    {
        await using var conn = new NpgsqlConnection(Connexion("postgres"));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        using (var base_ = new NpgsqlConnection(Connexion(_database)))
        {
            NpgsqlConnection.ClearPool(base_);
        }

        await using var conn = new NpgsqlConnection(Connexion("postgres"));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
