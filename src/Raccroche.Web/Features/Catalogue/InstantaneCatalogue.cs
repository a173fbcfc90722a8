using Raccroche.Web.Features.Communes;

namespace Raccroche.Web.Features.Catalogue;

/// <summary>
/// Holds the catalogue snapshot: the search index and the structure directory, built from the same read. Readers take a snapshot reference (no lock);
/// a rebuild replaces it atomically, so a search never sees a half-built index.
/// </summary>
public sealed class InstantaneCatalogue(IServiceScopeFactory scopes, ReferentielCommunes referentiel, ILogger<InstantaneCatalogue> logger)
{
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private CatalogueIndex? _index;
    private RepertoireStructures? _annuaire;
    private long _version;

    public CatalogueIndex Index => _index ?? throw new InvalidOperationException("The catalogue index is not built yet.");

    public RepertoireCommunes Communes => referentiel.Repertoire;

    public RepertoireStructures Annuaire => _annuaire ?? throw new InvalidOperationException("The directory is not built yet.");

    public bool Pret => _index is not null && referentiel.Charge;

    public Task ChargerCommunesAsync(CancellationToken ct = default) => referentiel.ChargerAsync(ct);

    public async Task ReconstruireAsync(CancellationToken ct = default)
    {
        await _rebuild.WaitAsync(ct);
        try
        {
            if (!referentiel.Charge)
            {
                await ChargerCommunesAsync(ct);
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
            logger.LogInformation("Catalogue index built: {Count} programmes, {Terms} terms in {Elapsed} ms",
                _index.Count, _index.NombreDeTermes, TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
        }
        finally
        {
            _rebuild.Release();
        }
    }
}
