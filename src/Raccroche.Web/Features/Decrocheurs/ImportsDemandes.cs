using System.Collections.Concurrent;
using System.Data.Common;

namespace Raccroche.Web.Features.Decrocheurs;

/// <summary>
/// Where this instance's running imports are, phase by phase (a singleton). The status page reads it first: on SQLite the
/// import's transaction holds the database's write lock during the write phase, so only memory can say how it goes;
/// another instance (PostgreSQL) reads what <see cref="AvancementDepot"/> wrote in the kept file's row.
/// </summary>
public sealed class AvancementsImports
{
    private readonly ConcurrentDictionary<Guid, AvancementImport> _enCours = new();

    public void Noter(Guid depot, AvancementImport avancement) => _enCours[depot] = avancement;

    public void Oublier(Guid depot) => _enCours.TryRemove(depot, out _);

    public AvancementImport? Lire(Guid depot) => _enCours.TryGetValue(depot, out var a) ? a : null;
}

/// <summary>
/// The progress of one import run by the job: kept in memory at every report, written to the kept file's row (phase, rows
/// done, sign of life) at most once a second and at each phase boundary, through a context of its own. A failed write is
/// only logged: progress is a comfort, it never stops an import.
/// </summary>
public sealed class AvancementDepot(Guid depot, AvancementsImports memoire, IServiceScopeFactory scopes, TimeProvider clock, bool sqlite, ILogger logger) : IProgress<AvancementImport>
{
    private DateTimeOffset? _dernier;
    private PhaseImport? _phase;

    public void Report(AvancementImport value)
    {
        memoire.Noter(depot, value);

        // SQLite: the write phase runs in a transaction that holds the only write lock; a write here would wait for it.
        if (sqlite && value.Phase == PhaseImport.Ecriture)
        {
            return;
        }

        var maintenant = clock.GetUtcNow();
        if (_phase == value.Phase && _dernier is { } d && maintenant - d < TimeSpan.FromSeconds(1))
        {
            return;
        }

        (_phase, _dernier) = (value.Phase, maintenant);
        try
        {
            using var scope = scopes.CreateScope();
            scope.ServiceProvider.GetRequiredService<RaccrocheDbContext>().DepotsSiei.Where(x => x.Id == depot).ExecuteUpdate(u => u
                .SetProperty(x => x.Phase, value.Phase)
                .SetProperty(x => x.Faites, value.Faites)
                .SetProperty(x => x.Total, value.Total)
                .SetProperty(x => x.AvanceLe, maintenant.UtcDateTime));
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            logger.LogWarning(e, "Progress of SIEI import {Depot} not recorded", depot);
        }
    }
}

/// <summary>
/// Imports asked for on the import page, run outside the request by <see cref="TacheImportsSiei"/>: a kept file goes
/// "en attente" when the coordinator confirms, the job claims it atomically (one instance only, even with several),
/// imports it with <see cref="ImportSiei"/> (all or nothing, as always) and records the report in the row; the status
/// page <c>/pro/decrocheurs/import/{depot}</c> follows it. A claim whose instance died is taken again after
/// <see cref="DepotSiei.Bail"/>; a stop of the host puts the file back in the queue (its transaction was rolled back).
/// </summary>
public sealed class ImportsDemandes(IServiceScopeFactory scopes, AvancementsImports avancements, TimeProvider clock, ILogger<ImportsDemandes> logger)
{
    /// <summary>Runs every import waiting (and every claim gone stale), one after the other; how many ran.</summary>
    public async Task<int> TraiterAsync(CancellationToken ct)
    {
        var n = 0;
        while (await PrendreAsync(ct) is { } depot)
        {
            await ExecuterAsync(depot, ct);
            n++;
        }

        return n;
    }

