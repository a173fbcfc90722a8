namespace Raccroche.Web.Commun;

/// <summary>
/// The lease of one background job: which instance holds it and until when. Only the holder runs the job; another instance
/// takes it once <see cref="Expiration"/> has passed (its holder died or stopped), so a job never runs on two instances at once.
/// </summary>
public sealed class BailTache
{
    /// <summary>The job (<see cref="TachePeriodique"/>'s <c>CleBail</c>).</summary>
    public required string Cle { get; set; }

    /// <summary>The instance that holds it (<see cref="InstanceCourante.Nom"/>).</summary>
    public required string Titulaire { get; set; }

    public DateTime Expiration { get; set; }

    /// <summary>How many times it changed hands (for the logs and the tests).</summary>
    public int Passations { get; set; }

    public const int CleMax = 100, TitulaireMax = 200;
}

internal sealed class BailTacheConfiguration : IEntityTypeConfiguration<BailTache>
{
    public void Configure(EntityTypeBuilder<BailTache> b)
    {
        b.ToTable("BauxTaches");
        b.HasKey(x => x.Cle);
        b.Property(x => x.Cle).HasMaxLength(BailTache.CleMax);
        b.Property(x => x.Titulaire).HasMaxLength(BailTache.TitulaireMax);
    }
}

/// <summary>This process among the instances: a name no other process has, even on the same machine.</summary>
public sealed class InstanceCourante
{
    public string Nom { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";
}

/// <summary>
/// Takes, renews and gives back job leases, each in one statement: the conditional UPDATE is atomic on both databases
/// (PostgreSQL locks the row and re-reads the condition; SQLite has one writer at a time), and the first lease of a job is an
/// INSERT that only one instance wins (primary key, ON CONFLICT DO NOTHING). The expiry follows the injected clock.
/// </summary>
public sealed class BauxTaches(RaccrocheDbContext db, InstanceCourante instance, TimeProvider clock)
{
    /// <summary>
    /// True when this instance holds the lease of <paramref name="cle"/> until now + <paramref name="duree"/>: it held it
    /// already, or it was free (never taken, or expired).
    /// </summary>
    public async Task<bool> PrendreAsync(string cle, TimeSpan duree, CancellationToken ct = default)
    {
        var maintenant = clock.GetUtcNow().UtcDateTime;
        var expiration = maintenant + duree;
        var moi = instance.Nom;
        var pris = await db.BauxTaches
            .Where(b => b.Cle == cle && (b.Titulaire == moi || b.Expiration <= maintenant))
            .ExecuteUpdateAsync(s => s
                .SetProperty(b => b.Passations, b => b.Titulaire == moi ? b.Passations : b.Passations + 1)
                .SetProperty(b => b.Titulaire, moi)
                .SetProperty(b => b.Expiration, expiration), ct);
        if (pris == 1)
        {
            return true;
        }

        // Never taken: one INSERT wins (the same statement on both databases), the others insert nothing.
        return await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO \"BauxTaches\" (\"Cle\", \"Titulaire\", \"Expiration\", \"Passations\") VALUES ({cle}, {moi}, {expiration}, 0) ON CONFLICT (\"Cle\") DO NOTHING", ct) == 1;
    }

    /// <summary>Pushes the expiry of a lease this instance holds; false when it lost it (expired and taken by another).</summary>
    public async Task<bool> RenouvelerAsync(string cle, TimeSpan duree, CancellationToken ct = default)
    {
        var expiration = clock.GetUtcNow().UtcDateTime + duree;
        var moi = instance.Nom;
        return await db.BauxTaches.Where(b => b.Cle == cle && b.Titulaire == moi)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Expiration, expiration), ct) == 1;
    }

    /// <summary>An expiry every clock has passed: a lease given back is free at once, whatever the taker's clock says.</summary>
    public static readonly DateTime Rendu = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Gives a lease back at once (graceful shutdown, end of a locked run): another instance takes it at its next try.</summary>
    public async Task RelacherAsync(string cle, CancellationToken ct = default)
    {
        var moi = instance.Nom;
        await db.BauxTaches.Where(b => b.Cle == cle && b.Titulaire == moi)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Expiration, Rendu), ct);
    }

    /// <summary>
    /// Runs <paramref name="travail"/> only if this instance holds (or takes) the lease of <paramref name="cle"/>, renewing it
    /// every third of <paramref name="duree"/> while it runs; returns false without running when another instance holds it.
    /// When the lease is lost meanwhile (this instance stalled past the expiry and another took it), the work's token is cancelled.
    /// With <paramref name="rendre"/>, the lease goes back as soon as the work ends (a lock, not a period's turn).
    /// </summary>
    public static async Task<bool> ExecuterSeulAsync(IServiceScopeFactory scopes, string cle, TimeSpan duree, Func<CancellationToken, Task> travail, CancellationToken ct, bool rendre = false)
    {
        using (var scope = scopes.CreateScope())
        {
            if (!await scope.ServiceProvider.GetRequiredService<BauxTaches>().PrendreAsync(cle, duree, ct))
            {
                return false;
            }
        }

        using var perdu = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var fin = new CancellationTokenSource();
        var entretien = EntretenirAsync(scopes, cle, duree, perdu, fin.Token);
        try
        {
            await travail(perdu.Token);
        }
        finally
        {
            await fin.CancelAsync();
            await entretien;
            if (rendre)
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<BauxTaches>().RelacherAsync(cle, CancellationToken.None);
            }
        }

        return true;
    }

    private static async Task EntretenirAsync(IServiceScopeFactory scopes, string cle, TimeSpan duree, CancellationTokenSource perdu, CancellationToken fin)
    {
        // Its own scope: the work's context is not thread-safe.
        using var scope = scopes.CreateScope();
        var baux = scope.ServiceProvider.GetRequiredService<BauxTaches>();
        var horloge = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var pas = duree / 3;
        while (!fin.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(pas, horloge, fin);
                if (!await baux.RenouvelerAsync(cle, duree, fin))
                {
                    await perdu.CancelAsync();
                    return;
                }
            }
            catch (OperationCanceledException) when (fin.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database is away: the lease still runs to its expiry; the next renewal tries again.
            }
        }
    }
}
