using Raccroche.Web.Features.Observatoire;

namespace Raccroche.Web.Features.Resultats;

/// <summary>How a programme's outcomes are broken down: the rows of its table, each axis summing to the whole.</summary>
public enum AxeResultats
{
    [Valeur("ensemble", "Ensemble")] Ensemble,
    [Valeur("age", "Âge atteint dans l'année de la proposition")] Age,
    [Valeur("sexe", "Sexe")] Sexe,
    [Valeur("diplome", "Diplôme le plus élevé")] Diplome,
    [Valeur("territoire", "Territoire (PSAD)")] Territoire,
}

/// <summary>One row of a programme's table: its axis, its code (for the CSV) and its label.</summary>
public sealed record LigneResultats(AxeResultats Axe, string Code, string Libelle);

/// <summary>The raw counts of one row, summed from the computation's cells.</summary>
public sealed class ComptesResultats
{
    public int Proposes { get; private set; }
    public int Entres { get; private set; }
    public int[] Faits { get; } = new int[3];
    public int[] Toujours { get; } = new int[3];
    public int[] Changes { get; } = new int[3];

    public ComptesResultats Ajouter(CelluleResultats c)
    {
        Proposes += c.Proposes;
        Entres += c.Entres;
        (int F, int T, int C)[] mois = [(c.Faits3, c.Toujours3, c.Changes3), (c.Faits6, c.Toujours6, c.Changes6), (c.Faits12, c.Toujours12, c.Changes12)];
        for (var k = 0; k < mois.Length; k++)
        {
            Faits[k] += mois[k].F;
            Toujours[k] += mois[k].T;
            Changes[k] += mois[k].C;
        }

        return this;
    }
}

/// <summary>
/// A programme's outcomes after the statistical secrecy (<see cref="SecretStatistique"/>, the observatory's one rule):
/// one row for the whole, then one per age band, sex, diploma and PSAD; 11 columns per row (proposed, entered; per
/// check-in month: done, still in the programme, in another solution). The sums are every axis's rows to the whole,
/// column by column: no small count of a breakdown can be recomputed from the whole and the other rows of any axis, nor
/// from any combination of axes. As in the observatory, what is not published is not a cell (the young people proposed
/// who did not enter, the check-ins that found them in no solution): decision 0020.
/// </summary>
public sealed record TableauResultats(int DispositifId, IReadOnlyList<LigneResultats> Lignes, TableauMasque Cellules)
{
    /// <summary>The check-ins counted, in months after the entry.</summary>
    public static readonly IReadOnlyList<int> Echeances = [3, 6, 12];

    public const int Colonnes = 11, Proposes = 0, Entres = 1;

    public static int Faits(int k) => 2 + (3 * k);

    public static int Toujours(int k) => 3 + (3 * k);

    public static int Changes(int k) => 4 + (3 * k);

    public static int Indice(int ligne, int colonne) => (ligne * Colonnes) + colonne;

    public long? Valeur(int ligne, int colonne) => Cellules.Valeurs[Indice(ligne, colonne)];

    /// <summary>What a cell shows: the number, "&lt; 11" for a small count, "s" for a cell masked to protect one.</summary>
    public string Texte(int ligne, int colonne, ReglesSecret regles) => Cellules.Texte(Indice(ligne, colonne), regles);

    /// <summary>
    /// The share of the check-ins done at month <paramref name="k"/> that found the young person still in the programme
    /// (or, with <paramref name="positif"/>, in it or in another solution): only when every count it is made of is published
    /// and at least <see cref="ReglesSecret.DenominateurMinimum"/> check-ins were done; null otherwise.
    /// </summary>
    public string? Taux(int ligne, int k, bool positif, ReglesSecret regles)
    {
        if (Valeur(ligne, Faits(k)) is not { } faits || !regles.TauxPubliable(faits) || Valeur(ligne, Toujours(k)) is not { } toujours)
        {
            return null;
        }

        if (!positif)
        {
            return Format.Pourcentage(100.0 * toujours / faits);
        }

        return Valeur(ligne, Changes(k)) is { } changes ? Format.Pourcentage(100.0 * (toujours + changes) / faits) : null;
    }

