
namespace Raccroche.Web.Features.Decrocheurs;

/// <summary>
/// A plateforme de suivi et d'appui aux décrocheurs: a territory (département or commune codes) and the
/// partner structures (CIO, MLDS, mission locale, E2C...) whose référents follow its young people.
/// </summary>
public sealed class Psad
{
    public int Id { get; set; }

    /// <summary>Short stable code used by the verbs and in URLs, e.g. "63".</summary>
    public required string Code { get; set; }
    public required string Nom { get; set; }
    public List<string> Territoire { get; set; } = [];
    public List<PartenairePsad> Partenaires { get; set; } = [];

    /// <summary>Deadlines and thresholds of the follow-up, edited by the PSAD's coordinators.</summary>
    public ReglagesSuivi Reglages { get; set; } = new();

    /// <summary>The texts of the messages to young people and their families, edited by its coordinators (defaults when empty).</summary>
    public ModelesMessages Modeles { get; set; } = new();
    /// <summary>The letterhead of the printed letters (address lines, phone, generic e-mail), edited by the coordinators.</summary>
    public EnTeteLettres EnTete { get; set; } = new();
}

public sealed class PartenairePsad
{
    public int PsadId { get; set; }
    public int StructureId { get; set; }
    public Catalogue.Structure? Structure { get; set; }
}

/// <summary>One SIEI list received by a PSAD (SIEI sends one a month since February 2022).</summary>
public sealed class Livraison
{
    public int Id { get; set; }
    public int PsadId { get; set; }

    /// <summary>The month the list stands for (first day of the month).</summary>
    public DateOnly Mois { get; set; }
    public required string NomFichier { get; set; }

    /// <summary>SHA-256 of the file: the same file imported twice is recognised and changes nothing.</summary>
    public required string EmpreinteFichier { get; set; }
    public DateTime ImporteeLe { get; set; }
    public string? ImporteePar { get; set; }
    public int Lignes { get; set; }
    public int Nouveaux { get; set; }
    public int Rapproches { get; set; }
    public int AArbitrer { get; set; }
    public int Absents { get; set; }
    public int Reapparus { get; set; }
    public int Ignores { get; set; }

    /// <summary>The faulty rows left out (line, field, message: never the values), as JSON.</summary>
    public string Erreurs { get; set; } = "[]";
}

/// <summary>
/// A young person followed by a PSAD, and their case file: one per person, whatever the number of lists they appear in.
/// Identity comes from the lists; the status, assignment and dates are the follow-up's. Every write checks
/// <see cref="Version"/> (two référents saving at once: the second is told, nothing is lost).
/// </summary>
public sealed class JeuneSuivi
{
    public int Id { get; set; }
    public int PsadId { get; set; }
    public string? Ine { get; set; }
    public string? Nom { get; set; }
    public string? NomNaissance { get; set; }
    public string? Prenom { get; set; }
    public DateOnly? DateNaissance { get; set; }
    public string? LieuNaissance { get; set; }
    public string? CodeInsee { get; set; }
    public string? Commune { get; set; }

    /// <summary>
    /// Names and first name folded for the list's search (<see cref="Rapprochement.Cle"/>: no accents, hyphens nor case),
    /// written with the names (<see cref="ImportSiei.Nouveau"/>), erased with them.
    /// </summary>
    public string? NomRecherche { get; set; }

    /// <summary>The last training on the latest list where the young person appeared (libellé as SIEI wrote it).</summary>
    public string? Formation { get; set; }

    /// <summary>Its level (<see cref="ValeursSiei.Niveau"/>: "infra-3", "3" … "8").</summary>
    public string? NiveauFormation { get; set; }

    /// <summary>
    /// "F" or "M" as the latest list that gave it said (<see cref="ValeursSiei.Sexe"/>). Kept after anonymisation: the
    /// programmes' outcomes count it, never below 11 people (decision 0020).
    /// </summary>
    public string? Sexe { get; set; }

