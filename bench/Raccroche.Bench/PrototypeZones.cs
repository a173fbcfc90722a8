using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Communes;

namespace Raccroche.Bench;

/// <summary>
/// Not the app's code: a sketch of the change recommended in docs/benchmarks.md, to put a figure on
/// it. Query (c) — commune + radius + age + level, no text — answered from an inverted index of zones
/// (France, region, département, EPCI, commune → programme positions) and the filter fields copied
/// into flat arrays, instead of testing all 50,000 documents. It must find exactly the same totals
/// as <see cref="CatalogueIndex.Rechercher"/>; the bench checks it on every parameter set.
/// </summary>
internal sealed class PrototypeZones
{
    private readonly IReadOnlyList<DispositifDoc> _docs;
    private readonly int[] _france;
    private readonly Dictionary<string, int[]> _parCode;
    private readonly bool[] _suspendu;
    private readonly int[] _ageMin;
    private readonly int[] _ageMax;
    private readonly int[] _niveaux;
    private readonly int[] _premierLieu;
    private readonly double[] _lat;
    private readonly double[] _lon;
    private readonly Dictionary<string, int> _bitNiveau;

    public PrototypeZones(CatalogueIndex index)
    {
        _docs = index.Documents;
        var n = _docs.Count;
        _bitNiveau = Vocabulaire.Niveaux.Termes.Select((t, i) => (t.Valeur, i)).ToDictionary(x => x.Valeur, x => 1 << x.i, StringComparer.Ordinal);
        var france = new List<int>();
        var parCode = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        _suspendu = new bool[n];
        _ageMin = new int[n];
        _ageMax = new int[n];
        _niveaux = new int[n];
        _premierLieu = new int[n + 1];
        var lat = new List<double>();
        var lon = new List<double>();
        for (var i = 0; i < n; i++)
        {
            var d = _docs[i];
            if (d.ZoneType == ZoneType.France)
            {
                france.Add(i);
            }
            else
            {
                foreach (var code in d.ZoneCodes)
                {
                    // Codes of different kinds never collide: region "84", département "63", EPCI 9 digits, commune 5.
                    var cle = $"{d.ZoneType}:{code}";
                    if (!parCode.TryGetValue(cle, out var l))
                    {
                        parCode[cle] = l = [];
                    }

                    l.Add(i);
                }
            }

            _suspendu[i] = d.Suspendu;
            _ageMin[i] = d.AgeMin ?? int.MinValue;
            _ageMax[i] = d.AgeMax ?? int.MaxValue;
            _niveaux[i] = d.Niveaux.Aggregate(0, (m, v) => m | _bitNiveau.GetValueOrDefault(v));
            _premierLieu[i] = lat.Count;
            foreach (var l in d.Lieux)
            {
                lat.Add(l.Latitude);
                lon.Add(l.Longitude);
            }
        }

        _premierLieu[n] = lat.Count;
        _france = [.. france];
        _parCode = parCode.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        _lat = [.. lat];
        _lon = [.. lon];
    }

    /// <summary>Total of query (c), with the same facets and top 20 by distance as the app computes.</summary>
    public int Rechercher(RequeteRecherche q)
    {
        var c = q.Commune!;
        var age = q.Age!.Value;
        var niveau = q.Niveau is null ? 0 : _bitNiveau[q.Niveau];
        var rayon = q.RayonKm ?? double.MaxValue;
        var hits = new List<(int Doc, double? Km)>();
        var entrees = new Dictionary<string, int>(StringComparer.Ordinal);
        var categories = new Dictionary<string, int>(StringComparer.Ordinal);
        var types = new Dictionary<string, int>(StringComparer.Ordinal);
        void Parcourir(int[]? candidats)
        {
            if (candidats is null)
            {
                return;
            }

            foreach (var i in candidats)
            {
                if (_suspendu[i] || age < _ageMin[i] || age > _ageMax[i] || (niveau != 0 && _niveaux[i] != 0 && (_niveaux[i] & niveau) == 0))
                {
                    continue;
                }

                double? km = null;
                for (var k = _premierLieu[i]; k < _premierLieu[i + 1]; k++)
                {
                    var x = Distances.DistanceKm(c.Latitude, c.Longitude, _lat[k], _lon[k]);
                    km = km is null || x < km ? x : km;
                }

                if (km > rayon)
                {
                    continue;
                }

                hits.Add((i, km));
                var d = _docs[i];
                foreach (var e in d.Entrees)
                {
                    entrees[e] = entrees.GetValueOrDefault(e) + 1;
                }

                foreach (var cat in d.Categories)
                {
                    categories[cat] = categories.GetValueOrDefault(cat) + 1;
                }

                if (d.TypeService is not null)
                {
                    types[d.TypeService] = types.GetValueOrDefault(d.TypeService) + 1;
                }
            }
        }

        Parcourir(_france);
        Parcourir(_parCode.GetValueOrDefault($"{ZoneType.Region}:{c.Region}"));
        Parcourir(_parCode.GetValueOrDefault($"{ZoneType.Departements}:{c.Departement}"));
        Parcourir(c.Epci is null ? null : _parCode.GetValueOrDefault($"{ZoneType.Epci}:{c.Epci}"));
        Parcourir(_parCode.GetValueOrDefault($"{ZoneType.Communes}:{c.CodeInsee}"));
        var top = hits.OrderBy(h => h.Km ?? double.MaxValue).ThenBy(h => _docs[h.Doc].Nom, StringComparer.Ordinal).Take(q.Taille).ToList();
        GC.KeepAlive(top);
        return hits.Count;
    }
}
