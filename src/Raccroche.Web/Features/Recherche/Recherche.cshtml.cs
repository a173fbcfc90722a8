using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Communes;

namespace Raccroche.Web.Features.Recherche;

/// <summary>The results page: a GET form (works without JavaScript) whose every filter combines.</summary>
public sealed class RechercheModel(InstantaneCatalogue instantane) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "commune")] public string? CommuneSaisie { get; set; }
    [BindProperty(SupportsGet = true, Name = "code_commune")] public string? CodeCommune { get; set; }
    [BindProperty(SupportsGet = true, Name = "rayon_km")] public string? RayonKm { get; set; }
    [BindProperty(SupportsGet = true, Name = "departement")] public string? Departement { get; set; }
    [BindProperty(SupportsGet = true, Name = "entree")] public string? Entree { get; set; }
    [BindProperty(SupportsGet = true, Name = "thematiques")] public string? Thematiques { get; set; }
    [BindProperty(SupportsGet = true, Name = "age")] public string? Age { get; set; }
    [BindProperty(SupportsGet = true, Name = "niveau")] public string? Niveau { get; set; }
    [BindProperty(SupportsGet = true, Name = "situation")] public string? Situation { get; set; }
    [BindProperty(SupportsGet = true, Name = "remunere")] public string? Remunere { get; set; }
    [BindProperty(SupportsGet = true, Name = "internat")] public string? Internat { get; set; }
    [BindProperty(SupportsGet = true, Name = "entree_permanente")] public string? EntreePermanente { get; set; }
    [BindProperty(SupportsGet = true, Name = "gratuit")] public string? Gratuit { get; set; }

    // Not bound: "page" is also Razor Pages' own route value (the page path).
    public string? PageNum => Request.Query["page"].FirstOrDefault();

    public Erreurs Erreurs { get; } = new();
    public RequeteRecherche? Requete { get; private set; }
    public ResultatsRecherche? Resultat { get; private set; }
    public Commune? Commune { get; private set; }
    public List<Commune> Candidats { get; private set; } = [];

    public void OnGet()
    {
        (Commune, Candidats, CommuneSaisie) = instantane.Communes.LireChamp(CodeCommune, CommuneSaisie, Erreurs);

        var p = new ParametresRecherche
        {
            Q = Q,
            CodeCommune = Commune is null ? CodeCommune : null,
            RayonKm = RayonKm,
            Age = Age,
            Niveau = Niveau,
            Entree = Entree,
            Thematiques = Thematiques,
            Situation = Situation,
            Departement = Departement,
            Remunere = Remunere,
            Internat = Internat,
            EntreePermanente = EntreePermanente,
            Gratuit = Gratuit,
            Page = PageNum,
        };

        // A commune typed but not resolved already has its message; the radius then has nothing to hang on.
        if (Erreurs.Pour("commune") is not null)
        {
            p.RayonKm = null;
        }

        Requete = p.Valider(instantane.Communes, Erreurs, Commune);
        if (Requete is not null && !Erreurs.Any)
        {
            Resultat = instantane.Index.Rechercher(Requete);
        }
    }

    public bool Coche(string? v) => v is "true" or "on" or "1" or "oui";

    /// <summary>The current query string with some parameters replaced (for pagination and homonym links).</summary>
    public string Lien(params (string Cle, string? Valeur)[] remplacements) => LienListe.Remplacer(Request, "/recherche", remplacements);
}
