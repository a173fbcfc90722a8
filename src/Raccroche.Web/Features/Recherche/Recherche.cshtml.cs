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

    /// <summary>The filters in force, each with the link that removes it (shown as chips above the results).</summary>
    public List<(string Libelle, string Retrait)> FiltresActifs { get; } = [];

    /// <summary>When nothing matched: a few programmes per entry for the same place and age, nearest first.</summary>
    public List<(Terme Entree, IReadOnlyList<DispositifTrouve> Dispositifs)> ProchesParEntree { get; } = [];

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
            ListerFiltres(Requete);
            if (Resultat.Total == 0)
            {
                ProposerProches(Requete);
            }
        }
    }

    private void ListerFiltres(RequeteRecherche r)
    {
        void Ajouter(string libelle, params string[] cles) =>
            FiltresActifs.Add((libelle, Lien([.. cles.Select(c => (c, (string?)null)), ("page", null)])));

        if (r.Commune is { } c)
        {
            Ajouter($"Autour de {c.Nom}", "commune", "code_commune", "rayon_km");
            if (r.RayonKm is { } km)
            {
                Ajouter($"Dans un rayon de {km.ToString(CultureInfo.InvariantCulture)} km", "rayon_km");
            }
        }

        if (r.Departement is { } d)
        {
            Ajouter($"Département : {d} – {Departements.Nom(d) ?? d}", "departement");
        }

        if (r.Age is { } age)
        {
            Ajouter($"Âge : {age} ans", "age");
        }

        if (r.Niveau is { } n)
        {
            Ajouter($"Diplôme : {Vocabulaire.Niveaux.Libelle(n)}", "niveau");
        }

        if (r.Situation is { } si)
        {
            Ajouter($"Situation : {Vocabulaire.Situations.Libelle(si)}", "situation");
        }

        if (r.Entree is { } e)
        {
            Ajouter($"Entrée : {Vocabulaire.Entrees.Libelle(e)}", "entree");
        }

        if (r.Thematiques.Count > 0)
        {
            Ajouter($"Thématique : {string.Join(", ", r.Thematiques.Select(t => Vocabulaire.CategoriesThematiques.Contient(t) ? Vocabulaire.CategoriesThematiques.Libelle(t) : Vocabulaire.Thematiques.Libelle(t)))}", "thematiques");
        }

        foreach (var (coche, cle, libelle) in new[]
        {
            (r.Remunere, "remunere", "Rémunéré ou indemnisé"), (r.Gratuit, "gratuit", "Gratuit"),
            (r.Internat, "internat", "Avec internat"), (r.EntreePermanente, "entree_permanente", "Entrée à tout moment"),
        })
        {
            if (coche)
            {
                Ajouter(libelle, cle);
            }
        }
    }

    private void ProposerProches(RequeteRecherche r)
    {
        // The person's facts (where, age) stay; the words and the other filters go, so that something is shown.
        foreach (var entree in Vocabulaire.Entrees.Termes)
        {
            var proches = instantane.Index.Rechercher(new RequeteRecherche
            {
                Commune = r.Commune,
                RayonKm = r.Commune is null ? null : Math.Max(r.RayonKm ?? 0, 50),
                Departement = r.Departement,
                Age = r.Age,
                Entree = entree.Valeur,
                Taille = 3,
            });
            if (proches.Total > 0)
            {
                ProchesParEntree.Add((entree, proches.Items));
            }
        }
    }

    /// <summary>The directory of structures for the same place.</summary>
    public string LienAnnuaire => Commune is { } c
        ? "/annuaire" + QueryString.Create([KeyValuePair.Create("code_commune", (string?)c.CodeInsee), KeyValuePair.Create("commune", (string?)c.Nom)])
        : "/annuaire";

    public bool Coche(string? v) => v is "true" or "on" or "1" or "oui";

    /// <summary>The current query string with some parameters replaced (for pagination and homonym links).</summary>
    public string Lien(params (string Cle, string? Valeur)[] remplacements) => LienListe.Remplacer(Request, "/recherche", remplacements);
}
