namespace Raccroche.Web.Features.Decrocheurs;

/// <summary>A PSAD's own deadlines and thresholds, edited by its coordinators (stored with the PSAD).</summary>
public sealed class ReglagesSuivi
{
    /// <summary>Days between a young person's arrival on a list and the first contact attempt.</summary>
    public int DelaiPremiereTentativeJours { get; set; } = 15;

    /// <summary>Days between reaching the young person and the entretien de situation.</summary>
    public int DelaiEntretienJours { get; set; } = 21;

    /// <summary>Days between the entretien and a solution the young person has entered.</summary>
    public int DelaiSolutionJours { get; set; } = 45;

    /// <summary>An open file with no action for this many days is "sans nouvelles".</summary>
    public int SansNouvellesJours { get; set; } = 30;

    public int InjoignableTentatives { get; set; } = 3;
    public int InjoignableCanaux { get; set; } = 2;
    public int InjoignableJours { get; set; } = 10;

    /// <summary>Each value in its bounds, or the French message of the first that is not (field code, message).</summary>
    public IEnumerable<(string Champ, string Message)> Verifier()
    {
        static IEnumerable<(string, string)> Borne(string champ, string libelle, int valeur, int min, int max) =>
            valeur < min || valeur > max ? [(champ, $"{libelle} : entre {min} et {max}.")] : [];

        return Borne("premiereTentative", "Délai de première tentative (jours)", DelaiPremiereTentativeJours, 1, 90)
            .Concat(Borne("entretien", "Délai d'entretien (jours)", DelaiEntretienJours, 1, 180))
            .Concat(Borne("solution", "Délai de solution (jours)", DelaiSolutionJours, 1, 365))
            .Concat(Borne("sansNouvelles", "Sans nouvelles après (jours)", SansNouvellesJours, 7, 365))
            .Concat(Borne("injoignableTentatives", "Tentatives avant « injoignable »", InjoignableTentatives, 2, 10))
            .Concat(Borne("injoignableCanaux", "Canaux avant « injoignable »", InjoignableCanaux, 1, 4))
            .Concat(Borne("injoignableJours", "Jours avant « injoignable »", InjoignableJours, 3, 60));
    }
}

/// <summary>
/// The flags of a case file, computed from its status and dates, never typed by anyone: "à traiter" (nothing done yet),
/// "à recontacter", "en retard" (the step's deadline has passed), "sans nouvelles depuis N jours", and "prioritaire" with
/// its reasons.
/// </summary>
public sealed record Drapeaux(bool ATraiter, bool ARecontacter, string? Retard, int? SansNouvellesDepuis, IReadOnlyList<string> Priorites)
{
    public bool EnRetard => Retard is not null;
    public bool Prioritaire => Priorites.Count > 0;

    public static Drapeaux Calculer(JeuneSuivi d, DateOnly aujourdhui, ReglagesSuivi r)
    {
        var priorites = new List<string>();
        if (d.DateNaissance is { } n && Age(n, aujourdhui) is >= 16 and < 18)
        {
            priorites.Add("mineur soumis à l'obligation de formation");
        }

        if (d.DateSortie is { } s && s.AddMonths(6) > aujourdhui)
        {
            priorites.Add("sorti·e il y a moins de 6 mois");
        }

        if (CycleDossier.EstFinal(d.Statut))
        {
            return new Drapeaux(false, false, null, null, priorites);
        }

        var derniere = HeureParis.Jour(d.DerniereActionLe ?? d.ArriveLe);
        var silence = aujourdhui.DayNumber - derniere.DayNumber;
        var depuisStatut = aujourdhui.DayNumber - HeureParis.Jour(d.StatutDepuis).DayNumber;
        var depuisArrivee = aujourdhui.DayNumber - HeureParis.Jour(d.ArriveLe).DayNumber;
        var retard = d.Statut switch
        {
            StatutDossier.AAttribuer or StatutDossier.AContacter when d.NombreTentatives == 0 && depuisArrivee > r.DelaiPremiereTentativeJours =>
                $"aucune tentative de contact {depuisArrivee} jours après l'arrivée (délai : {r.DelaiPremiereTentativeJours})",
            StatutDossier.Joint or StatutDossier.EntretienPlanifie when depuisStatut > r.DelaiEntretienJours =>
                $"pas d'entretien {depuisStatut} jours après le contact (délai : {r.DelaiEntretienJours})",
            StatutDossier.EntretienRealise or StatutDossier.SolutionProposee when depuisStatut > r.DelaiSolutionJours =>
                $"pas de solution {depuisStatut} jours après l'entretien (délai : {r.DelaiSolutionJours})",
            _ => null,
        };

        return new Drapeaux(
            ATraiter: d.NombreTentatives == 0 && d.Statut is StatutDossier.AAttribuer or StatutDossier.AContacter,
            ARecontacter: d.Statut is StatutDossier.ContactEnCours,
            Retard: retard,
            SansNouvellesDepuis: silence >= r.SansNouvellesJours ? silence : null,
            Priorites: priorites);
    }

    public static int Age(DateOnly naissance, DateOnly jour) =>
        jour.Year - naissance.Year - (jour < naissance.AddYears(jour.Year - naissance.Year) ? 1 : 0);
}
