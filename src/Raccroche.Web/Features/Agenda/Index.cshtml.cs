using Raccroche.Web.Features.Catalogue;

namespace Raccroche.Web.Features.Agenda;

/// <summary>The agenda: upcoming events first (soonest first), then those already over ("passés", 20 a page), filtered by theme and département.</summary>
public sealed class IndexModel(RaccrocheDbContext db, InstantaneCatalogue instantane, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "theme")] public string? Theme { get; set; }
    [BindProperty(SupportsGet = true, Name = "departement")] public string? Departement { get; set; }

    // Not bound: "page" is also Razor Pages' own route value (the page path).
    public string? PageNum => Request.Query["page"].FirstOrDefault();

    public Erreurs Erreurs { get; } = new();
    public FiltresAgenda? Filtres { get; private set; }
    public List<CarteEvenement> AVenir { get; private set; } = [];
    public List<CarteEvenement> Passes { get; private set; } = [];
    public int TotalPasses { get; private set; }
    public int PagesPasses => Math.Max(1, (int)Math.Ceiling(TotalPasses / (double)LectureAgenda.PassesParPage));

    public string? Commune(string? code) => code is null ? null : instantane.Communes.ParCode(code)?.Nom;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Filtres = new ParametresAgenda { Theme = Theme, Departement = Departement, Page = PageNum }.Valider(Erreurs);
        if (Filtres is not null)
        {
            var maintenant = clock.GetUtcNow().UtcDateTime;
            AVenir = await LectureAgenda.AVenirAsync(db, Filtres, maintenant, ct);
            (TotalPasses, Passes) = await LectureAgenda.PassesAsync(db, Filtres, maintenant, ct);
        }
    }

    /// <summary>The current query string with the page of past events replaced.</summary>
    public string Lien(int page) => LienListe.Remplacer(Request, "/agenda", ("page", page.ToString(CultureInfo.InvariantCulture))) + "#passes";
}
