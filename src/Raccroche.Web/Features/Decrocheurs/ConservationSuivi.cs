namespace Raccroche.Web.Features.Decrocheurs;

/// <summary>How long the follow-up keeps a young person's data (section <c>Retention:Suivi</c>); see decision 0007.</summary>
public sealed class ConservationSuiviOptions
{
    /// <summary>A closed (or cancelled, or transferred) file is anonymised this many months after its closure.</summary>
    public int MoisApresCloture { get; set; } = 12;

    /// <summary>Any file is anonymised at the latest this many months after the young person last appeared on a livraison.</summary>
    public int MoisApresDerniereLivraison { get; set; } = 24;

    /// <summary>Bounds the configuration may not leave: a file must outlive a school year, and no longer than three years.</summary>
    public const int Minimum = 6, Maximum = 36;
}

/// <summary>What one pass did (counts only).</summary>
public sealed record BilanConservation(int Dossiers, int Situations, int Depots);

/// <summary>
/// Erases the young people of the follow-up on schedule: a case file is anonymised 12 months after its closure (a positive
/// exit's file not before a month after its last check-in due) and at the latest 24 months after the last livraison it appeared on; the raw SIEI rows go with it (and unsettled rows "à
/// arbitrer" after the same 24 months); files kept for an import are deleted after two hours. What stays (status,
/// dates, reasons, the PSAD, the birth year, the sex) feeds the figures and names nobody. Run by the retention job and verb.
/// </summary>
public sealed class ConservationSuivi(RaccrocheDbContext db, IOptions<ConservationSuiviOptions> options)
{
    public const string Efface = "—";
    private const int TailleLot = 500;

    /// <summary>
    /// When this file will be anonymised, given when its young person last appeared on a livraison and the due date of its last
    /// open check-in (a file closed as a positive exit is kept until <see cref="PointsSuivi.RetardMaxJours"/> days after it, within
    /// the livraison's bound: the follow-up after a solution goes on after the closure).
    /// </summary>
    public DateTime Echeance(JeuneSuivi j, DateTime derniereApparition, DateOnly? dernierPointOuvert = null)
    {
        var o = options.Value;
        var parApparition = derniereApparition.AddMonths(o.MoisApresDerniereLivraison);
        if (!CycleDossier.EstFinal(j.Statut) || j.ClotureLe is not { } c)
        {
            return parApparition;
        }

        var parCloture = c.AddMonths(o.MoisApresCloture);
        if (dernierPointOuvert is { } p && HeureParis.DebutDuJour(p.AddDays(PointsSuivi.RetardMaxJours + 1)) is var apresPoints && apresPoints > parCloture)
        {
            parCloture = apresPoints;
        }

        return parCloture < parApparition ? parCloture : parApparition;
    }

    /// <summary>The files of these PSADs whose anonymisation comes before <paramref name="avant"/> (the coordinators' warning).</summary>
    public IQueryable<JeuneSuivi> AAnonymiserAvant(IQueryable<JeuneSuivi> dossiers, DateTime avant)
    {
        var o = options.Value;
        var clotureAvant = avant.AddMonths(-o.MoisApresCloture);
        var apparitionAvant = avant.AddMonths(-o.MoisApresDerniereLivraison);
        // A check-in still open and due within the last RetardMaxJours days (or later) keeps a closed file.
        var pointsAvant = HeureParis.Jour(avant).AddDays(-PointsSuivi.RetardMaxJours - 1);
        return dossiers.Where(j => j.AnonymiseLe == null
            && ((j.ClotureLe != null && j.ClotureLe < clotureAvant && (j.Statut == StatutDossier.Cloture || j.Statut == StatutDossier.Annule || j.Statut == StatutDossier.Transfere)
                    && !db.PointsSuivi.Any(p => p.JeuneSuiviId == j.Id && p.FaitLe == null && p.AnnuleLe == null && p.Echeance > pointsAvant))
                || db.Livraisons.Any(l => l.Id == j.DerniereLivraisonId && l.ImporteeLe < apparitionAvant)));
    }

