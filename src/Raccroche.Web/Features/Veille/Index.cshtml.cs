namespace Raccroche.Web.Features.Veille;

/// <summary>The news watch: a GET form (works without JavaScript) whose filters combine, 20 items a page, newest first.</summary>
public sealed class IndexModel(RaccrocheDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "theme")] public string? Theme { get; set; }
    [BindProperty(SupportsGet = true, Name = "public")] public string? Public { get; set; }
    [BindProperty(SupportsGet = true, Name = "departement")] public string? Departement { get; set; }

    // Not bound: "page" is also Razor Pages' own route value (the page path).
    public string? PageNum => Request.Query["page"].FirstOrDefault();

    public Erreurs Erreurs { get; } = new();
    public FiltresVeille? Filtres { get; private set; }
    public int Total { get; private set; }
    public List<CarteActualite> Items { get; private set; } = [];
    public int Pages => Math.Max(1, (int)Math.Ceiling(Total / (double)LectureVeille.ParPage));

    public async Task OnGetAsync(CancellationToken ct)
    {
        Filtres = new ParametresVeille { Q = Q, Theme = Theme, Public = Public, Departement = Departement, Page = PageNum }.Valider(Erreurs);
        if (Filtres is not null)
        {
            (Total, Items) = await LectureVeille.RechercherAsync(db, Filtres, ct);
        }
    }

    /// <summary>The current query string with some parameters replaced (for the pager).</summary>
    public string Lien(params (string Cle, string? Valeur)[] remplacements) => LienListe.Remplacer(Request, "/veille", remplacements);
}
