namespace Raccroche.Web.Features.Ressources;

/// <summary>The library: a GET form (works without JavaScript) whose filters combine, 20 resources a page, newest first.</summary>
public sealed class IndexModel(RaccrocheDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "nature")] public string? Nature { get; set; }
    [BindProperty(SupportsGet = true, Name = "theme")] public string? Theme { get; set; }
    [BindProperty(SupportsGet = true, Name = "annee")] public string? Annee { get; set; }

    // Not bound: "page" is also Razor Pages' own route value (the page path).
    public string? PageNum => Request.Query["page"].FirstOrDefault();

    public Erreurs Erreurs { get; } = new();
    public FiltresRessources? Filtres { get; private set; }
    public int Total { get; private set; }
    public List<CarteRessource> Items { get; private set; } = [];
    public int Pages => Math.Max(1, (int)Math.Ceiling(Total / (double)LectureRessources.ParPage));

    public async Task OnGetAsync(CancellationToken ct)
    {
        Filtres = new ParametresRessources { Q = Q, Nature = Nature, Theme = Theme, Annee = Annee, Page = PageNum }.Valider(Erreurs);
        if (Filtres is not null)
        {
            (Total, Items) = await LectureRessources.RechercherAsync(db, Filtres, ct);
        }
    }

    /// <summary>The current query string with the page replaced (for the pager).</summary>
    public string Lien(int page) => LienListe.Remplacer(Request, "/ressources", ("page", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null));
}
