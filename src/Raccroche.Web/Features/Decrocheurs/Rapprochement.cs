
namespace Raccroche.Web.Features.Decrocheurs;

/// <summary>What is known of a person already followed, enough to recognise them in a new list.</summary>
public sealed record PersonneConnue(int Id, string? Ine, string? Nom, string? NomNaissance, string? Prenom, DateOnly? DateNaissance, string? LieuNaissance);

/// <summary>The outcome for one row: a new person, the same person as a known one, or a doubt for a coordinator.</summary>
public enum IssueRapprochement
{
    Nouveau,
    Rapproche,
    AArbitrer,
}

public sealed record Correspondance(IssueRapprochement Issue, int? PersonneId, IReadOnlyList<int> Candidats, string Raison);

/// <summary>
/// Recognises a row of a new list as a person already followed. In order: the INE; otherwise the
/// names (accents, hyphens, case folded; usage or birth name) with the birth date (and the birth
/// place when both sides give one). Near misses (a birth date with day and month swapped or one day
/// off, a one-letter typo in a name, two persons fitting, INEs that disagree) are never merged: they
/// go to the coordinator's "à arbitrer" queue. A name alone never merges anyone.
/// </summary>
public sealed class Rapprochement
{
    private readonly Dictionary<string, List<Indexee>> _parIne = new(StringComparer.Ordinal);

    /// <summary>By birth date, then folded first name: a row looks at the few people born that day with that first name.</summary>
    private readonly Dictionary<DateOnly, Dictionary<string, List<Indexee>>> _parNaissance = [];
    private int _rang;

    /// <summary>A known person with its keys folded once, not at every comparison; <c>Rang</c> keeps the order they were added in.</summary>
    private sealed record Indexee(PersonneConnue P, string Prenom, HashSet<string> Noms, string Lieu, int Rang);

    public Rapprochement(IEnumerable<PersonneConnue> connues)
    {
        foreach (var p in connues)
        {
            Ajouter(p);
        }
    }

    /// <summary>Makes a person just created findable by the rows that follow (a list may name someone twice).</summary>
    public void Ajouter(PersonneConnue p)
    {
        var x = new Indexee(p, Cle(p.Prenom), Noms(p.Nom, p.NomNaissance), Cle(p.LieuNaissance), _rang++);
        if (p.Ine is { } ine)
        {
            Liste(_parIne, ine).Add(x);
        }

        if (p.DateNaissance is { } d)
        {
            if (!_parNaissance.TryGetValue(d, out var parPrenom))
            {
                _parNaissance[d] = parPrenom = new(StringComparer.Ordinal);
            }

            Liste(parPrenom, x.Prenom).Add(x);
        }
    }

