using Raccroche.Web.Features.Courriers;
using Raccroche.Web.Features.Journal;

namespace Raccroche.Web.Features.Decrocheurs;

public enum StatutTransfert
{
    [Valeur("demande", "Demandé")] Demande,
    [Valeur("accepte", "Accepté")] Accepte,
    [Valeur("refuse", "Refusé")] Refuse,
    [Valeur("accepte-automatiquement", "Accepté automatiquement")] AccepteAutomatiquement,
}

/// <summary>
/// A young person moved: the coordinators of the source PSAD ask another PSAD to take the file over. The target's
/// coordinators accept (the source file ends "transféré", the target gets a file of its own) or refuse with a reason;
/// without an answer after <see cref="TransfertsSuivi.DelaiReponse"/> the request is accepted automatically.
/// </summary>
public sealed class TransfertSuivi
{
    public int Id { get; set; }
    public int JeuneSuiviId { get; set; }
    public int PsadSourceId { get; set; }
    public int PsadCibleId { get; set; }
    public DateTime DemandeLe { get; set; }
    public required string DemandePar { get; set; }
    public required string Motif { get; set; }
    public StatutTransfert Statut { get; set; } = StatutTransfert.Demande;
    public DateTime? ReponduLe { get; set; }
    public string? ReponduPar { get; set; }
    public string? MotifRefus { get; set; }

    /// <summary>The target PSAD's file, once accepted (new, or the one it already had for the young person).</summary>
    public int? DossierCibleId { get; set; }

    public const int MotifMax = 300;
}

