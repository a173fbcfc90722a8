using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Raccroche.Tests.Outils;

/// <summary>
/// The real application over a real database: a fresh SQLite file, or a fresh database on the
/// local PostgreSQL server (started by test.sh). Migrations and seed run exactly as in production.
/// </summary>
public abstract class AppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>Clients talk HTTPS (as in production) so that Secure cookies (session, antiforgery) flow.</summary>
    public static readonly Uri Https = new("https://localhost");

    protected AppFactory() => ClientOptions.BaseAddress = Https;

    /// <summary>One certificate for every test host of the run (created by the first one).</summary>
    public static readonly string CertificatDeTest = Path.Combine(Path.GetTempPath(), $"raccroche-test-cles-{Environment.ProcessId}.pfx");

    /// <summary>Where this host stores the resources' PDF files (one folder per host: a test counts what is in it).</summary>
    public string DossierRessources { get; } = Path.Combine(Path.GetTempPath(), $"raccroche-test-ressources-{Guid.NewGuid():N}");

    public abstract string Provider { get; }
    protected abstract string ConnectionString { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ReglagesDeTest.Appliquer(builder);
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:Raccroche", ConnectionString);
        builder.UseSetting("Mail:DossierDepot", Path.Combine(Path.GetTempPath(), "raccroche-test-mail"));
        builder.UseSetting("Sms:DossierDepot", Path.Combine(Path.GetTempPath(), "raccroche-test-sms"));
        builder.UseSetting("Ressources:Dossier", DossierRessources);

        // The key ring is encrypted with a certificate; the app creates this one (self-signed) in Testing.
        builder.UseSetting("DataProtection:Certificat", CertificatDeTest);

        JournalDeSuite.Brancher(builder);
        if (Capture is { } capture)
        {
            builder.ConfigureServices(s => s.AddSingleton(capture));
        }

        // Last, so that a test's own settings win (a background job turned back on, a low rate limit...).
        foreach (var (cle, valeur) in Reglages)
        {
            builder.UseSetting(cle, valeur);
        }
    }

    /// <summary>A logger provider that also receives every log of the host (a test that reads the logs).</summary>
    public Microsoft.Extensions.Logging.ILoggerProvider? Capture { get; set; }

    /// <summary>Serve on a real Kestrel port on loopback instead of the in-memory test server (a test about sockets and proxies).</summary>
    public bool SurKestrel { get; set; }

    /// <summary>The database's connection string (for a verb run as a process, or a raw connection).</summary>
    public string ChaineConnexion => ConnectionString;

    /// <summary>Extra configuration for a test that needs its own app (an SMTP server, a low rate limit, a background job on...).</summary>
    public Dictionary<string, string> Reglages { get; } = [];

    public RaccrocheDbContext CreateDbContext() => Services.CreateScope().ServiceProvider.GetRequiredService<RaccrocheDbContext>();

    /// <summary>
    /// Tables whose rows are reference data, kept from one test class to the next: what migrations and
    /// the seed write (communes, the catalogue, the PSAD) and the running host's key ring (its cookies and
    /// antiforgery tokens stay readable). Catalogue rows a test creates stay too: each test that changes the
    /// catalogue creates its own structure or programme under a unique name, and removing them would make
    /// every class wait for a catalogue rebuild. The news watch, the agenda, the partners and the resources are seeded content too (decisions 0019, 0023): tests
    /// write their own items and events under unique words and never count the others. Every other table (a new one
    /// included) is mutable.
    /// </summary>
    public static readonly IReadOnlySet<string> TablesDeReference = new HashSet<string>(StringComparer.Ordinal)
    {
        "Communes", "Structures", "Lieux", "Dispositifs", "DispositifLieux", "VersionCatalogue", "Psads", "PartenairePsad", "DataProtectionKeys",
        "Actualites", "ActualiteDispositifs", "ActualiteStructures", "Evenements",
        "Partenaires", "PartenaireDispositifs", "PartenaireStructures", "Ressources",
    };

    /// <summary>The mutable tables, each before the tables it references, so that deleting in this order breaks no foreign key.</summary>
    public static IReadOnlyList<string> TablesMutables(RaccrocheDbContext db)
    {
        var types = db.Model.GetEntityTypes().Where(t => t.GetTableName() is not null).ToList();
        var tables = types.Select(t => t.GetTableName()!).Where(t => !TablesDeReference.Contains(t)).ToHashSet();
        // For each mutable table, the mutable tables that reference it (its dependents).
        var dependants = tables.ToDictionary(t => t, _ => new HashSet<string>());
        foreach (var type in types)
        {
            foreach (var fk in type.GetForeignKeys())
            {
                var enfant = type.GetTableName()!;
                var parent = fk.PrincipalEntityType.GetTableName()!;
                if (enfant != parent && tables.Contains(parent))
                {
                    if (!tables.Contains(enfant))
                    {
                        throw new InvalidOperationException($"The reference table {enfant} references the mutable table {parent}: the reset would break it.");
                    }

                    dependants[parent].Add(enfant);
                }
            }
        }

        var ordre = new List<string>();
        var restantes = tables.Order(StringComparer.Ordinal).ToList();
        while (restantes.Count > 0)
        {
            var libre = restantes.First(t => dependants[t].All(ordre.Contains));
            ordre.Add(libre);
            restantes.Remove(libre);
        }

        return ordre;
    }

    /// <summary>
    /// Puts the database back to its seeded state: every mutable table emptied (DELETE in foreign-key order, in
    /// one transaction). Run before each test class (see Raccroche.Tests/Integration/Collections.cs), so that a
    /// class never sees what an earlier one left.
    /// </summary>
    public async Task RemettreAZeroAsync()
    {
        await using var db = CreateDbContext();
        var sql = string.Join(";\n", TablesMutables(db).Select(t => $"DELETE FROM \"{t}\""));
        await db.EnTransactionAsync(async tx =>
        {
            await db.Database.ExecuteSqlRawAsync(sql);
            await tx.CommitAsync();
        }, CancellationToken.None);
    }

    public virtual Task InitializeAsync()
    {
        // Build the host now so that migrations and seeding happen once, before the first test.
        if (SurKestrel)
        {
            UseKestrel(0);
            StartServer();
        }
        else
        {
            _ = Server;
        }

        return Task.CompletedTask;
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeCoreAsync();

    protected virtual async Task DisposeCoreAsync() => await base.DisposeAsync();
}

public sealed class SqliteAppFactory : AppFactory
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"raccroche-test-{Guid.NewGuid():N}.db");

    public override string Provider => "Sqlite";
    protected override string ConnectionString => $"Data Source={_path}";

    protected override async Task DisposeCoreAsync()
    {
        await base.DisposeCoreAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(f);
        }
    }
}

public sealed class PostgresAppFactory : AppFactory
{
    /// <summary>Server used by the tests; test.sh starts it. Override with RACCROCHE_TEST_POSTGRES.</summary>
    public static string Serveur => Environment.GetEnvironmentVariable("RACCROCHE_TEST_POSTGRES")
        ?? "Host=127.0.0.1;Port=5432;Username=raccroche;Password=raccroche";

    private readonly BasePostgresDeTest _base = new();

    public override string Provider => "Postgres";
    protected override string ConnectionString => _base.Connexion;

    public override async Task InitializeAsync()
    {
        await _base.CreerAsync();
        await base.InitializeAsync();
    }

    protected override async Task DisposeCoreAsync()
    {
        await base.DisposeCoreAsync();
        await _base.SupprimerAsync();
    }
}
