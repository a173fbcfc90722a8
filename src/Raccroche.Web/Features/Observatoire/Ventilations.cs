using Raccroche.Web.Features.Communes;

namespace Raccroche.Web.Features.Observatoire;

/// <summary>The rows of an indicator's table: territories, or a characteristic of the young people.</summary>
public enum Ventilation
{
    [Valeur("psad", "par PSAD")] Psad,
    [Valeur("departement", "par département")] Departement,
    [Valeur("epci", "par intercommunalité (EPCI)")] Epci,
    [Valeur("tranche-age", "par tranche d'âge")] TrancheAge,
    [Valeur("niveau", "par niveau de la dernière formation")] Niveau,
    [Valeur("sexe", "par sexe")] Sexe,
    [Valeur("structure", "par structure")] Structure,
}

/// <summary>The columns shown: the months of the year or its quarters (both are cut from one table, so they agree).</summary>
public enum Periodicite
{
    [Valeur("mois", "par mois")] Mois,
    [Valeur("trimestre", "par trimestre")] Trimestre,
}

/// <summary>
/// The year of a table: the calendar year (January to December) or the school year (September to August, named by the
/// year it starts in). A school year's months are the calendar tables' months, so it is masked beside both of them.
/// </summary>
public enum Calendrier
{
    [Valeur("civile", "année civile (janvier à décembre)")] Civil,
    [Valeur("scolaire", "année scolaire (septembre à août)")] Scolaire,
}

/// <summary>Which population a table covers: the region, a département, or (for its coordinators) a PSAD.</summary>
public sealed record Territoire(string Code, string Nom, Ventilation Echelon, string Cle)
{
    public static readonly Territoire Region = new("", "Région", Ventilation.Psad, "");

    public bool EstRegion => Code.Length == 0;

    /// <summary>The breakdowns published for this population (<see cref="Grille"/>: why no others).</summary>
    public IReadOnlyList<Ventilation> Ventilations => Echelon switch
    {
        _ when EstRegion => [Ventilation.Psad, Ventilation.Departement, Ventilation.TrancheAge, Ventilation.Niveau, Ventilation.Sexe],
        Ventilation.Departement => [Ventilation.Epci],
        _ => [Ventilation.Structure, Ventilation.TrancheAge, Ventilation.Niveau, Ventilation.Sexe],
    };

    public static Territoire Departement(string code) => new("departement-" + code, $"{code} – {Departements.Nom(code)}", Ventilation.Departement, code);
}

/// <summary>What the reader asked for (all of it in the URL): the year, the population, the rows, the columns.</summary>
public sealed record Selection(int Annee, Territoire Territoire, Ventilation Ventilation, Periodicite Periodicite, Calendrier Calendrier = Calendrier.Civil)
{
    /// <summary>The year as a reader names it: "2025", or "2025-2026" for a school year.</summary>
    public string NomAnnee => Grille.NomAnnee(Annee, Calendrier);

    /// <summary>The query string of this selection (the links, the CSV and the form agree on it).</summary>
    public string Requete(int? annee = null, Ventilation? ventilation = null)
    {
        var v = ventilation ?? Ventilation;
        var parties = new List<string> { $"annee={annee ?? Annee}" };
        if (!Territoire.EstRegion)
        {
            parties.Add("territoire=" + Uri.EscapeDataString(Territoire.Code));
        }

        parties.Add("ventilation=" + v.Code());
        if (Periodicite != Periodicite.Mois)
        {
            parties.Add("periode=" + Periodicite.Code());
        }

        if (Calendrier != Calendrier.Civil)
        {
            parties.Add("calendrier=" + Calendrier.Code());
        }

        return string.Join("&", parties);
    }
}

/// <summary>
/// The layout of every indicator table: one row per category and a last row for the whole population, 17 columns: the
/// 12 months, the 4 quarters and the year. Months and quarters live in one table under one secrecy so that the monthly and
/// the quarterly views cannot be subtracted from each other. A cell (l, c) is at <c>l * 17 + c</c>.
/// </summary>
/// <remarks>
/// Which breakdowns are published, and why: a breakdown is checked together with the table it is nested in (its total row
/// is a row of that table, <see cref="SecretStatistique.AppliquerAupres"/>). The region's PSAD table is the root. Across
/// territories, only geographic breakdowns are published (département → EPCI): a territory × age table beside the
/// region × age table would let a reader add the territories up, which only a check over the whole cube could prevent.
/// A PSAD's own breakdowns (by structure, age, diploma) are shown to its coordinators only.
/// </remarks>
public static class Grille
{
    public const int Mois = 12, Trimestres = 4, Colonnes = Mois + Trimestres + 1, Annee = Mois + Trimestres;