    /// <summary>The UAI of the last establishment on the latest list that gave one (the feedback to schools of origin); erased with the identity.</summary>
    public string? EtablissementUai { get; set; }

    /// <summary>When the young person asked to be called back (a reason to handle the file first); none when they did not.</summary>
    public DateTime? RappelDemandeLe { get; set; }

    /// <summary>When the young person (or their legal guardian) asked through their personal link not to be contacted: no message, no reminder since.</summary>
    public DateTime? NePasContacterLe { get; set; }

    /// <summary>Reminders sent so far (two at most).</summary>
    public int Relances { get; set; }

    public DateTime CreeLe { get; set; }
    public int PremiereLivraisonId { get; set; }
    public int DerniereLivraisonId { get; set; }

    /// <summary>Date of leaving school on the latest list (a recent exit makes the file a priority).</summary>
    public DateOnly? DateSortie { get; set; }

    public StatutDossier Statut { get; set; } = StatutDossier.AAttribuer;
    public DateTime StatutDepuis { get; set; }

    /// <summary>When the file (re)entered the follow-up: first list, or the list on which a closed file's young person reappeared.</summary>
    public DateTime ArriveLe { get; set; }

    /// <summary>The partner structure the file is assigned to (its référents handle it).</summary>
    public int? StructureId { get; set; }

    /// <summary>The référent in charge within that structure, when one is named.</summary>
    public string? ReferentId { get; set; }

    public int NombreTentatives { get; set; }
    public DateTime? DerniereActionLe { get; set; }

    public MotifCloture? MotifCloture { get; set; }
    public MotifAnnulation? MotifAnnulation { get; set; }

    /// <summary>The closing référent's précision (required for "autre"), limited and shown inert.</summary>
    public string? PrecisionCloture { get; set; }
    public DateTime? ClotureLe { get; set; }

    /// <summary>When the retention erased who the young person is (<see cref="ConservationSuivi"/>); such a file is out of every list.</summary>
    public DateTime? AnonymiseLe { get; set; }

    /// <summary>The obligation de formation as a référent typed it (<see cref="ObligationFormation.Statut"/> adds what the file shows), when and by whom.</summary>
    public StatutObligation ObligationStatut { get; set; } = StatutObligation.NonVerifiee;
    public FormeObligation? ObligationForme { get; set; }
    public DateTime? ObligationFixeeLe { get; set; }
    public string? ObligationFixeePar { get; set; }

    /// <summary>The legal steps of the obligation, each recorded once (<see cref="ObligationFormation"/> computes the next one).</summary>
    public DateTime? EntretienProposeLe { get; set; }
    public DateTime? ConvocationLe { get; set; }

    /// <summary>The meeting the convocation letter names (typed in Paris time, stored as UTC) and who produced the letter.</summary>
    public DateTime? ConvocationRendezVous { get; set; }
    public string? ConvocationPar { get; set; }
    public DateTime? TransmissionLe { get; set; }
    public string? TransmissionPar { get; set; }

    /// <summary>
    /// The follow-up after a solution (<see cref="PointSuivi"/>): true when the last check-in found the young person still in
    /// a solution ("sortie positive maintenue"), false when it did not; none while check-ins remain or when there were none.
    /// </summary>
    public bool? SortieMaintenue { get; set; }

    /// <summary>
    /// When a check-in found the young person out of their solution without another ("sorti sans solution"): the file was
    /// reopened and is a priority until a new solution is entered (<see cref="Drapeaux.SortiSansSolution"/>).
    /// </summary>
    public DateTime? SortiSansSolutionLe { get; set; }

    public int Version { get; set; }
}

/// <summary>What a professional does in a PSAD's follow-up; an account may hold several (one per PSAD).</summary>
public enum RoleSuivi
{
    /// <summary>Runs the PSAD: imports the lists, assigns the files, edits the rules; sees every file of the PSAD.</summary>
    [Valeur("coordinateur-psad", "Coordinateur PSAD")] CoordinateurPsad,