    public async Task<BilanConservation> AppliquerAsync(DateTime maintenant, CancellationToken ct = default)
    {
        var dossiers = 0;
        var situations = 0;
        int lot;
        do
        {
            // One transaction per batch: a failure keeps what earlier batches did, the next run resumes.
            (lot, var situationsLot) = await db.EnTransactionAsync(async tx =>
            {
                var fichiers = await AAnonymiserAvant(db.JeunesSuivis, maintenant).OrderBy(j => j.Id).Take(TailleLot).ToListAsync(ct);
                var effacees = 0;
                foreach (var j in fichiers)
                {
                    Anonymiser(j, maintenant);
                }

                await db.SaveChangesAsync(ct);
                var ids = fichiers.Select(j => j.Id).ToList();
                if (ids.Count > 0)
                {
                    effacees = await db.SituationsSiei.Where(s => s.JeuneSuiviId != null && ids.Contains(s.JeuneSuiviId.Value)).ExecuteDeleteAsync(ct);
                    await db.SuivisDeclares.Where(s => ids.Contains(s.JeuneSuiviId)).ExecuteDeleteAsync(ct);
                    await db.TentativesContact.Where(t => ids.Contains(t.JeuneSuiviId)).ExecuteUpdateAsync(u => u.SetProperty(t => t.Auteur, Efface), ct);
                    await db.EvenementsDossier.Where(e => ids.Contains(e.JeuneSuiviId)).ExecuteUpdateAsync(u => u.SetProperty(e => e.Auteur, Efface).SetProperty(e => e.Detail, Efface), ct);
                    // Free text typed about the young person goes too: the entretien's constraints and comment, where they are or work.
                    await db.EntretiensSituation.Where(e => ids.Contains(e.JeuneSuiviId)).ExecuteUpdateAsync(u => u.SetProperty(e => e.Contraintes, (string?)null).SetProperty(e => e.Commentaire, (string?)null).SetProperty(e => e.Auteur, Efface), ct);
                    await db.SolutionsSuivi.Where(x => ids.Contains(x.JeuneSuiviId) && x.HorsCatalogue != null).ExecuteUpdateAsync(u => u.SetProperty(x => x.HorsCatalogue, Efface), ct);
                    await db.SolutionsSuivi.Where(x => ids.Contains(x.JeuneSuiviId)).ExecuteUpdateAsync(u => u.SetProperty(x => x.Auteur, Efface), ct);
                    await db.PrisesEnCharge.Where(p => ids.Contains(p.JeuneSuiviId)).ExecuteUpdateAsync(u => u.SetProperty(p => p.Organisme, (string?)null).SetProperty(p => p.Auteur, Efface), ct);
                    await db.CoInterventions.Where(c => ids.Contains(c.JeuneSuiviId)).ExecuteUpdateAsync(u => u.SetProperty(c => c.DebutPar, Efface).SetProperty(c => c.FinPar, c => c.FinPar == null ? null : Efface), ct);

                    // Messages: their links die with the file (an anonymised file's link already answers 404), the young person's own words go.
                    await db.MessagesJeune.Where(m => ids.Contains(m.JeuneSuiviId)).ExecuteUpdateAsync(u => u.SetProperty(m => m.Precision, (string?)null).SetProperty(m => m.Auteur, Efface), ct);

                    // Check-ins keep their finding (the programmes' outcomes count it), not the young person's words nor who recorded it.
                    await db.PointsSuivi.Where(p => ids.Contains(p.JeuneSuiviId)).ExecuteUpdateAsync(u => u.SetProperty(p => p.Precision, (string?)null).SetProperty(p => p.Auteur, p => p.Auteur == null ? null : Efface), ct);
                }

                await tx.CommitAsync(ct);
                return (fichiers.Count, effacees);
            }, ct);
            situations += situationsLot;
            db.ChangeTracker.Clear();
            dossiers += lot;
        }
        while (lot == TailleLot);

        // Rows nobody settled, past the same period, and files kept for an import.
        var apparitionAvant = maintenant.AddMonths(-options.Value.MoisApresDerniereLivraison);
        situations += await db.SituationsSiei.Where(s => s.JeuneSuiviId == null && db.Livraisons.Any(l => l.Id == s.LivraisonId && l.ImporteeLe < apparitionAvant)).ExecuteDeleteAsync(ct);
        var depots = await db.DepotsSiei.Where(DepotSiei.Perime(maintenant)).ExecuteDeleteAsync(ct);
        return new BilanConservation(dossiers, situations, depots);
    }

    /// <summary>
    /// Erases who the young person is; keeps the PSAD, the birth year, the sex, the status, dates and reasons (what the figures
    /// and the programmes' outcomes count; decision 0020 says why the sex may stay). The school of origin goes: with a small
    /// school it would narrow a birth year down to a few people.
    /// </summary>
    public static void Anonymiser(JeuneSuivi j, DateTime maintenant)
    {
        j.Ine = null;
        j.Nom = null;
        j.NomNaissance = null;
        j.Prenom = null;
        j.NomRecherche = null;
        j.LieuNaissance = null;
        j.CodeInsee = null;
        j.Commune = null;
        j.EtablissementUai = null;
        j.DateNaissance = j.DateNaissance is { } n ? new DateOnly(n.Year, 1, 1) : null;
        j.PrecisionCloture = null;
        j.ReferentId = null;
        j.AnonymiseLe = maintenant;
        j.Version++;
    }
}
