using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

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

    public abstract string Provider { get; }
    protected abstract string ConnectionString { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ReglagesDeTest.Appliquer(builder);
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:Raccroche", ConnectionString);
        builder.UseSetting("Mail:DossierDepot", Path.Combine(Path.GetTempPath(), "raccroche-test-mail"));

        // The key ring is encrypted with a certificate; the app creates this one (self-signed) in Testing.
        builder.UseSetting("DataProtection:Certificat", CertificatDeTest);

        // Last, so that a test's own settings win (a background job turned back on, a low rate limit...).
        foreach (var (cle, valeur) in Reglages)
        {
            builder.UseSetting(cle, valeur);
        }
    }

    /// <summary>Extra configuration for a test that needs its own app (an SMTP server, a low rate limit, a background job on...).</summary>
    public Dictionary<string, string> Reglages { get; } = [];

    public RaccrocheDbContext CreateDbContext() => Services.CreateScope().ServiceProvider.GetRequiredService<RaccrocheDbContext>();

    public virtual Task InitializeAsync()
    {
        // Build the host now so that migrations and seeding happen once, before the first test.
        _ = Server;
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

    private readonly string _database = $"raccroche_test_{Guid.NewGuid():N}";

    public override string Provider => "Postgres";
    protected override string ConnectionString => new NpgsqlConnectionStringBuilder(Serveur) { Database = _database }.ToString();

    public override async Task InitializeAsync()
    {
        await using (var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Serveur) { Database = "postgres" }.ToString()))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }

        await base.InitializeAsync();
    }

    protected override async Task DisposeCoreAsync()
    {
        await base.DisposeCoreAsync();
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Serveur) { Database = "postgres" }.ToString());
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
