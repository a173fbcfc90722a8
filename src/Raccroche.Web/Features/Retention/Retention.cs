using System.Text.Json.Nodes;
using Raccroche.Web.Features.Courriers;
using Raccroche.Web.Features.Decrocheurs;
using Raccroche.Web.Features.Demandes;
using Raccroche.Web.Features.Journal;

namespace Raccroche.Web.Features.Retention;

/// <summary>
/// How long personal data is kept (section "Retention"); see docs/decisions/0007-retention-and-audit.md.
/// </summary>
public sealed class RetentionOptions
{
    /// <summary>Runs the daily job in the web app; the <c>retention</c> verb works either way.</summary>
    public bool Active { get; set; } = true;
    public int IntervalleHeures { get; set; } = 24;

    /// <summary>A closed request is anonymised this many months after its closure.</summary>
    public int MoisApresCloture { get; set; } = 12;

    /// <summary>A request never closed is anonymised after this many months without any movement.</summary>
    public int MoisSansActivite { get; set; } = 24;

    /// <summary>Sent e-mails (their bodies repeat the request) are deleted this many days after sending.</summary>
    public int CourriersJours { get; set; } = 30;

    /// <summary>Audit lines are purged after this many months: longer than any data they describe.</summary>
    public int JournalMois { get; set; } = 60;
}

/// <summary>What one run did: counts only, never personal data (they go into the audit line).</summary>
public sealed record BilanRetention(int DemandesAnonymisees, int InvitationsSupprimees, int CourriersSupprimes, int LignesJournalPurgees, int FichiersDepotSupprimes = 0, BilanConservation? Suivi = null)
{
    /// <summary>Nothing done: another instance (or the verb) was applying the retention at that moment.</summary>
    public bool EnCoursAilleurs { get; init; }

    public static readonly BilanRetention DejaEnCours = new(0, 0, 0, 0) { EnCoursAilleurs = true };

    public string Resume() => EnCoursAilleurs ? "rien fait, une autre instance applique déjà la rétention" :
        $"{DemandesAnonymisees} demande(s) anonymisée(s), {InvitationsSupprimees} invitation(s) expirée(s) supprimée(s), " +
        $"{CourriersSupprimes} courrier(s) supprimé(s), {LignesJournalPurgees} ligne(s) du journal purgée(s), " +
        $"{FichiersDepotSupprimes} fichier(s) .eml supprimé(s)" +
        (Suivi is { } s ? $", {s.Dossiers} dossier(s) de suivi anonymisé(s), {s.Situations} ligne(s) SIEI supprimée(s), {s.Depots} fichier(s) SIEI en attente supprimé(s)" : "");
}

