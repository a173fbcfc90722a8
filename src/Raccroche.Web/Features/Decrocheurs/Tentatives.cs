namespace Raccroche.Web.Features.Decrocheurs;

public enum CanalContact
{
    [Valeur("telephone", "Téléphone")] Telephone,
    [Valeur("sms", "SMS")] Sms,
    [Valeur("courriel", "Courriel")] Courriel,
    [Valeur("courrier", "Courrier")] Courrier,
    [Valeur("visite", "Visite")] Visite,
    [Valeur("partenaire", "Via un partenaire")] Partenaire,
}

public enum DestinataireContact
{
    [Valeur("jeune", "Le jeune")] Jeune,
    [Valeur("responsable-legal", "Le responsable légal")] ResponsableLegal,
}

public enum IssueTentative
{
    [Valeur("joint", "Joint")] Joint,
    [Valeur("messagerie", "Messagerie")] Messagerie,
    [Valeur("pas-de-reponse", "Pas de réponse")] PasDeReponse,
    [Valeur("numero-errone", "Numéro ou adresse erroné")] NumeroErrone,
    [Valeur("refus", "Refus")] Refus,
}

/// <summary>One attempt to reach the young person or their legal guardian, as the référent recorded it.</summary>
public sealed class TentativeContact
{
    public long Id { get; set; }
    public int JeuneSuiviId { get; set; }
    public DateTime Quand { get; set; }
    public CanalContact Canal { get; set; }
    public DestinataireContact Destinataire { get; set; }
    public IssueTentative Issue { get; set; }
    public required string Auteur { get; set; }
}

/// <summary>
/// "Injoignable" is offered only after a real effort: enough unanswered attempts, over several channels and several days
/// (the PSAD's settings; 3 attempts, 2 channels, 10 days by default), and none that reached anybody.
/// </summary>
public static class Injoignabilite
{
    public static bool Proposable(IEnumerable<TentativeContact> tentatives, ReglagesSuivi r) => Manque(tentatives, r) is null;

    /// <summary>What is still missing before "injoignable" may be chosen, in French, or null when it may.</summary>
    public static string? Manque(IEnumerable<TentativeContact> tentatives, ReglagesSuivi r)
    {
        var liste = tentatives.ToList();
        if (liste.Any(t => t.Issue == IssueTentative.Joint))
        {
            return "le jeune ou son responsable légal a déjà été joint.";
        }

        var manques = new List<string>();
        if (liste.Count < r.InjoignableTentatives)
        {
            manques.Add($"{r.InjoignableTentatives} tentatives au moins ({liste.Count} enregistrée(s))");
        }

        var canaux = liste.Select(t => t.Canal).Distinct().Count();
        if (canaux < r.InjoignableCanaux)
        {
            manques.Add($"{r.InjoignableCanaux} canaux différents au moins ({canaux} utilisé(s))");
        }

        var etendue = liste.Count == 0 ? 0 : (int)(liste.Max(t => t.Quand) - liste.Min(t => t.Quand)).TotalDays;
        if (etendue < r.InjoignableJours)
        {
            manques.Add($"des tentatives étalées sur {r.InjoignableJours} jours au moins ({etendue} jour(s) aujourd'hui)");
        }

        return manques.Count == 0 ? null : "il faut encore " + string.Join(", ", manques) + ".";
    }
}
