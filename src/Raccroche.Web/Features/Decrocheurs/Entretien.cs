namespace Raccroche.Web.Features.Decrocheurs;

public enum ModeEntretien
{
    [Valeur("presentiel", "En présentiel")] Presentiel,
    [Valeur("telephone", "Par téléphone")] Telephone,
    [Valeur("visio", "En visioconférence")] Visio,
}

/// <summary>Where the young person stands at the entretien (the professionals' words for the diagnostic's situations).</summary>
public enum SituationEntretien
{
    [Valeur("sans-activite", "Sans activité")] SansActivite,
    [Valeur("scolarise-en-risque", "Encore scolarisé·e, en risque de décrochage")] ScolariseEnRisque,
    [Valeur("en-formation-en-difficulte", "En formation ou en apprentissage, en difficulté")] EnFormationEnDifficulte,
    [Valeur("emploi-precaire", "Petits boulots, emploi précaire")] EmploiPrecaire,
    [Valeur("demandeur-emploi", "Inscrit·e comme demandeur·se d'emploi")] DemandeurEmploi,
}

/// <summary>
/// What the young person needs besides a programme, as areas to work on (never a diagnosis: no health or disability
/// condition, no offence is recorded here).
/// </summary>
public enum BesoinEntretien
{
    [Valeur("mobilite", "Mobilité (permis, transports)")] Mobilite,
    [Valeur("logement", "Logement")] Logement,
    [Valeur("sante", "Accès aux soins")] Sante,
    [Valeur("argent", "Ressources, argent pour vivre")] Argent,
    [Valeur("administratif", "Démarches administratives")] Administratif,
    [Valeur("famille", "Soutien familial")] Famille,
    [Valeur("reorientation", "Réorientation")] Reorientation,
    [Valeur("emploi", "Trouver un emploi")] Emploi,
    [Valeur("numerique", "Numérique")] Numerique,
    [Valeur("francais", "Français (lire, écrire, parler)")] Francais,
}

/// <summary>
/// The entretien de situation: one structured screen (date, mode, who was there, situation, highest diploma, the three
/// wishes, needs, constraints, a short comment). Its answers feed the matcher that proposes programmes.
/// </summary>
public sealed class EntretienSituation
{
    public long Id { get; set; }
    public int JeuneSuiviId { get; set; }
    public DateOnly Date { get; set; }
    public ModeEntretien Mode { get; set; }
    public bool JeunePresent { get; set; }
    public bool ResponsablePresent { get; set; }
    public SituationEntretien Situation { get; set; }

    /// <summary>A <see cref="Catalogue.Vocabulaire.Niveaux"/> value.</summary>
    public required string Niveau { get; set; }

    /// <summary>The wished entries (<see cref="Catalogue.Vocabulaire.Entrees"/>), most wished first.</summary>
    public List<string> Souhaits { get; set; } = [];
    public List<BesoinEntretien> Besoins { get; set; } = [];
    public string? Contraintes { get; set; }
    public string? Commentaire { get; set; }
    public required string Auteur { get; set; }
    public DateTime EnregistreLe { get; set; }

    public const int ContraintesMax = 300, CommentaireMax = 1000;
}

public enum TypeSolution
{
    [Valeur("formation-initiale", "Retour en formation initiale")] FormationInitiale,
    [Valeur("apprentissage", "Apprentissage")] Apprentissage,
    [Valeur("formation-professionnelle", "Formation professionnelle")] FormationProfessionnelle,
    [Valeur("e2c-epide-smv", "E2C, EPIDE ou SMV")] E2cEpideSmv,
    [Valeur("service-civique", "Service civique")] ServiceCivique,
    [Valeur("emploi-durable", "Emploi durable (6 mois ou plus)")] EmploiDurable,
    [Valeur("emploi-court", "Emploi court")] EmploiCourt,
    [Valeur("accompagnement-mission-locale", "Accompagnement mission locale (CEJ, PACEA)")] AccompagnementMissionLocale,
    [Valeur("autre", "Autre")] Autre,
}

public enum StatutSolution
{
    [Valeur("proposee", "Proposée")] Proposee,
    [Valeur("acceptee", "Acceptée")] Acceptee,
    [Valeur("refusee", "Refusée")] Refusee,
    [Valeur("en-attente-de-place", "En attente de place")] EnAttenteDePlace,
    [Valeur("entree", "Entrée")] Entree,
    [Valeur("abandonnee", "Abandonnée")] Abandonnee,
}

/// <summary>A solution proposed to the young person: a programme of the catalogue, or one outside it, and where it stands.</summary>
public sealed class SolutionSuivi
{
    public long Id { get; set; }
    public int JeuneSuiviId { get; set; }
    public int? DispositifId { get; set; }

    /// <summary>A solution outside the catalogue, in a few words (an employer, a school...).</summary>
    public string? HorsCatalogue { get; set; }
    public TypeSolution Type { get; set; }
    public StatutSolution Statut { get; set; } = StatutSolution.Proposee;
    public DateOnly? EntreeLe { get; set; }

    /// <summary>The referral sent to the receiving structure from this solution, if any.</summary>
    public int? DemandeId { get; set; }
    public DateTime CreeLe { get; set; }
    public DateTime StatutDepuis { get; set; }
    public required string Auteur { get; set; }

    public const int HorsCatalogueMax = 200;
}

/// <summary>A solution's life: proposée → acceptée | refusée → en attente de place → entrée → abandonnée.</summary>
public static class CycleSolution
{
    private static readonly Dictionary<StatutSolution, StatutSolution[]> Suivants = new()
    {
        [StatutSolution.Proposee] = [StatutSolution.Acceptee, StatutSolution.Refusee],
        [StatutSolution.Acceptee] = [StatutSolution.EnAttenteDePlace, StatutSolution.Entree, StatutSolution.Abandonnee],
        [StatutSolution.EnAttenteDePlace] = [StatutSolution.Entree, StatutSolution.Abandonnee],
        [StatutSolution.Entree] = [StatutSolution.Abandonnee],
        [StatutSolution.Refusee] = [],
        [StatutSolution.Abandonnee] = [],
    };

    public static bool PeutPasser(StatutSolution de, StatutSolution vers) => Suivants[de].Contains(vers);

    public static IReadOnlyList<StatutSolution> SuivantsDe(StatutSolution de) => Suivants[de];

    public static bool Active(StatutSolution s) => s is StatutSolution.Proposee or StatutSolution.Acceptee or StatutSolution.EnAttenteDePlace or StatutSolution.Entree;

    /// <summary>
    /// The case file's status once a solution moves: a young person who entered is "en solution"; a proposal waiting is
    /// "solution proposée"; with no active solution left, back to "entretien réalisé" to find another.
    /// </summary>
    public static StatutDossier StatutDuDossier(IEnumerable<StatutSolution> solutions)
    {
        var liste = solutions.ToList();
        return liste.Contains(StatutSolution.Entree) ? StatutDossier.EnSolution
            : liste.Any(Active) ? StatutDossier.SolutionProposee
            : StatutDossier.EntretienRealise;
    }
}
