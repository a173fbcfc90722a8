using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Communes;

namespace Raccroche.Web.Features.Annuaire;

public sealed class AnnuaireModel(InstantaneCatalogue instantane) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "commune")] public string? CommuneSaisie { get; set; }
    [BindProperty(SupportsGet = true, Name = "code_commune")] public string? CodeCommune { get; set; }
    [BindProperty(SupportsGet = true, Name = "type")] public string? Type { get; set; }
    [BindProperty(SupportsGet = true, Name = "rayon_km")] public string? RayonKm { get; set; }

    // Not bound: "page" is also Razor Pages' own route value (the page path).
    public string? PageNum => Request.Query["page"].FirstOrDefault();

    public Erreurs Erreurs { get; } = new();
    public Commune? Commune { get; private set; }
    public List<Commune> Candidats { get; private set; } = [];
    public int Total { get; private set; }
    public List<StructureTrouvee> Items { get; private set; } = [];
    public bool Recherche { get; private set; }

    public void OnGet()
    {
        (Commune, Candidats, CommuneSaisie) = instantane.Communes.LireChamp(CodeCommune, CommuneSaisie, Erreurs);

        var query = ParametresAnnuaire.Valider(instantane.Communes, Erreurs, Q, Type,
            Commune is null ? CodeCommune : null, Commune, Erreurs.Pour("commune") is null ? RayonKm : null, null, PageNum, null);
        if (query is null || Erreurs.Any)
        {
            return;
        }

        Recherche = true;
        (Total, Items) = instantane.Annuaire.Rechercher(query);
    }
}
