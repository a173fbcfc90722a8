using System.Collections.Frozen;
using Raccroche.Web.Features.Communes;

namespace Raccroche.Web.Features.Catalogue;

public sealed record LieuDoc(int Id, string Nom, string CodeInsee, string Departement, string NomCommune, double Latitude, double Longitude);

/// <summary>What the index keeps of a programme: enough to filter, rank and show a result card.</summary>
public sealed class DispositifDoc
{
    public required int Id { get; init; }
    public required string Slug { get; init; }
    public required string Nom { get; init; }
    public required string Resume { get; init; }
    public required string StructureNom { get; init; }
    public required string[] Entrees { get; init; }
    public required string[] Thematiques { get; init; }
    public required string[] Categories { get; init; }
    public string? TypeService { get; init; }
    public int? AgeMin { get; init; }
    public int? AgeMax { get; init; }
    public required string[] Niveaux { get; init; }
    public required string[] Situations { get; init; }
    public bool? Remunere { get; init; }
    public bool? Internat { get; init; }
    public bool? EntreePermanente { get; init; }
    public string? Frais { get; init; }
    public int? DureeSemaines { get; init; }
    public ZoneType ZoneType { get; init; }
    public required FrozenSet<string> ZoneCodes { get; init; }

    /// <summary>Départements touched by an EPCI or communes zone (to answer "this département" quickly).</summary>
    public required FrozenSet<string> ZoneDepartements { get; init; }
    public required LieuDoc[] Lieux { get; init; }
    public bool Suspendu { get; init; }
    public DateOnly DateMaj { get; init; }

    public bool Couvre(Commune c) => Zones.Couvre(ZoneType, ZoneCodes, c);

    public bool CouvreDepartement(string dep, string? regionDuDepartement) => ZoneType switch
    {
        ZoneType.France => true,
        ZoneType.Region => regionDuDepartement is not null && ZoneCodes.Contains(regionDuDepartement),
        ZoneType.Departements => ZoneCodes.Contains(dep),
        _ => ZoneDepartements.Contains(dep),
    };
}

/// <summary>
/// An immutable in-process search index over the catalogue: an inverted index of French terms
/// with prefix and one-typo matching, and the filter fields of every programme. A new snapshot is
/// built whenever the catalogue changes (see <see cref="InstantaneCatalogue"/>).
/// </summary>
public sealed partial class CatalogueIndex
{
    private const float PoidsNom = 3f;
    private const float PoidsResume = 2f;
    private const float PoidsThematiques = 1.5f;
    private const float PoidsStructure = 1.2f;
    private const float PoidsDescription = 1f;

    private readonly DispositifDoc[] _docs;
    private readonly FrozenDictionary<int, int> _positionParId;
    /// <summary>
    /// Per term, the programmes that hold it, in ascending position, each packed in 4 bytes: the position in the low
    /// 29 bits and, in the top 3, the rank in <see cref="PoidsParRang"/> of the best field holding it.
    /// </summary>
    private readonly FrozenDictionary<string, uint[]> _postings;
    private readonly string[] _termesTries;

    /// <summary>Each sorted term's letters as bits (see <see cref="Lettres"/>), to rule out most terms of a "did you mean" at once.</summary>
    private readonly ulong[] _lettresTermes;
    private readonly FrozenDictionary<string, string[]> _suppressions;
    private readonly FrozenDictionary<string, string> _regionParDepartement;

    /// <summary>Indexed terms per derivational stem (<see cref="TexteFrancais.Racine"/>), for a verb to find its noun.</summary>
    private readonly FrozenDictionary<string, string[]> _parRacine;
    private readonly Lexique _lexique;

    /// <summary>Positions of the programmes per zone key ("F", "R:84", "D:63", "E:siren", "C:insee"): a commune's candidates are the union of five lists.</summary>
    private readonly FrozenDictionary<string, int[]> _parZone;

    private readonly Cumul.Reserve _reserve;

    private readonly CriteresIndex _criteres;

    private const int FacetteEntree = 0;
    private const int FacetteCategorie = 1;
    private const int FacetteType = 2;

    /// <summary>Every facet value (entry, thematic category, service type) by number, and each programme's numbers.</summary>
    private readonly (int Famille, string Valeur)[] _facettes;
    private readonly int[][] _facettesParDoc;

    /// <summary>Each programme's rank by name (ordinal, then id): the last tie-break of the results' order.</summary>
    private readonly int[] _rangNom;

