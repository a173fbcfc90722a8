using Raccroche.Web.Features.Decrocheurs;

namespace Raccroche.Web.Features.Observatoire;

/// <summary>What an indicator counts, and so how it is computed.</summary>
public enum Comptage
{
    /// <summary>Distinct young people (one case file per person and PSAD), by the month their file was opened.</summary>
    [Valeur("personnes", "personnes distinctes")] Personnes,

    /// <summary>Rows of the SIEI livraisons: one person listed on three monthly lists counts three times.</summary>
    [Valeur("situations", "situations (une personne peut compter plusieurs fois)")] Situations,
}

/// <summary>
/// One indicator of the registry: what it counts, where it comes from, how finely it may be shown and under which secrecy.
/// Indicators of people are cohorts: the young people whose case file was opened in the month, and what became of them
/// since (so a rate "joints / repérés" compares the same people). Their <see cref="Filtre"/> reads only the file's status
/// and closing reason, so that one grouped query (<see cref="CalculIndicateurs"/>) serves every indicator.
/// </summary>
public sealed record Indicateur(
    string Code,
    string Libelle,
    string Definition,
    string Source,
    string Unite,
    Comptage Comptage,
    string TerritoireLePlusFin,
    string Secret,
    Func<StatutDossier, MotifCloture?, bool>? Filtre = null,
    string? Denominateur = null);

/// <summary>The registry: every indicator the observatory publishes, with its definition (the method note of its page).</summary>
public static class RegistreIndicateurs
{
    private const string SourceListes = "Listes SIEI importées par les PSAD et dossiers de suivi de Raccroche";
    private const string SecretEffectifs = "effectifs de 1 à 10 masqués (« < 11 »), masquage secondaire des cellules qui permettraient de les retrouver ; taux publiés seulement sur 20 jeunes ou plus";

    public static readonly IReadOnlyList<Indicateur> Tous =
    [
        new("jeunes-reperes", "Jeunes repérés sur les listes SIEI",
            "Nombre de jeunes distincts apparus pour la première fois sur une livraison SIEI d'une PSAD pendant le mois (un jeune qui revient sur les listes suivantes n'est compté qu'une fois, au mois de sa première apparition).",
            SourceListes, "jeunes", Comptage.Personnes, "PSAD", SecretEffectifs),
        new("situations-signalees", "Situations signalées par SIEI",
            "Nombre de lignes des livraisons SIEI du mois. Depuis février 2022 les listes sont mensuelles : un même jeune, toujours sans solution, figure sur plusieurs livraisons et compte une fois par livraison.",
            "Livraisons SIEI importées par les PSAD", "situations", Comptage.Situations, "PSAD", SecretEffectifs),
        new("jeunes-joints", "Jeunes joints",
            "Parmi les jeunes repérés pendant le mois, nombre de ceux avec qui au moins une prise de contact a abouti (jeune ou responsable légal joint), à ce jour.",
            SourceListes, "jeunes", Comptage.Personnes, "PSAD", SecretEffectifs,
            (s, m) => s is not (StatutDossier.AAttribuer or StatutDossier.AContacter or StatutDossier.ContactEnCours or StatutDossier.Injoignable or StatutDossier.Annule or StatutDossier.Transfere)
                && !(s == StatutDossier.Cloture && m is MotifCloture.Injoignable or MotifCloture.CoordonneesErronees),
            "jeunes-reperes"),
        new("jeunes-en-solution", "Jeunes en solution",
            "Parmi les jeunes repérés pendant le mois, nombre de ceux qui sont entrés dans une solution (formation, apprentissage, emploi, service civique, accompagnement…), y compris ceux dont le dossier a depuis été clôturé en sortie positive.",
            SourceListes, "jeunes", Comptage.Personnes, "PSAD", SecretEffectifs,
            (s, m) => s == StatutDossier.EnSolution || (s == StatutDossier.Cloture && m == MotifCloture.SortiePositive),
            "jeunes-reperes"),
        new("jeunes-deja-accompagnes", "Jeunes déjà accompagnés ou sans besoin",
            "Parmi les jeunes repérés pendant le mois, nombre de ceux dont le dossier a été clôturé parce qu'ils étaient déjà accompagnés ailleurs ou n'avaient pas besoin d'aide.",
            SourceListes, "jeunes", Comptage.Personnes, "PSAD", SecretEffectifs,
            (s, m) => s == StatutDossier.Cloture && m is MotifCloture.DejaAccompagne or MotifCloture.SansBesoin,
            "jeunes-reperes"),
        new("jeunes-injoignables", "Jeunes injoignables",
            "Parmi les jeunes repérés pendant le mois, nombre de ceux qui n'ont pas pu être joints malgré les relances, ou dont les coordonnées étaient erronées.",
            SourceListes, "jeunes", Comptage.Personnes, "PSAD", SecretEffectifs,
            (s, m) => s == StatutDossier.Injoignable || (s == StatutDossier.Cloture && m is MotifCloture.Injoignable or MotifCloture.CoordonneesErronees),
            "jeunes-reperes"),
        new("jeunes-refus", "Refus d'accompagnement",
            "Parmi les jeunes repérés pendant le mois, nombre de ceux qui ont refusé l'accompagnement proposé.",
            SourceListes, "jeunes", Comptage.Personnes, "PSAD", SecretEffectifs,
            (s, m) => s == StatutDossier.Cloture && m == MotifCloture.Refus,
            "jeunes-reperes"),
    ];

