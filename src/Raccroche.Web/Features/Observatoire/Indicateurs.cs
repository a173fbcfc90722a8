using Raccroche.Web.Features.Communes;
using Raccroche.Web.Features.Decrocheurs;

namespace Raccroche.Web.Features.Observatoire;

/// <summary>What an indicator counts, and so how it is computed.</summary>
public enum Comptage
{
    /// <summary>Distinct young people (one case file per person and PSAD), by the month their file was opened.</summary>
    [Valeur("personnes", "personnes distinctes")] Personnes,

    /// <summary>Rows of the SIEI livraisons: one person listed on three monthly lists counts three times.</summary>
    [Valeur("situations", "situations (une personne peut compter plusieurs fois)")] Situations,

    /// <summary>Days from the file's opening to a step (<see cref="Etape"/>): a median and a third quartile, not a count.</summary>
    [Valeur("delai", "délai en jours (médiane et troisième quartile des dossiers concernés)")] Delai,
}

/// <summary>
/// One indicator of the registry: what it counts, where it comes from, how finely it may be shown and under which secrecy.
/// Indicators of people are cohorts: the young people whose case file was opened in the month, and what became of them
/// since (so a rate "joints / repérés" compares the same people). Their <see cref="Filtre"/> reads only the file's status
/// and closing reason, so that one grouped query (<see cref="CalculIndicateurs"/>) serves every indicator. An indicator
/// with a <see cref="Condition"/> (the follow-up after a solution, the obligation de formation) reads what the status does not
/// say: its condition goes into the SQL of its own grouped scan.
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
    string? Denominateur = null,
    Etape? Etape = null,
    Func<RaccrocheDbContext, System.Linq.Expressions.Expression<Func<JeuneSuivi, bool>>>? Condition = null);

