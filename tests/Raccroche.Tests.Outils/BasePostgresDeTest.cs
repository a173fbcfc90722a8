using Npgsql;

namespace Raccroche.Tests.Outils;

/// <summary>
/// A PostgreSQL database of its own for a test host or a test class, on the tests' server
/// (<see cref="PostgresAppFactory.Serveur"/>): a unique name, created empty, dropped at the end with its connections.
/// </summary>
public sealed class BasePostgresDeTest
{
    public string Nom { get; } = $"raccroche_test_{Guid.NewGuid():N}";

    public string Connexion => new NpgsqlConnectionStringBuilder(PostgresAppFactory.Serveur) { Database = Nom }.ToString();

    public Task CreerAsync() => ExecuterAsync($"CREATE DATABASE \"{Nom}\"");

    public async Task SupprimerAsync()
    {
        // Only this database's pool: clearing every pool made the other running hosts reconnect at once.
        using (var conn = new NpgsqlConnection(Connexion))
        {
            NpgsqlConnection.ClearPool(conn);
        }

        await ExecuterAsync($"DROP DATABASE IF EXISTS \"{Nom}\" WITH (FORCE)");
    }

    private static async Task ExecuterAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresAppFactory.Serveur) { Database = "postgres" }.ToString());
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
