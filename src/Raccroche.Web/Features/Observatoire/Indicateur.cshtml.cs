namespace Raccroche.Web.Features.Observatoire;

/// <summary>
/// One indicator: the figure, a chart and the same data as a table (PSAD × month, with the region and the year), a year
/// selector, the method note, and the table as CSV with the same masking. The URL holds the selection.
/// </summary>
public sealed class IndicateurModel(CalculIndicateurs calcul, IOptions<ObservatoireOptions> options, TimeProvider clock) : PageModel
{
    public const int PremiereAnnee = 2022;

    [BindProperty(SupportsGet = true, Name = "annee")]
    public int? AnneeDemandee { get; set; }

    public TableauIndicateur Tableau { get; private set; } = null!;
    public ReglesSecret Regles => options.Value.Regles;
    public IReadOnlyList<int> Annees { get; private set; } = [];
    public string Graphique { get; private set; } = "";
    public string? ErreurAnnee { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await ChargerAsync(code, ct) is { } refus)
        {
            return refus;
        }

        var region = Tableau.Territoires.Count;
        Graphique = Graphiques.Barres("graphique-" + Tableau.Indicateur.Code, $"{Tableau.Indicateur.Libelle}, région, {Tableau.Annee}, par mois",
            $"Diagramme en barres : {Tableau.Indicateur.Unite} par mois pour l'ensemble de la région en {Tableau.Annee}. Les mêmes chiffres sont dans le tableau ci-dessous ; un mois masqué par le secret statistique n'a pas de barre.",
            [.. Enumerable.Range(0, TableauIndicateur.Mois).Select(m => new Barre(TableauIndicateur.NomsMois[m], Tableau.Valeur(region, m), Tableau.Texte(region, m, Regles)))]);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(string code, CancellationToken ct)
    {
        if (await ChargerAsync(code, ct) is { } refus)
        {
            return refus;
        }

        var t = Tableau;
        var lignes = Enumerable.Range(0, t.Territoires.Count + 1).ToAsyncEnumerable();
        string[] colonnes = ["territoire", "code", .. TableauIndicateur.NomsMois, $"année {t.Annee}", .. t.Taux.Count > 0 ? new[] { "taux sur l'année" } : []];
        return new ExportCsv<int>(lignes, colonnes, l =>
        [
            l < t.Territoires.Count ? t.Territoires[l].Nom : "Région",
            l < t.Territoires.Count ? t.Territoires[l].Code : "",
            .. Enumerable.Range(0, TableauIndicateur.Mois + 1).Select(m => t.Texte(l, m, Regles)),
            .. t.Taux.Count > 0 ? new[] { t.Taux[l] ?? "nd" } : [],
        ], $"{t.Indicateur.Code}-{t.Annee}.csv");
    }

    private async Task<IActionResult?> ChargerAsync(string code, CancellationToken ct)
    {
        if (RegistreIndicateurs.Trouver(code) is not { } indicateur)
        {
            return NotFound();
        }

        var courante = HeureParis.Jour(clock.GetUtcNow().UtcDateTime).Year;
        Annees = [.. Enumerable.Range(PremiereAnnee, courante - PremiereAnnee + 1).Reverse()];
        var annee = AnneeDemandee ?? courante;
        if (!Annees.Contains(annee))
        {
            ErreurAnnee = $"L'année {annee} n'est pas disponible : choisissez une année de {PremiereAnnee} à {courante}. Voici {courante}.";
            annee = courante;
        }

        Tableau = await calcul.CalculerAsync(indicateur, annee, Regles, ct);
        return null;
    }
}