    /// <summary>A member of a partner structure: handles the files assigned to that structure.</summary>
    [Valeur("referent-suivi", "Référent de suivi")] ReferentSuivi,
}

/// <summary>
/// A role in a PSAD's follow-up, given to an existing account (the regional administrator names coordinators; a
/// coordinator names the référents, members of the PSAD's partner structures). Exporting lists is a right of its own.
/// </summary>
public sealed class HabilitationSuivi
{
    public int Id { get; set; }
    public required string UtilisateurId { get; set; }
    public int PsadId { get; set; }
    public RoleSuivi Role { get; set; }
    public bool PeutExporter { get; set; }
    public DateTime AccordeeLe { get; set; }
    public required string AccordeePar { get; set; }
}

/// <summary>
/// "Je suis ce jeune": a référent of the same PSAD whose structure does not handle the file declares they also follow
/// the young person; they may then read the identity and who follows them (read-only). Audited.
/// </summary>
public sealed class SuiviDeclare
{
    public required string UtilisateurId { get; set; }
    public int JeuneSuiviId { get; set; }
    public DateTime DeclareLe { get; set; }
}

public enum NatureEvenement
{
    [Valeur("livraison", "Présent sur une livraison")] Livraison,
    [Valeur("attribution", "Attribution")] Attribution,
    [Valeur("tentative", "Tentative de contact")] Tentative,
    [Valeur("statut", "Changement de statut")] Statut,
    [Valeur("cloture", "Clôture")] Cloture,
    [Valeur("reouverture", "Réouverture")] Reouverture,
    [Valeur("annulation", "Annulation")] Annulation,
    [Valeur("suivi-declare", "« Je suis ce jeune »")] SuiviDeclare,
    [Valeur("arbitrage", "Arbitrage d'une ligne")] Arbitrage,
    [Valeur("entretien", "Entretien de situation")] Entretien,
    [Valeur("solution", "Solution")] Solution,
    [Valeur("transfert", "Transfert")] Transfert,
    [Valeur("prise-en-charge", "Déjà connu ou en solution")] PriseEnCharge,
    [Valeur("message", "Message envoyé")] Message,
    [Valeur("reponse", "Réponse par le lien personnel")] Reponse,
    [Valeur("obligation", "Obligation de formation")] Obligation,
    [Valeur("co-intervention", "Co-intervenant")] CoIntervention,
    [Valeur("point-suivi", "Point de suivi")] PointSuivi,
}

/// <summary>The case file's history, newest first on the page: what happened, when, by whom (reads go to the audit trail).</summary>
public sealed class EvenementDossier
{
    public long Id { get; set; }
    public int JeuneSuiviId { get; set; }
    public DateTime Quand { get; set; }
    public NatureEvenement Nature { get; set; }
    public required string Auteur { get; set; }
    public required string Detail { get; set; }
}

/// <summary>What the import made of a row: a new file, a row matched to a file, or a doubtful match for a coordinator to settle.</summary>
public enum IssueSituation
{
    [Valeur("nouveau", "Nouveau dossier")] Nouveau,
    [Valeur("rapproche", "Rapproché d'un dossier existant")] Rapproche,
    [Valeur("a-arbitrer", "À arbitrer")] AArbitrer,
}

/// <summary>
/// What one row of a livraison said, frozen: the case file shows every list the young person appeared in.
/// A row "à arbitrer" has no young person yet: a coordinator merges or separates it.
/// </summary>
public sealed class SituationSiei
{
    public long Id { get; set; }
    public int LivraisonId { get; set; }
    public int? JeuneSuiviId { get; set; }
    public int Ligne { get; set; }
    public required IssueSituation Issue { get; set; }
    public string? Raison { get; set; }
    public List<int> Candidats { get; set; } = [];