/// <summary>The registry: every indicator the observatory publishes, with its definition (the method note of its page).</summary>
public static class RegistreIndicateurs
{
    private const string SourceListes = "Listes SIEI importées par les PSAD et dossiers de suivi de Raccroche";
    private const string SecretDelais = "médiane et troisième quartile publiés seulement sur 20 dossiers ou plus ; nombres de dossiers de 1 à 10 masqués, avec les cases qui permettraient de les retrouver";
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
        new("points-3-mois", "Points de suivi faits à 3 mois",
            "Parmi les jeunes repérés pendant le mois, nombre de ceux dont le point de suivi à 3 mois après l'entrée dans leur solution a été fait (par le jeune avec son lien personnel ou par un référent).",
            SourceSuivi, "jeunes", Comptage.Personnes, "PSAD", SecretEffectifs, Condition: PointFait(3)),
        new("en-solution-3-mois", "Toujours en solution à 3 mois",
            "Parmi les jeunes dont le point de suivi à 3 mois a été fait, nombre de ceux qui étaient alors toujours dans leur solution ou dans une autre.",
            SourceSuivi, "jeunes", Comptage.Personnes, "PSAD", SecretEffectifs, Denominateur: "points-3-mois", Condition: PointPositif(3)),
        new("points-6-mois", "Points de suivi faits à 6 mois",
            "Parmi les jeunes repérés pendant le mois, nombre de ceux dont le point de suivi à 6 mois après l'entrée dans leur solution a été fait.",
            SourceSuivi, "jeunes", Comptage.Personnes, "PSAD", SecretEffectifs, Condition: PointFait(6)),
        new("en-solution-6-mois", "Toujours en solution à 6 mois",
            "Parmi les jeunes dont le point de suivi à 6 mois a été fait, nombre de ceux qui étaient alors toujours dans leur solution ou dans une autre.",
            SourceSuivi, "jeunes", Comptage.Personnes, "PSAD", SecretEffectifs, Denominateur: "points-6-mois", Condition: PointPositif(6)),
        new("points-12-mois", "Points de suivi faits à 12 mois",
            "Parmi les jeunes repérés pendant le mois, nombre de ceux dont le point de suivi à 12 mois après l'entrée dans leur solution a été fait.",
            SourceSuivi, "jeunes", Comptage.Personnes, "PSAD", SecretEffectifs, Condition: PointFait(12)),
        new("en-solution-12-mois", "Toujours en solution à 12 mois",
            "Parmi les jeunes dont le point de suivi à 12 mois a été fait, nombre de ceux qui étaient alors toujours dans leur solution ou dans une autre.",
            SourceSuivi, "jeunes", Comptage.Personnes, "PSAD", SecretEffectifs, Denominateur: "points-12-mois", Condition: PointPositif(12)),
        new("sorties-suivies", "Sorties suivies jusqu'au dernier point",
            "Parmi les jeunes repérés pendant le mois, nombre de ceux dont tous les points de suivi prévus après leur solution ont eu lieu, le dernier ayant donné un constat.",
            SourceSuivi, "jeunes", Comptage.Personnes, "PSAD", SecretEffectifs, Condition: _ => j => j.SortieMaintenue != null),
        new("sortie-positive-maintenue", "Sortie positive maintenue",
            "Parmi les jeunes suivis jusqu'au dernier point, nombre de ceux que ce dernier point a trouvés toujours en solution (la même ou une autre).",
            SourceSuivi, "jeunes", Comptage.Personnes, "PSAD", SecretEffectifs, Denominateur: "sorties-suivies", Condition: _ => j => j.SortieMaintenue == true),
        new("mineurs-reperes", "Mineurs repérés (obligation de formation)",
            "Parmi les jeunes repérés pendant le mois, nombre de ceux qui avaient moins de 18 ans le jour de l'ouverture de leur dossier : l'obligation de formation s'applique à eux de 16 à 18 ans.",
            SourceListes, "jeunes", Comptage.Personnes, "PSAD", SecretEffectifs, Condition: Mineur),
        new("obligation-satisfaite", "Mineurs dont l'obligation de formation est satisfaite",
            "Parmi les mineurs repérés pendant le mois, nombre de ceux dont un référent a noté l'obligation de formation satisfaite (scolarité, apprentissage, formation, emploi, service civique ou accompagnement).",
            SourceObligation, "jeunes", Comptage.Personnes, "PSAD", SecretEffectifs, Denominateur: "mineurs-reperes", Condition: Obligation(StatutObligation.Satisfaite)),
        new("obligation-exemptee", "Mineurs exemptés de l'obligation de formation",
            "Parmi les mineurs repérés pendant le mois, nombre de ceux qu'un référent a notés exemptés.",
            SourceObligation, "jeunes", Comptage.Personnes, "PSAD", SecretEffectifs, Denominateur: "mineurs-reperes", Condition: Obligation(StatutObligation.Exemptee)),
        new("obligation-non-satisfaite", "Mineurs dont l'obligation de formation n'est pas satisfaite",
            "Parmi les mineurs repérés pendant le mois, nombre de ceux dont un référent a noté l'obligation de formation non satisfaite.",
            SourceObligation, "jeunes", Comptage.Personnes, "PSAD", SecretEffectifs, Denominateur: "mineurs-reperes", Condition: Obligation(StatutObligation.NonSatisfaite)),
        new("obligation-non-verifiee", "Mineurs dont l'obligation de formation n'est pas vérifiée",
            "Parmi les mineurs repérés pendant le mois, nombre de ceux pour qui aucun référent n'a encore noté où en est l'obligation de formation.",
            SourceObligation, "jeunes", Comptage.Personnes, "PSAD", SecretEffectifs, Denominateur: "mineurs-reperes", Condition: Obligation(StatutObligation.NonVerifiee)),
        new("obligation-transmissions", "Transmissions au conseil départemental",
            "Parmi les mineurs repérés pendant le mois, nombre de ceux dont le dossier a été transmis au président du conseil départemental (obligation toujours pas remplie deux mois après la convocation).",
            SourceObligation, "jeunes", Comptage.Personnes, "PSAD", SecretEffectifs, Denominateur: "mineurs-reperes", Condition: _ => j => j.TransmissionLe != null && j.DateNaissance != null && j.DateNaissance > DateOnly.FromDateTime(j.CreeLe).AddYears(-18)),
        new("delai-premiere-tentative", "Délai avant la première tentative de contact",
            "Parmi les jeunes repérés pendant l'année, ceux qu'on a déjà essayé de joindre : nombre de jours entre l'ouverture de leur dossier (leur première liste SIEI) et la première tentative de contact, médiane et troisième quartile (les trois quarts des jeunes ont été appelés ou écrits dans ce délai).",
            SourceListes + " (tentatives de contact)", "jours", Comptage.Delai, "PSAD ou département", SecretDelais, Etape: Etape.PremiereTentative),
        new("delai-entretien", "Délai avant l'entretien de situation",
            "Parmi les jeunes repérés pendant l'année qui ont eu un entretien de situation : nombre de jours entre l'ouverture de leur dossier et leur premier entretien, médiane et troisième quartile.",
            SourceListes + " (entretiens de situation)", "jours", Comptage.Delai, "PSAD ou département", SecretDelais, Etape: Etape.Entretien),
        new("delai-solution", "Délai avant l'entrée en solution",
            "Parmi les jeunes repérés pendant l'année qui sont entrés dans une solution : nombre de jours entre l'ouverture de leur dossier et la date de leur première entrée en solution, médiane et troisième quartile.",
            SourceListes + " (solutions entrées)", "jours", Comptage.Delai, "PSAD ou département", SecretDelais, Etape: Etape.Solution),
    ];

    private const string SourceSuivi = "Points de suivi après une solution (réponses des jeunes par leur lien personnel et constats des référents)";
    private const string SourceObligation = "Dossiers de suivi de Raccroche : statut de l'obligation de formation noté par les référents, étapes enregistrées";

    private static System.Linq.Expressions.Expression<Func<JeuneSuivi, bool>> Mineur(RaccrocheDbContext _) =>
        j => j.DateNaissance != null && j.DateNaissance > DateOnly.FromDateTime(j.CreeLe).AddYears(-18);

    private static Func<RaccrocheDbContext, System.Linq.Expressions.Expression<Func<JeuneSuivi, bool>>> Obligation(StatutObligation statut) =>
        _ => j => j.ObligationStatut == statut && j.DateNaissance != null && j.DateNaissance > DateOnly.FromDateTime(j.CreeLe).AddYears(-18);

    /// <summary>The check-in at <paramref name="mois"/> months done (PointSuivi, decision 0017), of any solution of the file.</summary>
    private static Func<RaccrocheDbContext, System.Linq.Expressions.Expression<Func<JeuneSuivi, bool>>> PointFait(int mois) =>
        db => j => db.PointsSuivi.Any(p => p.JeuneSuiviId == j.Id && p.Mois == mois && p.FaitLe != null && p.Constat != null);

    /// <summary>The check-in at <paramref name="mois"/> months done and positive: still in the solution, or in another (<see cref="PointSuivi.Positif"/>).</summary>
    private static Func<RaccrocheDbContext, System.Linq.Expressions.Expression<Func<JeuneSuivi, bool>>> PointPositif(int mois) =>
        db => j => db.PointsSuivi.Any(p => p.JeuneSuiviId == j.Id && p.Mois == mois && p.FaitLe != null
            && (p.Constat == ConstatSuivi.ToujoursEnSolution || p.Constat == ConstatSuivi.AChange));

    /// <summary>What a rate is out of, in words: "des jeunes repérés", or "de « Points de suivi faits à 3 mois »".</summary>
    public static string ReferenceDuTaux(Indicateur i) => i.Denominateur switch
    {
        "jeunes-reperes" => "des jeunes repérés",
        { } code when Trouver(code) is { } d => $"de « {d.Libelle} »",
        _ => "",
    };

    public static Indicateur? Trouver(string? code) => Tous.FirstOrDefault(i => string.Equals(i.Code, code, StringComparison.Ordinal));
}