    public static Indicateur? Trouver(string? code) => Tous.FirstOrDefault(i => string.Equals(i.Code, code, StringComparison.Ordinal));
}

/// <summary>A territory row of an indicator's table.</summary>
public sealed record LigneTerritoire(string Code, string Nom);

/// <summary>
/// An indicator for one year: one row per PSAD and a last row for the region, one column per month and a last one for the
/// year, the secrecy applied over all of it (a year minus its months, the region minus its PSADs). Cells are laid out as
/// <see cref="SecretStatistique.Marges"/> says.
/// </summary>
public sealed record TableauIndicateur(Indicateur Indicateur, int Annee, IReadOnlyList<LigneTerritoire> Territoires, TableauMasque Cellules, IReadOnlyList<string?> Taux, DateTime CalculeLe)
{
    public const int Mois = 12;

    public static readonly IReadOnlyList<string> NomsMois = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];

    /// <summary>The cell of row <paramref name="ligne"/> (the region is <c>Territoires.Count</c>) and month 0–11 (12: the year).</summary>
    public int Indice(int ligne, int mois) => (ligne * (Mois + 1)) + mois;

    public long? Valeur(int ligne, int mois) => Cellules.Valeurs[Indice(ligne, mois)];

    public Marque? Marque(int ligne, int mois) => Cellules.Marques[Indice(ligne, mois)];

    /// <summary>What a cell shows: the number, "&lt; 11" for a small count, "s" for a secondary mask, "nd" when not available.</summary>
    public string Texte(int ligne, int mois, ReglesSecret regles) => Marque(ligne, mois) switch
    {
        Observatoire.Marque.NonDisponible => "nd",
        Observatoire.Marque.Secret when Cellules.Primaires.Contains(Indice(ligne, mois)) => $"< {regles.SeuilEffectif}",
        Observatoire.Marque.Secret => "s",
        _ => Format.Nombre(Valeur(ligne, mois)!.Value),
    };
}

/// <summary>Computes an indicator's table from the database by SQL aggregates (never by loading case files).</summary>
public sealed class CalculIndicateurs(RaccrocheDbContext db, TimeProvider clock, CacheObservatoire cache)
{
    private sealed record Psad(int Id, string Code, string Nom);

    private List<Psad>? _psads;
    private readonly Dictionary<(string Code, int Annee), TableauMasque> _masques = [];