    /// <summary>The row as typed by SIEI (<see cref="LigneSiei"/> as JSON), never changed.</summary>
    public required string Contenu { get; set; }

    /// <summary>When and by whom a row "à arbitrer" was settled (joined to a file, or made a file of its own).</summary>
    public DateTime? ArbitreeLe { get; set; }
    public string? ArbitreePar { get; set; }
}

/// <summary>
/// A file checked by a dry run and waiting for the coordinator's "importer": kept in the database (every instance sees it)
/// for two hours at most, then deleted; deleted at once when imported.
/// </summary>
public sealed class DepotSiei
{
    public Guid Id { get; set; }
    public int PsadId { get; set; }
    public required string UtilisateurId { get; set; }
    public required string NomFichier { get; set; }
    public DateOnly? Mois { get; set; }
    public required byte[] Contenu { get; set; }
    public DateTime DeposeLe { get; set; }

    /// <summary>The column mapping the coordinator checked the file with (JSON, normalised header → field code or "ignorer"), used by its import.</summary>
    public string? Correspondance { get; set; }

    /// <summary>Where the file stands: checked, waiting for the import job, being imported, done.</summary>
    public EtatDepot Etat { get; set; }

    /// <summary>The coordinator's choice when asking for the import: rows in error left out.</summary>
    public bool IgnorerInvalides { get; set; }

    /// <summary>Who asked for the import (their display name, for the livraison and its audit line) and when.</summary>
    public string? DemandePar { get; set; }
    public DateTime? DemandeLe { get; set; }

    /// <summary>The running import's last sign of life: a claim older than <see cref="Bail"/> is taken again (its instance died).</summary>
    public DateTime? AvanceLe { get; set; }

    /// <summary>The running import's phase and the rows of that phase done (what the status page shows).</summary>
    public PhaseImport? Phase { get; set; }
    public int Faites { get; set; }
    public int Total { get; set; }

    /// <summary>When the import ended (imported, refused or failed); the row and its report are kept <see cref="Duree"/> after it, without the file.</summary>
    public DateTime? TermineLe { get; set; }

    /// <summary>The import's report (JSON of <see cref="RapportSiei"/>: counts and errors, never a value of the file).</summary>
    public string? Rapport { get; set; }

    public static readonly TimeSpan Duree = TimeSpan.FromHours(2);

    /// <summary>
    /// The kept files to delete at <paramref name="maintenant"/>: checked more than <see cref="Duree"/> ago and not asked
    /// for, or ended more than <see cref="Duree"/> ago. A file waiting for the import job or being imported stays, but not
    /// past a day whatever its state (a job switched off must not keep young people's data for ever).
    /// </summary>
    public static System.Linq.Expressions.Expression<Func<DepotSiei, bool>> Perime(DateTime maintenant)
    {
        var limite = maintenant - Duree;
        var jour = maintenant.AddDays(-1);
        return d => (d.Etat == EtatDepot.Verifie && d.DeposeLe < limite) || (d.Etat == EtatDepot.Termine && d.TermineLe < limite) || d.DeposeLe < jour;
    }

    /// <summary>How long a claimed import may go without a sign of life before another run takes it again (the write phase of 100,000 rows takes about 10 s).</summary>
    public static readonly TimeSpan Bail = TimeSpan.FromMinutes(15);
}

/// <summary>The life of a kept file: checked (the dry run), then asked for import and taken by the import job.</summary>
public enum EtatDepot
{
    /// <summary>Checked by the dry run; may be imported (again, after a refusal).</summary>
    [Valeur("verifie", "vérifié")] Verifie,
    [Valeur("en-attente", "en attente")] EnAttente,
    [Valeur("en-cours", "en cours")] EnCours,

    /// <summary>Ended: imported, already imported, refused or failed; <see cref="DepotSiei.Rapport"/> says which.</summary>
    [Valeur("termine", "terminé")] Termine,
}
