using Microsoft.EntityFrameworkCore;
using Raccroche.Web.Data;
using Raccroche.Web.Features.Communes;

namespace Raccroche.Web.Features.Search;

/// <summary>
/// Holds the current search index and commune directory. Readers take a snapshot reference (no lock);
/// a rebuild replaces it atomically, so a search never sees a half-built index.
/// </summary>
public sealed class CatalogueIndexHolder(IServiceScopeFactory scopes, ILogger<CatalogueIndexHolder> logger)
{
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private CatalogueIndex? _index;
    private CommuneDirectory? _communes;
    private Directory.Annuaire? _annuaire;
    private long _version;

    public CatalogueIndex Index => _index ?? throw new InvalidOperationException("The catalogue index is not built yet.");

    public CommuneDirectory Communes => _communes ?? throw new InvalidOperationException("The commune directory is not loaded yet.");

    public Directory.Annuaire Annuaire => _annuaire ?? throw new InvalidOperationException("The directory is not built yet.");

    public bool Pret => _index is not null && _communes is not null;

    public async Task ChargerCommunesAsync(CancellationToken ct = default)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var communes = await db.Communes.AsNoTracking().ToListAsync(ct);
        _communes = new CommuneDirectory(communes);
    }

    public async Task ReconstruireAsync(CancellationToken ct = default)
    {
        await _rebuild.WaitAsync(ct);
        try
        {
            if (_communes is null)
            {
                await ChargerCommunesAsync(ct);
            }

            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var started = TimeProvider.System.GetTimestamp();
            var dispositifs = await db.Dispositifs.AsNoTracking()
                .Include(d => d.Structure)
                .Include(d => d.Lieux)
                .AsSplitQuery()
                .ToListAsync(ct);
            var structures = await db.Structures.AsNoTracking().Include(s => s.Lieux).ToListAsync(ct);
            var version = Interlocked.Increment(ref _version) + DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            _index = CatalogueIndex.Construire(dispositifs, _communes!, version);
            _annuaire = new Directory.Annuaire(structures, _communes!);
            logger.LogInformation("Catalogue index built: {Count} programmes, {Terms} terms in {Elapsed} ms",
                _index.Count, _index.NombreDeTermes, TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
        }
        finally
        {
            _rebuild.Release();
        }
    }
}
