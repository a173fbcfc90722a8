namespace Raccroche.Web.Features.Demandes;

/// <summary>Where a request stands in the receiving structure's inbox; the last three are closing ones.</summary>
public enum StatutDemande
{
    [Valeur("nouvelle", "Nouvelle")] Nouvelle,
    [Valeur("prise-en-charge", "Prise en charge")] PriseEnCharge,
    [Valeur("jeune-contacte", "Jeune contacté·e")] JeuneContacte,
    [Valeur("rendez-vous", "Rendez-vous fixé")] RendezVous,
    [Valeur("entre", "Entré·e dans le dispositif")] Entre,
    [Valeur("reoriente", "Réorienté·e")] Reoriente,
    [Valeur("sans-suite", "Sans suite")] SansSuite,
}

/// <summary>Who started a request.</summary>
public enum OrigineDemande
{
    [Valeur("jeune", "Demande du jeune")] Jeune,
    [Valeur("professionnel", "Orientation d'un professionnel")] Professionnel,
    [Valeur("reorientation", "Réorientation")] Reorientation,
}
