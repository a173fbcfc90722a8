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
        var departement = Departements.Lire(Departement, "departement", erreurs);

        var page = Saisie.Page(Page, erreurs);
        return erreurs.Any ? null : new FiltresAgenda(theme, departement, page);
    }
}
