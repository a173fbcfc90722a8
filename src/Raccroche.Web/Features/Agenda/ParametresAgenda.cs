using Raccroche.Web.Features.Communes;
using Raccroche.Web.Features.Veille;

namespace Raccroche.Web.Features.Agenda;

/// <summary>The agenda's raw parameters (query string), checked into <see cref="FiltresAgenda"/> with a French message per field.</summary>
public sealed class ParametresAgenda
{
    public string? Theme { get; init; }
    public string? Departement { get; init; }
    public string? Page { get; init; }

    public FiltresAgenda? Valider(Erreurs erreurs)
    {
        var theme = Saisie.Valeur(Theme, "theme", Etiquettes.Themes, "thème", erreurs);
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
        return erreurs.Any ? null : new FiltresAgenda(theme, departement, page);
    }
}
