using Raccroche.Web.Features.Communes;

namespace Raccroche.Web.Features.Veille;

/// <summary>
/// The tags of the news watch and the agenda: themes (the code is the segment of <c>/veille/themes/{theme}/flux.atom</c>),
/// audiences, and the territory (département codes; none: the whole region). Our own closed lists: the catalogue's
/// data·inclusion thématiques describe services for a person, not news about dropout.
/// </summary>
public static class Etiquettes
{
    public static readonly Liste Themes = new("theme",
    [
        new("perseverance-scolaire", "Persévérance scolaire et prévention"),
        new("raccrochage", "Raccrochage et retour en formation"),
        new("reperage-suivi", "Repérage et suivi des décrocheurs"),
        new("obligation-formation", "Obligation de formation"),
        new("insertion-emploi", "Insertion et emploi des jeunes"),
        new("competences-numerique", "Compétences de base et numérique"),
        new("engagement", "Engagement et service civique"),
        new("etudes-chiffres", "Études et chiffres"),
        new("politiques-publiques", "Politiques publiques et financements"),
        new("partenariats", "Partenariats et réseaux"),
    ]);

    public static readonly Liste Publics = new("public",
    [
        new("professionnels", "Professionnels"),
        new("jeunes", "Jeunes"),
        new("familles", "Familles"),
        new("equipes-educatives", "Équipes éducatives"),
        new("elus-decideurs", "Élus et décideurs"),
    ]);

    /// <summary>The départements of the filters, as "63 – Puy-de-Dôme".</summary>
    public static IEnumerable<Terme> TermesDepartements() => Departements.Tous.Select(d => new Terme(d.Key, $"{d.Key} – {d.Value}"));

    /// <summary>"Puy-de-Dôme, Allier", or "Toute la région" when no département is given.</summary>
    public static string Territoire(IReadOnlyCollection<string> codes) =>
        codes.Count == 0 ? "Toute la région" : string.Join(", ", codes.Select(c => Departements.Nom(c) ?? c));

    /// <summary>
    /// Département codes typed in a field, separated by commas or spaces ("63, 03"): each must exist; the list comes back
    /// without repeats, in the order typed, or null with a French message on <paramref name="champ"/>.
    /// </summary>
    public static List<string>? LireTerritoire(Erreurs e, string champ, string? saisie)
    {
        var codes = (saisie ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries).Select(c => c.ToUpperInvariant()).Distinct().ToList();
        if (codes.Count > 20)
        {
            e.Ajouter(champ, "Territoire : 20 départements au plus ; laissez vide pour toute la région.");
            return null;
        }

        var inconnus = codes.Where(c => !Departements.Existe(c)).Select(Saisie.Tronquer).Take(3).ToList();
        if (inconnus.Count > 0)
        {
            e.Ajouter(champ, $"Territoire : {string.Join(", ", inconnus.Select(c => $"« {c} »"))} n'est pas un code de département (par exemple 63, 2A), séparés par des virgules.");
            return null;
        }

        return codes;
    }
}
