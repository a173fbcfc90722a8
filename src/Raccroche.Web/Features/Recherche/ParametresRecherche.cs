using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Communes;

namespace Raccroche.Web.Features.Recherche;

/// <summary>
/// Raw search parameters as typed (query string or form), validated into a <see cref="RequeteRecherche"/>.
/// Every problem is reported against its field with a French sentence; nothing is guessed. The API binds it
/// whole (<c>[AsParameters]</c>): every value arrives as text, so binding never fails and the OpenAPI document
/// lists exactly these parameters.
/// </summary>
public sealed class ParametresRecherche
{
    public const int MaxTexte = 200;

    [FromQuery(Name = "q")] public string? Q { get; set; }
    [FromQuery(Name = "code_commune")] public string? CodeCommune { get; set; }
    [FromQuery(Name = "rayon_km")] public string? RayonKm { get; set; }
    [FromQuery(Name = "age")] public string? Age { get; set; }
    [FromQuery(Name = "niveau")] public string? Niveau { get; set; }
    [FromQuery(Name = "entree")] public string? Entree { get; set; }
    [FromQuery(Name = "thematiques")] public string? Thematiques { get; set; }
    [FromQuery(Name = "situation")] public string? Situation { get; set; }
    [FromQuery(Name = "departement")] public string? Departement { get; set; }
    [FromQuery(Name = "remunere")] public string? Remunere { get; set; }
    [FromQuery(Name = "internat")] public string? Internat { get; set; }
    [FromQuery(Name = "entree_permanente")] public string? EntreePermanente { get; set; }
    [FromQuery(Name = "gratuit")] public string? Gratuit { get; set; }
    [FromQuery(Name = "page")] public string? Page { get; set; }
    [FromQuery(Name = "taille")] public string? Taille { get; set; }

    /// <summary>Validates; <paramref name="commune"/> is the commune already resolved by a page (by name), if any.</summary>
    public RequeteRecherche? Valider(RepertoireCommunes communes, Erreurs erreurs, Commune? commune = null, int tailleParDefaut = 20)
    {
        var texte = Q?.Trim();
        if (texte is { Length: > MaxTexte })
        {
            erreurs.Ajouter("q", $"Le texte recherché est trop long ({texte.Length} caractères) : {MaxTexte} au maximum.");
        }

        if (commune is null && !string.IsNullOrWhiteSpace(CodeCommune))
        {
            commune = communes.ParCode(CodeCommune.Trim().ToUpperInvariant());
            if (commune is null)
            {
                erreurs.Ajouter("code_commune", $"Le code commune « {Saisie.Tronquer(CodeCommune)} » ne correspond à aucune commune (code INSEE à 5 caractères, par exemple 63430 pour Thiers).");
            }
        }

        double? rayon = null;
        if (!string.IsNullOrWhiteSpace(RayonKm))
        {
            if (!double.TryParse(RayonKm.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var r) || double.IsNaN(r))
            {
                erreurs.Ajouter("rayon_km", "Le rayon doit être un nombre de kilomètres, par exemple 30.");
            }
            else if (r <= 0 || r > 200)
            {
                erreurs.Ajouter("rayon_km", "Le rayon doit être supérieur à 0 et au plus de 200 km.");
            }
            else if (commune is null && string.IsNullOrWhiteSpace(CodeCommune))
            {
                erreurs.Ajouter("rayon_km", "Le rayon s'utilise avec une commune : indiquez la commune autour de laquelle chercher.");
            }
            else
            {
                rayon = r;
            }
        }

        var age = Saisie.Entier(Age, "age", 10, 99, "L'âge doit être un nombre entier entre 10 et 99 ans.", erreurs);
        var page = Saisie.Page(Page, erreurs);
        var taille = Saisie.Entier(Taille, "taille", 1, 100, "La taille de page doit être un entier entre 1 et 100.", erreurs) ?? tailleParDefaut;
        var niveau = Saisie.Valeur(Niveau, "niveau", Vocabulaire.Niveaux, "niveau de diplôme", erreurs);
        var entree = Saisie.Valeur(Entree, "entree", Vocabulaire.Entrees, "entrée", erreurs);
        var situation = Saisie.Valeur(Situation, "situation", Vocabulaire.Situations, "situation", erreurs);

        var thematiques = new List<string>();
        var inconnues = new List<string>();
        foreach (var t in (Thematiques ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Vocabulaire.Thematiques.Contient(t) || Vocabulaire.CategoriesThematiques.Contient(t))
            {
                thematiques.Add(t);
            }
            else if (inconnues.Count < 3)
            {
                inconnues.Add($"« {Saisie.Tronquer(t)} »");
            }
        }

        if (inconnues.Count > 0)
        {
            erreurs.Ajouter("thematiques", $"{(inconnues.Count == 1 ? "La thématique " + inconnues[0] + " n'existe pas" : "Ces thématiques n'existent pas : " + string.Join(", ", inconnues.Distinct()))} (valeurs du référentiel data·inclusion, par exemple se-former--trouver-sa-formation ou la catégorie se-former).");
        }

        var departement = Departements.Lire(Departement, "departement", erreurs);

        var remunere = Saisie.Booleen(Remunere, "remunere", erreurs);
        var internat = Saisie.Booleen(Internat, "internat", erreurs);
        var permanente = Saisie.Booleen(EntreePermanente, "entree_permanente", erreurs);
        var gratuit = Saisie.Booleen(Gratuit, "gratuit", erreurs);

        if (erreurs.Any)
        {
            return null;
        }

        return new RequeteRecherche
        {
            Texte = texte,
            Entree = entree,
            Thematiques = thematiques,
            Age = age,
            Niveau = niveau,
            Situation = situation,
            Commune = commune,
            RayonKm = rayon,
            Departement = departement,
            Remunere = remunere,
            Internat = internat,
            EntreePermanente = permanente,
            Gratuit = gratuit,
            Page = page,
            Taille = taille,
        };
    }

}