    public async Task<TableauIndicateur> CalculerAsync(Indicateur indicateur, int annee, ReglesSecret regles, CancellationToken ct = default)
    {
        var psads = _psads ??= await db.Psads.AsNoTracking().OrderBy(p => p.Code).Select(p => new Psad(p.Id, p.Code, p.Nom)).ToListAsync(ct);
        var masque = await MasqueAsync(indicateur, annee, psads, regles, ct);

        // A rate of the year per row: only when the numerator and the denominator are published and the denominator is large enough.
        IReadOnlyList<string?> taux = [];
        if (indicateur.Denominateur is { } code && RegistreIndicateurs.Trouver(code) is { } denominateur)
        {
            var base_ = await MasqueAsync(denominateur, annee, psads, regles, ct);
            taux = [.. Enumerable.Range(0, psads.Count + 1).Select(l =>
            {
                var i = (l * (TableauIndicateur.Mois + 1)) + TableauIndicateur.Mois;
                return masque.Valeurs[i] is { } n && base_.Valeurs[i] is { } d && regles.TauxPubliable(d)
                    ? Format.Pourcentage(100.0 * n / d)
                    : null;
            })];
        }

        return new TableauIndicateur(indicateur, annee, [.. psads.Select(p => new LigneTerritoire(p.Code, p.Nom))], masque, taux, clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>An indicator's table with the secrecy applied, computed once per request (the rates' denominator serves five indicators).</summary>
    private async Task<TableauMasque> MasqueAsync(Indicateur indicateur, int annee, List<Psad> psads, ReglesSecret regles, CancellationToken ct)
    {
        if (!_masques.TryGetValue((indicateur.Code, annee), out var masque))
        {
            var valeurs = Tableau([.. psads.Select(p => p.Id)], await ComptesAsync(indicateur, annee, ct));
            _masques[(indicateur.Code, annee)] = masque = SecretStatistique.Appliquer(valeurs, SecretStatistique.Marges(psads.Count, TableauIndicateur.Mois), regles);
        }

        return masque;
    }

    /// <summary>The counts per PSAD and month of the year (months in UTC: a file opened on the last evening of a month in Paris may count in the next).</summary>
    private async Task<Dictionary<(int Psad, int Mois), long>> ComptesAsync(Indicateur indicateur, int annee, CancellationToken ct)
    {
        if (indicateur.Comptage == Comptage.Situations)
        {
            var debut = new DateOnly(annee, 1, 1);
            var fin = debut.AddYears(1);
            return (await db.Livraisons.AsNoTracking().Where(l => l.Mois >= debut && l.Mois < fin)
                    .GroupBy(l => new { l.PsadId, l.Mois.Month }).Select(g => new { g.Key.PsadId, g.Key.Month, Nombre = g.Sum(l => l.Lignes) }).ToListAsync(ct))
                .ToDictionary(x => (x.PsadId, x.Month), x => (long)x.Nombre);
        }

        var filtre = indicateur.Filtre ?? ((_, _) => true);
        return (await CohortesAsync(annee, ct)).Where(c => filtre(c.Statut, c.Motif))
            .GroupBy(c => (c.Psad, c.Mois)).ToDictionary(g => g.Key, g => g.Sum(c => c.Nombre));
    }

    /// <summary>One row per PSAD, month, status and closing reason of the files opened in the year: every cohort indicator sums some of them.</summary>
    public sealed record Cohorte(int Psad, int Mois, StatutDossier Statut, MotifCloture? Motif, long Nombre);

    /// <summary>
    /// The year's cohorts: one grouped scan of the year's files for every indicator, kept <see cref="ObservatoireOptions.CacheSecondes"/>
    /// (the key figures and the indicator pages then read the same rows; a figure is at most that old).
    /// </summary>
    public async Task<IReadOnlyList<Cohorte>> CohortesAsync(int annee, CancellationToken ct)
    {
        var maintenant = clock.GetUtcNow().UtcDateTime;
        if (cache.Lire(annee, maintenant) is { } deja)
        {
            return deja;
        }

        var de = new DateTime(annee, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var a = de.AddYears(1);
        var lignes = await db.JeunesSuivis.AsNoTracking().Where(j => j.CreeLe >= de && j.CreeLe < a)
            .GroupBy(j => new { j.PsadId, j.CreeLe.Month, j.Statut, j.MotifCloture })
            .Select(g => new { g.Key.PsadId, g.Key.Month, g.Key.Statut, g.Key.MotifCloture, Nombre = g.Count() }).ToListAsync(ct);
        List<Cohorte> cohortes = [.. lignes.Select(l => new Cohorte(l.PsadId, l.Month, l.Statut, l.MotifCloture, l.Nombre))];
        cache.Ecrire(annee, cohortes, maintenant);
        return cohortes;
    }

    private static long?[] Tableau(List<int> psads, Dictionary<(int Psad, int Mois), long> comptes)
    {
        var colonnes = TableauIndicateur.Mois + 1;
        var t = new long?[(psads.Count + 1) * colonnes];
        for (var l = 0; l < psads.Count; l++)
        {
            for (var m = 0; m < TableauIndicateur.Mois; m++)
            {
                t[(l * colonnes) + m] = comptes.GetValueOrDefault((psads[l], m + 1));
            }
        }

        for (var l = 0; l < psads.Count; l++)
        {
            t[(l * colonnes) + TableauIndicateur.Mois] = Enumerable.Range(0, TableauIndicateur.Mois).Sum(m => t[(l * colonnes) + m]!.Value);
        }

        for (var m = 0; m <= TableauIndicateur.Mois; m++)
        {
            t[(psads.Count * colonnes) + m] = Enumerable.Range(0, psads.Count).Sum(l => t[(l * colonnes) + m]!.Value);
        }

        return t;
    }
}

/// <summary>The cohorts of recent reads, per year, for <see cref="ObservatoireOptions.CacheSecondes"/> (0: none), in this instance.</summary>
public sealed class CacheObservatoire(Microsoft.Extensions.Options.IOptions<ObservatoireOptions> options)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, (DateTime Lu, IReadOnlyList<CalculIndicateurs.Cohorte> Cohortes)> _parAnnee = new();

    public IReadOnlyList<CalculIndicateurs.Cohorte>? Lire(int annee, DateTime maintenant) =>
        _parAnnee.TryGetValue(annee, out var e) && (maintenant - e.Lu).TotalSeconds < options.Value.CacheSecondes ? e.Cohortes : null;

    public void Ecrire(int annee, IReadOnlyList<CalculIndicateurs.Cohorte> cohortes, DateTime maintenant)
    {
        if (options.Value.CacheSecondes > 0)
        {
            _parAnnee[annee] = (maintenant, cohortes);
        }
    }
}
