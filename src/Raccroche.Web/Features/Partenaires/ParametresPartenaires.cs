using Raccroche.Web.Features.Communes;

namespace Raccroche.Web.Features.Partenaires;

/// <summary>The list's raw parameters (query string), checked into <see cref="FiltresPartenaires"/> with a French message per field.</summary>
public sealed class ParametresPartenaires
{
    public const int MaxTexte = 200;

    public static readonly Liste Natures = new("nature", ValeursFermees.Termes<NaturePartenaire>());

    public string? Q { get; init; }
    public string? Nature { get; init; }
    public string? Departement { get; init; }
    public string? Page { get; init; }

    public FiltresPartenaires? Valider(Erreurs erreurs)
    {
        var texte = Q?.Trim();
        if (texte is { Length: > MaxTexte })
        {
            erreurs.Ajouter("q", $"Le texte recherché est trop long ({texte.Length} caractères) : {MaxTexte} au maximum.");
        }

        var nature = Saisie.Valeur(Nature, "nature", Natures, "type de partenaire", erreurs);
        string? departement = null;
        if (!string.IsNullOrWhiteSpace(Departement))
        {
            departement = Departement.Trim().ToUpperInvariant();
            if (!Departements.Existe(departement))
            {
                erreurs.Ajouter("departement", $"Le département « {Saisie.Tronquer(Departement)} » n'existe pas (code à 2 ou 3 caractères, par exemple 69).");
            }
        }

        var page = Saisie.Entier(Page, "page", 1, 1000, "Le numéro de page doit être un entier entre 1 et 1000.", erreurs) ?? 1;
        return erreurs.Any ? null
            : new FiltresPartenaires(string.IsNullOrEmpty(texte) ? null : texte, nature is null ? null : ValeursFermees.Lire<NaturePartenaire>(nature), departement, page);
    }
}