/// <summary>A row of an indicator's table: a territory or a category (its key in the data, its name).</summary>
public sealed record LigneTableau(string Cle, string Nom);

/// <summary>
/// An indicator for one <see cref="Selection"/>: its rows and a last row for the whole population, the 17 columns of
/// <see cref="Grille"/>, the secrecy applied over all of it. <see cref="Cellules"/> is null when the breakdown cannot be
/// published at this level (or does not exist for this indicator): the page then says so and points to the level above.
/// </summary>
public sealed record TableauIndicateur(Indicateur Indicateur, Selection Selection, IReadOnlyList<LigneTableau> Lignes, TableauMasque? Cellules, IReadOnlyList<string?> Taux, DateTime CalculeLe)
{
    public int Annee => Selection.Annee;

    /// <summary>The index of the total row.</summary>
    public int Total => Lignes.Count;

    public bool Publiable => Cellules is not null;

    public long? Valeur(int ligne, int colonne) => Cellules?.Valeurs[Grille.Indice(ligne, colonne)];

    public Marque? Marque(int ligne, int colonne) => Cellules is null ? Observatoire.Marque.NonDisponible : Cellules.Marques[Grille.Indice(ligne, colonne)];

    /// <summary>What a cell shows: the number, "&lt; 11" for a small count, "s" for a secondary mask, "nd" when not available.</summary>
    public string Texte(int ligne, int colonne, ReglesSecret regles) => Marque(ligne, colonne) switch
    {
        Observatoire.Marque.NonDisponible => "nd",
        Observatoire.Marque.Secret when Cellules!.Primaires.Contains(Grille.Indice(ligne, colonne)) => $"< {regles.SeuilEffectif}",
        Observatoire.Marque.Secret => "s",
        _ => Format.Nombre(Valeur(ligne, colonne)!.Value),
    };
}

