using Microsoft.EntityFrameworkCore;
using Npgsql;
using Raccroche.Web.Donnees;

namespace Raccroche.Bench;

/// <summary>A benchmark's own PostgreSQL database: its connection string, its context options, and a fresh copy with the app's migrations.</summary>
internal sealed class BaseDeBanc(string serveur, string nom)
{
    public string Nom { get; } = nom;
    public string Connexion { get; } = new NpgsqlConnectionStringBuilder(serveur) { Database = nom }.ToString();
    public DbContextOptions<PostgresRaccrocheDbContext> Options => new DbContextOptionsBuilder<PostgresRaccrocheDbContext>().UseNpgsql(Connexion).Options;

    /// <summary>Drops the database if it exists, creates it and applies every migration.</summary>
    public async Task RecreerAsync()
    {
        await using (var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(serveur) { Database = "postgres" }.ToString()))
        {
            await c.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS {Nom} WITH (FORCE)", c).ExecuteNonQueryAsync();
            await new NpgsqlCommand($"CREATE DATABASE {Nom}", c).ExecuteNonQueryAsync();
        }

        await using var db = new PostgresRaccrocheDbContext(Options);
        await db.Database.MigrateAsync();
    }
}