    public Correspondance Chercher(LigneSiei l)
    {
        if (l.Ine is { } ine && _parIne.TryGetValue(ine, out var memeIne))
        {
            return memeIne.Count == 1
                ? new Correspondance(IssueRapprochement.Rapproche, memeIne[0].P.Id, [memeIne[0].P.Id], "même INE")
                : new Correspondance(IssueRapprochement.AArbitrer, null, [.. memeIne.Select(p => p.P.Id)], "plusieurs dossiers portent cet INE");
        }

        if (l.DateNaissance is not { } naissance || l.Prenom is null || (l.Nom is null && l.NomNaissance is null))
        {
            return new Correspondance(IssueRapprochement.Nouveau, null, [], "");
        }

        var noms = Noms(l.Nom, l.NomNaissance);
        var prenom = Cle(l.Prenom);
        var lieu = Cle(l.LieuNaissance);

        var memes = Candidats(naissance, prenom).Where(x => x.Noms.Overlaps(noms)).ToList();
        if (memes.Count == 1)
        {
            var (p, lieuConnu) = (memes[0].P, memes[0].Lieu);
            if (l.Ine is not null && p.Ine is not null && p.Ine != l.Ine)
            {
                return new Correspondance(IssueRapprochement.AArbitrer, null, [p.Id], "mêmes nom, prénom et date de naissance, mais INE différents");
            }

            if (lieu.Length > 0 && lieuConnu.Length > 0 && lieuConnu != lieu)
            {
                return new Correspondance(IssueRapprochement.AArbitrer, null, [p.Id], "mêmes nom, prénom et date de naissance, mais lieux de naissance différents");
            }

            return new Correspondance(IssueRapprochement.Rapproche, p.Id, [p.Id], "mêmes nom, prénom et date de naissance");
        }

        if (memes.Count > 1)
        {
            return new Correspondance(IssueRapprochement.AArbitrer, null, [.. memes.Select(x => x.P.Id)], "plusieurs dossiers portent ces nom, prénom et date de naissance");
        }

        // Near misses: the same names with a birth date that looks mistyped, or the same birth date with a typo in a name.
        var proches = new List<(PersonneConnue P, string Raison)>();
        foreach (var (date, raison) in DatesVoisines(naissance))
        {
            proches.AddRange(Candidats(date, prenom).Where(x => x.Noms.Overlaps(noms)).Select(x => (x.P, raison)));
        }

        if (_parNaissance.TryGetValue(naissance, out var memeJour))
        {
            proches.AddRange(memeJour.Where(kv => UneFaute(kv.Key, prenom)).SelectMany(kv => kv.Value)
                .Where(x => x.Noms.Any(n => noms.Any(m => UneFaute(n, m))))
                .OrderBy(x => x.Rang)
                .Select(x => (x.P, "même date de naissance, une lettre de différence dans le nom ou le prénom")));
        }
        return proches.Count == 0
            ? new Correspondance(IssueRapprochement.Nouveau, null, [], "")
            : new Correspondance(IssueRapprochement.AArbitrer, null, [.. proches.Select(x => x.P.Id).Distinct()], proches[0].Raison);
    }

    /// <summary>"Lefèvre-Dupont", "LEFEVRE DUPONT", "lefevre  dupont" → "LEFEVRE DUPONT"; apostrophes and dots fold too.</summary>
    public static string Cle(string? nom) =>
        ColonnesSiei.Normaliser(nom).ToUpperInvariant().Replace("Œ", "OE", StringComparison.Ordinal).Replace("Æ", "AE", StringComparison.Ordinal).Replace("ß", "SS", StringComparison.Ordinal);

    private static HashSet<string> Noms(string? nom, string? naissance) =>
        new[] { Cle(nom), Cle(naissance) }.Where(n => n.Length > 0).ToHashSet(StringComparer.Ordinal);

    private List<Indexee> Candidats(DateOnly d, string prenom) =>
        _parNaissance.TryGetValue(d, out var parPrenom) && parPrenom.TryGetValue(prenom, out var l) ? l : [];

    private static IEnumerable<(DateOnly, string)> DatesVoisines(DateOnly d)
    {
        if (d.Day <= 12 && d.Day != d.Month)
        {
            yield return (new DateOnly(d.Year, d.Day, Math.Min(d.Month, DateTime.DaysInMonth(d.Year, d.Day))), "mêmes nom et prénom, jour et mois de naissance inversés");
        }

        yield return (d.AddDays(-1), "mêmes nom et prénom, date de naissance à un jour près");
        yield return (d.AddDays(1), "mêmes nom et prénom, date de naissance à un jour près");
        yield return (d.AddYears(-1), "mêmes nom et prénom, année de naissance à un an près");
        yield return (d.AddYears(1), "mêmes nom et prénom, année de naissance à un an près");
    }

    /// <summary>At most one letter added, removed, changed, or two neighbours swapped; only for names of 4 letters or more.</summary>
    public static bool UneFaute(string a, string b)
    {
        if (a == b)
        {
            return true;
        }

        if (Math.Min(a.Length, b.Length) < 4 || Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        if (a.Length == b.Length)
        {
            // One change, or two neighbours swapped.
            return a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1))
                || (i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2)));
        }

        return a.Length > b.Length ? a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i)) : a.AsSpan(i).SequenceEqual(b.AsSpan(i + 1));
    }

    private static List<Indexee> Liste<TCle>(Dictionary<TCle, List<Indexee>> d, TCle cle)
        where TCle : notnull
    {
        if (!d.TryGetValue(cle, out var l))
        {
            d[cle] = l = [];
        }

        return l;
    }
}
