using Raccroche.Web.Features.Communes;

namespace Raccroche.Web.Features.Veille;

/// <summary>The list's raw parameters (query string), checked into <see cref="FiltresVeille"/> with a French message per field.</summary>
public sealed class ParametresVeille
{
    public const int MaxTexte = 200;

    public string? Q { get; init; }
    public string? Theme { get; init; }
    public string? Public { get; init; }
    public string? Departement { get; init; }
    public string? Page { get; init; }

    public FiltresVeille? Valider(Erreurs erreurs)
    {
        var texte = Q?.Trim();
        if (texte is { Length: > MaxTexte })
        {
            erreurs.Ajouter("q", $"Le texte recherché est trop long ({texte.Length} caractères) : {MaxTexte} au maximum.");
        }

        var theme = Saisie.Valeur(Theme, "theme", Etiquettes.Themes, "thème", erreurs);
        var pub = Saisie.Valeur(Public, "public", Etiquettes.Publics, "public", erreurs);
        var departement = Departements.Lire(Departement, "departement", erreurs);

        var page = Saisie.Page(Page, erreurs);
        return erreurs.Any ? null : new FiltresVeille(string.IsNullOrEmpty(texte) ? null : texte, theme, pub, departement, page);
    }
}
