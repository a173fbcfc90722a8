namespace Raccroche.Web.Features.Decrocheurs;

/// <summary>
/// Where a case file stands. The main path runs from "à attribuer" to "clôturé"; "transféré" and "annulé" are side
/// exits open at any point. A closed file reopens (back to "à attribuer") when the young person appears again on a livraison.
/// </summary>
public enum StatutDossier
{
    [Valeur("a-attribuer", "À attribuer")] AAttribuer,
    [Valeur("a-contacter", "À contacter")] AContacter,
    [Valeur("contact-en-cours", "Contact en cours")] ContactEnCours,
    [Valeur("injoignable", "Injoignable")] Injoignable,
    [Valeur("joint", "Joint")] Joint,
    [Valeur("entretien-planifie", "Entretien planifié")] EntretienPlanifie,
    [Valeur("entretien-realise", "Entretien réalisé")] EntretienRealise,
    [Valeur("solution-proposee", "Solution proposée")] SolutionProposee,
    [Valeur("en-solution", "En solution")] EnSolution,
    [Valeur("cloture", "Clôturé")] Cloture,
    [Valeur("transfere", "Transféré")] Transfere,
    [Valeur("annule", "Annulé")] Annule,
}

/// <summary>Why a case file is closed; a positive exit says which kind of solution.</summary>
public enum MotifCloture
{
    [Valeur("sortie-positive", "Sortie positive (en solution)")] SortiePositive,
    [Valeur("deja-accompagne", "Déjà accompagné·e ailleurs")] DejaAccompagne,
    [Valeur("sans-besoin", "Sans besoin")] SansBesoin,
    [Valeur("refus", "Refus du jeune")] Refus,
    [Valeur("injoignable", "Injoignable après relances")] Injoignable,
    [Valeur("coordonnees-erronees", "Coordonnées erronées")] CoordonneesErronees,
    [Valeur("demenagement", "Déménagement")] Demenagement,
    [Valeur("limite-age", "Limite d'âge atteinte")] LimiteAge,
    [Valeur("autre", "Autre (préciser)")] Autre,
}

/// <summary>Why a case file is cancelled: it should not have existed (no follow-up happened).</summary>
public enum MotifAnnulation
{
    [Valeur("doublon", "Doublon")] Doublon,
    [Valeur("erreur-liste", "Erreur de liste")] ErreurListe,
    [Valeur("deces", "Décès")] Deces,
}

/// <summary>The transitions a person may make by hand; contact attempts and imports move a file through the same table.</summary>
public static class CycleDossier
{
    private static readonly Dictionary<StatutDossier, StatutDossier[]> Suivants = new()
    {
        [StatutDossier.AAttribuer] = [StatutDossier.AContacter],
        [StatutDossier.AContacter] = [StatutDossier.ContactEnCours, StatutDossier.Joint, StatutDossier.AAttribuer],
        [StatutDossier.ContactEnCours] = [StatutDossier.Joint, StatutDossier.Injoignable, StatutDossier.AAttribuer],
        [StatutDossier.Injoignable] = [StatutDossier.ContactEnCours, StatutDossier.Joint],
        [StatutDossier.Joint] = [StatutDossier.EntretienPlanifie, StatutDossier.EntretienRealise],
        [StatutDossier.EntretienPlanifie] = [StatutDossier.EntretienRealise, StatutDossier.Joint],
        [StatutDossier.EntretienRealise] = [StatutDossier.SolutionProposee, StatutDossier.EnSolution],
        [StatutDossier.SolutionProposee] = [StatutDossier.EnSolution, StatutDossier.EntretienRealise],
        [StatutDossier.EnSolution] = [StatutDossier.SolutionProposee],
        [StatutDossier.Cloture] = [StatutDossier.AAttribuer],
        [StatutDossier.Transfere] = [],
        [StatutDossier.Annule] = [],
    };

