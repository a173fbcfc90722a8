using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Raccroche.Web.Features.Fiches;

public enum TypeSegment
{
    Egal,
    Supprime,
    Ajoute,
}

public sealed record Segment(TypeSegment Type, string Texte);

/// <summary>One changed field: old and new values, and for long texts the word-level changes.</summary>
public sealed record Ecart(string Libelle, string Avant, string Apres, IReadOnlyList<Segment>? Mots);

/// <summary>
/// Readable differences between two versions of a sheet: the fields whose text changed, in the order of
/// the newer version, and a word-level diff (longest common subsequence of words) for long texts.
/// </summary>
public static partial class Ecarts
{
    /// <summary>Beyond this many word pairs, a long text is shown as removed then added (keeps the diff cheap).</summary>
    private const long CellulesMax = 2_000_000;

    private static readonly HtmlEncoder Encodeur = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static IReadOnlyList<Ecart> Comparer(IReadOnlyList<ChampFiche> avant, IReadOnlyList<ChampFiche> apres)
    {
        var anciens = avant.ToDictionary(c => c.Cle, StringComparer.Ordinal);
        var ecarts = new List<Ecart>();
        foreach (var c in apres)
        {
            var a = anciens.GetValueOrDefault(c.Cle)?.Texte ?? "";
            if (a != c.Texte)
            {
                ecarts.Add(new(c.Libelle, a, c.Texte, c.Long && a.Length > 0 && c.Texte.Length > 0 ? Mots(a, c.Texte) : null));
            }
        }

        // Fields present only before (a place no longer listed): shown as emptied.
        var nouveaux = apres.Select(c => c.Cle).ToHashSet(StringComparer.Ordinal);
        ecarts.AddRange(avant.Where(c => !nouveaux.Contains(c.Cle) && c.Texte.Length > 0).Select(c => new Ecart(c.Libelle, c.Texte, "", null)));
        return ecarts;
    }

    /// <summary>Word-level diff: words and the spaces after them are the units, so the text reads back exactly.</summary>
    public static IReadOnlyList<Segment> Mots(string avant, string apres)
    {
        var a = Decouper(avant);
        var b = Decouper(apres);
        var debut = 0;
        while (debut < a.Length && debut < b.Length && a[debut] == b[debut])
        {
            debut++;
        }

        var fin = 0;
        while (fin < a.Length - debut && fin < b.Length - debut && a[a.Length - 1 - fin] == b[b.Length - 1 - fin])
        {
            fin++;
        }

        var segments = new List<Segment>();
        Ajouter(segments, TypeSegment.Egal, a.AsSpan(0, debut));
        var ma = a.AsSpan(debut, a.Length - debut - fin);
        var mb = b.AsSpan(debut, b.Length - debut - fin);
        if ((long)ma.Length * mb.Length > CellulesMax)
        {
            Ajouter(segments, TypeSegment.Supprime, ma);
            Ajouter(segments, TypeSegment.Ajoute, mb);
        }
        else
        {
            Lcs(segments, ma, mb);
        }

        Ajouter(segments, TypeSegment.Egal, a.AsSpan(a.Length - fin, fin));
        return segments;
    }

    /// <summary>The word-level diff as HTML: removed text in del, added in ins, each announced to screen readers; all text encoded.</summary>
    public static HtmlString Html(IEnumerable<Segment> segments)
    {
        var html = new StringBuilder();
        foreach (var s in segments)
        {
            var texte = Encodeur.Encode(s.Texte);
            html.Append(s.Type switch
            {
                TypeSegment.Supprime => $"<del><span class=\"sr-only\">[supprimé : </span>{texte}<span class=\"sr-only\">]</span></del>",
                TypeSegment.Ajoute => $"<ins><span class=\"sr-only\">[ajouté : </span>{texte}<span class=\"sr-only\">]</span></ins>",
                _ => texte,
            });
        }

        return new HtmlString(html.ToString());
    }

    private static void Lcs(List<Segment> segments, ReadOnlySpan<string> a, ReadOnlySpan<string> b)
    {
        // longueurs[i, j] = length of the LCS of a[i..] and b[j..].
        var longueurs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                longueurs[i, j] = a[i] == b[j] ? longueurs[i + 1, j + 1] + 1 : Math.Max(longueurs[i + 1, j], longueurs[i, j + 1]);
            }
        }

        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                Ajouter(segments, TypeSegment.Egal, a[x]);
                x++;
                y++;
            }
            else if (x < a.Length && (y == b.Length || longueurs[x + 1, y] >= longueurs[x, y + 1]))
            {
                // Removed words first, then added ones: "old → new" reads in that order.
                Ajouter(segments, TypeSegment.Supprime, a[x]);
                x++;
            }
            else
            {
                Ajouter(segments, TypeSegment.Ajoute, b[y]);
                y++;
            }
        }
    }

    private static void Ajouter(List<Segment> segments, TypeSegment type, ReadOnlySpan<string> mots)
    {
        foreach (var m in mots)
        {
            Ajouter(segments, type, m);
        }
    }

    /// <summary>Appends to the last segment when it has the same type, so a changed phrase is one block.</summary>
    private static void Ajouter(List<Segment> segments, TypeSegment type, string mot)
    {
        if (segments.Count > 0 && segments[^1].Type == type)
        {
            segments[^1] = segments[^1] with { Texte = segments[^1].Texte + mot };
        }
        else
        {
            segments.Add(new(type, mot));
        }
    }

    private static string[] Decouper(string texte) => [.. MotEtEspaces().Matches(texte).Select(m => m.Value)];

    [GeneratedRegex(@"\s+|[^\s]+\s*", RegexOptions.CultureInvariant)]
    private static partial Regex MotEtEspaces();
}