internal sealed class TransfertSuiviConfiguration : IEntityTypeConfiguration<TransfertSuivi>
{
    public void Configure(EntityTypeBuilder<TransfertSuivi> b)
    {
        b.HasIndex(t => new { t.PsadCibleId, t.Statut });
        b.HasIndex(t => new { t.PsadSourceId, t.Statut });
        b.HasIndex(t => t.JeuneSuiviId);
        b.Property(t => t.Statut).HasMaxLength(30);
        b.Property(t => t.DemandePar).HasMaxLength(256);
        b.Property(t => t.ReponduPar).HasMaxLength(256);
        b.Property(t => t.Motif).HasMaxLength(TransfertSuivi.MotifMax);
        b.Property(t => t.MotifRefus).HasMaxLength(TransfertSuivi.MotifMax);
        b.HasOne<JeuneSuivi>().WithMany().HasForeignKey(t => t.JeuneSuiviId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<JeuneSuivi>().WithMany().HasForeignKey(t => t.DossierCibleId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Psad>().WithMany().HasForeignKey(t => t.PsadSourceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Psad>().WithMany().HasForeignKey(t => t.PsadCibleId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RegleRepartitionConfiguration : IEntityTypeConfiguration<RegleRepartition>
{
    public void Configure(EntityTypeBuilder<RegleRepartition> b)
    {
        b.HasIndex(r => new { r.PsadId, r.Ordre });
        b.Property(r => r.Critere).HasMaxLength(30);
        b.HasOne<Psad>().WithMany().HasForeignKey(r => r.PsadId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Catalogue.Structure>().WithMany().HasForeignKey(r => r.StructureId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// Transfers between PSADs: request (a coordinator of the source), answer (a coordinator of the target), and the automatic
/// acceptance after ten days. Each step is one transaction with its history lines, its audit line and the mails to the
/// coordinators of both PSADs (no personal data in them: a transfer awaits or was answered, and the link). The source file is
/// written with the guarded UPDATE of <see cref="DossiersSuivi"/>: its version on a request, its open status on acceptance.
/// </summary>
public sealed class TransfertsSuivi(RaccrocheDbContext db, AccesSuivi acces, Tracabilite journal, TimeProvider clock, IConfiguration config)
{
    public static readonly TimeSpan DelaiReponse = TimeSpan.FromDays(10);
    public const string AuteurAutomatique = "acceptation automatique";

    private static Resultat Introuvable => Resultat.Echec("transfert", "Ce transfert n'existe pas ou ne vous est pas adressé.", Refus.Interdit);

    /// <summary>A coordinator of the file's PSAD asks <paramref name="codeCible"/> to take the file over.</summary>
    public async Task<Resultat> DemanderAsync(int dossierId, int version, string? codeCible, string? motif, CancellationToken ct = default)
    {
        var coordonnees = await acces.PsadsCoordonneesAsync(ct);
        var dossier = await db.JeunesSuivis.AsNoTracking().FirstOrDefaultAsync(j => j.Id == dossierId && j.AnonymiseLe == null && coordonnees.Contains(j.PsadId), ct);
        if (dossier is null)
        {
            return Resultat.Echec("dossier", "Ce dossier n'existe pas ou ne vous est pas confié.", Refus.Interdit);
        }

        var erreurs = new Erreurs();
        motif = Saisie.Facultatif(erreurs, "motifTransfert", "Le motif du transfert", motif, TransfertSuivi.MotifMax);
        var cible = string.IsNullOrWhiteSpace(codeCible) ? null : await db.Psads.AsNoTracking().Where(p => p.Code == codeCible.Trim()).Select(p => new { p.Id, p.Code }).FirstOrDefaultAsync(ct);
        if (cible is null)
        {
            erreurs.Ajouter("psadCible", "Choisissez la PSAD qui reprendra le suivi.");
        }
        else if (cible.Id == dossier.PsadId)
        {
            erreurs.Ajouter("psadCible", "Choisissez une autre PSAD que celle qui suit déjà ce jeune.");
        }

        if (motif is null)
        {
            erreurs.Ajouter("motifTransfert", "Indiquez le motif du transfert (par exemple : déménagement).");
        }

        if (CycleDossier.EstFinal(dossier.Statut))
        {
            erreurs.Ajouter("psadCible", $"Ce dossier est {dossier.Statut.Libelle().ToLowerInvariant()} : il ne se transfère plus.");
        }
        else if (await db.TransfertsSuivi.AnyAsync(t => t.JeuneSuiviId == dossierId && t.Statut == StatutTransfert.Demande, ct))
        {
            erreurs.Ajouter("psadCible", "Un transfert de ce dossier attend déjà une réponse.");
        }

        if (erreurs.Any)
        {
            return Resultat.Echec(erreurs);
        }

        var maintenant = Maintenant;
        return await EcrireAsync(async () =>
        {
            var n = await db.JeunesSuivis.Where(j => j.Id == dossierId && j.Version == version && coordonnees.Contains(j.PsadId) && j.AnonymiseLe == null
                    && j.Statut != StatutDossier.Cloture && j.Statut != StatutDossier.Transfere && j.Statut != StatutDossier.Annule)
                .ExecuteUpdateAsync(u => u.SetProperty(j => j.DerniereActionLe, maintenant).SetProperty(j => j.Version, j => j.Version + 1), ct);
            if (n == 0)
            {
                return false;
            }

            var t = new TransfertSuivi { JeuneSuiviId = dossierId, PsadSourceId = dossier.PsadId, PsadCibleId = cible!.Id, DemandeLe = maintenant, DemandePar = acces.Habilitations.Nom, Motif = motif! };
            db.TransfertsSuivi.Add(t);
            await db.SaveChangesAsync(ct);
            Evenement(dossierId, $"transfert demandé à la PSAD {cible.Code} (demande n° {t.Id}) : {motif}", acces.Habilitations.Nom, maintenant);
            journal.Ajouter(Tracabilite.Creation, "transfert-suivi", Id(t.Id), $"transfert du dossier {dossierId} demandé à la PSAD {cible.Code}");
            await PrevenirAsync(cible.Id, "Un transfert de dossier de suivi attend votre réponse",
                $"Une autre PSAD vous demande de reprendre le suivi d'un jeune qui habite votre territoire (demande n° {t.Id}).\n" +
                $"Sans réponse dans {DelaiReponse.Days} jours, la demande sera acceptée automatiquement.", maintenant, ct);
            return true;
        }, ct);
    }

    /// <summary>A coordinator of the target PSAD accepts: the source file ends "transféré", the target PSAD follows the young person.</summary>
    public async Task<Resultat> AccepterAsync(int transfertId, CancellationToken ct = default)
    {
        var t = await AdresseAsync(transfertId, ct);
        return t is null ? Introuvable : await AppliquerAsync(t, StatutTransfert.Accepte, acces.Habilitations.Nom, Maintenant, ct);
    }

    /// <summary>A coordinator of the target PSAD refuses, with a reason the source reads.</summary>
    public async Task<Resultat> RefuserAsync(int transfertId, string? motif, CancellationToken ct = default)
    {
        var t = await AdresseAsync(transfertId, ct);
        if (t is null)
        {
            return Introuvable;
        }

        var erreurs = new Erreurs();
        motif = Saisie.Facultatif(erreurs, $"refus-{transfertId}", "Le motif du refus", motif, TransfertSuivi.MotifMax);
        if (motif is null)
        {
            erreurs.Ajouter($"refus-{transfertId}", "Indiquez pourquoi vous refusez ce transfert.");
        }

        if (erreurs.Any)
        {
            return Resultat.Echec(erreurs);
        }

        var maintenant = Maintenant;
        var cible = await db.Psads.Where(p => p.Id == t.PsadCibleId).Select(p => p.Code).FirstAsync(ct);
        return await EcrireAsync(async () =>
        {
            if (!await RepondreAsync(t.Id, StatutTransfert.Refuse, acces.Habilitations.Nom, maintenant, motif, null, ct))
            {
                return false;
            }

            Evenement(t.JeuneSuiviId, $"transfert refusé par la PSAD {cible} (demande n° {t.Id}) : {motif}", acces.Habilitations.Nom, maintenant);
            journal.Ajouter(Tracabilite.Modification, "transfert-suivi", Id(t.Id), $"transfert refusé par la PSAD {cible}");
            await PrevenirAsync(t.PsadSourceId, "Un transfert de dossier de suivi a été refusé",
                $"La PSAD sollicitée a refusé la demande de transfert n° {t.Id}. Le dossier reste suivi par votre PSAD ; le motif figure dans son historique.", maintenant, ct);
            return true;
        }, ct);
    }

    /// <summary>Accepts every request left unanswered for <see cref="DelaiReponse"/> (the periodic job, or a test's clock); returns how many.</summary>
    public async Task<int> AccepterEchusAsync(DateTime maintenant, CancellationToken ct = default)
    {
        var limite = maintenant - DelaiReponse;
        var echus = await db.TransfertsSuivi.AsNoTracking().Where(t => t.Statut == StatutTransfert.Demande && t.DemandeLe <= limite).OrderBy(t => t.Id).Take(200).ToListAsync(ct);
        var acceptes = 0;
        foreach (var t in echus)
        {
            if ((await AppliquerAsync(t, StatutTransfert.AccepteAutomatiquement, AuteurAutomatique, maintenant, ct)).Reussi)
            {
                acceptes++;
            }
        }

        return acceptes;
    }

    /// <summary>A pending request addressed to one of the signed-in coordinator's PSADs.</summary>
    private async Task<TransfertSuivi?> AdresseAsync(int transfertId, CancellationToken ct)
    {
        var coordonnees = await acces.PsadsCoordonneesAsync(ct);
        return await db.TransfertsSuivi.AsNoTracking().FirstOrDefaultAsync(t => t.Id == transfertId && coordonnees.Contains(t.PsadCibleId) && t.Statut == StatutTransfert.Demande, ct);
    }

    /// <summary>
    /// The acceptance: the request answered (only if still pending), the source file "transféré" (only if still open), the
    /// target's file found like the import finds people (<see cref="Rapprochement"/>) or created with the identity, back to
    /// "à attribuer" and dispatched by the target's rules; history lines on both files, audit line, mails to both sides.
    /// </summary>
    private async Task<Resultat> AppliquerAsync(TransfertSuivi t, StatutTransfert statut, string auteur, DateTime maintenant, CancellationToken ct)
    {
        var source = await db.JeunesSuivis.AsNoTracking().FirstOrDefaultAsync(j => j.Id == t.JeuneSuiviId, ct);
        if (source is null || source.AnonymiseLe is not null || CycleDossier.EstFinal(source.Statut))
        {
            // The file was closed, cancelled or erased meanwhile: nothing to take over.
            return Resultat.Echec("transfert", "Le dossier a été clôturé ou annulé par la PSAD d'origine entre-temps : il n'y a plus rien à reprendre.");
        }

        var contenu = await db.SituationsSiei.AsNoTracking().Where(s => s.JeuneSuiviId == source.Id).OrderByDescending(s => s.LivraisonId).Select(s => s.Contenu).FirstOrDefaultAsync(ct);
        var ligne = contenu is null ? null : JsonSerializer.Deserialize<LigneSiei>(contenu);
        var identite = new LigneSiei
        {
            Ine = source.Ine,
            Nom = source.Nom,
            NomNaissance = source.NomNaissance,
            Prenom = source.Prenom,
            DateNaissance = source.DateNaissance,
            LieuNaissance = source.LieuNaissance,
            CodeInsee = source.CodeInsee,
            Commune = source.Commune,
            DateSortie = source.DateSortie,
            Sexe = source.Sexe,
            EtablissementUai = source.EtablissementUai,
            SystemeFormation = ligne?.SystemeFormation,
            ConnuMissionLocale = ligne?.ConnuMissionLocale,
        };
        var connus = await db.JeunesSuivis.AsNoTracking().Where(j => j.PsadId == t.PsadCibleId && j.AnonymiseLe == null)
            .Select(j => new PersonneConnue(j.Id, j.Ine, j.Nom, j.NomNaissance, j.Prenom, j.DateNaissance, j.LieuNaissance)).ToListAsync(ct);
        var trouve = new Rapprochement(connus).Chercher(identite);
        var contexte = await ContexteRepartition.ChargerAsync(db, t.PsadCibleId, ct);
        var destination = contexte.Decider(identite, HeureParis.Jour(maintenant));
        var codes = await db.Psads.Where(p => p.Id == t.PsadSourceId || p.Id == t.PsadCibleId).ToDictionaryAsync(p => p.Id, p => p.Code, ct);
        var structure = destination.Choix is { } ch ? await db.Structures.Where(s => s.Id == ch.StructureId).Select(s => s.Nom).FirstAsync(ct) : null;

        return await EcrireAsync(async () =>
        {
            if (await db.JeunesSuivis.Where(j => j.Id == source.Id && j.AnonymiseLe == null && j.Statut != StatutDossier.Cloture && j.Statut != StatutDossier.Transfere && j.Statut != StatutDossier.Annule)
                    .ExecuteUpdateAsync(u => u.SetProperty(j => j.Statut, StatutDossier.Transfere).SetProperty(j => j.StatutDepuis, maintenant)
                        .SetProperty(j => j.DerniereActionLe, maintenant).SetProperty(j => j.Version, j => j.Version + 1), ct) == 0)
            {
                return false;
            }

            // The source PSAD's partners follow the young person no more: their référents lose the file with it.
            var finies = await db.CoInterventions.Where(c => c.JeuneSuiviId == source.Id && c.FinLe == null).ExecuteUpdateAsync(u => u
                .SetProperty(c => c.FinLe, maintenant).SetProperty(c => c.FinPar, auteur).SetProperty(c => c.MotifFin, MotifFinCoIntervention.Transfert), ct);
            if (finies > 0)
            {
                db.EvenementsDossier.Add(new EvenementDossier { JeuneSuiviId = source.Id, Quand = maintenant, Nature = NatureEvenement.CoIntervention, Auteur = auteur, Detail = $"fin de {finies} co-intervention(s) : dossier transféré" });
            }
            // The source's check-ins after a solution end with it (the target follows the young person from now on).
            await PointsSuivi.AnnulerAsync(db, db.PointsSuivi.Where(x => x.JeuneSuiviId == source.Id), maintenant, ct);

            // The same person already in the target PSAD (INE, or names and birth date) keeps their file; a doubtful match never merges.
            var existant = trouve.Issue == IssueRapprochement.Rapproche && trouve.PersonneId is { } p
                ? await db.JeunesSuivis.FirstOrDefaultAsync(j => j.Id == p, ct)
                : null;
            var cible = existant ?? ImportSiei.Nouveau(t.PsadCibleId, identite, maintenant);
            if (existant is null)
            {
                cible.PremiereLivraisonId = source.PremiereLivraisonId;
                cible.DerniereLivraisonId = source.DerniereLivraisonId;
                db.JeunesSuivis.Add(cible);
            }
            else if (CycleDossier.EstFinal(existant.Statut) || existant.Statut == StatutDossier.AAttribuer)
            {
                existant.Statut = StatutDossier.AAttribuer;
                existant.StatutDepuis = existant.ArriveLe = maintenant;
                existant.StructureId = null;
                existant.ReferentId = null;
                existant.NombreTentatives = 0;
                existant.MotifCloture = null;
                existant.MotifAnnulation = null;
                existant.PrecisionCloture = null;
                existant.ClotureLe = null;
            }

            if (existant is not null)
            {
                existant.Version++;
            }

            var aRepartir = cible.Statut == StatutDossier.AAttribuer && destination.Choix is not null;
            if (aRepartir)
            {
                cible.StructureId = destination.Choix!.StructureId;
                cible.Statut = StatutDossier.AContacter;
            }

            cible.DerniereActionLe = maintenant;
            await db.SaveChangesAsync(ct);
            if (!await RepondreAsync(t.Id, statut, auteur, maintenant, null, cible.Id, ct))
            {
                return false;
            }

            Evenement(source.Id, $"transféré à la PSAD {codes[t.PsadCibleId]} (demande n° {t.Id}, {statut.Libelle().ToLowerInvariant()})", auteur, maintenant);
            Evenement(cible.Id, $"transfert reçu de la PSAD {codes[t.PsadSourceId]} (demande n° {t.Id}){(existant is null ? "" : " : dossier existant repris")}", auteur, maintenant);
            if (aRepartir)
            {
                db.EvenementsDossier.Add(new EvenementDossier { JeuneSuiviId = cible.Id, Quand = maintenant, Nature = NatureEvenement.Attribution, Auteur = auteur, Detail = $"{destination.Choix!.Detail} : {structure}" });
            }

            // A doubtful match in the target never merges (a new file is made), but its coordinators are told which files are
            // close, on the new file and in their mail, so that a duplicate is seen and cancelled ("doublon") rather than followed twice.
            var proches = existant is null && trouve.Issue == IssueRapprochement.AArbitrer ? trouve.Candidats : [];
            if (proches.Count > 0)
            {
                Evenement(cible.Id, $"à vérifier : proche du ou des dossiers n° {string.Join(", ", proches)} de cette PSAD ({trouve.Raison}) ; s'il s'agit du même jeune, annulez l'un des deux pour doublon", auteur, maintenant);
            }

            journal.Ajouter(Tracabilite.Modification, "transfert-suivi", Id(t.Id),
                $"transfert {statut.Code()} : dossier {source.Id} de la PSAD {codes[t.PsadSourceId]} → dossier {cible.Id} de la PSAD {codes[t.PsadCibleId]}", statut == StatutTransfert.AccepteAutomatiquement ? AuteurAutomatique : null);
            var quoi = statut == StatutTransfert.AccepteAutomatiquement ? "accepté automatiquement, faute de réponse dans les délais" : "accepté";
            await PrevenirAsync(t.PsadSourceId, "Un transfert de dossier de suivi a été accepté",
                $"La demande de transfert n° {t.Id} a été {quoi}. Le dossier de votre PSAD est désormais « transféré ».", maintenant, ct);
            await PrevenirAsync(t.PsadCibleId, "Un dossier de suivi vous a été transféré",
                $"La demande de transfert n° {t.Id} a été {quoi} : le jeune figure désormais dans les dossiers de votre PSAD." +
                (proches.Count > 0 ? $" Un ou plusieurs dossiers proches existent déjà chez vous (n° {string.Join(", ", proches)}) : vérifiez qu'il ne s'agit pas d'un doublon." : ""), maintenant, ct);
            return true;
        }, ct);
    }

    private async Task<bool> RepondreAsync(int id, StatutTransfert statut, string auteur, DateTime maintenant, string? motifRefus, int? dossierCible, CancellationToken ct) =>
        await db.TransfertsSuivi.Where(t => t.Id == id && t.Statut == StatutTransfert.Demande).ExecuteUpdateAsync(u => u
            .SetProperty(t => t.Statut, statut)
            .SetProperty(t => t.ReponduLe, maintenant)
            .SetProperty(t => t.ReponduPar, auteur)
            .SetProperty(t => t.MotifRefus, motifRefus)
            .SetProperty(t => t.DossierCibleId, dossierCible), ct) == 1;

    /// <summary>One mail per coordinator of the PSAD: what happened and the link, never who the young person is.</summary>
    private async Task PrevenirAsync(int psad, string sujet, string texte, DateTime maintenant, CancellationToken ct)
    {
        var adresses = await db.HabilitationsSuivi.Where(h => h.PsadId == psad && h.Role == RoleSuivi.CoordinateurPsad)
            .Join(db.Users, h => h.UtilisateurId, u => u.Id, (h, u) => u.Email).Where(e => e != null).Distinct().ToListAsync(ct);
        foreach (var a in adresses)
        {
            db.MessagesSortants.Add(Courrier.Preparer(a!, sujet,
                $"Bonjour,\n\n{texte}\n\nConsultez les transferts dans votre espace : {config.UrlPublique()}/pro/decrocheurs/transferts\n\n" +
                "Pour protéger les données du jeune, ni son nom ni ses coordonnées ne figurent dans ce message.\n\nL'équipe Raccroche", maintenant));
        }
    }

    private Task<Resultat> EcrireAsync(Func<Task<bool>> ecriture, CancellationToken ct) => DossiersSuivi.EcrireAsync(db, ecriture, ct);

    private void Evenement(int id, string detail, string auteur, DateTime quand) =>
        db.EvenementsDossier.Add(new EvenementDossier { JeuneSuiviId = id, Quand = quand, Nature = NatureEvenement.Transfert, Auteur = auteur, Detail = detail.Length > 500 ? detail[..500] : detail });

    private DateTime Maintenant => clock.GetUtcNow().UtcDateTime;

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Accepts the transfers left unanswered for ten days, every hour.</summary>
public sealed class TacheTransferts(IServiceScopeFactory scopes, TimeProvider clock, ILogger<TacheTransferts> logger) : TachePeriodique(scopes, clock, logger)
{
    protected override string Nom => "Transfers";

    protected override TimeSpan Intervalle => TimeSpan.FromHours(1);

    protected override TimeSpan PremierDelai => TimeSpan.FromMinutes(2);

    protected override async Task ExecuterAsync(IServiceProvider services, CancellationToken ct)
    {
        var n = await services.GetRequiredService<TransfertsSuivi>().AccepterEchusAsync(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, ct);
        if (n > 0)
        {
            logger.LogInformation("{Count} transfer request(s) accepted automatically", n);
        }
    }
}
