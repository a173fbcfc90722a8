using System.Runtime.CompilerServices;
using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Communes;

namespace Raccroche.Web.Features.DataInclusion;

/// <summary>The API's filters, already checked (<see cref="ParametresDI"/>).</summary>
public sealed record FiltresDI(string? CodeDepartement, string? CodeCommune, List<string> Thematiques, List<string> Publics,
    List<string> ReseauxPorteurs, DateOnly? DateMajApres)
{
    public static readonly FiltresDI Aucun = new(null, null, [], [], [], null);
}

/// <summary>
/// The catalogue in data·inclusion v1, read from the database as it is streamed out: the whole catalogue for the
/// <c>export-data-inclusion</c> verb, or one page for the API. Only what Raccroche itself publishes goes out: sheets
/// written here, and imported sheets once their structure took them over; records imported from another producer stay
/// that producer's (it publishes them to data·inclusion itself). Suspended programmes are not published.
/// </summary>
public sealed class ExportDataInclusion(RaccrocheDbContext db, InstantaneCatalogue catalogue, IConfiguration config)
{
    private readonly string _url = config.UrlPublique();
    private Dictionary<string, string[]>? _regions;

    private RepertoireCommunes Communes => catalogue.Communes;

    private IEnumerable<string> DepartementsDe(string region)
    {
        _regions ??= Communes.Toutes.GroupBy(c => c.Region, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(c => c.Departement).Distinct().Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        return _regions.GetValueOrDefault(region) ?? [];
    }

    private IQueryable<Structure> Structures(FiltresDI f)
    {
        var q = db.Structures.AsNoTracking().Where(s => s.SourceDonnees == null || s.RepriseLe != null);
        if (f.CodeDepartement is { } dep)
        {
            q = q.Where(s => s.Lieux.Any(l => l.CodeInsee.StartsWith(dep)));
        }

        if (f.CodeCommune is { } com)
        {
            q = q.Where(s => s.Lieux.Any(l => l.CodeInsee == com));
        }

        if (f.ReseauxPorteurs.Count > 0)
        {
            var reseaux = f.ReseauxPorteurs;
            var types = Vocabulaire.TypesStructure.Termes.Select(t => t.Valeur).Where(t => CorrespondanceDI.ReseauDuType(t) is { } r && reseaux.Contains(r)).ToList();
            q = q.Where(s => (s.ReseauPorteur != null && reseaux.Contains(s.ReseauPorteur)) || (s.ReseauPorteur == null && types.Contains(s.Type)));
        }

        if (f.Thematiques.Count > 0)
        {
            var th = f.Thematiques;
            q = q.Where(s => s.Dispositifs.Any(d => !d.Suspendu && d.Thematiques.Any(t => th.Contains(t))));
        }

        if (f.Publics.Count > 0)
        {
            var pu = f.Publics;
            q = q.Where(s => s.Dispositifs.Any(d => !d.Suspendu && d.Publics.Any(p => pu.Contains(p))));
        }

        if (f.DateMajApres is { } date)
        {
            q = q.Where(s => s.DateMaj > date);
        }

        return q;
    }

    private IQueryable<Dispositif> Dispositifs(FiltresDI f)
    {
        var q = db.Dispositifs.AsNoTracking()
            .Where(d => !d.Suspendu && d.SourceDonnees == null && (d.Structure!.SourceDonnees == null || d.Structure.RepriseLe != null));
        if (f.Thematiques.Count > 0)
        {
            var th = f.Thematiques;
            q = q.Where(d => d.Thematiques.Any(t => th.Contains(t)));
        }

        if (f.Publics.Count > 0)
        {
            var pu = f.Publics;
            q = q.Where(d => d.Publics.Any(p => pu.Contains(p)));
        }

        if (f.ReseauxPorteurs.Count > 0)
        {
            var reseaux = f.ReseauxPorteurs;
            var types = Vocabulaire.TypesStructure.Termes.Select(t => t.Valeur).Where(t => CorrespondanceDI.ReseauDuType(t) is { } r && reseaux.Contains(r)).ToList();
            q = q.Where(d => (d.Structure!.ReseauPorteur != null && reseaux.Contains(d.Structure.ReseauPorteur)) || (d.Structure!.ReseauPorteur == null && types.Contains(d.Structure.Type)));
        }

        if (f.DateMajApres is { } date)
        {
            q = q.Where(d => d.DateMaj > date);
        }

        return q;
    }

    /// <summary>Every structure, streamed in id order.</summary>
    public async IAsyncEnumerable<EnregistrementDI> StructuresAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var s in Structures(FiltresDI.Aucun).Include(s => s.Lieux).OrderBy(s => s.Id).AsSingleQuery().AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return CorrespondanceDI.Structure(s, Communes, _url);
        }
    }

    /// <summary>Every service, streamed in programme order.</summary>
    public async IAsyncEnumerable<EnregistrementDI> ServicesAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var d in Dispositifs(FiltresDI.Aucun).Include(d => d.Structure).Include(d => d.Lieux).OrderBy(d => d.Id).AsSingleQuery().AsAsyncEnumerable().WithCancellation(ct))
        {
            foreach (var r in CorrespondanceDI.Services(d, Communes, _url, DepartementsDe))
            {
                yield return r;
            }
        }
    }

    /// <summary>One page of structures: the total, then the records streamed.</summary>
    public async Task<(int Total, IAsyncEnumerable<EnregistrementDI> Items)> PageStructuresAsync(FiltresDI f, int page, int taille, CancellationToken ct)
    {
        var q = Structures(f);
        var total = await q.CountAsync(ct);
        var items = q.Include(s => s.Lieux).OrderBy(s => s.Id).Skip((page - 1) * taille).Take(taille).AsSingleQuery().AsAsyncEnumerable();
        return (total, Projeter(items, s => [CorrespondanceDI.Structure(s, Communes, _url)], ct));
    }

    /// <summary>
    /// One page of services. A service is a programme, or a programme at one of its places when it has several: the rows
    /// are counted and cut in SQL (programme × place), then only the page's programmes are read.
    /// </summary>
    public async Task<(int Total, IAsyncEnumerable<EnregistrementDI> Items)> PageServicesAsync(FiltresDI f, int page, int taille, CancellationToken ct)
    {
        var lignes = from d in Dispositifs(f)
                     from l in d.Lieux.DefaultIfEmpty()
                     select new { d.Id, LieuId = (int?)l!.Id, CodeInsee = (string?)l.CodeInsee };
        if (f.CodeDepartement is { } dep)
        {
            lignes = lignes.Where(x => x.CodeInsee != null && x.CodeInsee.StartsWith(dep));
        }

        if (f.CodeCommune is { } com)
        {
            lignes = lignes.Where(x => x.CodeInsee == com);
        }

        var total = await lignes.CountAsync(ct);
        var cles = await lignes.OrderBy(x => x.Id).ThenBy(x => x.LieuId).Skip((page - 1) * taille).Take(taille)
            .Select(x => new { x.Id, x.LieuId }).ToListAsync(ct);
        var ids = cles.Select(c => c.Id).Distinct().ToList();
        var retenus = cles.Select(c => (c.Id, c.LieuId)).ToHashSet();
        var items = db.Dispositifs.AsNoTracking().Where(d => ids.Contains(d.Id)).Include(d => d.Structure).Include(d => d.Lieux)
            .OrderBy(d => d.Id).AsSingleQuery().AsAsyncEnumerable();
        return (total, Projeter(items, d => CorrespondanceDI.Services(d, Communes, _url, DepartementsDe)
            .Where(r => retenus.Contains((d.Id, d.Lieux.Count > 1 ? LieuDe(r, d) : d.Lieux.FirstOrDefault()?.Id))), ct));
    }

    private static int? LieuDe(EnregistrementDI r, Dispositif d) =>
        int.TryParse(r.Id[(r.Id.LastIndexOf("-lieu-", StringComparison.Ordinal) + 6)..], out var l) ? l : d.Lieux.FirstOrDefault()?.Id;

    private static async IAsyncEnumerable<EnregistrementDI> Projeter<T>(IAsyncEnumerable<T> source, Func<T, IEnumerable<EnregistrementDI>> projection, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var x in source.WithCancellation(ct))
        {
            foreach (var r in projection(x))
            {
                yield return r;
            }
        }
    }
}
