using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Raccroche.Web.Donnees;

public enum FournisseurBase
{
    Sqlite,
    Postgres,
}

public static class BaseDeDonneesSetup
{
    /// <summary>
    /// Registers <see cref="RaccrocheDbContext"/> for the provider named by <c>Database:Provider</c>
    /// (<c>Sqlite</c> by default, <c>Postgres</c> in production) and its connection string.
    /// </summary>
    /// <remarks>Interceptors are the <see cref="IInterceptor"/> services the features register (the catalogue's, today).</remarks>
    public static IServiceCollection AddBaseDeDonnees(this IServiceCollection services, IConfiguration config, string contentRoot)
    {
        var provider = LireFournisseur(config);
        var connection = config.GetConnectionString("Raccroche");
        switch (provider)
        {
            case FournisseurBase.Postgres:
                if (string.IsNullOrWhiteSpace(connection))
                {
                    throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Raccroche is empty.");
                }

                // A broken connection (server restart, failover, killed backend) is retried a few times within
                // about two seconds, so that a request survives it; explicit transactions run inside the strategy
                // (Transactions.EnTransactionAsync). Database:Reessais and Database:DelaiMaxReessaiMs tune it.
                var reessais = config.GetValue("Database:Reessais", 4);
                var delaiMax = TimeSpan.FromMilliseconds(config.GetValue("Database:DelaiMaxReessaiMs", 1000));
                services.AddDbContext<RaccrocheDbContext, PostgresRaccrocheDbContext>((sp, o) => o
                    .UseNpgsql(connection, n => n
                        .MigrationsHistoryTable("__ef_migrations_history")
                        .EnableRetryOnFailure(reessais, delaiMax, errorCodesToAdd: null))
                    .AddInterceptors(sp.GetServices<IInterceptor>()));
                break;
            default:
                connection = CheminSqlite(string.IsNullOrWhiteSpace(connection) ? "Data Source=App_Data/raccroche.db" : connection, contentRoot);
                services.AddDbContext<RaccrocheDbContext, SqliteRaccrocheDbContext>((sp, o) => o
                    .UseSqlite(connection)
                    .AddInterceptors(sp.GetServices<IInterceptor>()));
                break;
        }

        return services;
    }

    public static FournisseurBase LireFournisseur(IConfiguration config)
    {
        var value = config["Database:Provider"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return FournisseurBase.Sqlite;
        }

        return Enum.TryParse<FournisseurBase>(value, ignoreCase: true, out var p)
            ? p
            : throw new InvalidOperationException($"Database:Provider '{value}' is unknown: use Sqlite or Postgres.");
    }

    /// <summary>Makes a relative SQLite file path relative to the content root and creates its folder.</summary>
    private static string CheminSqlite(string connection, string contentRoot)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection);
        if (builder.DataSource is { Length: > 0 } source && source != ":memory:" && builder.Mode != Microsoft.Data.Sqlite.SqliteOpenMode.Memory)
        {
            var path = Path.IsPathRooted(source) ? source : Path.GetFullPath(Path.Combine(contentRoot, source));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }

        return builder.ToString();
    }
}
