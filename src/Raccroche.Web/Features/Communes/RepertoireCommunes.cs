using System.Collections.Frozen;

namespace Raccroche.Web.Features.Communes;

/// <summary>
/// All communes in memory (about 35,000, a few MB), looked up by code, postcode or name.
/// Name lookup ignores accents, case, hyphens, "St"/"Saint" and leading articles.
/// </summary>
public sealed partial class RepertoireCommunes
{
    private readonly FrozenDictionary<string, Commune> _parCode;
    private readonly FrozenDictionary<string, Commune[]> _parCodePostal;
    private readonly (string Cle, Commune Commune)[] _parNom;

    public RepertoireCommunes(IEnumerable<Commune> communes)
    {
        var all = communes.ToArray();
        _parCode = all.ToFrozenDictionary(c => c.CodeInsee, StringComparer.Ordinal);
        _parCodePostal = all
            .SelectMany(c => c.ListeCodesPostaux().Select(cp => (cp, c)))
            .GroupBy(x => x.cp)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.c).OrderByDescending(c => c.Population ?? 0).ToArray(), StringComparer.Ordinal);
        _parNom = all.Select(c => (CleNom(c.Nom), c)).OrderBy(x => x.Item1, StringComparer.Ordinal).ToArray();
        Count = all.Length;
    }

    public int Count { get; }

    public Commune? ParCode(string? codeInsee) =>
        codeInsee is not null && _parCode.TryGetValue(codeInsee, out var c) ? c : null;

    public IEnumerable<Commune> Toutes => _parCode.Values;

    /// <summary>The communes served by a postcode, most populous first.</summary>
    public IReadOnlyList<Commune> ParCodePostal(string? codePostal) =>
        codePostal is not null && _parCodePostal.TryGetValue(codePostal, out var l) ? l : [];

    /// <summary>Each département's mean position of its communes (where the observatory's map places its tile), computed once.</summary>
    public IReadOnlyDictionary<string, (double Latitude, double Longitude)> PositionsDepartements => _positions ??=
        Toutes.GroupBy(c => c.Departement).ToFrozenDictionary(g => g.Key, g => (g.Average(c => c.Latitude), g.Average(c => c.Longitude)), StringComparer.Ordinal);

    /// <summary>Each EPCI's most populous commune (how the observatory names an EPCI: the file gives its code only), computed once.</summary>
    public IReadOnlyDictionary<string, string> CommunesPrincipalesEpci => _epci ??=
        Toutes.Where(c => c.Epci is not null).GroupBy(c => c.Epci!).ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(c => c.Population ?? 0).First().Nom, StringComparer.Ordinal);

    private FrozenDictionary<string, (double Latitude, double Longitude)>? _positions;
    private FrozenDictionary<string, string>? _epci;

    /// <summary>Normalised key of a commune name: "Le Puy-en-Velay" → "puy en velay", "St-Étienne" → "saint etienne".</summary>
    public static string CleNom(string nom)
    {
        var mots = TexteFrancais.Replier(nom).Replace('\'', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (mots.Count > 1 && mots[0] is "le" or "la" or "les" or "l")
        {
            mots.RemoveAt(0);
        }

        for (var i = 0; i < mots.Count; i++)
        {
            mots[i] = mots[i] switch
            {
                "st" => "saint",
                "ste" => "sainte",
                "sts" => "saints",
                "stes" => "saintes",
                _ => mots[i],
            };
        }

        return string.Join(' ', mots);
    }

    /// <summary>Communes matching what a person typed: a code, a postcode (or its start), or a name (or its start).</summary>
    public List<Commune> Rechercher(string? saisie, int max = 10)
    {
        if (string.IsNullOrWhiteSpace(saisie))
        {
            return [];
        }

        saisie = saisie.Trim();
        var avecCp = NomEtCodePostal().Match(saisie);
        if (avecCp.Success)
        {
            var cp = avecCp.Groups["cp"].Value;
            var cle = CleNom(avecCp.Groups["nom"].Value);
            var parCp = _parCodePostal.TryGetValue(cp, out var l) ? l : [];
            var exact = parCp.Where(c => CleNom(c.Nom) == cle).ToList();
            return exact.Count > 0 ? exact : [.. parCp.Take(max)];
        }

        if (saisie.All(char.IsAsciiDigit) || (saisie.Length == 5 && (saisie.StartsWith("2A", StringComparison.OrdinalIgnoreCase) || saisie.StartsWith("2B", StringComparison.OrdinalIgnoreCase))))
        {
            var result = new List<Commune>();
            if (saisie.Length == 5)
            {
                if (ParCode(saisie.ToUpperInvariant()) is { } parCode)
                {
                    result.Add(parCode);
                }

                if (_parCodePostal.TryGetValue(saisie, out var l))
                {
                    result.AddRange(l.Where(c => !result.Contains(c)));
                }

                return [.. result.Take(max)];
            }

            if (saisie.Length >= 2)
            {
                return _parCodePostal
                    .Where(kv => kv.Key.StartsWith(saisie, StringComparison.Ordinal))
                    .SelectMany(kv => kv.Value)
                    .Distinct()
                    .OrderByDescending(c => c.Population ?? 0)
                    .Take(max)
                    .ToList();
            }

            return [];
        }

        var prefixe = CleNom(saisie);
        if (prefixe.Length == 0)
        {
            return [];
        }

        var debut = BorneInferieure(prefixe);
        var trouves = new List<Commune>();
        for (var i = debut; i < _parNom.Length && _parNom[i].Cle.StartsWith(prefixe, StringComparison.Ordinal); i++)
        {
            trouves.Add(_parNom[i].Commune);
        }

        return trouves
            .OrderByDescending(c => CleNom(c.Nom) == prefixe)
            .ThenByDescending(c => c.Population ?? 0)
            .ThenBy(c => c.CodeInsee, StringComparer.Ordinal)
            .Take(max)
            .ToList();
    }

    /// <summary>
    /// Resolves a typed commune to exactly one when possible: an exact name shared by several
    /// communes (homonyms) returns them all so that the person can choose.
    /// </summary>
    public ResolutionCommune Resoudre(string? saisie)
    {
        var candidats = Rechercher(saisie, 20);
        if (candidats.Count == 0)
        {
            return new ResolutionCommune(null, []);
        }

        var cle = CleNom(saisie!);
        var exacts = candidats.Where(c => CleNom(c.Nom) == cle || c.CodeInsee == saisie!.Trim().ToUpperInvariant()).ToList();
        if (exacts.Count == 1)
        {
            return new ResolutionCommune(exacts[0], exacts);
        }

        if (exacts.Count > 1)
        {
            return new ResolutionCommune(null, exacts);
        }

        return candidats.Count == 1 ? new ResolutionCommune(candidats[0], candidats) : new ResolutionCommune(null, candidats);
    }

    /// <summary>The longest commune name a field accepts (the longest French one has 45 letters).</summary>
    public const int LongueurMaxSaisie = 100;

    /// <summary>
    /// The one reading of a commune typed in a form (search, directory, diagnostic): <see cref="Resoudre"/>,
    /// and when that does not give exactly one commune, the French sentence to show (<paramref name="tutoiement"/>
    /// for the young person's pages, "vous" for professionals), with the homonyms to choose from.
    /// </summary>
    public ResolutionCommune ResoudreSaisie(string saisie, out string? message, bool tutoiement = false)
    {
        if (saisie.Length > LongueurMaxSaisie)
        {
            message = tutoiement ? "C'est trop long pour un nom de commune." : $"Le nom de commune est trop long : {LongueurMaxSaisie} caractères au maximum.";
            return new ResolutionCommune(null, []);
        }

        var r = Resoudre(saisie);
        message = (r.Commune, r.Candidats.Count, tutoiement) switch
        {
            ({ }, _, _) => null,
            (null, 0, true) => $"On ne trouve pas « {saisie} ». Vérifie l'orthographe ou écris ton code postal.",
            (null, 0, false) => $"Aucune commune ne correspond à « {Saisie.Tronquer(saisie)} ». Vérifiez l'orthographe ou indiquez le code postal.",
            (null, _, true) => "Plusieurs communes correspondent : choisis la tienne.",
            (null, _, false) => $"Plusieurs communes correspondent à « {Saisie.Tronquer(saisie)} » : choisissez la vôtre dans la liste.",
        };
        return r;
    }

    /// <summary>
    /// A professional's commune field pair, as the search and directory pages have it: the hidden
    /// <c>code_commune</c> (chosen from the suggestions) wins, else the typed name through
    /// <see cref="ResoudreSaisie"/> (its message added to <paramref name="erreurs"/> under <c>commune</c>).
    /// Returns the commune (or null), the homonyms to choose from, and the text to show back in the field.
    /// </summary>
    public (Commune? Commune, List<Commune> Candidats, string? Saisie) LireChamp(string? code, string? saisie, Erreurs erreurs)
    {
        Commune? commune = null;
        List<Commune> candidats = [];
        if (!string.IsNullOrWhiteSpace(code))
        {
            commune = ParCode(code.Trim().ToUpperInvariant());
        }
        else if (!string.IsNullOrWhiteSpace(saisie))
        {
            var r = ResoudreSaisie(saisie, out var message);
            commune = r.Commune;
            candidats = r.Commune is null ? r.Candidats : [];
            if (message is not null)
            {
                erreurs.Ajouter("commune", message);
            }
        }

        return (commune, candidats, commune is null ? saisie : Libelle(commune));
    }

    /// <summary>How a commune is shown and typed back: "Thiers (63300)".</summary>
    public static string Libelle(Commune c) =>
        c.ListeCodesPostaux().FirstOrDefault() is { } cp ? $"{c.Nom} ({cp})" : c.Nom;

    private int BorneInferieure(string prefixe)
    {
        int lo = 0, hi = _parNom.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(_parNom[mid].Cle, prefixe) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    [GeneratedRegex(@"^(?<nom>.+?)\s*\((?<cp>\d{5})\)$")]
    private static partial Regex NomEtCodePostal();
}

/// <summary>The outcome of resolving typed text: one commune, or the candidates to choose from.</summary>
public sealed record ResolutionCommune(Commune? Commune, List<Commune> Candidats);