    /// <summary>Claims the oldest import waiting: an UPDATE that only one caller can win.</summary>
    private async Task<Guid?> PrendreAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RaccrocheDbContext>();
        var maintenant = clock.GetUtcNow().UtcDateTime;
        var echu = maintenant - DepotSiei.Bail;
        var candidats = await db.DepotsSiei.AsNoTracking()
            .Where(d => d.Etat == EtatDepot.EnAttente || (d.Etat == EtatDepot.EnCours && d.AvanceLe < echu))
            .OrderBy(d => d.DemandeLe).Select(d => d.Id).Take(5).ToListAsync(ct);
        foreach (var id in candidats)
        {
            var pris = await db.DepotsSiei
                .Where(d => d.Id == id && (d.Etat == EtatDepot.EnAttente || (d.Etat == EtatDepot.EnCours && d.AvanceLe < echu)))
                .ExecuteUpdateAsync(u => u
                    .SetProperty(d => d.Etat, EtatDepot.EnCours)
                    .SetProperty(d => d.AvanceLe, maintenant)
                    .SetProperty(d => d.Phase, (PhaseImport?)null)
                    .SetProperty(d => d.Faites, 0)
                    .SetProperty(d => d.Total, 0), ct);
            if (pris == 1)
            {
                return id;
            }
        }

        return null;
    }

    private async Task ExecuterAsync(Guid id, CancellationToken ct)
    {
        RapportSiei rapport;
        using (var scope = scopes.CreateScope())
        {
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<RaccrocheDbContext>();
            var depot = await db.DepotsSiei.AsNoTracking().FirstAsync(d => d.Id == id, ct);
            var code = await db.Psads.Where(p => p.Id == depot.PsadId).Select(p => p.Code).FirstAsync(ct);
            var progres = new AvancementDepot(id, avancements, scopes, clock, db.Database.IsSqlite(), logger);
            try
            {
                rapport = await services.GetRequiredService<ImportSiei>().ExecuterAsync(code, depot.Mois, new MemoryStream(depot.Contenu, writable: false), depot.NomFichier,
                    essai: false, depot.IgnorerInvalides, depot.DemandePar, CorrespondanceSiei.Deserialiser(depot.Correspondance), progres, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // The host stops: the transaction was rolled back; the next start (or another instance) takes it again.
                await db.DepotsSiei.Where(d => d.Id == id).ExecuteUpdateAsync(u => u.SetProperty(d => d.Etat, EtatDepot.EnAttente), CancellationToken.None);
                avancements.Oublier(id);
                throw;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "SIEI import {Depot} failed", id);
                rapport = new RapportSiei
                {
                    Refus = $"l'import s'est arrêté sur une erreur inattendue et rien n'a été écrit. Relancez-le ; si l'erreur revient, signalez-la avec la référence {id}.",
                };
            }
        }

        // A fresh context: the import's may hold a broken transaction after a failure.
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RaccrocheDbContext>();
            var maintenant = clock.GetUtcNow().UtcDateTime;
            var json = JsonSerializer.Serialize(rapport, ImportSiei.Json);
            var requete = db.DepotsSiei.Where(d => d.Id == id);

            // Imported (or already there): the file goes, the report stays for the status page. Refused: the file stays, to
            // be imported again (with the faulty rows left out, or after the error is fixed).
            await (rapport.Importe || rapport.DejaImporte
                ? requete.ExecuteUpdateAsync(u => u
                    .SetProperty(d => d.Etat, EtatDepot.Termine)
                    .SetProperty(d => d.TermineLe, maintenant)
                    .SetProperty(d => d.Rapport, json)
                    .SetProperty(d => d.Contenu, Array.Empty<byte>()), CancellationToken.None)
                : requete.ExecuteUpdateAsync(u => u
                    .SetProperty(d => d.Etat, EtatDepot.Verifie)
                    .SetProperty(d => d.Rapport, json), CancellationToken.None));
        }

        avancements.Oublier(id);
    }

    /// <summary>The report kept in a row, read back (counts and errors; the page's preview is not kept).</summary>
    public static RapportSiei? Lire(string? json) => json is null ? null : JsonSerializer.Deserialize<RapportSiei>(json, ImportSiei.Json);
}

/// <summary>Runs the imports asked for, every two seconds (off with <c>Decrocheurs:ImportsActifs</c> = false).</summary>
public sealed class TacheImportsSiei(IServiceScopeFactory scopes, TimeProvider clock, ILogger<TacheImportsSiei> logger) : TachePeriodique(scopes, clock, logger)
{
    protected override string Nom => "SIEI imports";

    protected override TimeSpan Intervalle => TimeSpan.FromSeconds(2);

    protected override Task ExecuterAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<ImportsDemandes>().TraiterAsync(ct);
}