    /// <summary>The CSV columns after the row's own (every count and rate as the pages show them, "nd" for a rate not published).</summary>
    public static IReadOnlyList<string> EnTetesCsv { get; } =
    [
        "proposé à (jeunes)", "entrés",
        .. Echeances.SelectMany(m => new[]
        {
            $"points faits à {m} mois", $"toujours dans le dispositif à {m} mois", $"en solution ailleurs à {m} mois",
            $"taux toujours dans le dispositif à {m} mois", $"taux en solution à {m} mois",
        }),
    ];

    public IEnumerable<string> CellulesCsv(int ligne, ReglesSecret regles) =>
    [
        Texte(ligne, Proposes, regles), Texte(ligne, Entres, regles),
        .. Enumerable.Range(0, Echeances.Count).SelectMany(k => new[]
        {
            Texte(ligne, Faits(k), regles), Texte(ligne, Toujours(k), regles), Texte(ligne, Changes(k), regles),
            Taux(ligne, k, false, regles) ?? "nd", Taux(ligne, k, true, regles) ?? "nd",
        }),
    ];

    public IEnumerable<int> LignesDe(AxeResultats axe) => Enumerable.Range(0, Lignes.Count).Where(l => Lignes[l].Axe == axe);

    /// <summary>Builds and masks the table; <paramref name="lignes"/> starts with the whole, then every axis's rows.</summary>
    public static TableauResultats Construire(int dispositifId, IReadOnlyList<(LigneResultats Ligne, ComptesResultats Comptes)> lignes, ReglesSecret regles)
    {
        if (lignes.Count == 0 || lignes[0].Ligne.Axe != AxeResultats.Ensemble || lignes.Skip(1).Any(l => l.Ligne.Axe == AxeResultats.Ensemble))
        {
            throw new ArgumentException("The first row, and only it, is the whole.", nameof(lignes));
        }

        long Valeur(ComptesResultats c, int colonne) => colonne switch
        {
            Proposes => c.Proposes,
            Entres => c.Entres,
            _ => ((colonne - 2) % 3) switch
            {
                0 => c.Faits[(colonne - 2) / 3],
                1 => c.Toujours[(colonne - 2) / 3],
                _ => c.Changes[(colonne - 2) / 3],
            },
        };

        // No sum ties two columns, so each column is masked on its own (the same masks as the whole table at once, and the
        // rank checks stay small: a few rows instead of every cell of the table).
        var axes = lignes.Skip(1).Select(l => l.Ligne.Axe).Distinct().ToList();
        var sommes = axes.Select(axe => new Somme(0, [.. Enumerable.Range(0, lignes.Count).Where(l => lignes[l].Ligne.Axe == axe)])).ToList();
        var valeurs = new long?[lignes.Count * Colonnes];
        var marques = new Marque?[lignes.Count * Colonnes];
        var primaires = new HashSet<int>();
        for (var colonne = 0; colonne < Colonnes; colonne++)
        {
            var masque = SecretStatistique.Appliquer([.. lignes.Select(l => (long?)Valeur(l.Comptes, colonne))], sommes, regles);
            for (var l = 0; l < lignes.Count; l++)
            {
                valeurs[Indice(l, colonne)] = masque.Valeurs[l];
                marques[Indice(l, colonne)] = masque.Marques[l];
                if (masque.Primaires.Contains(l))
                {
                    primaires.Add(Indice(l, colonne));
                }
            }
        }

        return new TableauResultats(dispositifId, [.. lignes.Select(l => l.Ligne)], new TableauMasque(valeurs, marques, primaires));
    }
}
