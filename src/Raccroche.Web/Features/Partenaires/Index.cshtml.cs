namespace Raccroche.Web.Features.Partenaires;

/// <summary>The partners' directory: a GET form (works without JavaScript) whose filters combine, 20 partners a page, by name.</summary>
public sealed class IndexModel(RaccrocheDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "nature")] public string? Nature { get; set; }
    [BindProperty(SupportsGet = true, Name = "departement")] public string? Departement { get; set; }

    // Not bound: "page" is also Razor Pages' own route value (the page path).
    public string? PageNum => Request.Query["page"].FirstOrDefault();

    public Erreurs Erreurs { get; } = new();
    public FiltresPartenaires? Filtres { get; private set; }
    public int Total { get; private set; }
    public List<CartePartenaire> Items { get; private set; } = [];
    public int Pages => Math.Max(1, (int)Math.Ceiling(Total / (double)LecturePartenaires.ParPage));

    public async Task OnGetAsync(CancellationToken ct)
    {
        Filtres = new ParametresPartenaires { Q = Q, Nature = Nature, Departement = Departement, Page = PageNum }.Valider(Erreurs);
        if (Filtres is not null)
        {
            (Total, Items) = await LecturePartenaires.RechercherAsync(db, Filtres, ct);
        }
    }

    /// <summary>The current query string with the page replaced (for the pager).</summary>
    public string Lien(int page) => LienListe.Remplacer(Request, "/partenaires", ("page", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null));
}
