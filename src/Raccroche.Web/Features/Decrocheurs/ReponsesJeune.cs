using Raccroche.Web.Features.Courriers;
using Raccroche.Web.Features.Journal;

namespace Raccroche.Web.Features.Decrocheurs;

/// <summary>
/// The answer given through a personal link, with no account: checked, then written in one transaction: the link spent (one
/// UPDATE that only an unanswered, unexpired link passes: a replay changes nothing), the file updated (call-back asked,
/// "ne pas contacter", "déjà en solution" as the référent's declaration would record it, source the young person), its history
/// line, its audit line and the mail to whoever handles the file (a link to the file, nothing personal).
/// </summary>
public sealed class ReponsesJeune(RaccrocheDbContext db, Tracabilite journal, TimeProvider clock, IConfiguration config)
{
    public const string AuteurJeune = "le jeune (lien personnel)", AuteurResponsable = "le responsable légal (lien personnel)";

    /// <summary>Unknown, expired, answered or of an anonymised file: one refusal, whatever the reason.</summary>
    private static Resultat Introuvable => Resultat.Echec("lien", "Ce lien n'est pas ou plus valable.", Refus.Interdit);

    /// <summary>The message behind a link still open to an answer; null otherwise (the page says the same for every case).</summary>
    public async Task<MessageJeune?> OuvertAsync(string? jeton, CancellationToken ct = default)
    {
        if (!LienPersonnel.Forme(jeton))
        {
            return null;
        }

        var empreinte = LienPersonnel.Empreinte(jeton!);
        var maintenant = clock.GetUtcNow().UtcDateTime;
        return await db.MessagesJeune.AsNoTracking()
            .Where(m => m.EmpreinteLien == empreinte && m.ReponduLe == null && m.LienExpireLe > maintenant
                && db.JeunesSuivis.Any(j => j.Id == m.JeuneSuiviId && j.AnonymiseLe == null)
                && (m.PointSuiviId == null || db.PointsSuivi.Any(p => p.Id == m.PointSuiviId && p.FaitLe == null && p.AnnuleLe == null)))
            .FirstOrDefaultAsync(ct);
    }

