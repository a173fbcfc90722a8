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
        var departement = Departements.Lire(Departement, "departement", erreurs);
        var page = Saisie.Page(Page, erreurs);
        return erreurs.Any ? null
            : new FiltresPartenaires(string.IsNullOrEmpty(texte) ? null : texte, nature is null ? null : ValeursFermees.Lire<NaturePartenaire>(nature), departement, page);
    }
}