    /// <summary>Closed, transferred or cancelled: no work is expected on the file.</summary>
    public static bool EstFinal(StatutDossier s) => s is StatutDossier.Cloture or StatutDossier.Transfere or StatutDossier.Annule;

    /// <summary>Open files that nobody has contacted yet, or whose contact is under way.</summary>
    public static bool EnContact(StatutDossier s) => s is StatutDossier.AContacter or StatutDossier.ContactEnCours or StatutDossier.Injoignable;

    /// <summary>
    /// May the file go from <paramref name="de"/> to <paramref name="vers"/>? Closing, transferring and cancelling are open
    /// from every status that is not final; the rest follows the table.
    /// </summary>
    public static bool PeutPasser(StatutDossier de, StatutDossier vers) =>
        de != vers && (vers is StatutDossier.Cloture or StatutDossier.Transfere or StatutDossier.Annule
            ? !EstFinal(de)
            : Suivants[de].Contains(vers));

    public static IReadOnlyList<StatutDossier> SuivantsDe(StatutDossier de) =>
        [.. ValeursFermees.Toutes<StatutDossier>().Where(v => PeutPasser(de, v))];

    /// <summary>
    /// The setters of a file that comes back to the follow-up (the young person dropped out again: back on a SIEI list, or out of
    /// their solution at a check-in), inside the caller's UPDATE: "à contacter" (or "à attribuer" without a structure), arrived
    /// now, no attempt yet, the closure forgotten, the obligation de formation's clock started over (the earlier steps stay in
    /// the history; an exemption still holds, a "satisfaite" noted by hand no longer does). The version is the caller's.
    /// </summary>
    public static void Rouvrir(Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<JeuneSuivi> u, DateTime maintenant) => u
        .SetProperty(j => j.Statut, j => j.StructureId == null ? StatutDossier.AAttribuer : StatutDossier.AContacter)
        .SetProperty(j => j.StatutDepuis, maintenant)
        .SetProperty(j => j.ArriveLe, maintenant)
        .SetProperty(j => j.NombreTentatives, 0)
        .SetProperty(j => j.MotifCloture, (MotifCloture?)null)
        .SetProperty(j => j.PrecisionCloture, (string?)null)
        .SetProperty(j => j.ClotureLe, (DateTime?)null)
        .SetProperty(j => j.ObligationStatut, j => j.ObligationStatut == StatutObligation.Exemptee ? StatutObligation.Exemptee : StatutObligation.NonVerifiee)
        .SetProperty(j => j.ObligationForme, (FormeObligation?)null)
        .SetProperty(j => j.ObligationFixeeLe, j => j.ObligationStatut == StatutObligation.Exemptee ? j.ObligationFixeeLe : null)
        .SetProperty(j => j.ObligationFixeePar, j => j.ObligationStatut == StatutObligation.Exemptee ? j.ObligationFixeePar : null)
        .SetProperty(j => j.EntretienProposeLe, (DateTime?)null)
        .SetProperty(j => j.ConvocationLe, (DateTime?)null)
        .SetProperty(j => j.ConvocationRendezVous, (DateTime?)null)
        .SetProperty(j => j.ConvocationPar, (string?)null)
        .SetProperty(j => j.TransmissionLe, (DateTime?)null)
        .SetProperty(j => j.TransmissionPar, (string?)null);

    /// <summary>
    /// The status a contact attempt leads to: a reached young person (or guardian) makes the file "joint"; otherwise a file still
    /// waiting for its first contact becomes "contact en cours". A file past contact keeps its status (a later call is a follow-up).
    /// </summary>
    public static StatutDossier ApresTentative(StatutDossier actuel, IssueTentative issue) => actuel switch
    {
        StatutDossier.AContacter or StatutDossier.ContactEnCours or StatutDossier.Injoignable when issue == IssueTentative.Joint => StatutDossier.Joint,
        StatutDossier.AContacter or StatutDossier.Injoignable => StatutDossier.ContactEnCours,
        _ => actuel,
    };
}
