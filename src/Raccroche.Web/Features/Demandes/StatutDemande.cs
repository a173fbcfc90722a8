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

/// <summary>Why a request was closed "sans suite".</summary>
public enum MotifSansSuite
{
    [Valeur("injoignable", "Injoignable")] Injoignable,
    [Valeur("refus", "Refus du jeune")] Refus,
    [Valeur("hors-criteres", "Hors critères")] HorsCriteres,
    [Valeur("deja-accompagne", "Déjà accompagné·e ailleurs")] DejaAccompagne,
    [Valeur("demenagement", "A déménagé")] Demenagement,
    [Valeur("autre", "Autre raison")] Autre,
}

/// <summary>When the young person prefers to be called.</summary>
public enum Creneau
{
    [Valeur("matin", "Le matin")] Matin,
    [Valeur("midi", "Entre midi et deux")] Midi,
    [Valeur("apres-midi", "L'après-midi")] ApresMidi,
    [Valeur("soir", "En fin de journée")] Soir,
    [Valeur("indifferent", "Peu importe")] Indifferent,
}