    private CatalogueIndex(DispositifDoc[] docs, Dictionary<string, List<uint>> postings,
        FrozenDictionary<string, string> regionParDepartement, long version, Lexique lexique)
    {
        _docs = docs;
        _positionParId = docs.Select((d, i) => (d.Id, i)).ToFrozenDictionary(x => x.Id, x => x.i);
        _postings = postings.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        _termesTries = [.. postings.Keys.Order(StringComparer.Ordinal)];
        _suppressions = ConstruireSuppressions(_termesTries);
        _lettresTermes = [.. _termesTries.Select(Lettres)];
        _parRacine = _termesTries
            .GroupBy(TexteFrancais.Racine, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _lexique = lexique;
        _regionParDepartement = regionParDepartement;
        _parZone = docs
            .SelectMany((d, i) => ClesDeZone(d).Select(cle => (cle, i)))
            .GroupBy(x => x.cle, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.i).ToArray(), StringComparer.Ordinal);
        _reserve = new Cumul.Reserve(docs.Length);
        _criteres = new CriteresIndex(docs);
        var numeros = new Dictionary<(int, string), int>();
        int Numero(int famille, string valeur) =>
            numeros.TryGetValue((famille, valeur), out var f) ? f : numeros[(famille, valeur)] = numeros.Count;
        _facettesParDoc = [.. docs.Select(d => d.Entrees.Distinct().Select(e => Numero(FacetteEntree, e))
            .Concat(d.Categories.Distinct().Select(c => Numero(FacetteCategorie, c)))
            .Concat(d.TypeService is null ? [] : [Numero(FacetteType, d.TypeService)])
            .ToArray())];
        _facettes = [.. numeros.OrderBy(kv => kv.Value).Select(kv => kv.Key)];
        _rangNom = new int[docs.Length];
        var parNom = Enumerable.Range(0, docs.Length).OrderBy(i => docs[i].Nom, StringComparer.Ordinal).ThenBy(i => docs[i].Id).ToArray();
        for (var r = 0; r < parNom.Length; r++)
        {
            _rangNom[parNom[r]] = r;
        }

        Version = version;
    }

    private static IEnumerable<string> ClesDeZone(DispositifDoc d) => d.ZoneType switch
    {
        ZoneType.France => ["F"],
        ZoneType.Region => d.ZoneCodes.Select(c => "R:" + c),
        ZoneType.Departements => d.ZoneCodes.Select(c => "D:" + c),
        ZoneType.Epci => d.ZoneCodes.Select(c => "E:" + c),
        _ => d.ZoneCodes.Select(c => "C:" + c),
    };

    /// <summary>
    /// The five lists (France, region, département, EPCI, commune) of the positions of the programmes
    /// whose zone covers the commune: exactly those for which <see cref="DispositifDoc.Couvre"/> is
    /// true, each once (a programme has one zone type), in ascending order within each list.
    /// </summary>
    internal int[][] ListesDeZonePour(Commune c) =>
        [.. new[] { "F", "R:" + c.Region, "D:" + c.Departement, c.Epci is null ? null : "E:" + c.Epci, "C:" + c.CodeInsee }
            .Select(k => k is not null && _parZone.TryGetValue(k, out var l) ? l : [])];

    /// <summary>Positions of the programmes whose zone covers the commune (each programme once: it has one zone type).</summary>
    private int[] CandidatsPour(Commune c)
    {
        var listes = ListesDeZonePour(c);
        var result = new int[listes.Sum(l => l.Length)];
        var n = 0;
        foreach (var l in listes)
        {
            l.CopyTo(result, n);
            n += l.Length;
        }

        return result;
    }

    /// <summary>Changes whenever the catalogue changes; used for ETags.</summary>
    public long Version { get; }

    public int Count => _docs.Length;

    public IReadOnlyList<DispositifDoc> Documents => _docs;

    public DispositifDoc? Document(int id) => _positionParId.TryGetValue(id, out var i) ? _docs[i] : null;

    public int NombreDeTermes => _termesTries.Length;

