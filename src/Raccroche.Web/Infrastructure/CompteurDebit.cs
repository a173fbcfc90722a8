using System.Data.Common;

namespace Raccroche.Web.Infrastructure;

/// <summary>
/// One fixed window of a rate limit (a policy and a client address, or an account), shared by every instance through the
/// database: behind a proxy with N instances a client gets the same budget as with one (decision 0025).
/// </summary>
public sealed class CompteurDebit
{
    /// <summary>"formulaires:203.0.113.7", "connexion:2001:db8:1:2::/64", "compte:{SHA-256 of the e-mail}"…: never a name or an address in clear.</summary>
    public required string Cle { get; set; }

    /// <summary>Start of the window (UTC, a multiple of its length since the epoch).</summary>
    public DateTime Fenetre { get; set; }

    public int Nombre { get; set; }

    /// <summary>End of the window: rows past it are deleted.</summary>
    public DateTime ExpireLe { get; set; }
}

internal sealed class CompteurDebitConfiguration : IEntityTypeConfiguration<CompteurDebit>
{
    public void Configure(EntityTypeBuilder<CompteurDebit> b)
    {
        b.ToTable("CompteursDebit");
        b.HasKey(c => new { c.Cle, c.Fenetre });
        b.Property(c => c.Cle).HasMaxLength(120);
        b.HasIndex(c => c.ExpireLe);
    }
}

/// <summary>
/// Counts one more hit in a window with one statement (INSERT … ON CONFLICT DO UPDATE … RETURNING, the same text on
/// PostgreSQL and SQLite), so that two instances counting at once never lose a hit. When the database does not answer the
/// hit is let through (a limit must not turn a short outage into refusals) and a warning is logged.
/// </summary>
public sealed class CompteursDebit(RaccrocheDbContext db, TimeProvider clock, ILogger<CompteursDebit> logger)
{
    private static long _dernierMenage;

    /// <summary>True while the key's hits in the current window, this one included, stay within <paramref name="limite"/>.</summary>
    public async Task<bool> AccepterAsync(string cle, int limite, TimeSpan fenetre, CancellationToken ct = default)
    {
        var maintenant = clock.GetUtcNow().UtcDateTime;
        var debut = new DateTime(maintenant.Ticks - (maintenant.Ticks % fenetre.Ticks), DateTimeKind.Utc);
        var fin = debut + fenetre;
        try
        {
            await MenageAsync(maintenant, ct);
            var nombre = await db.Database.SqlQuery<int>($"""
                INSERT INTO "CompteursDebit" ("Cle", "Fenetre", "Nombre", "ExpireLe") VALUES ({cle}, {debut}, 1, {fin})
                ON CONFLICT ("Cle", "Fenetre") DO UPDATE SET "Nombre" = "CompteursDebit"."Nombre" + 1
                RETURNING "Nombre" AS "Value"
                """).ToListAsync(ct);
            return nombre.Single() <= limite;
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException || Transactions.EstPassagere(ex))
        {
            logger.LogWarning(ex, "Rate limit counter unavailable; the request is let through");
            return true;
        }
    }

    /// <summary>Windows that ended are deleted, at most once a minute per instance.</summary>
    private async Task MenageAsync(DateTime maintenant, CancellationToken ct)
    {
        var precedent = Interlocked.Read(ref _dernierMenage);
        if (maintenant.Ticks - precedent < TimeSpan.TicksPerMinute || Interlocked.CompareExchange(ref _dernierMenage, maintenant.Ticks, precedent) != precedent)
        {
            return;
        }

        await db.Set<CompteurDebit>().Where(c => c.ExpireLe < maintenant).ExecuteDeleteAsync(ct);
    }
}
