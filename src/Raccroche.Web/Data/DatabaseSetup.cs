using Microsoft.EntityFrameworkCore;
using Raccroche.Web.Features.Search;

namespace Raccroche.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class DatabaseSetup
{
    /// <summary>
    /// Registers <see cref="AppDbContext"/> for the provider named by <c>Database:Provider</c>
    /// (<c>Sqlite</c> by default, <c>Postgres</c> in production) and its connection string.
    /// </summary>
    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration config, string contentRoot)
    {
        var provider = LireProvider(config);
        var connection = config.GetConnectionString("Raccroche");
        services.AddSingleton<CatalogueChangeInterceptor>();
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connection))
                {
                    throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Raccroche is empty.");
                }

                services.AddDbContext<AppDbContext, PostgresAppDbContext>((sp, o) => o
                    .UseNpgsql(connection, n => n.MigrationsHistoryTable("__ef_migrations_history"))
                    .AddInterceptors(sp.GetRequiredService<CatalogueChangeInterceptor>()));
                break;
            default:
                connection = CheminSqlite(string.IsNullOrWhiteSpace(connection) ? "Data Source=App_Data/raccroche.db" : connection, contentRoot);
                services.AddDbContext<AppDbContext, SqliteAppDbContext>((sp, o) => o
                    .UseSqlite(connection)
                    .AddInterceptors(sp.GetRequiredService<CatalogueChangeInterceptor>()));
                break;
        }

        return services;
    }

    public static DatabaseProvider LireProvider(IConfiguration config)
    {
        var value = config["Database:Provider"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }

        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var p)
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
