using Raccroche.Web.Features.Communes;
using Raccroche.Web.Features.Decrocheurs;

namespace Raccroche.Web.Features.Observatoire;

/// <summary>
/// One indicator: the figure, a chart and the same data as a table, a selection (year, population, breakdown, months or
/// quarters), the method note, and the table as CSV with the same masking. The URL holds the selection. A PSAD's own
/// tables are shown to its coordinators only (a territory code "psad-…"); anyone else asking gets the region and a message.
/// </summary>
public sealed class IndicateurModel(CalculIndicateurs calcul, CalculDelais delais, AccesSuivi acces, RaccrocheDbContext db, ReferentielCommunes communes, IOptions<ObservatoireOptions> options, TimeProvider clock) : PageModel
{
    public const int PremiereAnnee = 2022;

    [BindProperty(SupportsGet = true, Name = "annee")]
    public int? AnneeDemandee { get; set; }

    [BindProperty(SupportsGet = true, Name = "territoire")]
    public string? TerritoireDemande { get; set; }

    [BindProperty(SupportsGet = true, Name = "ventilation")]
    public string? VentilationDemandee { get; set; }

    [BindProperty(SupportsGet = true, Name = "periode")]
    public string? PeriodeDemandee { get; set; }

    [BindProperty(SupportsGet = true, Name = "calendrier")]
    public string? CalendrierDemande { get; set; }

    public TableauIndicateur Tableau { get; private set; } = null!;

    /// <summary>For a delay indicator: its table (then <see cref="Tableau"/> has no cell).</summary>
    public TableauDelais? Delais { get; private set; }
    public Selection Selection => Tableau.Selection;
    public ReglesSecret Regles => options.Value.Regles;
    public IReadOnlyList<int> Annees { get; private set; } = [];
    public IReadOnlyList<Terme> Territoires { get; private set; } = [];
    public string Graphique { get; private set; } = "";
    public string? Carte { get; private set; }
    public Erreurs Erreurs { get; } = new();