    public async Task<Resultat> RepondreAsync(string? jeton, ChoixReponse? choix, IReadOnlyList<string> creneaux, SituationDeclaree? situation, string? precision, CancellationToken ct = default)
    {
        var message = await OuvertAsync(jeton, ct);
        if (message is null || message.PointSuiviId is not null)
        {
            return Introuvable;
        }

        // The guardian is addressed with "vous", as on the page.
        var vous = message.Destinataire == DestinataireContact.ResponsableLegal;
        string T(string tu, string v) => vous ? v : tu;
        var erreurs = new Erreurs();
        List<string> choisis = [];
        switch (choix)
        {
            case null:
                erreurs.Ajouter("choix", T("Choisis une réponse.", "Choisissez une réponse."));
                break;
            case ChoixReponse.Rappel:
                choisis = Codes<MomentRappel>(creneaux);
                if (choisis.Count == 0)
                {
                    erreurs.Ajouter("moments", T("Coche au moins un moment où l'on peut t'appeler.", "Cochez au moins un moment où l'on peut vous appeler."));
                }

                break;
            case ChoixReponse.RendezVous:
                choisis = Codes<DemiJournee>(creneaux);
                if (choisis.Count == 0)
                {
                    erreurs.Ajouter("demiJournees", T("Coche au moins une demi-journée où tu peux venir.", "Cochez au moins une demi-journée où le jeune peut venir."));
                }

                break;
            case ChoixReponse.DejaEnSolution:
                if (situation is null)
                {
                    erreurs.Ajouter("situation", T("Dis-nous si tu es en formation, en emploi ou accompagné·e.", "Dites-nous si le jeune est en formation, en emploi ou accompagné·e."));
                }

                precision = Saisie.Facultatif(erreurs, "precision", "Quoi et où", precision, MessageJeune.PrecisionMax);
                break;
        }

        if (erreurs.Any)
        {
            return Resultat.Echec(erreurs);
        }

        var maintenant = clock.GetUtcNow().UtcDateTime;
        var auteur = message.Destinataire == DestinataireContact.ResponsableLegal ? AuteurResponsable : AuteurJeune;
        var dossier = await db.JeunesSuivis.AsNoTracking().FirstAsync(j => j.Id == message.JeuneSuiviId, ct);
        var strategie = db.Database.CreateExecutionStrategy();
        return await strategie.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var texte = choix == ChoixReponse.DejaEnSolution ? $"{situation!.Value.Code()}{(precision is null ? "" : " : " + precision)}" : null;
            var n = await db.MessagesJeune.Where(m => m.Id == message.Id && m.ReponduLe == null && m.LienExpireLe > maintenant)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.ReponduLe, maintenant).SetProperty(m => m.Reponse, choix).SetProperty(m => m.Precision, texte), ct);
            if (n == 0)
            {
                await tx.RollbackAsync(ct);
                return Introuvable;
            }

            if (choisis.Count > 0)
            {
                var m = await db.MessagesJeune.FirstAsync(x => x.Id == message.Id, ct);
                m.Creneaux = choisis;
            }

            var detail = await AppliquerAsync(dossier, choix!.Value, choisis, situation, precision, auteur, maintenant, ct);
            db.EvenementsDossier.Add(new EvenementDossier { JeuneSuiviId = dossier.Id, Quand = maintenant, Nature = NatureEvenement.Reponse, Auteur = auteur, Detail = detail.Length > 500 ? detail[..500] : detail });
            journal.Ajouter(Tracabilite.Modification, "dossier-suivi", dossier.Id.ToString(CultureInfo.InvariantCulture), $"réponse par le lien personnel : {choix.Value.Code()}", auteur);
            await PrevenirAsync(dossier, "Réponse d'un jeune à un message du suivi", "d'un message envoyé depuis un dossier que vous suivez", maintenant, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return Resultat.Succes();
        });
    }

    /// <summary>
    /// The answer to a check-in's question ("tu es toujours en formation ?"): the link spent and the check-in done in one
    /// transaction (<see cref="ConstatPoint"/>: "non, j'ai arrêté" reopens the file), with the history and audit lines and the
    /// mail to whoever handles the file. A link spent, expired, or whose check-in was done meanwhile: refused, nothing written.
    /// </summary>
    public async Task<Resultat> RepondrePointAsync(string? jeton, ReponsePoint? reponse, string? precision, CancellationToken ct = default)
    {
        var message = await OuvertAsync(jeton, ct);
        if (message?.PointSuiviId is not { } pointId)
        {
            return Introuvable;
        }

        var erreurs = new Erreurs();
        if (reponse is null)
        {
            erreurs.Ajouter("reponsePoint", "Choisis une réponse.");
        }

        precision = reponse == ReponsePoint.Change ? Saisie.Facultatif(erreurs, "precisionPoint", "Ce que tu fais maintenant", precision, PointSuivi.PrecisionMax) : null;
        if (reponse == ReponsePoint.Change && precision is null && erreurs.Pour("precisionPoint") is null)
        {
            erreurs.Ajouter("precisionPoint", "Dis-nous en quelques mots ce que tu fais maintenant.");
        }

        if (erreurs.Any)
        {
            return Resultat.Echec(erreurs);
        }

        var maintenant = clock.GetUtcNow().UtcDateTime;
        var point = await db.PointsSuivi.AsNoTracking().FirstAsync(p => p.Id == pointId, ct);
        var dossier = await db.JeunesSuivis.AsNoTracking().FirstAsync(j => j.Id == message.JeuneSuiviId, ct);
        var constat = reponse switch
        {
            ReponsePoint.Toujours => ConstatSuivi.ToujoursEnSolution,
            ReponsePoint.Arrete => ConstatSuivi.SortiSansSolution,
            _ => ConstatSuivi.AChange,
        };
        var plan = await ConstatPoint.PreparerAsync(db, dossier, point, constat, null, precision, ct);
        var strategie = db.Database.CreateExecutionStrategy();
        return await strategie.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var n = await db.MessagesJeune.Where(m => m.Id == message.Id && m.ReponduLe == null && m.LienExpireLe > maintenant)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.ReponduLe, maintenant), ct);
            if (n == 0 || !await plan.EnregistrerAsync(db, parJeune: true, AuteurJeune, maintenant, maintenant, ct)
                || await db.JeunesSuivis.Where(j => j.Id == dossier.Id && j.AnonymiseLe == null).ExecuteUpdateAsync(u =>
                {
                    plan.Appliquer(u, maintenant);
                    u.SetProperty(j => j.DerniereActionLe, maintenant).SetProperty(j => j.Version, j => j.Version + 1);
                }, ct) == 0)
            {
                await tx.RollbackAsync(ct);
                return Introuvable;
            }

            db.EvenementsDossier.AddRange(plan.Evenements(AuteurJeune, maintenant));
            journal.Ajouter(Tracabilite.Modification, "dossier-suivi", dossier.Id.ToString(CultureInfo.InvariantCulture), "réponse par le lien personnel : " + plan.Audit, AuteurJeune);
            await PrevenirAsync(dossier, "Réponse d'un jeune à un point de suivi", "d'un point de suivi après une solution, dans un dossier que vous suivez", maintenant, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return Resultat.Succes();
        });
    }

    /// <summary>The file's UPDATE for the answer; returns the history line.</summary>
    private async Task<string> AppliquerAsync(JeuneSuivi d, ChoixReponse choix, List<string> choisis, SituationDeclaree? situation, string? precision, string auteur, DateTime maintenant, CancellationToken ct)
    {
        var fichier = db.JeunesSuivis.Where(j => j.Id == d.Id && j.AnonymiseLe == null);
        switch (choix)
        {
            case ChoixReponse.Rappel:
                await fichier.ExecuteUpdateAsync(u => u.SetProperty(j => j.RappelDemandeLe, maintenant).SetProperty(j => j.DerniereActionLe, maintenant).SetProperty(j => j.Version, j => j.Version + 1), ct);
                return "demande à être rappelé·e : " + string.Join(", ", choisis.Select(c => ValeursFermees.Lire<MomentRappel>(c)!.Value.Libelle().ToLowerInvariant()));
            case ChoixReponse.RendezVous:
                await fichier.ExecuteUpdateAsync(u => u.SetProperty(j => j.DerniereActionLe, maintenant).SetProperty(j => j.Version, j => j.Version + 1), ct);
                return "demande un rendez-vous : " + string.Join(", ", choisis.Select(c => ValeursFermees.Lire<DemiJournee>(c)!.Value.Libelle().ToLowerInvariant()));
            case ChoixReponse.NePasContacter:
                await fichier.ExecuteUpdateAsync(u => u.SetProperty(j => j.NePasContacterLe, maintenant).SetProperty(j => j.DerniereActionLe, maintenant).SetProperty(j => j.Version, j => j.Version + 1), ct);
                return "ne veut pas être contacté·e : plus aucun message ni relance";
            default:
                return await DejaEnSolutionAsync(d, fichier, situation!.Value, precision, auteur, maintenant, ct);
        }
    }

    /// <summary>As <see cref="DossiersSuivi.DeclarerPriseEnChargeAsync"/> records it, with the young person as the source; a file already closed only gets the line.</summary>
    private async Task<string> DejaEnSolutionAsync(JeuneSuivi d, IQueryable<JeuneSuivi> fichier, SituationDeclaree situation, string? precision, string auteur, DateTime maintenant, CancellationToken ct)
    {
        var nature = situation switch
        {
            SituationDeclaree.Formation => NaturePriseEnCharge.Formation,
            SituationDeclaree.Emploi => NaturePriseEnCharge.Emploi,
            _ => NaturePriseEnCharge.AutreAccompagnement,
        };
        var dit = $"{nature.Libelle()}{(precision is null ? "" : " : " + precision)} (source : le jeune)";
        if (CycleDossier.EstFinal(d.Statut))
        {
            await fichier.ExecuteUpdateAsync(u => u.SetProperty(j => j.DerniereActionLe, maintenant).SetProperty(j => j.Version, j => j.Version + 1), ct);
            return $"{dit} ; dossier déjà {d.Statut.Libelle().ToLowerInvariant()}, inchangé";
        }

        var declaration = new DeclarationPriseEnCharge(nature, precision, SourcePriseEnCharge.Jeune, null, Cloturer: false);
        await fichier.ExecuteUpdateAsync(u =>
        {
            declaration.Appliquer(u, maintenant);
            u.SetProperty(j => j.DerniereActionLe, maintenant).SetProperty(j => j.Version, j => j.Version + 1);
        }, ct);
        await declaration.EnregistrerAsync(db, d.Id, auteur, maintenant, ct);
        return $"{dit} : {declaration.Suite}";
    }

    /// <summary>Mails whoever handles the file: its référent, else its structure's référents, else the PSAD's coordinators. A link only.</summary>
    private async Task PrevenirAsync(JeuneSuivi d, string sujet, string quoi, DateTime maintenant, CancellationToken ct)
    {
        List<string?> adresses = d.ReferentId is { } r ? await db.Users.Where(u => u.Id == r).Select(u => u.Email).ToListAsync(ct) : [];
        if (adresses.Count == 0 && d.StructureId is { } s)
        {
            adresses = await db.HabilitationsSuivi.Where(h => h.PsadId == d.PsadId && h.Role == RoleSuivi.ReferentSuivi)
                .Join(db.Users, h => h.UtilisateurId, u => u.Id, (h, u) => u).Where(u => u.StructureId == s).Select(u => u.Email).Distinct().ToListAsync(ct);
        }

        if (adresses.Count == 0)
        {
            adresses = await db.HabilitationsSuivi.Where(h => h.PsadId == d.PsadId && h.Role == RoleSuivi.CoordinateurPsad)
                .Join(db.Users, h => h.UtilisateurId, u => u.Id, (h, u) => u.Email).Distinct().ToListAsync(ct);
        }

        foreach (var a in adresses.OfType<string>())
        {
            db.MessagesSortants.Add(Courrier.Preparer(a, sujet,
                $"Bonjour,\n\nUne réponse est arrivée par le lien personnel {quoi}.\n\n" +
                $"Consultez le dossier : {config.UrlPublique()}/pro/decrocheurs/{d.Id}\n\n" +
                "Pour protéger les données du jeune, ni son nom ni sa réponse ne figurent dans ce message.\n\nL'équipe Raccroche", maintenant));
        }
    }

    private static List<string> Codes<T>(IReadOnlyList<string> saisis) where T : struct, Enum =>
        [.. saisis.Select(ValeursFermees.Lire<T>).OfType<T>().Distinct().Select(v => v.Code())];
}