    public static CatalogueIndex Construire(IEnumerable<Dispositif> dispositifs, RepertoireCommunes communes, long version, Lexique? lexique = null)
    {
        var docs = new List<DispositifDoc>();
        var postings = new Dictionary<string, List<uint>>(StringComparer.Ordinal);
        var regionParDepartement = communes.Toutes
            .GroupBy(c => c.Departement)
            .ToFrozenDictionary(g => g.Key, g => g.First().Region, StringComparer.Ordinal);

        // Once for all programmes: scanning 35,000 communes per EPCI-zoned programme made builds take seconds.
        var departementsParEpci = communes.Toutes
            .Where(c => c.Epci is not null)
            .GroupBy(c => c.Epci!)
            .ToDictionary(g => g.Key, g => g.Select(c => c.Departement).Distinct().ToArray(), StringComparer.Ordinal);

        // The database gives every programme its own copy of each value (a level, a theme, a structure's name):
        // one copy of each is kept, which is a fifth of the index at national scale.
        var uniques = new ChainesUniques();
        string Une(string v) => uniques.Une(v);
        string? UneOuRien(string? v) => v is null ? null : Une(v);

        // Likewise for zones: the programmes of one département, region or EPCI share one set.
        var ensembles = new Dictionary<string, FrozenSet<string>>(StringComparer.Ordinal);
        FrozenSet<string> Ensemble(IEnumerable<string> codes)
        {
            var tries = codes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            var cle = string.Join('|', tries);
            if (!ensembles.TryGetValue(cle, out var ensemble))
            {
                ensembles[cle] = ensemble = tries.Select(Une).ToFrozenSet(StringComparer.Ordinal);
            }

            return ensemble;
        }

        foreach (var d in dispositifs)
        {
            var lieux = d.Lieux
                .Select(l => communes.ParCode(l.CodeInsee) is { } c
                    ? new LieuDoc(l.Id, Une(l.Nom), Une(l.CodeInsee), c.Departement, c.Nom, l.Latitude, l.Longitude)
                    : new LieuDoc(l.Id, Une(l.Nom), Une(l.CodeInsee), "", "", l.Latitude, l.Longitude))
                .ToArray();
            var zoneDeps = d.ZoneType switch
            {
                ZoneType.Communes => d.ZoneCodes.Select(c => communes.ParCode(c)?.Departement).OfType<string>(),
                ZoneType.Epci => d.ZoneCodes.SelectMany(e => departementsParEpci.GetValueOrDefault(e) ?? []),
                _ => [],
            };
            var doc = new DispositifDoc
            {
                Id = d.Id,
                Slug = d.Slug,
                Nom = d.Nom,
                Resume = d.Resume,
                StructureNom = Une(d.Structure?.Nom ?? ""),
                Entrees = [.. d.Entrees.Select(Une)],
                Thematiques = [.. d.Thematiques.Select(Une)],
                Categories = [.. d.Thematiques.Select(Vocabulaire.CategorieDe).Distinct().Select(Une)],
                TypeService = UneOuRien(d.TypeService),
                AgeMin = d.AgeMin,
                AgeMax = d.AgeMax,
                Niveaux = [.. d.Niveaux.Select(Une)],
                Situations = [.. d.Situations.Select(Une)],
                Remunere = d.Remunere,
                Internat = d.Internat,
                EntreePermanente = d.EntreePermanente,
                Frais = UneOuRien(d.Frais),
                DureeSemaines = d.DureeSemaines,
                ZoneType = d.ZoneType,
                ZoneCodes = Ensemble(d.ZoneCodes),
                ZoneDepartements = Ensemble(zoneDeps),
                Lieux = lieux,
                Suspendu = d.Suspendu,
                DateMaj = d.DateMaj,
            };
            var pos = docs.Count;
            docs.Add(doc);

            Indexer(postings, pos, d.Nom, PoidsNom);
            Indexer(postings, pos, d.Resume, PoidsResume);
            Indexer(postings, pos, string.Join(' ', d.Thematiques.Select(Vocabulaire.Thematiques.Libelle)), PoidsThematiques);
            Indexer(postings, pos, string.Join(' ', d.Publics.Select(Vocabulaire.Publics.Libelle).Concat(d.Situations.Select(Vocabulaire.Situations.Libelle))), PoidsThematiques);
            Indexer(postings, pos, doc.StructureNom, PoidsStructure);
            Indexer(postings, pos, d.Description, PoidsDescription);
            Indexer(postings, pos, string.Join(' ', lieux.Select(l => l.NomCommune).Distinct()), PoidsDescription);
        }

        return new CatalogueIndex([.. docs], postings, regionParDepartement, version, lexique ?? Lexique.Embarque());
    }

    private static void Indexer(Dictionary<string, List<uint>> postings, int doc, string? texte, float poids)
    {
        if (string.IsNullOrEmpty(texte))
        {
            return;
        }

        var rang = (uint)Array.IndexOf(PoidsParRang, poids);
        if (rang >= PoidsParRang.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(poids), poids, "A field weight must be one of PoidsParRang.");
        }

        var entree = (uint)doc | (rang << BitsPosition);
        foreach (var terme in TexteFrancais.Termes(texte))
        {
            if (!postings.TryGetValue(terme, out var liste))
            {
                postings[terme] = liste = [];
            }

            // Programmes are indexed one after the other: a term already met in this one is its last entry,
            // which keeps the best field (the lowest rank).
            if (liste.Count > 0 && (liste[^1] & MasquePosition) == doc)
            {
                liste[^1] = Math.Min(liste[^1], entree);
            }
            else
            {
                liste.Add(entree);
            }
        }
    }

    /// <summary>Every one-letter deletion of every term long enough for typo tolerance, mapped back to the terms.</summary>
    private static FrozenDictionary<string, string[]> ConstruireSuppressions(string[] termes)
    {
        var map = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var t in termes)
        {
            if (t.Length < 4)
            {
                continue;
            }

            for (var i = 0; i < t.Length; i++)
            {
                var del = t.Remove(i, 1);
                if (!map.TryGetValue(del, out var l))
                {
                    map[del] = l = [];
                }

                if (l.Count == 0 || l[^1] != t)
                {
                    l.Add(t);
                }
            }
        }

        return map.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }

    private const int BitsPosition = 29;
    private const uint MasquePosition = (1u << BitsPosition) - 1;

    /// <summary>The field weights, from the best: a posting keeps the rank of the best field that holds the term.</summary>
    private static readonly float[] PoidsParRang = [PoidsNom, PoidsResume, PoidsThematiques, PoidsStructure, PoidsDescription];
}