    public IReadOnlyList<int> Colonnes => Grille.ColonnesDe(Selection.Periodicite);

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await ChargerAsync(code, ct) is { } refus)
        {
            return refus;
        }

        if (Delais is { } d)
        {
            DessinerDelais(d);
        }
        else if (Tableau.Publiable)
        {
            var t = Tableau;
            var periodes = Colonnes.Where(c => c != Grille.Annee).ToList();
            var qui = t.Selection.Territoire.EstRegion ? "région" : t.Selection.Territoire.Nom;
            Graphique = Graphiques.Barres("graphique-" + t.Indicateur.Code, $"{t.Indicateur.Libelle}, {qui}, {Selection.NomAnnee}, {Selection.Periodicite.Libelle()}",
                $"Diagramme en barres : {t.Indicateur.Unite} {Selection.Periodicite.Libelle()} pour l'ensemble ({qui}) en {Selection.NomAnnee}. Les mêmes chiffres sont dans le tableau ci-dessous ; une période masquée par le secret statistique n'a pas de barre.",
                [.. periodes.Select(c => new Barre(Grille.NomColonne(c, Selection.Calendrier), t.Valeur(t.Total, c), t.Texte(t.Total, c, Regles)))]);
            if (Selection.Ventilation == Ventilation.Departement)
            {
                Carte = Graphiques.Carte("carte-" + t.Indicateur.Code, $"{t.Indicateur.Libelle} par département, {Selection.NomAnnee}",
                    $"Carte des départements : plus la couleur est foncée, plus le nombre de {t.Indicateur.Unite} en {Selection.NomAnnee} est élevé. Les départements sans couleur n'ont pas de jeune compté ou ont un effectif masqué. Les mêmes chiffres sont dans le tableau.",
                    [.. Enumerable.Range(0, t.Lignes.Count).Where(l => t.Lignes[l].Cle != CalculIndicateurs.Inconnu)
                        .Select(l => new ZoneCarte(t.Lignes[l].Cle, t.Lignes[l].Nom, t.Valeur(l, Grille.Annee), t.Texte(l, Grille.Annee, Regles)))],
                    communes.Repertoire.PositionsDepartements);
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(string code, CancellationToken ct)
    {
        if (await ChargerAsync(code, ct) is { } refus)
        {
            return refus;
        }

        if (Delais is { } d)
        {
            string[] entetes = [d.Selection.Ventilation.Libelle().Replace("par ", "", StringComparison.Ordinal), "code", "dossiers", "médiane (jours)", "troisième quartile (jours)"];
            return new ExportCsv<int>(Enumerable.Range(0, d.Lignes.Count).ToAsyncEnumerable(), entetes, l =>
            [
                l < d.Lignes.Count - 1 ? d.Lignes[l].Ligne.Nom : NomTotal,
                l < d.Lignes.Count - 1 ? CodeLigne(d.Lignes[l].Ligne) : "",
                d.Lignes[l].Dossiers,
                d.Lignes[l].Mediane?.ToString(CultureInfo.InvariantCulture) ?? "nd",
                d.Lignes[l].TroisiemeQuartile?.ToString(CultureInfo.InvariantCulture) ?? "nd",
            ], $"{d.Indicateur.Code}-{d.Selection.NomAnnee}-{d.Selection.Ventilation.Code()}.csv");
        }

        var t = Tableau;
        var colonnesAffichees = Colonnes;
        var lignes = Enumerable.Range(0, t.Publiable ? t.Lignes.Count + 1 : 0).ToAsyncEnumerable();
        string[] colonnes = [t.Selection.Ventilation.Libelle().Replace("par ", "", StringComparison.Ordinal), "code", .. colonnesAffichees.Select(c => c == Grille.Annee ? $"année {t.Selection.NomAnnee}" : Grille.NomColonne(c, t.Selection.Calendrier)), .. t.Taux.Count > 0 ? new[] { "taux sur l'année" } : []];
        return new ExportCsv<int>(lignes, colonnes, l =>
        [
            l < t.Lignes.Count ? t.Lignes[l].Nom : NomTotal,
            l < t.Lignes.Count ? CodeLigne(l) : "",
            .. colonnesAffichees.Select(c => t.Texte(l, c, Regles)),
            .. t.Taux.Count > 0 ? new[] { t.Taux[l] ?? "nd" } : [],
        ], $"{t.Indicateur.Code}-{t.Selection.NomAnnee}{(t.Selection.Territoire.EstRegion ? "" : "-" + t.Selection.Territoire.Code)}-{t.Selection.Ventilation.Code()}.csv");
    }

    /// <summary>The name of the total row: the region, or the territory of the selection.</summary>
    public string NomTotal => Selection.Territoire.EstRegion ? "Région" : $"Ensemble ({Selection.Territoire.Nom})";

    /// <summary>The code shown for a row: the PSAD's code, the département or EPCI code; nothing for a category.</summary>
    public string CodeLigne(int l) => CodeLigne(Tableau.Lignes[l]);

    public string CodeLigne(LigneTableau ligne) => Selection.Ventilation switch
    {
        Ventilation.Psad => ligne.Nom.Split(" – ")[0],
        Ventilation.Departement or Ventilation.Epci when ligne.Cle != CalculIndicateurs.Inconnu => ligne.Cle,
        _ => "",
    };

    /// <summary>A delay table's charts: the median per row as bars, and the map of départements' medians.</summary>
    private void DessinerDelais(TableauDelais d)
    {
        var lignes = d.Lignes.Take(d.Lignes.Count - 1).Where(l => l.Ligne.Cle != CalculIndicateurs.Inconnu).ToList();
        var nom = d.Indicateur.Libelle.ToLower(CultureInfo.GetCultureInfo("fr-FR"));
        Graphique = Graphiques.Barres("graphique-" + d.Indicateur.Code, $"{d.Indicateur.Libelle} : médiane {Selection.Ventilation.Libelle()}, {Selection.NomAnnee}",
            $"Diagramme en barres : la médiane du {nom}, en jours, {Selection.Ventilation.Libelle()}, pour les jeunes repérés en {Selection.NomAnnee}. Les mêmes chiffres sont dans le tableau ci-dessous ; une médiane calculée sur moins de {Regles.DenominateurMinimum} dossiers n'a pas de barre.",
            [.. lignes.Select(l => new Barre(CodeLigne(l.Ligne), l.Mediane, TableauDelais.Texte(l.Mediane)))]);
        if (Selection.Ventilation == Ventilation.Departement)
        {
            Carte = Graphiques.Carte("carte-" + d.Indicateur.Code, $"{d.Indicateur.Libelle} : médiane par département, {Selection.NomAnnee}",
                $"Carte des départements : plus la couleur est foncée, plus la médiane du {nom} est longue. Les départements sans couleur ont moins de {Regles.DenominateurMinimum} dossiers concernés. Les mêmes chiffres sont dans le tableau.",
                [.. lignes.Select(l => new ZoneCarte(l.Ligne.Cle, l.Ligne.Nom, l.Mediane, TableauDelais.Texte(l.Mediane)))],
                communes.Repertoire.PositionsDepartements);
        }
    }

    private async Task<IActionResult?> ChargerAsync(string code, CancellationToken ct)
    {
        if (RegistreIndicateurs.Trouver(code) is not { } indicateur)
        {
            return NotFound();
        }

        var calendrier = Calendrier.Civil;
        if (!string.IsNullOrEmpty(CalendrierDemande))
        {
            if (ValeursFermees.Lire<Calendrier>(CalendrierDemande) is { } k)
            {
                calendrier = k;
            }
            else
            {
                Erreurs.Ajouter("calendrier", "Choisissez l'année civile ou l'année scolaire.");
            }
        }

        var aujourdhui = HeureParis.Jour(clock.GetUtcNow().UtcDateTime);
        var courante = calendrier == Calendrier.Civil ? aujourdhui.Year : Grille.AnneeScolaire(aujourdhui);
        Annees = [.. Enumerable.Range(PremiereAnnee, courante - PremiereAnnee + 1).Reverse()];
        var annee = AnneeDemandee ?? courante;
        if (!Annees.Contains(annee))
        {
            Erreurs.Ajouter("annee", $"L'année {Grille.NomAnnee(annee, calendrier)} n'est pas disponible : choisissez une année de {Grille.NomAnnee(PremiereAnnee, calendrier)} à {Grille.NomAnnee(courante, calendrier)}. Voici {Grille.NomAnnee(courante, calendrier)}.");
            annee = courante;
        }

        // The populations offered: the region, the départements of the PSADs' territories, the PSADs the reader coordinates.
        var psads = await db.Psads.AsNoTracking().OrderBy(p => p.Code).Select(p => new { p.Id, p.Code, p.Nom, p.Territoire }).ToListAsync(ct);
        var departements = psads.SelectMany(p => p.Territoire).Select(c => c.Length == 5 ? Departements.DeCommune(c) : c).OfType<string>()
            .Where(Departements.Existe).Distinct().Order(StringComparer.Ordinal).Select(Territoire.Departement).ToList();
        var coordonnees = await acces.PsadsCoordonneesAsync(ct);
        var siens = psads.Where(p => coordonnees.Contains(p.Id))
            .Select(p => new Territoire("psad-" + p.Code, $"PSAD {p.Code} – {p.Nom}", Ventilation.Psad, p.Id.ToString(CultureInfo.InvariantCulture))).ToList();
        List<Territoire> offerts = [Territoire.Region, .. departements, .. siens];
        Territoires = [.. offerts.Select(t => new Terme(t.Code, t.EstRegion ? "Toute la région" : t.Nom))];

        var territoire = Territoire.Region;
        if (!string.IsNullOrEmpty(TerritoireDemande))
        {
            if (offerts.FirstOrDefault(t => t.Code == TerritoireDemande) is { } choisi)
            {
                territoire = choisi;
            }
            else if (TerritoireDemande.StartsWith("psad-", StringComparison.Ordinal) && psads.Any(p => "psad-" + p.Code == TerritoireDemande))
            {
                Erreurs.Ajouter("territoire", "Les tableaux d'une PSAD sont réservés à ses coordinateurs, connectés. Voici la région.");
            }
            else
            {
                Erreurs.Ajouter("territoire", "Ce territoire n'est pas proposé : choisissez la région ou un département de la liste. Voici la région.");
            }
        }

        if (indicateur.Comptage == Comptage.Delai && !territoire.EstRegion)
        {
            Erreurs.Ajouter("territoire", "Les délais sont publiés pour la région, par PSAD ou par département. Voici la région.");
            territoire = Territoire.Region;
        }

        var publiees = indicateur.Comptage == Comptage.Delai ? CalculDelais.Ventilations : territoire.Ventilations;
        var ventilation = publiees[0];
        if (!string.IsNullOrEmpty(VentilationDemandee))
        {
            if (ValeursFermees.Lire<Ventilation>(VentilationDemandee) is { } v && publiees.Contains(v))
            {
                ventilation = v;
            }
            else
            {
                Erreurs.Ajouter("ventilation", $"Cette ventilation n'est pas publiée pour {(territoire.EstRegion ? "la région" : territoire.Nom)} : choisissez {string.Join(", ", publiees.Select(x => x.Libelle()))}.");
            }
        }

        var periodicite = Periodicite.Mois;
        if (!string.IsNullOrEmpty(PeriodeDemandee))
        {
            if (ValeursFermees.Lire<Periodicite>(PeriodeDemandee) is { } p)
            {
                periodicite = p;
            }
            else
            {
                Erreurs.Ajouter("periode", "Choisissez « par mois » ou « par trimestre ».");
            }
        }

        var selection = new Selection(annee, territoire, ventilation, periodicite, calendrier);
        if (indicateur.Comptage == Comptage.Delai)
        {
            Delais = await delais.CalculerAsync(indicateur, selection, Regles, ct);
            Tableau = new TableauIndicateur(indicateur, selection, [], null, [], Delais.CalculeLe);
        }
        else
        {
            Tableau = await calcul.CalculerAsync(indicateur, selection, Regles, ct);
        }

        return null;
    }
}
