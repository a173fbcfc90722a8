using System.Collections.Frozen;

namespace Raccroche.Web.Features.Catalogue;

/// <summary>One way of finding what a query word (or phrase) means: terms that must all be in the sheet, and a weight.</summary>
public sealed record Alternative(string[] Termes, float Facteur);

/// <summary>
/// One unit of a query: a word, or a phrase of the lexicon, with its equivalent forms. A sheet matches the
/// clause if it matches one of its alternatives; it must match every clause that is not <see cref="Facultative"/>.
/// </summary>
public sealed record Clause(string Forme, int Longueur, bool Facultative, IReadOnlyList<Alternative> Alternatives);

/// <summary>
/// The search lexicon (Donnees/Vocabulaires/lexique.txt): groups of equivalent forms, one-way expansions and the
/// optional "intent" words. It turns a query into clauses; the index scores them (<see cref="CatalogueIndex"/>).
/// </summary>
public sealed class Lexique
{
    /// <summary>How much an equivalent form weighs against the form typed.</summary>
    public const float FacteurSynonyme = 0.8f;

    private readonly FrozenDictionary<string, string[][]> _equivalents;
    private readonly FrozenSet<string> _facultatifs;
    private readonly int _longueurMax;
    private readonly string[] _formesSimples;

    private Lexique(Dictionary<string, List<string[]>> equivalents, HashSet<string> facultatifs)
    {
        _equivalents = equivalents.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        _facultatifs = facultatifs.ToFrozenSet(StringComparer.Ordinal);
        _longueurMax = equivalents.Count == 0 ? 1 : equivalents.Keys.Max(k => k.Count(c => c == ' ') + 1);
        _formesSimples = [.. equivalents.Keys.Where(k => !k.Contains(' ')).Order(StringComparer.Ordinal)];
    }

    /// <summary>The forms a form (as normalised terms joined by spaces) also searches, in file order.</summary>
    public IReadOnlyList<string[]> Equivalents(string forme) => _equivalents.GetValueOrDefault(forme) ?? [];

    private static Lexique? _embarque;

    /// <summary>The lexicon shipped in the assembly; a faulty file stops the start-up with its line numbers.</summary>
    public static Lexique Embarque()
    {
        if (_embarque is { } l)
        {
            return l;
        }

        using var s = typeof(Lexique).Assembly.GetManifestResourceStream("Raccroche.Vocabulary.lexique.txt")
            ?? throw new InvalidOperationException("lexique.txt is not embedded.");
        using var lecteur = new StreamReader(s);
        var lexique = Lire(lecteur, out var erreurs);
        if (erreurs.Count > 0)
        {
            throw new InvalidOperationException("lexique.txt: " + string.Join("; ", erreurs));
        }

        return _embarque = lexique;
    }