/// <summary>
/// Applies the retention periods: anonymises old contact requests and referrals (with their status
/// history and its e-mails), deletes expired invitations, old sent or given-up e-mails and old dropped .eml files, and purges audit lines past their own,
/// longer, period. Idempotent: a second run at the same instant finds nothing to do. Each run writes
/// one audit line with its counts. One run at a time among the instances (the lease <see cref="CleBail"/>, the job's and the
/// verb's alike): a run that finds it taken does nothing and writes no line.
/// </summary>
public sealed class Retention(RaccrocheDbContext db, Tracabilite journal, TimeProvider clock, IOptions<RetentionOptions> options,
    IOptions<CourrierOptions> mail, IOptions<SmsOptions> sms, IHostEnvironment env, ConservationSuivi suivi, IServiceScopeFactory scopes, IConfiguration config, ILogger<Retention> logger)
{
    /// <summary>The lock of a run (renewed while it runs; an instance that dies mid-run holds it this long at most).</summary>
    public const string CleBail = "retention";
    private static readonly TimeSpan DureeBail = TimeSpan.FromMinutes(2);

    /// <summary>Stands in for required text that has been erased (first name, author).</summary>
    public const string Efface = "—";
    public const string Ressource = "retention";
    private const int TailleLot = 200;

    public async Task<BilanRetention> ExecuterAsync(string? utilisateur = null, CancellationToken ct = default)
    {
        BilanRetention? bilan = null;
        var seul = await BauxTaches.ExecuterSeulAsync(scopes, CleBail, DureeBail, async t => bilan = await AppliquerAsync(utilisateur, t), ct, rendre: true);
        return seul ? bilan! : BilanRetention.DejaEnCours;
    }

    private async Task<BilanRetention> AppliquerAsync(string? utilisateur, CancellationToken ct)
    {
        var o = options.Value;
        var maintenant = clock.GetUtcNow().UtcDateTime;
        var demandes = 0;
        var courriersDemandes = 0;
        try
        {
            // Batches, one transaction each: a failure keeps what earlier batches did, and the next run resumes.
            int lot;
            do
            {
                (lot, var courriersLot) = await AnonymiserLotAsync(maintenant.AddMonths(-o.MoisApresCloture), maintenant.AddMonths(-o.MoisSansActivite), maintenant, ct);
                demandes += lot;
                courriersDemandes += courriersLot;
            }
            while (lot == TailleLot);

            // The follow-up's case files (their own batches and periods, Retention:Suivi).
            var bilanSuivi = await suivi.AppliquerAsync(maintenant, ct);

            // The deletions and the run's audit line commit together: nothing is removed without a trace.
            return await db.EnTransactionAsync(async tx =>
            {
                var invitations = await db.Invitations
                    .Where(i => i.AccepteeLe == null && i.ExpireLe < maintenant)
                    .ExecuteDeleteAsync(ct);
                var limiteCourriers = maintenant.AddDays(-o.CourriersJours);
                var courriers = courriersDemandes + await db.MessagesSortants
                    .Where(m => (m.EnvoyeLe != null && m.EnvoyeLe < limiteCourriers) || (m.AbandonneLe != null && m.AbandonneLe < limiteCourriers))
                    .ExecuteDeleteAsync(ct);

                // SMS are blanked once sent or given up; their trace goes with the mails'.
                courriers += await db.SmsSortants
                    .Where(m => (m.EnvoyeLe != null && m.EnvoyeLe < limiteCourriers) || (m.AbandonneLe != null && m.AbandonneLe < limiteCourriers))
                    .ExecuteDeleteAsync(ct);
                var fichiers = PurgerDepot(limiteCourriers);

                // The only place where audit lines are deleted, by the purge role on PostgreSQL when the roles are split
                // (DroitsJournal; then in its own transaction, committed before this one).
                var limiteJournal = maintenant.AddMonths(-o.JournalMois);
                var lignes = await DroitsJournal.PurgerAsync(db, config, limiteJournal, ct);

                var bilan = new BilanRetention(demandes, invitations, courriers, lignes, fichiers, bilanSuivi);
                journal.Ajouter(Tracabilite.Anonymisation, Ressource, null, bilan.Resume(), utilisateur);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                logger.LogInformation("Retention run: {Summary}", bilan.Resume());
                return bilan;
            }, ct);
        }
        catch (Exception ex) when (demandes > 0)
        {
            // Requests already anonymised by committed batches (even on shutdown) still get their audit line.
            try
            {
                db.ChangeTracker.Clear();
                journal.Ajouter(Tracabilite.Anonymisation, Ressource, null, $"{demandes} demande(s) anonymisée(s) ; passage interrompu ({ex.GetType().Name})", utilisateur);
                await db.SaveChangesAsync(CancellationToken.None);
            }
            catch (Exception trace)
            {
                logger.LogError(trace, "Retention run interrupted after {Count} anonymised requests; its audit line could not be written", demandes);
            }

            throw;
        }
    }

    /// <summary>
    /// The drop folder (Mail:DossierDepot, used without an SMTP host) holds whole messages, names and phones included:
    /// files older than the sent-mail period go, like the sent mails in the database.
    /// </summary>
    private int PurgerDepot(DateTime avant) => PurgerDepot(mail.Value.Dossier(env), "*.eml", avant) + PurgerDepot(sms.Value.Dossier(env), "*.txt", avant);

    /// <summary>The drop folders of development (mails as .eml, SMS as .txt) keep names and numbers: they go on the mails' schedule.</summary>
    private int PurgerDepot(string dossier, string motif, DateTime avant)
    {
        if (!System.IO.Directory.Exists(dossier))
        {
            return 0;
        }

        var supprimes = 0;
        foreach (var fichier in System.IO.Directory.EnumerateFiles(dossier, motif))
        {
            try
            {
                if (File.GetLastWriteTimeUtc(fichier) < avant)
                {
                    File.Delete(fichier);
                    supprimes++;
                }
            }
            catch (IOException ex)
            {
                logger.LogWarning(ex, "Retention could not delete a dropped mail file; next run retries");
            }
        }

        return supprimes;
    }

    private async Task<(int Demandes, int Courriers)> AnonymiserLotAsync(DateTime clotureAvant, DateTime inactiveAvant, DateTime maintenant, CancellationToken ct)
    {
        return await db.EnTransactionAsync(async tx =>
        {
            var lot = await db.DemandesContact
                .Include(d => d.Suivi)
                .Where(d => d.AnonymiseeLe == null
                    && ((d.ClotureLe != null && d.ClotureLe < clotureAvant) || (d.ClotureLe == null && d.DernierMouvementLe < inactiveAvant)))
                .OrderBy(d => d.Id)
                .Take(TailleLot)
                .ToListAsync(ct);
            foreach (var d in lot)
            {
                Anonymiser(d, maintenant);
            }

            await db.SaveChangesAsync(ct);

            // Their mails repeat the name and phone: sent or not, they go with the request.
            var ids = lot.Select(d => (int?)d.Id).ToList();
            var courriers = ids.Count == 0 ? 0 : await db.MessagesSortants.Where(m => ids.Contains(m.DemandeId)).ExecuteDeleteAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            return (lot.Count, courriers);
        }, ct);
    }

    /// <summary>
    /// Erases whatever identifies the young person or the professionals; keeps what the figures need
    /// (structures, dates, status, age, situation, département).
    /// </summary>
    public static void Anonymiser(DemandeContact d, DateTime maintenant)
    {
        d.Prenom = Efface;
        d.Telephone = null;
        d.Courriel = null;
        d.Message = null;
        d.Emetteur = null;
        d.EmetteurId = null;
        d.Reponses = ReponsesAnonymes(d.Reponses);

        // The commune goes (crossed with an age and a date it singles a person out); the département stays.
        d.Departement ??= Communes.Departements.DeCommune(d.CodeCommune);
        d.CodeCommune = null;

        // The reference is in e-mails that outlive us (the young person's, the structure's): a new one
        // unlinks them from what remains here. "AN-" cannot collide with live "RC-" references.
        d.Reference = "AN-" + Codes.Aleatoire(9);
        d.AnonymiseeLe = maintenant;
        foreach (var s in d.Suivi)
        {
            s.Note = null;
            s.Auteur = Efface;
            s.AuteurId = null;
        }
    }

    /// <summary>Only the département of the commune survives: <c>{"departement":"63"}</c>, or <c>{}</c>.</summary>
    public static string ReponsesAnonymes(string? reponses)
    {
        string? code = null;
        try
        {
            if (JsonNode.Parse(reponses ?? "") is JsonObject o && o["code_commune"] is JsonValue v && v.TryGetValue<string>(out var c))
            {
                code = c.Trim();
            }
        }
        catch (JsonException)
        {
            // Unreadable answers: nothing is kept.
        }

        var departement = code switch
        {
            { Length: 5 } when code.StartsWith("97", StringComparison.Ordinal) => code[..3],
            { Length: 5 } => code[..2],
            _ => null,
        };
        return departement is null ? "{}" : new JsonObject { ["departement"] = departement }.ToJsonString();
    }
}
