using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Communes;
using Raccroche.Web.Features.Journal;
using Raccroche.Web.Features.Propositions;

namespace Raccroche.Web.Features.Decrocheurs;

/// <summary>
/// One case file (<c>/pro/decrocheurs/{id}</c>): who the young person is (the INE, birth date and guardian's contacts only
/// for those who handle the file), every livraison they appeared on, the flags, the contact attempts, the history, and the
/// forms that move the file along. Each display is a recorded read; someone else's file gives 404.
/// </summary>
public sealed class DossierModel(AccesSuivi acces, RaccrocheDbContext db, Tracabilite journal, TimeProvider clock, DossiersSuivi dossiers, ConservationSuivi conservation,
    InstantaneCatalogue catalogue, ReferentielCommunes communes, TransfertsSuivi transferts, ChargeSuivi charges, MessagesJeune messages, InstantaneMaintiens maintiens) : PageModel
{
    public sealed record Apparition(DateOnly Mois, IssueSituation Issue, LigneSiei Ligne);

    public sealed record Solution(SolutionSuivi Suivi, string Libelle, string? Structure);

    public sealed record Piste(int DispositifId, string Nom, string Structure, string? Raison);

    public JeuneSuivi Dossier { get; private set; } = null!;
    public PositionDossier Position { get; private set; }
    public LigneSiei? Derniere { get; private set; }
    public IReadOnlyList<Apparition> Apparitions { get; private set; } = [];
    public IReadOnlyList<TentativeContact> Tentatives { get; private set; } = [];
    public IReadOnlyList<EvenementDossier> Historique { get; private set; } = [];
    public Drapeaux Drapeaux { get; private set; } = null!;
    public string? Structure { get; private set; }
    public IReadOnlyList<string> Declarants { get; private set; } = [];
    public IReadOnlyList<(int Id, string Nom)> Partenaires { get; private set; } = [];
    public IReadOnlyList<StatutDossier> Suivants { get; private set; } = [];
    public string? ManqueInjoignable { get; private set; }
    public int? Age { get; private set; }

    /// <summary>When the retention will erase who the young person is (shown to those who handle the file).</summary>
    public DateTime? Anonymisation { get; private set; }
    public Erreurs Erreurs { get; } = new();
    public string? Conflit { get; private set; }

    public EntretienSituation? Entretien { get; private set; }
    public IReadOnlyList<Solution> Solutions { get; private set; } = [];

    /// <summary>What the matcher proposes from the entretien's answers (the diagnostic's rules, the file's commune and age).</summary>
    public IReadOnlyList<Piste> Pistes { get; private set; } = [];

    /// <summary>The proposals as the options of the solution form, and the choice of a solution outside the catalogue.</summary>
    public IEnumerable<Terme> TermesPistes => Pistes
        .Select(p => new Terme(p.DispositifId.ToString(CultureInfo.InvariantCulture), $"{p.Nom} ({p.Structure})", p.Raison))
        .Append(new Terme("", "Une solution hors catalogue (décrite ci-dessous)"));

    [BindProperty] public SaisieEntretien SaisieEntretien { get; set; } = new();
    [BindProperty] public int? DispositifId { get; set; }
    [BindProperty] public string? HorsCatalogue { get; set; }
    [BindProperty] public string? TypeSolution { get; set; }
    [BindProperty] public long SolutionId { get; set; }
    [BindProperty] public string? StatutSolution { get; set; }
    [BindProperty] public string? EntreeLe { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Quand { get; set; }
    [BindProperty] public string? Canal { get; set; }
    [BindProperty] public string? Destinataire { get; set; }
    [BindProperty] public string? Issue { get; set; }
    [BindProperty] public string? NouveauStatut { get; set; }
    [BindProperty] public string? Motif { get; set; }
    [BindProperty] public string? Precision { get; set; }
    [BindProperty] public string? MotifAnnulation { get; set; }
    [BindProperty] public int? StructureId { get; set; }
    [BindProperty] public string? ReferentId { get; set; }
    [BindProperty] public string? PsadCible { get; set; }
    [BindProperty] public string? MotifTransfert { get; set; }

    /// <summary>The partner structures and référents with their open load, for the coordinator's assignment form.</summary>
    public ChargesOuvertes Charges { get; private set; } = new([], []);

    /// <summary>The young person lives outside the PSAD's territory: not dispatched, a transfer is proposed (to <see cref="PsadProposee"/> when one covers the commune).</summary>
    public bool HorsTerritoire { get; private set; }
    public PsadTerritoire? PsadProposee { get; private set; }
    public IReadOnlyList<PsadTerritoire> AutresPsads { get; private set; } = [];
    public IReadOnlyList<(TransfertSuivi Transfert, string Cible)> Transferts { get; private set; } = [];
    [BindProperty] public string? NaturePriseEnCharge { get; set; }
    [BindProperty] public string? Organisme { get; set; }
    [BindProperty] public string? SourcePriseEnCharge { get; set; }
    [BindProperty] public string? Depuis { get; set; }
    [BindProperty] public bool CloturerPriseEnCharge { get; set; }

    /// <summary>The obligation de formation of a minor (status, next legal step and its due date); shown to those who handle the file.</summary>
    public EtatObligation? Obligation { get; private set; }

    /// <summary>Today in Paris, by the page's clock.</summary>
    public DateOnly Aujourdhui { get; private set; }
    [BindProperty] public string? ObligationStatut { get; set; }
    [BindProperty] public string? ObligationForme { get; set; }
    [BindProperty] public string? EntretienPropose { get; set; }
    [BindProperty] public string? ConvocationRendezVous { get; set; }

    /// <summary>What was recorded as "déjà connu / déjà en solution", newest first.</summary>
    public IReadOnlyList<PriseEnCharge> PrisesEnCharge { get; private set; } = [];

    /// <summary>The messages this file can send now (recipient × channel), with the text as it would leave.</summary>
    public IReadOnlyList<ApercuMessage> Apercus { get; private set; } = [];

    /// <summary>Messages sent from the file and what was answered through their links, newest first.</summary>
    public IReadOnlyList<MessageJeune> Messages { get; private set; } = [];
    public bool SmsDisponible => messages.SmsDisponible;
    public DateTime Maintenant => clock.GetUtcNow().UtcDateTime;

    public static string Creneau(string code) => ValeursFermees.Lire<MomentRappel>(code) is { } m ? m.Libelle() : ValeursFermees.Lire<DemiJournee>(code) is { } j ? j.Libelle() : code;
    /// <summary>The check-ins after a solution, past and to come, in date order.</summary>
    public IReadOnlyList<PointSuivi> Points { get; private set; } = [];

    /// <summary>The check-in a référent may record now: the oldest open one, from a week before its due date.</summary>
    public PointSuivi? PointAFaire { get; private set; }
    [BindProperty] public long PointId { get; set; }
    [BindProperty] public string? Constat { get; set; }
    [BindProperty] public string? NouveauType { get; set; }
    [BindProperty] public string? PrecisionPoint { get; set; }
    [BindProperty] public string? ConstatLe { get; set; }
    [BindProperty] public string? MessageDestinataire { get; set; }
    [BindProperty] public string? MessageCanal { get; set; }
    [BindProperty] public bool Relance { get; set; }

    public bool Modifiable => AccesSuivi.Traite(Position);

    /// <summary>Reads the follow-up (attempts, entretien, solutions, history): those who handle the file and its co-intervenants.</summary>
    public bool Lisible => Modifiable || Position == PositionDossier.CoIntervenant;

    public sealed record CoIntervenantDossier(long Id, int StructureId, string Structure, MotifCoIntervention Motif, DateTime DebutLe, string DebutPar);

    /// <summary>The partner structures that follow the young person too (running co-interventions), shown in the follow-up group.</summary>
    public IReadOnlyList<CoIntervenantDossier> CoIntervenants { get; private set; } = [];

    /// <summary>The PSAD's partners that may be added as co-intervenants (not the assigned structure, not one already there).</summary>
    public IReadOnlyList<Terme> CoIntervenantsPossibles { get; private set; } = [];
    [BindProperty] public int? CoStructureId { get; set; }
    [BindProperty] public string? CoMotif { get; set; }
    [BindProperty] public long CoInterventionId { get; set; }
    [BindProperty] public string? CoMotifFin { get; set; }
    public bool Coordinateur => Position == PositionDossier.Coordinateur;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await AfficherAsync(id, null, ct);

    public async Task<IActionResult> OnPostTentativeAsync(int id, CancellationToken ct) => await ApresAsync(id,
        await dossiers.EnregistrerTentativeAsync(id, Version, LireQuand(), ValeursFermees.Lire<CanalContact>(Canal), ValeursFermees.Lire<DestinataireContact>(Destinataire),
            ValeursFermees.Lire<IssueTentative>(Issue), ct), ct);

    public async Task<IActionResult> OnPostStatutAsync(int id, CancellationToken ct) => await ApresAsync(id,
        await dossiers.ChangerStatutAsync(id, Version, ValeursFermees.Lire<StatutDossier>(NouveauStatut), ct), ct);

    public async Task<IActionResult> OnPostCloturerAsync(int id, CancellationToken ct) => await ApresAsync(id,
        await dossiers.CloturerAsync(id, Version, ValeursFermees.Lire<MotifCloture>(Motif), Precision, ct), ct);

    public async Task<IActionResult> OnPostAnnulerAsync(int id, CancellationToken ct) => await ApresAsync(id,
        await dossiers.AnnulerAsync(id, Version, ValeursFermees.Lire<MotifAnnulation>(MotifAnnulation), ct), ct);

    public async Task<IActionResult> OnPostAttribuerAsync(int id, CancellationToken ct) => await ApresAsync(id,
        await dossiers.AttribuerAsync([id], StructureId, string.IsNullOrEmpty(ReferentId) ? null : ReferentId, Version, ct), ct);

    public async Task<IActionResult> OnPostTransfertAsync(int id, CancellationToken ct) => await ApresAsync(id,
        await transferts.DemanderAsync(id, Version, PsadCible, MotifTransfert, ct), ct);

    public async Task<IActionResult> OnPostEntretienAsync(int id, CancellationToken ct) => await ApresAsync(id,
        await dossiers.EnregistrerEntretienAsync(id, Version, SaisieEntretien, ct), ct);

    public async Task<IActionResult> OnPostSolutionAsync(int id, CancellationToken ct) => await ApresAsync(id,
        await dossiers.ProposerSolutionAsync(id, Version, DispositifId, HorsCatalogue, TypeSolution, ct), ct);

    public async Task<IActionResult> OnPostChangerSolutionAsync(int id, CancellationToken ct) => await ApresAsync(id,
        await dossiers.ChangerSolutionAsync(id, Version, SolutionId, StatutSolution, EntreeLe, ct), ct);

    public async Task<IActionResult> OnPostOrienterAsync(int id, CancellationToken ct) => await ApresAsync(id,
        await dossiers.OrienterSolutionAsync(id, SolutionId, ct), ct);

    public async Task<IActionResult> OnPostPriseEnChargeAsync(int id, CancellationToken ct) => await ApresAsync(id,
        await dossiers.DeclarerPriseEnChargeAsync(id, Version, ValeursFermees.Lire<NaturePriseEnCharge>(NaturePriseEnCharge), Organisme,
            ValeursFermees.Lire<SourcePriseEnCharge>(SourcePriseEnCharge), Depuis, CloturerPriseEnCharge, ct), ct);

    public async Task<IActionResult> OnPostMessageAsync(int id, CancellationToken ct)
    {
        // One button per recipient and channel: "jeune|sms".
        var (a, c) = MessageCanal?.Split('|') is [var x, var y] ? (ValeursFermees.Lire<DestinataireContact>(x), ValeursFermees.Lire<CanalContact>(y)) : (ValeursFermees.Lire<DestinataireContact>(MessageDestinataire), null);
        return await ApresAsync(id, await messages.EnvoyerAsync(id, Version, a, c, Relance, ct), ct);
    }

    public async Task<IActionResult> OnPostCoIntervenantAsync(int id, CancellationToken ct) => await ApresAsync(id,
        await dossiers.AjouterCoIntervenantAsync(id, Version, CoStructureId, ValeursFermees.Lire<MotifCoIntervention>(CoMotif), ct), ct);

    public async Task<IActionResult> OnPostFinCoIntervenantAsync(int id, CancellationToken ct) => await ApresAsync(id,
        await dossiers.RetirerCoIntervenantAsync(id, Version, CoInterventionId, ValeursFermees.Lire<MotifFinCoIntervention>(CoMotifFin), ct), ct);

    public async Task<IActionResult> OnPostPointSuiviAsync(int id, CancellationToken ct) => await ApresAsync(id,
        await dossiers.FairePointAsync(id, Version, PointId, ValeursFermees.Lire<ConstatSuivi>(Constat), ValeursFermees.Lire<TypeSolution>(NouveauType), PrecisionPoint, ConstatLe, ct), ct);

    public async Task<IActionResult> OnPostDeclarerAsync(int id, CancellationToken ct) => await ApresAsync(id,
        await dossiers.DeclarerSuiviAsync(id, ct), ct);

    public async Task<IActionResult> OnPostObligationAsync(int id, CancellationToken ct) => await ApresAsync(id,
        await dossiers.FixerObligationAsync(id, Version, ValeursFermees.Lire<StatutObligation>(ObligationStatut), ValeursFermees.Lire<FormeObligation>(ObligationForme), ct), ct);

    public async Task<IActionResult> OnPostEntretienProposeAsync(int id, CancellationToken ct) => await ApresAsync(id,
        await dossiers.ProposerEntretienObligationAsync(id, Version, EntretienPropose, ct), ct);

    /// <summary>Producing the convocation records the step, then opens the letter to print.</summary>
    public async Task<IActionResult> OnPostConvocationAsync(int id, CancellationToken ct)
    {
        var r = await dossiers.ConvoquerAsync(id, Version, LireDateHeure(ConvocationRendezVous), ct);
        return r.Reussi ? RedirectToPage("Lettre", new { id, nature = NatureLettre.Convocation.Code() }) : await ApresAsync(id, r, ct);
    }

    public async Task<IActionResult> OnPostTransmissionAsync(int id, CancellationToken ct)
    {
        var r = await dossiers.TransmettreAsync(id, Version, ct);
        return r.Reussi ? RedirectToPage("Lettre", new { id, nature = NatureLettre.Transmission.Code() }) : await ApresAsync(id, r, ct);
    }

    private async Task<IActionResult> ApresAsync(int id, Resultat r, CancellationToken ct)
    {
        if (r.Reussi)
        {
            return RedirectToPage(new { id });
        }

        switch (r.Refus)
        {
            case Refus.Interdit:
                return NotFound();
            case Refus.Conflit:
                return await AfficherAsync(id, DossiersSuivi.MessageConflit, ct);
            default:
                Erreurs.Ajouter(r.Erreurs);
                return await AfficherAsync(id, null, ct);
        }
    }

    /// <summary>
    /// The matcher's proposals for this young person, from the latest entretien (situation, diploma, first wish, needs),
    /// the age and the commune of residence. None before an entretien, or without age or known commune.
    /// </summary>
    private IReadOnlyList<Piste> ProposerPistes(JeuneSuivi dossier, DateOnly aujourdhui)
    {
        if (Entretien is not { } e || dossier.DateNaissance is not { } naissance || !communes.Charge || communes.Repertoire.ParCode(dossier.CodeInsee) is not { } commune)
        {
            return [];
        }

        var profil = new Profil
        {
            Age = Drapeaux.Age(naissance, aujourdhui),
            Commune = commune,
            Situation = e.Situation.Code(),
            Niveau = e.Niveau,
            Souhait = e.Souhaits.FirstOrDefault() switch
            {
                "se-former" => "formation",
                "emploi" => "travail",
                "reflechir-projet" => "sais-pas",
                _ => null,
            },
            Besoins = [.. e.Besoins.Select(b => b.Code()).Where(b => ChoixDiagnostic.ThematiqueDuBesoin(b) is not null)],
        };
        // The programmes' retention counts in the order; its sentence is the professional's one (no "tu"), after the first reason.
        var resultat = Appariement.Orienter(profil, catalogue.Index, catalogue.Annuaire, maintiens.Actuel);
        return [.. resultat.Groupes.SelectMany(g => g.Propositions)
            .Select(p => new Piste(p.Dispositif.Id, p.Dispositif.Nom, p.Dispositif.StructureNom,
                string.Join(" ", new[] { p.Raisons.FirstOrDefault(), p.Maintien?.RaisonProfessionnel }.OfType<string>()) is { Length: > 0 } r ? r : null))];
    }

    /// <summary>The date and time typed in the attempt form (Paris time), or now when left empty.</summary>
    private DateTime? LireQuand() => string.IsNullOrWhiteSpace(Quand) ? clock.GetUtcNow().UtcDateTime : LireDateHeure(Quand);

    /// <summary>A date and time typed in Paris time (a browser's date-time field, or JJ/MM/AAAA HH:MM without JavaScript), as UTC; null when unreadable or empty.</summary>
    private static DateTime? LireDateHeure(string? texte)
    {
        string[] formats = ["yyyy-MM-dd'T'HH:mm", "dd/MM/yyyy HH:mm", "dd/MM/yyyy"];
        return !string.IsNullOrWhiteSpace(texte) && DateTime.TryParseExact(texte.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? HeureParis.Utc(local)
            : null;
    }

    private async Task<IActionResult> AfficherAsync(int id, string? conflit, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var dossier = await db.JeunesSuivis.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);
        if (dossier is null || await acces.PositionAsync(dossier, ct) is var position && position == PositionDossier.Aucune)
        {
            return NotFound();
        }

        Dossier = dossier;
        Position = position;
        Conflit = conflit;
        if (conflit is null && Request.Method == "GET")
        {
            Version = dossier.Version;
        }
        else
        {
            // After a refused or lost change, the forms carry the version now on screen.
            ModelState.Remove(nameof(Version));
            Version = dossier.Version;
        }

        var aujourdhui = HeureParis.Jour(clock.GetUtcNow().UtcDateTime);
        Aujourdhui = aujourdhui;
        Age = dossier.DateNaissance is { } n ? Drapeaux.Age(n, aujourdhui) : null;
        var psad = await db.Psads.AsNoTracking().FirstAsync(p => p.Id == dossier.PsadId, ct);
        Drapeaux = Drapeaux.Calculer(dossier, aujourdhui, psad.Reglages);
        Structure = dossier.StructureId is { } s ? await db.Structures.Where(x => x.Id == s).Select(x => x.Nom).FirstOrDefaultAsync(ct) : null;
        CoIntervenants = await db.CoInterventions.AsNoTracking().Where(c => c.JeuneSuiviId == id && c.FinLe == null).OrderBy(c => c.DebutLe).ThenBy(c => c.Id)
            .Select(c => new CoIntervenantDossier(c.Id, c.StructureId, db.Structures.Where(x => x.Id == c.StructureId).Select(x => x.Nom).FirstOrDefault() ?? "structure", c.Motif, c.DebutLe, c.DebutPar)).ToListAsync(ct);
        Declarants = await db.SuivisDeclares.Where(d => d.JeuneSuiviId == id).Join(db.Users, d => d.UtilisateurId, u => u.Id, (d, u) => u.NomAffiche + (u.Structure != null ? " (" + u.Structure.Nom + ")" : "")).ToListAsync(ct);

        var situations = await db.SituationsSiei.AsNoTracking().Where(x => x.JeuneSuiviId == id)
            .Join(db.Livraisons, x => x.LivraisonId, l => l.Id, (x, l) => new { l.Mois, l.Id, x.Issue, x.Contenu })
            .OrderByDescending(x => x.Mois).ThenByDescending(x => x.Id).ToListAsync(ct);
        Apparitions = [.. situations.Select(x => new Apparition(x.Mois, x.Issue, JsonSerializer.Deserialize<LigneSiei>(x.Contenu)!))];
        Derniere = Apparitions.FirstOrDefault()?.Ligne;
        var derniereApparition = await db.Livraisons.Where(l => l.Id == dossier.DerniereLivraisonId).Select(l => (DateTime?)l.ImporteeLe).FirstOrDefaultAsync(ct);
        var dernierPoint = await db.PointsSuivi.Where(p => p.JeuneSuiviId == id && p.FaitLe == null && p.AnnuleLe == null).MaxAsync(p => (DateOnly?)p.Echeance, ct);
        Anonymisation = conservation.Echeance(dossier, derniereApparition ?? dossier.ArriveLe, dernierPoint);

        if (Lisible)
        {
            Tentatives = await db.TentativesContact.AsNoTracking().Where(t => t.JeuneSuiviId == id).OrderByDescending(t => t.Quand).ToListAsync(ct);
            Historique = await db.EvenementsDossier.AsNoTracking().Where(e => e.JeuneSuiviId == id).OrderByDescending(e => e.Quand).ThenByDescending(e => e.Id).ToListAsync(ct);
            Entretien = await db.EntretiensSituation.AsNoTracking().Where(e => e.JeuneSuiviId == id).OrderByDescending(e => e.EnregistreLe).ThenByDescending(e => e.Id).FirstOrDefaultAsync(ct);
            var solutions = await db.SolutionsSuivi.AsNoTracking().Where(x => x.JeuneSuiviId == id).OrderByDescending(x => x.CreeLe).ToListAsync(ct);
            var ids = solutions.Where(x => x.DispositifId != null).Select(x => x.DispositifId!.Value).ToList();
            var noms = await db.Dispositifs.Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Nom, Structure = x.Structure!.Nom }).ToDictionaryAsync(x => x.Id, ct);
            Solutions = [.. solutions.Select(x => x.DispositifId is { } d && noms.TryGetValue(d, out var n)
                ? new Solution(x, n.Nom, n.Structure)
                : new Solution(x, x.HorsCatalogue ?? "solution", null))];
            PrisesEnCharge = await db.PrisesEnCharge.AsNoTracking().Where(p => p.JeuneSuiviId == id).OrderByDescending(p => p.EnregistreeLe).ThenByDescending(p => p.Id).ToListAsync(ct);
        }

        if (Modifiable)
        {
            Suivants = [.. CycleDossier.SuivantsDe(dossier.Statut).Where(v => v is not (StatutDossier.Cloture or StatutDossier.Annule or StatutDossier.Transfere or StatutDossier.AAttribuer))];
            ManqueInjoignable = Suivants.Contains(StatutDossier.Injoignable)
                ? Injoignabilite.Manque(Tentatives.Where(t => t.Quand >= dossier.ArriveLe.AddDays(-1)), psad.Reglages)
                : null;
            Pistes = ProposerPistes(dossier, aujourdhui);
            Messages = await db.MessagesJeune.AsNoTracking().Where(m => m.JeuneSuiviId == id).OrderByDescending(m => m.EnvoyeLe).ThenByDescending(m => m.Id).ToListAsync(ct);
            if (dossier.NePasContacterLe is null && dossier.Statut != StatutDossier.AAttribuer && !CycleDossier.EstFinal(dossier.Statut))
            {
                var nature = Messages.Count > 0 ? NatureMessage.Relance : NatureMessage.Premier;
                var signature = await messages.SignatureAsync(dossier, ct);
                Apercus = [.. messages.Possibles(dossier, Coordonnees.De(Derniere), aujourdhui)
                    .Select(p => new ApercuMessage(p.Destinataire, p.Canal, nature, messages.Texte(psad.Modeles, p.Destinataire, nature, dossier.Prenom, signature)))];
            }

            Points = await db.PointsSuivi.AsNoTracking().Where(p => p.JeuneSuiviId == id).OrderBy(p => p.Echeance).ThenBy(p => p.Id).ToListAsync(ct);
            PointAFaire = Points.FirstOrDefault(p => p.FaitLe is null && p.AnnuleLe is null && p.Echeance.AddDays(-PointsSuivi.AvanceJours) <= aujourdhui);
            Obligation = await dossiers.EtatObligationAsync(dossier, ct);
            if (!CycleDossier.EstFinal(dossier.Statut))
            {
                var deja = CoIntervenants.Select(c => c.StructureId).ToList();
                CoIntervenantsPossibles = [.. (await db.Set<PartenairePsad>().Where(p => p.PsadId == dossier.PsadId && p.StructureId != dossier.StructureId && !deja.Contains(p.StructureId))
                        .Select(p => new { p.StructureId, p.Structure!.Nom }).ToListAsync(ct))
                    .OrderBy(p => p.Nom, StringComparer.Create(new("fr-FR"), true))
                    .Select(p => new Terme(p.StructureId.ToString(CultureInfo.InvariantCulture), p.Nom))];
            }
        }

        if (Coordinateur)
        {
            Charges = await charges.ChargerAsync([dossier.PsadId], ct);
            Partenaires = [.. Charges.Structures.Select(p => (p.Id, p.Nom))];
            var psads = await db.Psads.AsNoTracking().OrderBy(p => p.Code).Select(p => new PsadTerritoire(p.Id, p.Code, p.Nom, p.Territoire)).ToListAsync(ct);
            AutresPsads = [.. psads.Where(p => p.Id != dossier.PsadId)];
            HorsTerritoire = !Repartition.Contient(psad.Territoire, dossier.CodeInsee);
            PsadProposee = HorsTerritoire ? Repartition.PsadDuTerritoire(AutresPsads, p => p.Territoire, dossier.CodeInsee) : null;
            var noms = psads.ToDictionary(p => p.Id, p => $"{p.Code} – {p.Nom}");
            Transferts = [.. (await db.TransfertsSuivi.AsNoTracking().Where(t => t.JeuneSuiviId == id).OrderByDescending(t => t.DemandeLe).ToListAsync(ct))
                .Select(t => (t, noms.GetValueOrDefault(t.PsadCibleId, "PSAD")))];
        }

        await journal.EcrireAsync(Tracabilite.Lecture, "dossier-suivi", id.ToString(CultureInfo.InvariantCulture),
            position switch
            {
                PositionDossier.Declare => "lecture « je suis ce jeune » (identité et groupe de suivi)",
                PositionDossier.Coordinateur => "lecture par la coordination PSAD",
                PositionDossier.CoIntervenant => "lecture par une structure co-intervenante",
                _ => "lecture par le référent",
            } + (conflit is not null ? " ; réaffichage après une modification concurrente" : Erreurs.Any ? " ; réaffichage après une saisie refusée" : ""), ct: ct);
        return Page();
    }
}