    /// <summary>Reads a lexicon; <paramref name="erreurs"/> lists, in French with the line number, every line that cannot be used.</summary>
    public static Lexique Lire(TextReader lecteur, out List<string> erreurs)
    {
        erreurs = [];
        var equivalents = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        var facultatifs = new HashSet<string>(StringComparer.Ordinal);
        var numero = 0;
        while (lecteur.ReadLine() is { } ligne)
        {
            numero++;
            var texte = ligne.Trim();
            if (texte.Length == 0 || texte.StartsWith('#'))
            {
                continue;
            }

            if (texte.StartsWith("facultatifs:", StringComparison.Ordinal))
            {
                foreach (var mot in texte["facultatifs:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    // Stop words vanish on their own; the others are kept under their normalised form.
                    facultatifs.UnionWith(TexteFrancais.Termes(mot));
                }

                continue;
            }

            var cotes = texte.Split('>');
            if (cotes.Length > 2)
            {
                erreurs.Add($"ligne {numero} : un seul « > » par ligne.");
                continue;
            }

            var gauche = Formes(cotes[0], numero, erreurs);
            var droite = cotes.Length == 2 ? Formes(cotes[1], numero, erreurs) : [];
            if (gauche is null || droite is null)
            {
                continue;
            }

            if (gauche.Count + droite.Count < 2)
            {
                erreurs.Add($"ligne {numero} : un groupe a au moins deux formes (« a = b » ou « a > b »).");
                continue;
            }

            // Both sides of "=" search each other; the left of ">" also searches the right, not the other way round.
            foreach (var f in gauche)
            {
                Ajouter(equivalents, f, gauche.Concat(droite));
            }

            if (cotes.Length == 1)
            {
                continue;
            }

            foreach (var f in droite)
            {
                Ajouter(equivalents, f, droite);
            }
        }

        return new Lexique(equivalents, facultatifs);
    }

    private static List<string[]>? Formes(string cote, int numero, List<string> erreurs)
    {
        var formes = new List<string[]>();
        foreach (var brute in cote.Split('='))
        {
            if (string.IsNullOrWhiteSpace(brute))
            {
                erreurs.Add($"ligne {numero} : forme vide (deux « = » de suite, ou en bout de ligne).");
                return null;
            }

            var termes = TexteFrancais.Termes(brute).ToArray();
            if (termes.Length == 0)
            {
                erreurs.Add($"ligne {numero} : « {brute.Trim()} » ne contient que des mots vides.");
                return null;
            }

            formes.Add(termes);
        }

        return formes;
    }

    private static void Ajouter(Dictionary<string, List<string[]>> equivalents, string[] forme, IEnumerable<string[]> groupe)
    {
        var cle = string.Join(' ', forme);
        if (!equivalents.TryGetValue(cle, out var liste))
        {
            equivalents[cle] = liste = [];
        }

        foreach (var autre in groupe)
        {
            if (!autre.SequenceEqual(forme) && !liste.Any(l => l.SequenceEqual(autre)))
            {
                liste.Add(autre);
            }
        }
    }

    /// <summary>The one-word forms a word also searches (a phrase's words are widened one by one with them).</summary>
    public IEnumerable<string> VariantesSimples(string terme) =>
        Equivalents(terme).Where(e => e.Length == 1).Select(e => e[0]);

    /// <summary>
    /// The one-word forms of the lexicon that a word unknown to the index may have meant: those it begins
    /// (four letters or more, typed while the sheet says "2e": "deuxiem") or at one typo from it (five or more).
    /// </summary>
    public IEnumerable<string> FormesProches(string terme) => terme.Length < 4 ? [] : _formesSimples.Where(f =>
        f != terme && ((f.Length > terme.Length && f.StartsWith(terme, StringComparison.Ordinal))
            || (terme.Length >= 5 && TexteFrancais.Distance(terme, f, 1) <= 1)));

    /// <summary>
    /// The clauses of a query: from left to right, the longest phrase of the lexicon that starts at each word
    /// (its words may be typed as any one-word equivalent: "ecole deuxieme chance" is the phrase "ecole 2e chance"),
    /// else the word alone; each with the typed form at weight 1 and its equivalents at <see cref="FacteurSynonyme"/>.
    /// When every word is an intent word ("je veux trouver"), none is optional.
    /// </summary>
    public List<Clause> Analyser(string texte)
    {
        var termes = TexteFrancais.Termes(texte);
        var clauses = new List<Clause>();
        var vues = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < termes.Count;)
        {
            var longueur = 1;
            string? phrase = null;
            for (var n = Math.Min(_longueurMax, termes.Count - i); n > 1 && phrase is null; n--)
            {
                phrase = FormeConnue(termes, i, n);
                longueur = phrase is null ? 1 : n;
            }

            var forme = termes.Skip(i).Take(longueur).ToArray();
            var cle = string.Join(' ', forme);
            i += longueur;
            if (!vues.Add(cle))
            {
                continue;
            }

            var alternatives = new List<Alternative> { new(forme, 1f) };
            var connue = phrase ?? cle;
            if (connue != cle)
            {
                alternatives.Add(new Alternative(connue.Split(' '), 1f));
            }

            alternatives.AddRange(Equivalents(connue)
                .Where(e => longueur > 1 || e.Length > 1)
                .Select(e => new Alternative(e, FacteurSynonyme)));
            clauses.Add(new Clause(cle, longueur, longueur == 1 && _facultatifs.Contains(cle), alternatives));
        }

        if (clauses.Count > 0 && clauses.All(c => c.Facultative))
        {
            clauses = [.. clauses.Select(c => c with { Facultative = false })];
        }

        return clauses;
    }

    /// <summary>The lexicon form made of the <paramref name="n"/> words from <paramref name="debut"/>, each as typed or as a one-word equivalent.</summary>
    private string? FormeConnue(List<string> termes, int debut, int n)
    {
        var options = termes.Skip(debut).Take(n).Select(t => new[] { t }.Concat(VariantesSimples(t)).ToArray()).ToArray();
        var combinaisons = options.Aggregate(1L, (p, o) => p * o.Length);
        if (combinaisons > 256)
        {
            return _equivalents.ContainsKey(string.Join(' ', options.Select(o => o[0]))) ? string.Join(' ', options.Select(o => o[0])) : null;
        }

        var indices = new int[n];
        for (var k = 0; k < combinaisons; k++)
        {
            var cle = string.Join(' ', options.Select((o, j) => o[indices[j]]));
            if (_equivalents.ContainsKey(cle))
            {
                return cle;
            }

            for (var j = n - 1; j >= 0; j--)
            {
                if (++indices[j] < options[j].Length)
                {
                    break;
                }

                indices[j] = 0;
            }
        }

        return null;
    }
}