    public static readonly IReadOnlyList<string> NomsMois = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];
    public static readonly IReadOnlyList<string> NomsTrimestres = ["1er trim.", "2e trim.", "3e trim.", "4e trim."];

    public static int Indice(int ligne, int colonne) => (ligne * Colonnes) + colonne;

    /// <summary>The columns shown for a periodicity, the year last.</summary>
    public static IReadOnlyList<int> ColonnesDe(Periodicite p) => p == Periodicite.Mois
        ? [.. Enumerable.Range(0, Mois), Annee]
        : [.. Enumerable.Range(Mois, Trimestres), Annee];

    public static string NomColonne(int c) => c < Mois ? NomsMois[c] : c < Annee ? NomsTrimestres[c - Mois] : "Année";

    /// <summary>The quarters of a school year: three months each from September.</summary>
    public static readonly IReadOnlyList<string> NomsTrimestresScolaires = ["sept.-nov.", "déc.-févr.", "mars-mai", "juin-août"];

    /// <summary>The name of column <paramref name="c"/> in a table of <paramref name="calendrier"/> (a school year's first month is September).</summary>
    public static string NomColonne(int c, Calendrier calendrier) => calendrier == Calendrier.Civil ? NomColonne(c)
        : c < Mois ? NomsMois[MoisCivil(c)] : c < Annee ? NomsTrimestresScolaires[c - Mois] : "Année";

    /// <summary>The calendar month (0 = January) of column <paramref name="c"/> of a school year, and whether it is in the second calendar year.</summary>
    public static int MoisCivil(int c) => (c + 8) % 12;

    public static bool AnneeSuivante(int c) => c >= 4;

    public static string NomAnnee(int annee, Calendrier calendrier) => calendrier == Calendrier.Civil
        ? annee.ToString(CultureInfo.InvariantCulture)
        : $"{annee}-{annee + 1}";

    /// <summary>The school year a day belongs to, named by its first year (September 2025 to August 2026: 2025).</summary>
    public static int AnneeScolaire(DateOnly jour) => jour.Month >= 9 ? jour.Year : jour.Year - 1;

    /// <summary>Every sum of a table of <paramref name="lignes"/> rows (plus the total row): months → quarter, months → year, quarters → year, rows → total.</summary>
    public static IReadOnlyList<Somme> Sommes(int lignes)
    {
        var sommes = new List<Somme>();
        for (var l = 0; l <= lignes; l++)
        {
            sommes.Add(new Somme(Indice(l, Annee), [.. Enumerable.Range(0, Mois).Select(m => Indice(l, m))]));
            for (var t = 0; t < Trimestres; t++)
            {
                sommes.Add(new Somme(Indice(l, Mois + t), [.. Enumerable.Range(3 * t, 3).Select(m => Indice(l, m))]));
            }

            sommes.Add(new Somme(Indice(l, Annee), [.. Enumerable.Range(Mois, Trimestres).Select(t => Indice(l, t))]));
        }

        for (var c = 0; c < Colonnes; c++)
        {
            sommes.Add(new Somme(Indice(lignes, c), [.. Enumerable.Range(0, lignes).Select(l => Indice(l, c))]));
        }

        return sommes;
    }

    /// <summary>The cells of a table from its monthly counts per row: quarters, year and total row are added up here.</summary>
    public static long?[] Remplir(int lignes, Func<int, int, long> mois)
    {
        var t = new long?[(lignes + 1) * Colonnes];
        for (var l = 0; l < lignes; l++)
        {
            for (var m = 0; m < Mois; m++)
            {
                t[Indice(l, m)] = mois(l, m);
            }
        }

        for (var l = 0; l < lignes; l++)
        {
            for (var q = 0; q < Trimestres; q++)
            {
                t[Indice(l, Mois + q)] = Enumerable.Range(3 * q, 3).Sum(m => t[Indice(l, m)]!.Value);
            }

            t[Indice(l, Annee)] = Enumerable.Range(0, Mois).Sum(m => t[Indice(l, m)]!.Value);
        }

        for (var c = 0; c < Colonnes; c++)
        {
            t[Indice(lignes, c)] = Enumerable.Range(0, lignes).Sum(l => t[Indice(l, c)]!.Value);
        }

        return t;
    }
}

/// <summary>The age bands of the breakdown: the age in the month the file was opened (16-17: the obligation de formation).</summary>
public static class TranchesAge
{
    public static readonly IReadOnlyList<(string Code, string Nom)> Toutes =
    [
        ("moins-16", "moins de 16 ans"), ("16-17", "16-17 ans"), ("18-20", "18-20 ans"), ("21-25", "21-25 ans"), ("26-plus", "26 ans et plus"), ("inconnu", "âge non renseigné"),
    ];

    /// <summary>The band of someone born in <paramref name="anneeNaissance"/>/<paramref name="moisNaissance"/> (0: unknown), in month <paramref name="mois"/> of <paramref name="annee"/>.</summary>
    public static string De(int anneeNaissance, int moisNaissance, int annee, int mois)
    {
        if (anneeNaissance == 0)
        {
            return "inconnu";
        }

        var age = annee - anneeNaissance - (mois < moisNaissance ? 1 : 0);
        return age switch { < 16 => "moins-16", < 18 => "16-17", < 21 => "18-20", < 26 => "21-25", _ => "26-plus" };
    }
}

/// <summary>The rows of the breakdown by sex, as the latest SIEI list gave it (<see cref="Decrocheurs.ValeursSiei.Sexe"/>).</summary>
public static class Sexes
{
    public static readonly IReadOnlyList<(string Code, string Nom)> Tous = [("F", "femmes"), ("M", "hommes"), ("inconnu", "sexe non renseigné")];

    public static string De(string? sexe) => sexe is "F" or "M" ? sexe : "inconnu";
}

/// <summary>The levels of the last formation on the lists (2019 nomenclature, <see cref="Decrocheurs.ValeursSiei.Niveau"/>).</summary>
public static class NiveauxFormation
{
    public static readonly IReadOnlyList<(string Code, string Nom)> Tous =
    [
        ("infra-3", "infra 3 (sans diplôme, brevet)"), ("3", "3 (CAP, BEP)"), ("4", "4 (bac)"), ("5", "5 (bac+2)"), ("6", "6 et plus (licence, master…)"), ("inconnu", "non renseigné"),
    ];

    public static string De(string? niveau) => niveau switch
    {
        null or "" => "inconnu",
        "infra-3" or "3" or "4" or "5" => niveau,
        "1" or "2" => "infra-3",
        _ => "6",
    };
}
