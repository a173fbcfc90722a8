using Npgsql;

namespace Raccroche.Web.Features.Journal;

/// <summary>
/// PostgreSQL only. The app runs as a role that is not the tables' owner and may read and add audit lines, never change
/// or delete them; a second role, used by the retention purge alone (<c>ConnectionStrings:RaccrochePurge</c>), may delete
/// them. Applied by the owner (the role that runs the migrations) with the verb <c>droits-journal</c>, and at the end of
/// <c>migrate</c> when <c>Database:RoleApplication</c> is set, so that tables added by a migration are granted too. The
/// SQL is <see cref="Sql"/> (README, "Audit trail").
/// </summary>
public static partial class DroitsJournal
{
    /// <summary>The statements, for roles already created (CREATE ROLE … LOGIN PASSWORD … by the database administrator).</summary>
    public static IReadOnlyList<string> Sql(string roleApplication, string? rolePurge)
    {
        var app = Role(roleApplication);
        List<string> sql =
        [
            $"GRANT USAGE ON SCHEMA public TO {app}",
            $"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {app}",
            $"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {app}",
            $"REVOKE UPDATE, DELETE, TRUNCATE ON \"JournalAcces\" FROM PUBLIC, {app}",
        ];
        if (rolePurge is not null)
        {
            var purge = Role(rolePurge);
            sql.Add($"GRANT USAGE ON SCHEMA public TO {purge}");
            sql.Add($"GRANT SELECT, DELETE ON \"JournalAcces\" TO {purge}");
        }

        return sql;
    }

    public static async Task AppliquerAsync(RaccrocheDbContext db, string roleApplication, string? rolePurge, CancellationToken ct = default)
    {
        if (!db.Database.IsNpgsql())
        {
            throw new InvalidOperationException("Les droits du journal ne s'appliquent qu'à PostgreSQL.");
        }

        await db.EnTransactionAsync(async tx =>
        {
            foreach (var instruction in Sql(roleApplication, rolePurge))
            {
                await db.Database.ExecuteSqlRawAsync(instruction, ct);
            }

            await tx.CommitAsync(ct);
        }, ct);
    }

    /// <summary>
    /// Deletes the lines older than <paramref name="avant"/>: through the purge role's connection when it is configured
    /// (the app's own role cannot), else through the app's context (SQLite, or one role for everything).
    /// </summary>
    public static async Task<int> PurgerAsync(RaccrocheDbContext db, IConfiguration config, DateTime avant, CancellationToken ct = default)
    {
        var purge = config.GetConnectionString("RaccrochePurge");
        if (string.IsNullOrWhiteSpace(purge) || !db.Database.IsNpgsql())
        {
            // ExecuteDelete sends one DELETE statement and bypasses the change tracker, hence the context's append-only guard, on purpose.
            return await db.Journal.Where(j => j.Le < avant).ExecuteDeleteAsync(ct);
        }

        await using var connexion = new NpgsqlConnection(purge);
        await connexion.OpenAsync(ct);
        await using var commande = new NpgsqlCommand("DELETE FROM \"JournalAcces\" WHERE \"Le\" < @avant", connexion);
        commande.Parameters.AddWithValue("avant", DateTime.SpecifyKind(avant, DateTimeKind.Utc));
        return await commande.ExecuteNonQueryAsync(ct);
    }

    private static string Role(string nom) => NomRole().IsMatch(nom)
        ? "\"" + nom + "\""
        : throw new ArgumentException($"'{nom}' n'est pas un nom de rôle PostgreSQL accepté (lettres minuscules, chiffres, _).", nameof(nom));

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex NomRole();
}
