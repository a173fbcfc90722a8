using Raccroche.Web.Features.Veille;

namespace Raccroche.Web.Features.Ressources;

/// <summary>The list's raw parameters (query string), checked into <see cref="FiltresRessources"/> with a French message per field.</summary>
public sealed class ParametresRessources
{
    public const int MaxTexte = 200;

    public static readonly Liste Natures = new("nature", ValeursFermees.Termes<NatureRessource>());

    public string? Q { get; init; }
    public string? Nature { get; init; }
    public string? Theme { get; init; }
    public string? Annee { get; init; }
    public string? Page { get; init; }

    public FiltresRessources? Valider(Erreurs erreurs)
    {
        var texte = Q?.Trim();
        if (texte is { Length: > MaxTexte })
        {
            erreurs.Ajouter("q", $"Le texte recherché est trop long ({texte.Length} caractères) : {MaxTexte} au maximum.");
        }

        var nature = Saisie.Valeur(Nature, "nature", Natures, "type de ressource", erreurs);
        var theme = Saisie.Valeur(Theme, "theme", Etiquettes.Themes, "thème", erreurs);
        var annee = Saisie.Entier(Annee, "annee", 2000, 2100, "L'année doit être un nombre entre 2000 et 2100, par exemple 2023.", erreurs);
        var page = Saisie.Page(Page, erreurs);
        return erreurs.Any ? null
            : new FiltresRessources(string.IsNullOrEmpty(texte) ? null : texte, nature is null ? null : ValeursFermees.Lire<NatureRessource>(nature), theme, annee, page);
    }
}