/// <summary>
/// Computes an indicator's tables from the database by SQL aggregates (never by loading case files): one grouped scan of
/// the year's files per population and breakdown, shared by every indicator (<see cref="CohortesAsync"/>).
/// </summary>
public sealed class CalculIndicateurs(RaccrocheDbContext db, TimeProvider clock, CacheObservatoire cache, ReferentielCommunes communes)
{
    /// <summary>A table before its rates: rows, raw cells (for the nested check) and the masked cells.</summary>
    private sealed record Table(IReadOnlyList<LigneTableau> Lignes, long?[] Valeurs, TableauMasque? Masque);

    private readonly Dictionary<(string Indicateur, int Annee, Calendrier Calendrier, string Territoire, Ventilation Ventilation), Table> _tables = [];
    private List<LigneTableau>? _psads;

    public async Task<TableauIndicateur> CalculerAsync(Indicateur indicateur, Selection selection, ReglesSecret regles, CancellationToken ct = default)
    {
        var table = await TableAsync(indicateur, selection.Annee, selection.Calendrier, selection.Territoire, selection.Ventilation, regles, ct);

        // A rate of the year per row: only when the numerator and the denominator are published and the denominator is large enough.
        IReadOnlyList<string?> taux = [];
        if (indicateur.Denominateur is { } code && RegistreIndicateurs.Trouver(code) is { } denominateur && table.Masque is { } masque)
        {
            var base_ = await TableAsync(denominateur, selection.Annee, selection.Calendrier, selection.Territoire, selection.Ventilation, regles, ct);
            taux = [.. Enumerable.Range(0, table.Lignes.Count + 1).Select(l =>
            {
                var i = Grille.Indice(l, Grille.Annee);
                return masque.Valeurs[i] is { } n && base_.Masque?.Valeurs[i] is { } d && regles.TauxPubliable(d)
                    ? Format.Pourcentage(100.0 * n / d)
                    : null;
            })];
        }

        return new TableauIndicateur(indicateur, selection, table.Lignes, table.Masque, taux, clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>
    /// A table with its secrecy, once per request. The region's PSAD table is masked alone; every other table is checked
    /// together with the one it is nested in (<see cref="Grille"/>), which stays as published. A school year is checked
    /// beside the two calendar years it straddles (<see cref="TableScolaireAsync"/>).
    /// </summary>
    private async Task<Table> TableAsync(Indicateur indicateur, int annee, Calendrier calendrier, Territoire territoire, Ventilation ventilation, ReglesSecret regles, CancellationToken ct)
    {
        var cle = (indicateur.Code, annee, calendrier, territoire.Code, ventilation);
        if (_tables.TryGetValue(cle, out var deja))
        {
            return deja;
        }

        Table table;
        if (!Existe(indicateur, territoire, ventilation))
        {
            table = new Table([], [], null);
        }
        else if (calendrier == Calendrier.Scolaire)
        {
            table = await TableScolaireAsync(indicateur, annee, territoire, ventilation, regles, ct);
        }
        else
        {
            var (lignes, valeurs) = await ValeursAsync(indicateur, annee, territoire, ventilation, ct);
            var sommes = Grille.Sommes(lignes.Count);
            if (EstRacine(territoire, ventilation))
            {
                table = new Table(lignes, valeurs, SecretStatistique.Appliquer(valeurs, sommes, regles));
            }
            else
            {
                var parent = await ParentAsync(indicateur, annee, Calendrier.Civil, territoire, regles, ct);
                var ligne = LigneDansParent(parent, territoire);
                TableauMasque? masque;
                if (parent.Masque is null)
                {
                    masque = null;
                }
                else if (ligne < 0)
                {
                    // The territory has no file this year: nothing to protect, nothing shared.
                    masque = SecretStatistique.Appliquer(valeurs, sommes, regles);
                }
                else
                {
                    var partagees = Enumerable.Range(0, Grille.Colonnes).ToDictionary(c => Grille.Indice(lignes.Count, c), c => Grille.Indice(ligne, c));
                    masque = SecretStatistique.AppliquerAupres(valeurs, sommes, partagees, parent.Valeurs, Grille.Sommes(parent.Lignes.Count), parent.Masque, regles);
                }

                table = new Table(lignes, valeurs, masque);
            }
        }

        _tables[cle] = table;
        return table;
    }

    /// <summary>The region's PSAD table is the root: every other table is nested in it, directly or not.</summary>
    private static bool EstRacine(Territoire territoire, Ventilation ventilation) => territoire.EstRegion && ventilation == Ventilation.Psad;

    /// <summary>The table a population's tables are nested in: the region's by département for a département, the region's by PSAD otherwise.</summary>
    private Task<Table> ParentAsync(Indicateur indicateur, int annee, Calendrier calendrier, Territoire territoire, ReglesSecret regles, CancellationToken ct) =>
        TableAsync(indicateur, annee, calendrier, Territoire.Region, territoire.Echelon == Ventilation.Departement ? Ventilation.Departement : Ventilation.Psad, regles, ct);

    /// <summary>The parent's row whose cells are the population's total row (the parent's total for the region; -1: no file there).</summary>
    private static int LigneDansParent(Table parent, Territoire territoire) =>
        territoire.EstRegion ? parent.Lignes.Count : parent.Lignes.ToList().FindIndex(l => l.Cle == territoire.Cle);

    /// <summary>
    /// A school year (September of <paramref name="annee"/> to August of the next): its months are cells of two calendar
    /// tables already published, so its raw values are read from them (no other scan) and its secrecy is checked beside
    /// both, plus, for a nested table, beside the school-year table it is nested in (its total row is a row there). Those
    /// tables are one published whole for the check: their cells frozen, and the cells they share tied by equalities.
    /// </summary>
    private async Task<Table> TableScolaireAsync(Indicateur indicateur, int annee, Territoire territoire, Ventilation ventilation, ReglesSecret regles, CancellationToken ct)
    {
        var premiere = await TableAsync(indicateur, annee, Calendrier.Civil, territoire, ventilation, regles, ct);
        var seconde = await TableAsync(indicateur, annee + 1, Calendrier.Civil, territoire, ventilation, regles, ct);

        // The rows of both years (a territory with files in only one of them counts 0 in the other), "non renseigné" last.
        var lignes = premiere.Lignes.Concat(seconde.Lignes.Where(l => premiere.Lignes.All(p => p.Cle != l.Cle))).ToList();
        if (ventilation is Ventilation.Departement or Ventilation.Epci)
        {
            lignes = [.. lignes.Where(l => l.Cle != Inconnu).OrderBy(l => l.Cle, StringComparer.Ordinal), .. lignes.Where(l => l.Cle == Inconnu)];
        }

        int Rang(Table t, string cleLigne) => t.Lignes.ToList().FindIndex(l => l.Cle == cleLigne);
        var rangs = lignes.Select(l => (Premiere: Rang(premiere, l.Cle), Seconde: Rang(seconde, l.Cle))).ToList();
        long MoisCivil(Table t, int rang, int mois) => rang < 0 ? 0 : t.Valeurs[Grille.Indice(rang, mois)]!.Value;
        var valeurs = Grille.Remplir(lignes.Count, (l, c) => Grille.AnneeSuivante(c)
            ? MoisCivil(seconde, rangs[l].Seconde, Grille.MoisCivil(c))
            : MoisCivil(premiere, rangs[l].Premiere, Grille.MoisCivil(c)));
        var sommes = Grille.Sommes(lignes.Count);
        if (premiere.Masque is null || seconde.Masque is null)
        {
            return new Table(lignes, valeurs, null);
        }

        // The published whole: the first calendar year, the second, and the school-year parent (when nested).
        var publiees = new List<(Table Table, int Decalage)> { (premiere, 0), (seconde, premiere.Valeurs.Length) };
        var parentScolaire = EstRacine(territoire, ventilation) ? null : await ParentAsync(indicateur, annee, Calendrier.Scolaire, territoire, regles, ct);
        var ligneParent = parentScolaire is null ? -1 : LigneDansParent(parentScolaire, territoire);
        if (parentScolaire is not null)
        {
            if (parentScolaire.Masque is null)
            {
                return new Table(lignes, valeurs, null);
            }

            if (ligneParent >= 0)
            {
                publiees.Add((parentScolaire, premiere.Valeurs.Length + seconde.Valeurs.Length));
            }
        }

        var valeursPubliees = publiees.SelectMany(p => p.Table.Valeurs).ToArray();
        var sommesPubliees = publiees.SelectMany(p => Grille.Sommes(p.Table.Lignes.Count).Select(s => new Somme(s.Total + p.Decalage, [.. s.Parties.Select(x => x + p.Decalage)]))).ToList();
        var marques = publiees.SelectMany(p => p.Table.Masque!.Marques).ToArray();
        var primaires = publiees.SelectMany(p => p.Table.Masque!.Primaires.Select(i => i + p.Decalage)).ToHashSet();

        // Each month of the school year: in one of the calendar tables (when its row is there).
        var partagees = new Dictionary<int, int>();
        for (var l = 0; l <= lignes.Count; l++)
        {
            var (rangPremiere, rangSeconde) = l < lignes.Count ? rangs[l] : (premiere.Lignes.Count, seconde.Lignes.Count);
            for (var c = 0; c < Grille.Mois; c++)
            {
                var (t, rang, decalage) = Grille.AnneeSuivante(c) ? (seconde, rangSeconde, premiere.Valeurs.Length) : (premiere, rangPremiere, 0);
                if (rang >= 0)
                {
                    partagees[Grille.Indice(l, c)] = decalage + Grille.Indice(rang, Grille.MoisCivil(c));
                }
            }
        }

        // The total row is the parent's row: its quarters and year are shared, its months are the same cells as the calendar
        // tables' total months (tied by an equality each: both were checked beside the same calendar parent, so they agree).
        if (parentScolaire is not null && ligneParent >= 0)
        {
            var decalage = premiere.Valeurs.Length + seconde.Valeurs.Length;
            for (var c = 0; c < Grille.Colonnes; c++)
            {
                var dansParent = decalage + Grille.Indice(ligneParent, c);
                if (c < Grille.Mois)
                {
                    sommesPubliees.Add(new Somme(dansParent, [partagees[Grille.Indice(lignes.Count, c)]]));
                }
                else
                {
                    partagees[Grille.Indice(lignes.Count, c)] = dansParent;
                }
            }
        }

        var publie = new TableauMasque([.. valeursPubliees.Select((v, i) => marques[i] is null ? v : null)], marques, primaires);
        return new Table(lignes, valeurs, SecretStatistique.AppliquerAupres(valeurs, sommes, partagees, valeursPubliees, sommesPubliees, publie, regles));
    }

    /// <summary>SIEI rows are counted per livraison, and a livraison belongs to a PSAD: only the region's PSAD table exists for them.</summary>
    public static bool Existe(Indicateur indicateur, Territoire territoire, Ventilation ventilation) => indicateur.Comptage switch
    {
        Comptage.Personnes => territoire.Ventilations.Contains(ventilation),
        Comptage.Delai => territoire.EstRegion && CalculDelais.Ventilations.Contains(ventilation),
        _ => territoire.EstRegion && ventilation == Ventilation.Psad,
    };

    private async Task<(IReadOnlyList<LigneTableau> Lignes, long?[] Valeurs)> ValeursAsync(Indicateur indicateur, int annee, Territoire territoire, Ventilation ventilation, CancellationToken ct)
    {
        if (indicateur.Comptage == Comptage.Situations)
        {
            var psads = await PsadsAsync(ct);
            var debut = new DateOnly(annee, 1, 1);
            var fin = debut.AddYears(1);
            var lus = (await db.Livraisons.AsNoTracking().Where(l => l.Mois >= debut && l.Mois < fin)
                    .GroupBy(l => new { l.PsadId, l.Mois.Month }).Select(g => new { g.Key.PsadId, g.Key.Month, Nombre = g.Sum(l => l.Lignes) }).ToListAsync(ct))
                .ToDictionary(x => (x.PsadId.ToString(CultureInfo.InvariantCulture), x.Month), x => (long)x.Nombre);
            return (psads, Grille.Remplir(psads.Count, (l, m) => lus.GetValueOrDefault((psads[l].Cle, m + 1))));
        }

        var filtre = indicateur.Filtre ?? ((_, _) => true);
        var cohortes = await CohortesAsync(annee, territoire, ventilation, ct, indicateur.Condition is null ? null : indicateur);
        var comptes = cohortes.Where(c => filtre(c.Statut, c.Motif)).GroupBy(c => (c.Cle, c.Mois)).ToDictionary(g => g.Key, g => g.Sum(c => c.Nombre));
        var lignes = await LignesAsync(territoire, ventilation, cohortes, ct);
        return (lignes, Grille.Remplir(lignes.Count, (l, m) => comptes.GetValueOrDefault((lignes[l].Cle, m + 1))));
    }

    private async Task<List<LigneTableau>> PsadsAsync(CancellationToken ct) =>
        _psads ??= [.. (await db.Psads.AsNoTracking().OrderBy(p => p.Code).Select(p => new { p.Id, p.Code, p.Nom }).ToListAsync(ct))
            .Select(p => new LigneTableau(p.Id.ToString(CultureInfo.InvariantCulture), $"{p.Code} – {p.Nom}"))];

    /// <summary>The rows of a breakdown: every PSAD, structure, age band or level always; the territories that have files; "non renseigné" last.</summary>
    private async Task<List<LigneTableau>> LignesAsync(Territoire territoire, Ventilation ventilation, IReadOnlyList<Cohorte> cohortes, CancellationToken ct)
    {
        var presentes = cohortes.Select(c => c.Cle).Where(c => c != Inconnu).Distinct().Order(StringComparer.Ordinal).ToList();
        switch (ventilation)
        {
            case Ventilation.Psad:
                return await PsadsAsync(ct);
            case Ventilation.TrancheAge:
                return [.. TranchesAge.Toutes.Select(t => new LigneTableau(t.Code, t.Nom))];
            case Ventilation.Niveau:
                return [.. NiveauxFormation.Tous.Select(t => new LigneTableau(t.Code, t.Nom))];
            case Ventilation.Sexe:
                return [.. Sexes.Tous.Select(t => new LigneTableau(t.Code, t.Nom))];
            case Ventilation.Departement:
                return [.. presentes.Select(d => new LigneTableau(d, Departements.Nom(d) is { } n ? $"{d} – {n}" : d)), new(Inconnu, "commune non renseignée")];
            case Ventilation.Epci:
                var nomsEpci = communes.Repertoire.CommunesPrincipalesEpci;
                return [.. presentes.Select(e => new LigneTableau(e, nomsEpci.TryGetValue(e, out var n) ? $"EPCI de {n} ({e})" : $"EPCI {e}")), new(Inconnu, "hors EPCI ou commune non renseignée")];
            default:
                var psadId = int.Parse(territoire.Cle, CultureInfo.InvariantCulture);
                var structures = await db.Set<PartenairePsad>().AsNoTracking().Where(p => p.PsadId == psadId)
                    .Select(p => new { p.StructureId, p.Structure!.Nom }).OrderBy(p => p.Nom).ToListAsync(ct);
                var connues = structures.Select(s => s.StructureId.ToString(CultureInfo.InvariantCulture)).ToHashSet();
                return [.. structures.Select(s => new LigneTableau(s.StructureId.ToString(CultureInfo.InvariantCulture), s.Nom)),
                    .. presentes.Where(p => !connues.Contains(p)).Select(p => new LigneTableau(p, "ancienne structure partenaire")),
                    new(Inconnu, "non attribué à une structure")];
        }
    }

    /// <summary>The key of the "non renseigné" row (no commune, no birth date, no level, no structure).</summary>
    public const string Inconnu = "inconnu";

    /// <summary>One row per category, month, status and closing reason of the files opened in the year: every cohort indicator sums some of them.</summary>
    public sealed record Cohorte(string Cle, int Mois, StatutDossier Statut, MotifCloture? Motif, long Nombre);

    /// <summary>
    /// The year's cohorts of a population by a breakdown: one grouped scan of the year's files for every indicator, kept
    /// <see cref="ObservatoireOptions.CacheSecondes"/> (the key figures and the indicator pages then read the same rows).
    /// </summary>
    public async Task<IReadOnlyList<Cohorte>> CohortesAsync(int annee, Territoire territoire, Ventilation ventilation, CancellationToken ct, Indicateur? condition = null)
    {
        var maintenant = clock.GetUtcNow().UtcDateTime;
        var cle = $"{annee}|{territoire.Code}|{ventilation.Code()}{(condition is null ? "" : "|" + condition.Code)}";
        if (cache.Lire(cle, maintenant) is { } deja)
        {
            return deja;
        }

        var de = new DateTime(annee, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var a = de.AddYears(1);
        var q = db.JeunesSuivis.AsNoTracking().Where(j => j.CreeLe >= de && j.CreeLe < a);
        if (condition?.Condition is { } sql)
        {
            q = q.Where(sql(db));
        }

        if (territoire.Echelon == Ventilation.Departement && !territoire.EstRegion)
        {
            var prefixe = territoire.Cle;
            q = q.Where(j => j.CodeInsee != null && j.CodeInsee.StartsWith(prefixe));
        }
        else if (!territoire.EstRegion)
        {
            var psad = int.Parse(territoire.Cle, CultureInfo.InvariantCulture);
            q = q.Where(j => j.PsadId == psad);
        }

        List<Cohorte> cohortes = ventilation switch
        {
            Ventilation.Psad => [.. (await q.GroupBy(j => new { j.PsadId, j.CreeLe.Month, j.Statut, j.MotifCloture })
                .Select(g => new { g.Key.PsadId, g.Key.Month, g.Key.Statut, g.Key.MotifCloture, Nombre = g.Count() }).ToListAsync(ct))
                .Select(l => new Cohorte(l.PsadId.ToString(CultureInfo.InvariantCulture), l.Month, l.Statut, l.MotifCloture, l.Nombre))],
            Ventilation.Structure => [.. (await q.GroupBy(j => new { j.StructureId, j.CreeLe.Month, j.Statut, j.MotifCloture })
                .Select(g => new { g.Key.StructureId, g.Key.Month, g.Key.Statut, g.Key.MotifCloture, Nombre = g.Count() }).ToListAsync(ct))
                .Select(l => new Cohorte(l.StructureId is { } s ? s.ToString(CultureInfo.InvariantCulture) : Inconnu, l.Month, l.Statut, l.MotifCloture, l.Nombre))],
            Ventilation.Departement => [.. (await q.GroupBy(j => new { Departement = j.CodeInsee == null ? null : j.CodeInsee.StartsWith("97") ? j.CodeInsee.Substring(0, 3) : j.CodeInsee.Substring(0, 2), j.CreeLe.Month, j.Statut, j.MotifCloture })
                .Select(g => new { g.Key.Departement, g.Key.Month, g.Key.Statut, g.Key.MotifCloture, Nombre = g.Count() }).ToListAsync(ct))
                .Select(l => new Cohorte(l.Departement is { } d && Departements.Existe(d) ? d : Inconnu, l.Month, l.Statut, l.MotifCloture, l.Nombre))],
            Ventilation.Epci => [.. (await (from j in q
                                           join c in db.Communes on j.CodeInsee equals c.CodeInsee into cs
                                           from c in cs.DefaultIfEmpty()
                                           group j by new { Epci = c == null ? null : c.Epci, j.CreeLe.Month, j.Statut, j.MotifCloture } into g
                                           select new { g.Key.Epci, g.Key.Month, g.Key.Statut, g.Key.MotifCloture, Nombre = g.Count() }).ToListAsync(ct))
                .Select(l => new Cohorte(l.Epci ?? Inconnu, l.Month, l.Statut, l.MotifCloture, l.Nombre))],
            Ventilation.TrancheAge => [.. (await q.GroupBy(j => new { An = j.DateNaissance == null ? 0 : j.DateNaissance.Value.Year, Mn = j.DateNaissance == null ? 0 : j.DateNaissance.Value.Month, j.CreeLe.Month, j.Statut, j.MotifCloture })
                .Select(g => new { g.Key.An, g.Key.Mn, g.Key.Month, g.Key.Statut, g.Key.MotifCloture, Nombre = g.Count() }).ToListAsync(ct))
                .Select(l => new Cohorte(TranchesAge.De(l.An, l.Mn, annee, l.Month), l.Month, l.Statut, l.MotifCloture, l.Nombre))],
            Ventilation.Sexe => [.. (await q.GroupBy(j => new { j.Sexe, j.CreeLe.Month, j.Statut, j.MotifCloture })
                .Select(g => new { g.Key.Sexe, g.Key.Month, g.Key.Statut, g.Key.MotifCloture, Nombre = g.Count() }).ToListAsync(ct))
                .Select(l => new Cohorte(Sexes.De(l.Sexe), l.Month, l.Statut, l.MotifCloture, l.Nombre))],
            _ => [.. (await q.GroupBy(j => new { j.NiveauFormation, j.CreeLe.Month, j.Statut, j.MotifCloture })
                .Select(g => new { g.Key.NiveauFormation, g.Key.Month, g.Key.Statut, g.Key.MotifCloture, Nombre = g.Count() }).ToListAsync(ct))
                .Select(l => new Cohorte(NiveauxFormation.De(l.NiveauFormation), l.Month, l.Statut, l.MotifCloture, l.Nombre))],
        };
        cache.Ecrire(cle, cohortes, maintenant);
        return cohortes;
    }
}

/// <summary>The grouped rows of recent reads (cohorts, delay distributions), per key, for <see cref="ObservatoireOptions.CacheSecondes"/> (0: none), in this instance.</summary>
public sealed class CacheObservatoire(Microsoft.Extensions.Options.IOptions<ObservatoireOptions> options)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (DateTime Lu, object Lignes)> _parCle = new();

    public IReadOnlyList<CalculIndicateurs.Cohorte>? Lire(string cle, DateTime maintenant) => Lire<IReadOnlyList<CalculIndicateurs.Cohorte>>(cle, maintenant);

    public T? Lire<T>(string cle, DateTime maintenant)
        where T : class =>
        _parCle.TryGetValue(cle, out var e) && (maintenant - e.Lu).TotalSeconds < options.Value.CacheSecondes ? e.Lignes as T : null;

    public void Ecrire(string cle, object lignes, DateTime maintenant)
    {
        if (options.Value.CacheSecondes > 0)
        {
            _parCle[cle] = (maintenant, lignes);
        }
    }
}
