namespace Raccroche.Web.Features.Observatoire;

/// <summary>Why a published figure is not shown (the marker next to the cell, explained under every table).</summary>
public enum Marque
{
    /// <summary>Statistical secrecy: a small count, or a cell masked so that a small count cannot be recomputed.</summary>
    [Valeur("s", "secret statistique")] Secret,

    /// <summary>The platform has no value for it (no data for the period or the territory).</summary>
    [Valeur("nd", "non disponible")] NonDisponible,
}

/// <summary>The thresholds of the secrecy (configurable: <see cref="ObservatoireOptions"/>).</summary>
public sealed record ReglesSecret
{
    /// <summary>A count from 1 to <c>SeuilEffectif - 1</c> is secret (shown "&lt; 11" with the default 11); 0 is shown.</summary>
    public int SeuilEffectif { get; init; } = 11;

    /// <summary>A rate is shown only when its denominator is at least this.</summary>
    public int DenominateurMinimum { get; init; } = 20;

    public bool EstPetitEffectif(long valeur) => valeur >= 1 && valeur < SeuilEffectif;

    public bool TauxPubliable(long denominateur) => denominateur >= DenominateurMinimum;
}

/// <summary>
/// A published total is the sum of its parts: a row or column margin, a year and its months, a département and its
/// communes. The secrecy reads these to know what a reader could recompute.
/// </summary>
public sealed record Somme(int Total, IReadOnlyList<int> Parties);

/// <summary>The cells of a table after the secrecy: each value, or its marker; <see cref="Primaires"/> are the small counts themselves (shown "&lt; 11").</summary>
public sealed record TableauMasque(IReadOnlyList<long?> Valeurs, IReadOnlyList<Marque?> Marques, IReadOnlySet<int> Primaires)
{
    public bool EstMasquee(int i) => Marques[i] is not null;

    /// <summary>What cell <paramref name="i"/> shows: the number, "&lt; 11" for a small count, "s" for a secondary mask, "nd" when not available.</summary>
    public string Texte(int i, ReglesSecret regles) => Marques[i] switch
    {
        Marque.NonDisponible => "nd",
        Marque.Secret when Primaires.Contains(i) => $"< {regles.SeuilEffectif}",
        Marque.Secret => "s",
        _ => Format.Nombre(Valeurs[i]!.Value),
    };
}

/// <summary>
/// Statistical secrecy over a set of cells tied by sums. Primary: every small count is masked. Secondary: cells are
/// masked until no masked value can be recomputed from the published ones by any linear combination of the sums (not only
/// "a total minus the other cells of its row", but also across rows, periods and nested territories). A masked cell
/// <c>i</c> is recomputable exactly when the unit vector of <c>i</c> lies in the row space of the sums restricted to the
/// masked cells, that is when removing column <c>i</c> lowers the rank of that matrix; the check runs after every added
/// mask, so the published result never relies on the heuristic alone. Pure: the indicators call it on their tables.
/// </summary>
public static class SecretStatistique
{
    /// <summary>
    /// Masks <paramref name="valeurs"/> (null: not available, already unknown to the reader) under <paramref name="sommes"/>.
    /// The secondary cells chosen are the smallest published parts of a sum that would leak (totals only when no part is
    /// left), so that as little information as possible is lost.
    /// </summary>
    public static TableauMasque Appliquer(IReadOnlyList<long?> valeurs, IReadOnlyList<Somme> sommes, ReglesSecret regles)
    {
        foreach (var s in sommes)
        {
            if (s.Total < 0 || s.Total >= valeurs.Count || s.Parties.Any(p => p < 0 || p >= valeurs.Count || p == s.Total))
            {
                throw new ArgumentException("A sum refers to a cell that is not in the table, or to its own total.", nameof(sommes));
            }
        }

        var marques = valeurs.Select(v => v is null ? Marque.NonDisponible : regles.EstPetitEffectif(v.Value) ? Marque.Secret : (Marque?)null).ToArray();
        var primaires = Enumerable.Range(0, valeurs.Count).Where(i => marques[i] == Marque.Secret).ToHashSet();
        if (marques.All(m => m is null))
        {
            return new TableauMasque([.. valeurs], marques, primaires);
        }

        while (true)
        {
            // A sum with exactly one unknown cell gives it away at once: cheap to find, the most common leak. Otherwise the
            // full check: a cell some combination of sums gives away, and a sum through it that still has published cells.
            // (A value the platform does not have, "nd", has nothing to protect: it only hides the others.)
            var fuite = sommes.FirstOrDefault(s => Cellules(s).Count(c => marques[c] is not null) == 1 && Cellules(s).Any(c => marques[c] == Marque.Secret));
            if (fuite is null && Recalculables(valeurs.Count, sommes, marques) is [var cellule, ..])
            {
                fuite = sommes.FirstOrDefault(s => Cellules(s).Contains(cellule) && Cellules(s).Any(c => marques[c] is null))
                    ?? sommes.FirstOrDefault(s => Cellules(s).Any(c => marques[c] is not null) && Cellules(s).Any(c => marques[c] is null));
            }

            if (fuite is null)
            {
                break;
            }

            // The smallest published part, a non-zero one first (a masked zero hides little: readers guess it); the total last.
            var aMasquer = fuite.Parties.Where(c => marques[c] is null).OrderBy(c => valeurs[c] == 0 ? 1 : 0).ThenBy(c => valeurs[c]).ThenBy(c => c).Cast<int?>().FirstOrDefault()
                ?? fuite.Total;
            marques[aMasquer] = Marque.Secret;
        }

        return new TableauMasque([.. valeurs.Select((v, i) => marques[i] is null ? v : null)], marques, primaires);
    }

