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
    public static TableauMasque Appliquer(IReadOnlyList<long?> valeurs, IReadOnlyList<Somme> sommes, ReglesSecret regles) =>
        Appliquer(valeurs, sommes, regles, new HashSet<int>(), new HashSet<int>())!;

    /// <summary>
    /// The same secrecy for a table that shares cells with a table already published (a territory's row, now the total of
    /// its breakdown; the region's totals, published by the PSAD table): <paramref name="masquees"/> are masked there, so
    /// masked here from the start; <paramref name="fixees"/> are published there, so they must stay published here. Null
    /// when protecting the table would need to mask one of those: the breakdown cannot be published at this level.
    /// </summary>
    public static TableauMasque? Appliquer(IReadOnlyList<long?> valeurs, IReadOnlyList<Somme> sommes, ReglesSecret regles, IReadOnlySet<int> masquees, IReadOnlySet<int> fixees)
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
        if (primaires.Overlaps(fixees))
        {
            return null;
        }

        foreach (var i in masquees)
        {
            marques[i] ??= Marque.Secret;
        }

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
            var aMasquer = fuite.Parties.Where(c => marques[c] is null && !fixees.Contains(c)).OrderBy(c => valeurs[c] == 0 ? 1 : 0).ThenBy(c => valeurs[c]).ThenBy(c => c).Cast<int?>().FirstOrDefault()
                ?? (marques[fuite.Total] is null && !fixees.Contains(fuite.Total) ? fuite.Total : null);
            if (aMasquer is null)
            {
                // The only cells left to mask are published elsewhere (or every cell of the sum is masked and the leak runs
                // through other sums: mask any published cell of a sum through the leaking cell, fixed ones excepted).
                aMasquer = sommes.SelectMany(Cellules).Where(c => marques[c] is null && !fixees.Contains(c)).Cast<int?>().FirstOrDefault();
                if (aMasquer is null)
                {
                    return null;
                }
            }

            marques[aMasquer.Value] = Marque.Secret;
        }

        return new TableauMasque([.. valeurs.Select((v, i) => marques[i] is null ? v : null)], marques, primaires);
    }

    /// <summary>
    /// The secrecy of a table published beside one already published (<paramref name="parent"/>): a territory's breakdown
    /// whose total row is that territory's row of the parent, or a breakdown whose total row is the region's row of the PSAD
    /// table. <paramref name="partagees"/> maps each cell of the new table that the parent also shows to the parent's cell.
    /// The check runs over both tables at once (a reader has both), the parent unchanged: its masked cells stay masked, its
    /// published ones published. Null when the new table cannot be made safe that way (offer it at the level above).
    /// </summary>
    public static TableauMasque? AppliquerAupres(
        IReadOnlyList<long?> valeurs, IReadOnlyList<Somme> sommes, IReadOnlyDictionary<int, int> partagees,
        IReadOnlyList<long?> valeursParent, IReadOnlyList<Somme> sommesParent, TableauMasque parent, ReglesSecret regles)
    {
        // One vector: the parent's cells, then the new table's own cells; a shared cell is the parent's.
        var p = valeursParent.Count;
        var indice = new int[valeurs.Count];
        var propres = 0;
        for (var i = 0; i < valeurs.Count; i++)
        {
            indice[i] = partagees.TryGetValue(i, out var j) ? j : p + propres++;
        }

        var tout = new long?[p + propres];
        for (var i = 0; i < p; i++)
        {
            tout[i] = valeursParent[i];
        }

        for (var i = 0; i < valeurs.Count; i++)
        {
            if (indice[i] >= p)
            {
                tout[indice[i]] = valeurs[i];
            }
            else if (valeurs[i] != valeursParent[indice[i]])
            {
                throw new ArgumentException("A shared cell differs between the two tables.", nameof(partagees));
            }
        }

        List<Somme> toutes = [.. sommesParent, .. sommes.Select(s => new Somme(indice[s.Total], [.. s.Parties.Select(x => indice[x])]))];
        var masquees = Enumerable.Range(0, p).Where(parent.EstMasquee).ToHashSet();
        var fixees = Enumerable.Range(0, p).Where(i => !parent.EstMasquee(i)).ToHashSet();
        if (Appliquer(tout, toutes, regles, masquees, fixees) is not { } r)
        {
            return null;
        }

        return new TableauMasque(
            [.. Enumerable.Range(0, valeurs.Count).Select(i => r.Valeurs[indice[i]])],
            [.. Enumerable.Range(0, valeurs.Count).Select(i => r.Marques[indice[i]])],
            Enumerable.Range(0, valeurs.Count).Where(i => r.Primaires.Contains(indice[i]) || (indice[i] < p && parent.Primaires.Contains(indice[i]))).ToHashSet());
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
