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
        string? departement = null;
        if (!string.IsNullOrWhiteSpace(Departement))
        {
            departement = Departement.Trim().ToUpperInvariant();
            if (!Departements.Existe(departement))
            {
                erreurs.Ajouter("departement", $"Le département « {Saisie.Tronquer(Departement)} » n'existe pas (code à 2 ou 3 caractères, par exemple 63).");
            }
        }

        var page = Saisie.Entier(Page, "page", 1, 1000, "Le numéro de page doit être un entier entre 1 et 1000.", erreurs) ?? 1;
        return erreurs.Any ? null : new FiltresVeille(string.IsNullOrEmpty(texte) ? null : texte, theme, pub, departement, page);
    }
}
