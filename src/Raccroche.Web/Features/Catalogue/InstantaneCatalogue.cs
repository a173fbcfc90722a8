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
    private long _versionBase = -1;
    private long _versionCommunes = -1;
    private long _marque;
    private long _couverte;
    private int _communesChangees;
    private long _construitLe;

    public CatalogueIndex Index => _index ?? throw new InvalidOperationException("The catalogue index is not built yet.");

    public RepertoireCommunes Communes => referentiel.Repertoire;

    public RepertoireStructures Annuaire => _annuaire ?? throw new InvalidOperationException("The directory is not built yet.");

    public bool Pret => _index is not null && referentiel.Charge;

    /// <summary>When the snapshot served now was read (UTC ticks; 0 before the first build).</summary>
    public long ConstruitLe => Interlocked.Read(ref _construitLe);

    /// <summary>The number of the last change marked.</summary>
    public long DerniereMarque => Interlocked.Read(ref _marque);

    /// <summary>The last mark the current snapshot covers.</summary>
    public long MarqueCouverte => Interlocked.Read(ref _couverte);

    /// <summary>True when the snapshot covers every change marked so far.</summary>
    public bool AJour => MarqueCouverte >= DerniereMarque;

    /// <summary>The catalogue version (<see cref="VersionCatalogue.Numero"/>) the current snapshot was read at; -1 before the first.</summary>
    public long VersionBase => Interlocked.Read(ref _versionBase);

    /// <summary>The communes' version the commune directory was read at.</summary>
    public long VersionCommunes => Interlocked.Read(ref _versionCommunes);

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
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<RaccrocheDbContext>();
            var started = TimeProvider.System.GetTimestamp();
            var lecture = await LireAsync(db, ct);
            if (Interlocked.Exchange(ref _communesChangees, 0) == 1 || !referentiel.Charge || lecture.NumeroCommunes != VersionCommunes)
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

                Interlocked.Exchange(ref _versionCommunes, lecture.NumeroCommunes);
            }

            Interlocked.Increment(ref _version);
            _index = CatalogueIndex.Construire(lecture.Dispositifs, referentiel.Repertoire, lecture.Numero);
            _annuaire = new RepertoireStructures(lecture.Structures, referentiel.Repertoire);
            Interlocked.Exchange(ref _versionBase, lecture.Numero);
            Interlocked.Exchange(ref _construitLe, DateTime.UtcNow.Ticks);
            Couvrir(couverte);
            logger.LogInformation("Catalogue index built: {Count} programmes, {Terms} terms in {Elapsed} ms",
                _index.Count, _index.NombreDeTermes, TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
        }
        finally
        {
            _rebuild.Release();
        }
    }

    private sealed record Lecture(long Numero, long NumeroCommunes, List<Dispositif> Dispositifs, List<Structure> Structures);

    /// <summary>
    /// The version row, then the catalogue. On PostgreSQL one REPEATABLE READ transaction: the rows are exactly those of that
    /// version, so that two instances at the same version serve the same catalogue under the same ETag. On SQLite (one
    /// instance) the version is read first: a change committed meanwhile is in the rows and has moved the version past the
    /// one read, so the watch rebuilds again.
    /// </summary>
    private static async Task<Lecture> LireAsync(RaccrocheDbContext db, CancellationToken ct)
    {
        var postgres = db.Database.IsNpgsql();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var tx = postgres ? await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct) : null;
            var version = await db.VersionCatalogue.AsNoTracking().Where(v => v.Id == VersionCatalogue.Unique)
                .Select(v => new { v.Numero, v.NumeroCommunes }).FirstOrDefaultAsync(ct);
            var dispositifs = await db.Dispositifs.AsNoTracking()
                .Include(d => d.Structure)
                .Include(d => d.Lieux)
                .AsSplitQuery()
                .ToListAsync(ct);
            var structures = await db.Structures.AsNoTracking().Include(s => s.Lieux).ToListAsync(ct);
            if (tx is not null)
            {
                await tx.CommitAsync(ct);
            }

            return new Lecture(version?.Numero ?? 0, version?.NumeroCommunes ?? 0, dispositifs, structures);
        });
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