    /// <summary>The secret cells a reader could recompute from the published ones; empty when the table is safe.</summary>
    public static IReadOnlyList<int> Recalculables(int cellules, IReadOnlyList<Somme> sommes, IReadOnlyList<Marque?> marques)
    {
        var inconnues = Enumerable.Range(0, cellules).Where(i => marques[i] is not null).ToList();
        var matrice = Matrice(sommes, inconnues);
        var rang = Rang(matrice, inconnues.Count, sauf: -1);
        return [.. inconnues.Where((c, k) => marques[c] == Marque.Secret && Rang(matrice, inconnues.Count, sauf: k) < rang)];
    }

    private static IEnumerable<int> Cellules(Somme s) => s.Parties.Append(s.Total);

    /// <summary>One row per sum, one column per unknown cell: +1 for a part, -1 for the total (published cells are constants).</summary>
    private static List<double[]> Matrice(IReadOnlyList<Somme> sommes, List<int> inconnues)
    {
        var colonne = inconnues.Select((c, k) => (c, k)).ToDictionary(x => x.c, x => x.k);
        var lignes = new List<double[]>();
        foreach (var s in sommes)
        {
            var l = new double[inconnues.Count];
            foreach (var p in s.Parties)
            {
                if (colonne.TryGetValue(p, out var k))
                {
                    l[k] += 1;
                }
            }

            if (colonne.TryGetValue(s.Total, out var t))
            {
                l[t] -= 1;
            }

            if (l.Any(x => x != 0))
            {
                lignes.Add(l);
            }
        }

        return lignes;
    }

    /// <summary>The rank by Gaussian elimination with partial pivoting, leaving out column <paramref name="sauf"/> (-1: none).</summary>
    private static int Rang(List<double[]> matrice, int colonnes, int sauf)
    {
        var m = matrice.Select(l => (double[])l.Clone()).ToList();
        var rang = 0;
        for (var c = 0; c < colonnes && rang < m.Count; c++)
        {
            if (c == sauf)
            {
                continue;
            }

            var pivot = rang;
            for (var r = rang + 1; r < m.Count; r++)
            {
                if (Math.Abs(m[r][c]) > Math.Abs(m[pivot][c]))
                {
                    pivot = r;
                }
            }

            if (Math.Abs(m[pivot][c]) < 1e-9)
            {
                continue;
            }

            (m[rang], m[pivot]) = (m[pivot], m[rang]);
            for (var r = 0; r < m.Count; r++)
            {
                if (r != rang && Math.Abs(m[r][c]) > 1e-12)
                {
                    var f = m[r][c] / m[rang][c];
                    for (var k = 0; k < colonnes; k++)
                    {
                        m[r][k] -= f * m[rang][k];
                    }
                }
            }

            rang++;
        }

        return rang;
    }

    /// <summary>
    /// The sums of a table of <paramref name="lignes"/> × <paramref name="colonnes"/> cells with its margins, laid out row by
    /// row: cell (l, c) at <c>l * (colonnes + 1) + c</c>, each row's total after its cells, then a last row of column totals
    /// ending with the grand total.
    /// </summary>
    public static IReadOnlyList<Somme> Marges(int lignes, int colonnes)
    {
        int Cellule(int l, int c) => (l * (colonnes + 1)) + c;
        var sommes = new List<Somme>();
        for (var l = 0; l <= lignes; l++)
        {
            sommes.Add(new Somme(Cellule(l, colonnes), [.. Enumerable.Range(0, colonnes).Select(c => Cellule(l, c))]));
        }

        for (var c = 0; c <= colonnes; c++)
        {
            sommes.Add(new Somme(Cellule(lignes, c), [.. Enumerable.Range(0, lignes).Select(l => Cellule(l, c))]));
        }

        return sommes;
    }
}
