using System.Buffers;
using System.Collections.Frozen;

namespace Raccroche.Web.Commun;

/// <summary>
/// French text normalisation for search: lower case without accents or ligatures, elisions
/// removed (l', d', qu'...), stop words dropped and a light plural stemming, so that
/// "l'École des Métiers" and "ecole metier" produce the same terms.
/// </summary>
public static class TexteFrancais
{
    private static readonly FrozenSet<string> MotsVides = new[]
    {
        "a", "au", "aux", "avec", "ce", "ces", "dans", "de", "des", "du", "en", "et", "la", "le", "les",
        "leur", "leurs", "ou", "par", "pour", "sa", "se", "ses", "son", "sur", "un", "une", "est", "sont",
        "qui", "que", "y", "il", "elle", "ils", "elles", "on", "ne", "pas", "plus", "tout", "tous",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly SearchValues<char> Apostrophes = SearchValues.Create("'’ʼ`´");

    /// <summary>Lower case, accents removed, ligatures expanded; everything not a letter or digit becomes a space.</summary>
    public static string Replier(string texte)
    {
        if (string.IsNullOrEmpty(texte))
        {
            return "";
        }

        var decompose = texte.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decompose.Length);
        foreach (var c in decompose)
        {
            var cat = CharUnicodeInfo.GetUnicodeCategory(c);
            if (cat == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            switch (c)
            {
                case 'œ' or 'Œ':
                    sb.Append("oe");
                    break;
                case 'æ' or 'Æ':
                    sb.Append("ae");
                    break;
                case 'ß':
                    sb.Append("ss");
                    break;
                default:
                    if (char.IsLetterOrDigit(c))
                    {
                        sb.Append(char.ToLowerInvariant(c));
                    }
                    else if (Apostrophes.Contains(c))
                    {
                        sb.Append('\'');
                    }
                    else
                    {
                        sb.Append(' ');
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>A URL segment from a title: folded words joined by hyphens, at most 80 characters ("l'École, 2e chance" → "l-ecole-2e-chance").</summary>
    public static string Slug(string texte)
    {
        var mots = Replier(texte).Replace('\'', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var slug = new StringBuilder();
        foreach (var mot in mots)
        {
            if (slug.Length + mot.Length + 1 > 80)
            {
                break;
            }

            slug.Append(slug.Length == 0 ? "" : "-").Append(mot);
        }

        return slug.Length == 0 ? "contenu" : slug.ToString();
    }

    /// <summary>
    /// The search key of a text as stored beside a record and searched in SQL: its terms (<see cref="Termes"/>) each
    /// preceded by a space, so that <c>cle.Contains(" " + terme)</c> finds a term or a word it begins (as the catalogue's prefixes).
    /// </summary>
    public static string CleRecherche(string texte) => string.Concat(Termes(texte).Distinct(StringComparer.Ordinal).Select(t => " " + t)) + " ";

    /// <summary>The search terms of a text, in order, stemmed, without stop words.</summary>
    public static List<string> Termes(string texte)
    {
        var result = new List<string>();
        foreach (var brut in Replier(texte).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var mot in SansElision(brut))
            {
                if (mot.Length == 0 || MotsVides.Contains(mot))
                {
                    continue;
                }

                result.Add(Raciner(mot));
            }
        }

        return result;
    }

    /// <summary>"l'ecole" → "ecole"; "aujourd'hui" stays one word; other apostrophes split.</summary>
    private static IEnumerable<string> SansElision(string mot)
    {
        if (!mot.Contains('\''))
        {
            yield return mot;
            yield break;
        }

        if (mot == "aujourd'hui")
        {
            yield return "aujourdhui";
            yield break;
        }

        foreach (var part in mot.Split('\'', StringSplitOptions.RemoveEmptyEntries))
        {
            // Elided articles and pronouns: l' d' j' m' n' s' t' c' qu' jusqu' lorsqu' puisqu'
            if (part is "l" or "d" or "j" or "m" or "n" or "s" or "t" or "c" or "qu" or "jusqu" or "lorsqu" or "puisqu")
            {
                continue;
            }

            yield return part;
        }
    }

    /// <summary>
    /// Light plural stemming: "-aux" → "-al" (locaux → local), final "s" or "x" dropped on words of
    /// more than three letters ("jeunes" → "jeune"), but not "-ss" ("cours" → "cour" is fine,
    /// "stress" stays). Applied to both indexed text and queries, so only consistency matters.
    /// </summary>
    public static string Raciner(string mot)
    {
        if (mot.Length > 4 && mot.EndsWith("aux", StringComparison.Ordinal))
        {
            return string.Concat(mot.AsSpan(0, mot.Length - 3), "al");
        }

        if (mot.Length > 3 && (mot[^1] == 's' || mot[^1] == 'x') && mot[^2] != 's' && !char.IsDigit(mot[^2]))
        {
            return mot[..^1];
        }

        return mot;
    }

    private static readonly string[] Suffixes =
        ["issement", "ations", "ation", "itions", "ition", "atrice", "ateur", "ements", "ement", "ment", "euse", "eur", "age", "ee", "er", "ir", "re", "e"];

    /// <summary>
    /// Light derivational stemming on a term (<see cref="Termes"/>'s output), so that a verb finds its noun:
    /// "repasser" and "repassage" → "repass", "former", "formation", "formateur" → "form", "reparer" and
    /// "reparation" → "repar". At most two suffixes come off and at least four letters stay. Used only to
    /// widen a query (at a lower weight), never to index, so a loose merge costs ranking, not recall.
    /// </summary>
    public static string Racine(string terme)
    {
        var r = terme;
        for (var passe = 0; passe < 2; passe++)
        {
            var avant = r;
            foreach (var suffixe in Suffixes)
            {
                if (r.Length - suffixe.Length >= 4 && r.EndsWith(suffixe, StringComparison.Ordinal))
                {
                    r = r[..^suffixe.Length];
                    break;
                }
            }

            if (r == avant)
            {
                break;
            }
        }

        return r;
    }

    /// <summary>Optimal string alignment distance, stopping early once it exceeds <paramref name="max"/>.</summary>
    public static int Distance(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        var n = a.Length;
        var m = b.Length;
        Span<int> prev2 = stackalloc int[m + 1];
        Span<int> prev = stackalloc int[m + 1];
        Span<int> cur = stackalloc int[m + 1];
        for (var j = 0; j <= m; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= n; i++)
        {
            cur[0] = i;
            var rowMin = cur[0];
            for (var j = 1; j <= m; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    v = Math.Min(v, prev2[j - 2] + 1);
                }

                cur[j] = v;
                rowMin = Math.Min(rowMin, v);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            var tmp = prev2;
            prev2 = prev;
            prev = cur;
            cur = tmp;
        }

        return prev[m];
    }
}
