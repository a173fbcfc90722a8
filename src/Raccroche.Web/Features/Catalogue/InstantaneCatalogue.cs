using System.Threading.Channels;
using Raccroche.Web.Features.Communes;

namespace Raccroche.Web.Features.Catalogue;

/// <summary>
/// Holds the catalogue snapshot: the search index and the structure directory, built from the same read. Readers take a snapshot reference (no lock);
/// a rebuild replaces it atomically, so a search never sees a half-built index.
/// </summary>
/// <remarks>
/// A saved change only <see cref="Signaler">marks</see> the catalogue as changed; <see cref="ReconstructionCatalogue"/> rebuilds it
/// in the background. Every mark gets a number; a snapshot covers the marks made before its read began, and
/// <see cref="AttendreAJourAsync"/> waits until the snapshot covers every mark made so far.
/// </remarks>
public sealed class InstantaneCatalogue(IServiceScopeFactory scopes, ReferentielCommunes referentiel, ILogger<InstantaneCatalogue> logger)
{
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Lock _attente = new();
    private TaskCompletionSource _construit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CatalogueIndex? _index;
    private RepertoireStructures? _annuaire;
    private long _version;
    private long _marque;
    private long _couverte;
    private int _communesChangees;

    public CatalogueIndex Index => _index ?? throw new InvalidOperationException("The catalogue index is not built yet.");

    public RepertoireCommunes Communes => referentiel.Repertoire;

    public RepertoireStructures Annuaire => _annuaire ?? throw new InvalidOperationException("The directory is not built yet.");

    public bool Pret => _index is not null && referentiel.Charge;

    /// <summary>The number of the last change marked.</summary>
    public long DerniereMarque => Interlocked.Read(ref _marque);

    /// <summary>The last mark the current snapshot covers.</summary>
    public long MarqueCouverte => Interlocked.Read(ref _couverte);

    /// <summary>True when the snapshot covers every change marked so far.</summary>
    public bool AJour => MarqueCouverte >= DerniereMarque;

    /// <summary>How many snapshots were built since start-up.</summary>
    public long Reconstructions => Interlocked.Read(ref _version);

    public Task ChargerCommunesAsync(CancellationToken ct = default) => referentiel.ChargerAsync(ct);

    /// <summary>
    /// Marks the catalogue as changed (once the change is committed: other connections must see it) and wakes the
    /// background rebuild. Returns at once.
    /// </summary>
    public void Signaler(bool communes)
    {
        if (communes)
        {
            Interlocked.Exchange(ref _communesChangees, 1);
        }

        Interlocked.Increment(ref _marque);
        _signal.Writer.TryWrite(true);
    }

    /// <summary>Completes when the snapshot covers every change marked before the call.</summary>
    public async Task AttendreAJourAsync(CancellationToken ct = default)
    {
        var cible = DerniereMarque;
        while (true)
        {
            Task construit;
            lock (_attente)
            {
                construit = _construit.Task;
            }

            if (MarqueCouverte >= cible)
            {
                return;
            }

            await construit.WaitAsync(ct);
        }
    }

    /// <summary>Waits for a mark (or a retry request) from <see cref="Signaler"/>.</summary>
    internal ValueTask<bool> AttendreSignalAsync(CancellationToken ct) => _signal.Reader.ReadAsync(ct);

    /// <summary>Asks the background rebuild to run again (after a failure).</summary>
    internal void Relancer() => _signal.Writer.TryWrite(true);

    /// <summary>
    /// Builds a new snapshot, after reloading the communes when they are not loaded yet or a mark said they changed.
    /// Callers: start-up and <see cref="ReconstructionCatalogue"/>, never a request.
    /// </summary>
    public async Task ReconstruireAsync(CancellationToken ct = default)
    {
        await _rebuild.WaitAsync(ct);
        try
        {
            // Marks are made after their commit: the reads below see every change marked up to here.
            var couverte = DerniereMarque;
            if (Interlocked.Exchange(ref _communesChangees, 0) == 1 || !referentiel.Charge)
            {
                try
                {
                    await ChargerCommunesAsync(ct);
                }
                catch
                {
                    Interlocked.Exchange(ref _communesChangees, 1);
                    throw;
                }
            }

            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<RaccrocheDbContext>();
            var started = TimeProvider.System.GetTimestamp();
            var dispositifs = await db.Dispositifs.AsNoTracking()
                .Include(d => d.Structure)
                .Include(d => d.Lieux)
                .AsSplitQuery()
                .ToListAsync(ct);
            var structures = await db.Structures.AsNoTracking().Include(s => s.Lieux).ToListAsync(ct);
            var version = Interlocked.Increment(ref _version) + DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            _index = CatalogueIndex.Construire(dispositifs, referentiel.Repertoire, version);
            _annuaire = new RepertoireStructures(structures, referentiel.Repertoire);
            Couvrir(couverte);
            logger.LogInformation("Catalogue index built: {Count} programmes, {Terms} terms in {Elapsed} ms",
                _index.Count, _index.NombreDeTermes, TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
        }
        finally
        {
            _rebuild.Release();
        }
    }

    private void Couvrir(long marque)
    {
        TaskCompletionSource construit;
        lock (_attente)
        {
            if (marque > _couverte)
            {
                Interlocked.Exchange(ref _couverte, marque);
            }

            construit = _construit;
            _construit = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        construit.SetResult();
    }
}
