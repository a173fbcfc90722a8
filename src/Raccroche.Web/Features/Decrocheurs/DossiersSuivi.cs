using Raccroche.Web.Features.Demandes;
using Raccroche.Web.Features.Journal;

namespace Raccroche.Web.Features.Decrocheurs;

/// <summary>
/// Every change to a case file: assignment, contact attempts, status, closure, cancellation, "je suis ce jeune". Each write
/// carries the file's owner (the professional's visible files) and its version in the WHERE of one UPDATE, in one
/// transaction with its history line and audit line: someone else's file is never touched, and of two concurrent saves the
/// second is refused with a clear message instead of silently overwriting the first.
/// </summary>
public sealed partial class DossiersSuivi(RaccrocheDbContext db, AccesSuivi acces, Tracabilite journal, TimeProvider clock, Traitement traitement)
{
    /// <summary>Someone else's file, or none: the page answers 404, as if it did not exist.</summary>
    private static Resultat Introuvable => Resultat.Echec("dossier", "Ce dossier n'existe pas ou ne vous est pas confié.", Refus.Interdit);

    public const string MessageConflit = "Ce dossier a été modifié par quelqu'un d'autre pendant votre saisie : rien n'a été enregistré. Voici le dossier à jour ; refaites votre modification si elle vaut toujours.";

    /// <summary>Assigns files of a PSAD the coordinator runs to one of its partner structures (and optionally a référent of it).</summary>
    public async Task<Resultat> AttribuerAsync(IReadOnlyCollection<int> ids, int? structureId, string? referentId, int? version, CancellationToken ct = default)
    {
        var erreurs = new Erreurs();
        var psads = await acces.PsadsCoordonneesAsync(ct);
        var dossiers = await db.JeunesSuivis.AsNoTracking().Where(j => ids.Contains(j.Id) && psads.Contains(j.PsadId))
            .Select(j => new { j.Id, j.PsadId, j.Statut }).ToListAsync(ct);
        if (dossiers.Count == 0 || dossiers.Count != ids.Count)
        {
            return Introuvable;
        }

        if (structureId is null)
        {
            erreurs.Ajouter("structure", "Choisissez la structure partenaire qui suivra ce jeune.");
            return Resultat.Echec(erreurs);
        }

        var psadsConcernees = dossiers.Select(d => d.PsadId).Distinct().ToList();
        var partenaire = await db.Set<PartenairePsad>().CountAsync(p => p.StructureId == structureId && psadsConcernees.Contains(p.PsadId), ct);
        if (partenaire != psadsConcernees.Count)
        {
            erreurs.Ajouter("structure", "Cette structure n'est pas partenaire de la PSAD de ce dossier.");
            return Resultat.Echec(erreurs);
        }

        if (referentId is not null && !await db.Users.AnyAsync(u => u.Id == referentId && u.StructureId == structureId
                && db.HabilitationsSuivi.Any(h => h.UtilisateurId == u.Id && h.Role == RoleSuivi.ReferentSuivi && psadsConcernees.Contains(h.PsadId)), ct))
        {
            erreurs.Ajouter("referent", "Ce référent n'est pas référent de suivi de cette structure.");
            return Resultat.Echec(erreurs);
        }

        if (dossiers.FirstOrDefault(d => CycleDossier.EstFinal(d.Statut)) is { } final)
        {
            erreurs.Ajouter("structure", $"Un dossier {final.Statut.Libelle().ToLowerInvariant()} ne s'attribue plus.");
            return Resultat.Echec(erreurs);
        }

        var nom = await db.Structures.Where(s => s.Id == structureId).Select(s => s.Nom).FirstAsync(ct);
        var maintenant = Maintenant;
        return await EcrireAsync(async () =>
        {
            var cible = db.JeunesSuivis.Where(j => ids.Contains(j.Id) && psads.Contains(j.PsadId) && j.Statut != StatutDossier.Cloture && j.Statut != StatutDossier.Transfere && j.Statut != StatutDossier.Annule);
            if (version is { } v)
            {
                cible = cible.Where(j => j.Version == v);
            }

            // A file waiting for assignment becomes "à contacter"; one already under way keeps its status.
            var n = await cible.ExecuteUpdateAsync(u => u
                .SetProperty(j => j.StructureId, structureId)
                .SetProperty(j => j.ReferentId, referentId)
                .SetProperty(j => j.StatutDepuis, j => j.Statut == StatutDossier.AAttribuer ? maintenant : j.StatutDepuis)
                .SetProperty(j => j.Statut, j => j.Statut == StatutDossier.AAttribuer ? StatutDossier.AContacter : j.Statut)
                .SetProperty(j => j.DerniereActionLe, maintenant)
                .SetProperty(j => j.Version, j => j.Version + 1), ct);
            if (n != ids.Count)
            {
                return false;
            }

            foreach (var id in ids)
            {
                Evenement(id, NatureEvenement.Attribution, $"attribué à {nom}", maintenant);
            }

            journal.Ajouter(Tracabilite.Modification, "dossier-suivi", ids.Count == 1 ? Id(ids.First()) : null,
                $"attribution de {ids.Count} dossier(s) à la structure {structureId}{(ids.Count > 1 ? $" : {string.Join(", ", ids.Order().Select(Id))}" : "")}");
            return true;
        }, ct);
    }

    /// <summary>Records a contact attempt; the file's status follows (<see cref="CycleDossier.ApresTentative"/>).</summary>
    public async Task<Resultat> EnregistrerTentativeAsync(int id, int version, DateTime? quand, CanalContact? canal, DestinataireContact? destinataire, IssueTentative? issue, CancellationToken ct = default)
    {
        var erreurs = new Erreurs();
        var dossier = await ModifiableAsync(id, ct);
        if (dossier is null)
        {
            return Introuvable;
        }

        var maintenant = Maintenant;
        if (quand is null)
        {
            erreurs.Ajouter("quand", "Indiquez la date et l'heure de la tentative (JJ/MM/AAAA et HH:MM).");
        }
        else if (quand > maintenant.AddMinutes(5))
        {
            erreurs.Ajouter("quand", "La tentative ne peut pas être dans le futur.");
        }
        else if (quand < dossier.CreeLe.AddDays(-1))
        {
            erreurs.Ajouter("quand", "La tentative ne peut pas précéder l'arrivée du jeune dans le suivi.");
        }

        if (canal is null)
        {
            erreurs.Ajouter("canal", "Choisissez le canal de la tentative.");
        }

        if (destinataire is null)
        {
            erreurs.Ajouter("destinataire", "Indiquez qui vous avez cherché à joindre.");
        }

        if (issue is null)
        {
            erreurs.Ajouter("issue", "Choisissez l'issue de la tentative.");
        }

        if (dossier.Statut is StatutDossier.AAttribuer)
        {
            erreurs.Ajouter("canal", "Ce dossier n'est pas encore attribué à une structure : attribuez-le avant de contacter le jeune.");
        }
        else if (CycleDossier.EstFinal(dossier.Statut))
        {
            erreurs.Ajouter("canal", $"Ce dossier est {dossier.Statut.Libelle().ToLowerInvariant()} : il ne reçoit plus de tentative.");
        }

        if (erreurs.Any)
        {
            return Resultat.Echec(erreurs);
        }

        var apres = CycleDossier.ApresTentative(dossier.Statut, issue!.Value);
        var statutDepuis = apres == dossier.Statut ? dossier.StatutDepuis : maintenant;
        return await EcrireAsync(async () =>
        {
            var avance = await AvancerAsync(id, version, maintenant, u =>
            {
                u.SetProperty(j => j.Statut, apres);
                u.SetProperty(j => j.StatutDepuis, statutDepuis);
                u.SetProperty(j => j.NombreTentatives, j => j.NombreTentatives + 1);
            }, ct);
            if (!avance)
            {
                return false;
            }

            db.TentativesContact.Add(new TentativeContact { JeuneSuiviId = id, Quand = quand!.Value, Canal = canal!.Value, Destinataire = destinataire!.Value, Issue = issue.Value, Auteur = Auteur });
            Evenement(id, NatureEvenement.Tentative, $"{canal.Value.Libelle()} ({destinataire.Value.Libelle().ToLowerInvariant()}) : {issue.Value.Libelle().ToLowerInvariant()}" +
                (apres != dossier.Statut ? $" ; statut « {apres.Libelle()} »" : ""), maintenant);
            journal.Ajouter(Tracabilite.Modification, "dossier-suivi", Id(id), "tentative de contact");
            return true;
        }, ct);
    }

    /// <summary>Moves a file along its life by hand (<see cref="CycleDossier.PeutPasser"/>); closing and cancelling have their own commands.</summary>
    public async Task<Resultat> ChangerStatutAsync(int id, int version, StatutDossier? vers, CancellationToken ct = default)
    {
        var erreurs = new Erreurs();
        var dossier = await ModifiableAsync(id, ct);
        if (dossier is null)
        {
            return Introuvable;
        }

        if (vers is null || vers is StatutDossier.Cloture or StatutDossier.Annule or StatutDossier.Transfere or StatutDossier.AAttribuer)
        {
            erreurs.Ajouter("statut", "Choisissez le nouveau statut dans la liste (la clôture, l'annulation et l'attribution ont leur propre formulaire).");
            return Resultat.Echec(erreurs);
        }

        if (!CycleDossier.PeutPasser(dossier.Statut, vers.Value))
        {
            erreurs.Ajouter("statut", $"Un dossier « {dossier.Statut.Libelle()} » ne peut pas passer à « {vers.Value.Libelle()} ».");
            return Resultat.Echec(erreurs);
        }

        if (vers == StatutDossier.Injoignable)
        {
            var psad = await db.Psads.AsNoTracking().FirstAsync(p => p.Id == dossier.PsadId, ct);
            var tentatives = await db.TentativesContact.AsNoTracking().Where(t => t.JeuneSuiviId == id && t.Quand >= dossier.ArriveLe.AddDays(-1)).ToListAsync(ct);
            if (Injoignabilite.Manque(tentatives, psad.Reglages) is { } manque)
            {
                erreurs.Ajouter("statut", "« Injoignable » n'est pas encore possible : " + manque);
                return Resultat.Echec(erreurs);
            }
        }

        var maintenant = Maintenant;
        return await EcrireAsync(async () =>
        {
            var avance = await AvancerAsync(id, version, maintenant, u =>
            {
                u.SetProperty(j => j.Statut, vers.Value);
                u.SetProperty(j => j.StatutDepuis, maintenant);
            }, ct);
            if (!avance)
            {
                return false;
            }

            Evenement(id, NatureEvenement.Statut, $"« {dossier.Statut.Libelle()} » → « {vers.Value.Libelle()} »", maintenant);
            journal.Ajouter(Tracabilite.Modification, "dossier-suivi", Id(id), $"statut {vers.Value.Code()}");
            return true;
        }, ct);
    }

    /// <summary>Closes a file with a coded reason (a précision for "autre"); a positive exit needs a solution the young person entered.</summary>
    public async Task<Resultat> CloturerAsync(int id, int version, MotifCloture? motif, string? precision, CancellationToken ct = default)
    {
        var erreurs = new Erreurs();
        var dossier = await ModifiableAsync(id, ct);
        if (dossier is null)
        {
            return Introuvable;
        }

        precision = Saisie.Facultatif(erreurs, "precision", "La précision", precision, 300);
        if (motif is null)
        {
            erreurs.Ajouter("motif", "Choisissez le motif de clôture.");
        }
        else if (motif == MotifCloture.Autre && precision is null)
        {
            erreurs.Ajouter("precision", "Précisez le motif « autre ».");
        }
        else if (motif == MotifCloture.SortiePositive && dossier.Statut != StatutDossier.EnSolution)
        {
            erreurs.Ajouter("motif", "Une sortie positive se clôture quand le jeune est « en solution ».");
        }
        else if (motif == MotifCloture.Injoignable && dossier.Statut != StatutDossier.Injoignable)
        {
            erreurs.Ajouter("motif", "Passez d'abord le dossier à « injoignable » (après les tentatives demandées).");
        }

        if (!CycleDossier.PeutPasser(dossier.Statut, StatutDossier.Cloture))
        {
            erreurs.Ajouter("motif", $"Ce dossier est déjà {dossier.Statut.Libelle().ToLowerInvariant()}.");
        }

        if (erreurs.Any)
        {
            return Resultat.Echec(erreurs);
        }

        var maintenant = Maintenant;
        return await EcrireAsync(async () =>
        {
            var avance = await AvancerAsync(id, version, maintenant, u =>
            {
                u.SetProperty(j => j.Statut, StatutDossier.Cloture);
                u.SetProperty(j => j.StatutDepuis, maintenant);
                u.SetProperty(j => j.MotifCloture, motif);
                u.SetProperty(j => j.PrecisionCloture, precision);
                u.SetProperty(j => j.ClotureLe, maintenant);
            }, ct);
            if (!avance)
            {
                return false;
            }

            // A positive exit keeps its check-ins (the follow-up goes on after the closure); any other reason ends them.
            var annules = motif == MotifCloture.SortiePositive ? 0 : await PointsSuivi.AnnulerAsync(db, db.PointsSuivi.Where(p => p.JeuneSuiviId == id), maintenant, ct);
            Evenement(id, NatureEvenement.Cloture, motif!.Value.Libelle() + (annules > 0 ? $" ; {annules} point(s) de suivi annulé(s)" : ""), maintenant);
            journal.Ajouter(Tracabilite.Modification, "dossier-suivi", Id(id), $"clôture {motif.Value.Code()}");
            return true;
        }, ct);
    }

    /// <summary>Cancels a file that should not exist (duplicate, list error, death): the coordinator's decision.</summary>
    public async Task<Resultat> AnnulerAsync(int id, int version, MotifAnnulation? motif, CancellationToken ct = default)
    {
        var erreurs = new Erreurs();
        var psads = await acces.PsadsCoordonneesAsync(ct);
        var dossier = await db.JeunesSuivis.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id && psads.Contains(j.PsadId), ct);
        if (dossier is null)
        {
            return Introuvable;
        }

        if (motif is null)
        {
            erreurs.Ajouter("motifAnnulation", "Choisissez le motif d'annulation.");
            return Resultat.Echec(erreurs);
        }

        if (CycleDossier.EstFinal(dossier.Statut))
        {
            erreurs.Ajouter("motifAnnulation", $"Ce dossier est déjà {dossier.Statut.Libelle().ToLowerInvariant()}.");
            return Resultat.Echec(erreurs);
        }

        var maintenant = Maintenant;
        return await EcrireAsync(async () =>
        {
            var n = await db.JeunesSuivis.Where(j => j.Id == id && j.Version == version && psads.Contains(j.PsadId))
                .ExecuteUpdateAsync(u => u
                    .SetProperty(j => j.Statut, StatutDossier.Annule)
                    .SetProperty(j => j.StatutDepuis, maintenant)
                    .SetProperty(j => j.MotifAnnulation, motif)
                    .SetProperty(j => j.ClotureLe, maintenant)
                    .SetProperty(j => j.DerniereActionLe, maintenant)
                    .SetProperty(j => j.Version, j => j.Version + 1), ct);
            if (n == 0)
            {
                return false;
            }

            var annules = await PointsSuivi.AnnulerAsync(db, db.PointsSuivi.Where(p => p.JeuneSuiviId == id), maintenant, ct);
            Evenement(id, NatureEvenement.Annulation, motif.Value.Libelle() + (annules > 0 ? $" ; {annules} point(s) de suivi annulé(s)" : ""), maintenant);
            journal.Ajouter(Tracabilite.Modification, "dossier-suivi", Id(id), $"annulation {motif.Value.Code()}");
            return true;
        }, ct);
    }

    /// <summary>
    /// "Déjà connu / déjà en solution": the young person is already followed elsewhere (the file closes as "déjà accompagné·e
    /// ailleurs", the organisation as its précision) or already in a solution (recorded as entered, the file goes "en solution",
    /// or closes at once as a positive exit when <paramref name="cloturer"/>). The source is kept; no double handling.
    /// </summary>
    public async Task<Resultat> DeclarerPriseEnChargeAsync(int id, int version, NaturePriseEnCharge? nature, string? organisme, SourcePriseEnCharge? source, string? depuis, bool cloturer, CancellationToken ct = default)
    {
        var erreurs = new Erreurs();
        var dossier = await ModifiableAsync(id, ct);
        if (dossier is null)
        {
            return Introuvable;
        }

        if (CycleDossier.EstFinal(dossier.Statut))
        {
            erreurs.Ajouter("nature", $"Ce dossier est déjà {dossier.Statut.Libelle().ToLowerInvariant()}.");
            return Resultat.Echec(erreurs);
        }

        if (nature is null)
        {
            erreurs.Ajouter("nature", "Choisissez ce que vous avez appris : qui accompagne déjà le jeune, ou la solution où il est déjà.");
        }

        if (source is null)
        {
            erreurs.Ajouter("source", "Indiquez d'où vient l'information.");
        }

        organisme = Saisie.Facultatif(erreurs, "organisme", "La structure ou le lieu", organisme, PriseEnCharge.OrganismeMax);
        var lu = ValeursSiei.Date(depuis);
        if (lu.Erreur is { } e)
        {
            erreurs.Ajouter("depuis", e);
        }
        else if (lu.Valeur > HeureParis.Jour(Maintenant))
        {
            erreurs.Ajouter("depuis", "La date « depuis » est dans le futur : indiquez depuis quand le jeune est accompagné ou en solution.");
        }

        if (erreurs.Any)
        {
            return Resultat.Echec(erreurs);
        }

        var declaration = new DeclarationPriseEnCharge(nature!.Value, organisme, source!.Value, lu.Valeur, cloturer);
        var maintenant = Maintenant;
        return await EcrireAsync(async () =>
        {
            if (!await AvancerAsync(id, version, maintenant, u => declaration.Appliquer(u, maintenant), ct))
            {
                return false;
            }

            await declaration.EnregistrerAsync(db, id, Auteur, maintenant, ct);
            Evenement(id, NatureEvenement.PriseEnCharge, $"{nature.Value.Libelle()} (source : {source.Value.Libelle().ToLowerInvariant()}) : {declaration.Suite}", maintenant);
            journal.Ajouter(Tracabilite.Modification, "dossier-suivi", Id(id), $"déjà connu ou en solution ({nature.Value.Code()}, source {source.Value.Code()}) : {declaration.Apres.Code()}");
            return true;
        }, ct);
    }

    /// <summary>"Je suis ce jeune": a référent of the PSAD outside the handling structure declares they follow the young person too.</summary>
    public async Task<Resultat> DeclarerSuiviAsync(int id, CancellationToken ct = default)
    {
        var declarables = await acces.DossiersDeclarablesAsync(ct);
        if (!await declarables.AnyAsync(j => j.Id == id, ct))
        {
            return Introuvable;
        }

        var moi = acces.Habilitations.UtilisateurId!;
        if (await db.SuivisDeclares.AnyAsync(s => s.UtilisateurId == moi && s.JeuneSuiviId == id, ct))
        {
            return Resultat.Succes();
        }

        var maintenant = Maintenant;
        db.SuivisDeclares.Add(new SuiviDeclare { UtilisateurId = moi, JeuneSuiviId = id, DeclareLe = maintenant });
        Evenement(id, NatureEvenement.SuiviDeclare, $"{Auteur} déclare suivre ce jeune", maintenant);
        journal.Ajouter(Tracabilite.Modification, "dossier-suivi", Id(id), "je suis ce jeune");
        await db.SaveChangesAsync(ct);
        return Resultat.Succes();
    }

    /// <summary>
    /// Settles a row "à arbitrer" (a coordinator of its PSAD): joins it to one of the files it was a near match for, or
    /// (<paramref name="dossierId"/> null) makes a new file of it. Never twice: a row already settled is left as it is.
    /// </summary>
    public async Task<Resultat> ArbitrerAsync(long situationId, int? dossierId, CancellationToken ct = default)
    {
        var erreurs = new Erreurs();
        var psads = await acces.PsadsCoordonneesAsync(ct);
        var ligne = await db.SituationsSiei.AsNoTracking()
            .Where(s => s.Id == situationId && s.Issue == IssueSituation.AArbitrer)
            .Join(db.Livraisons, s => s.LivraisonId, l => l.Id, (s, l) => new { Situation = s, l.PsadId, l.Mois })
            .FirstOrDefaultAsync(x => psads.Contains(x.PsadId), ct);
        if (ligne is null)
        {
            return Introuvable;
        }

        if (ligne.Situation.JeuneSuiviId is not null)
        {
            erreurs.Ajouter("dossier", "Cette ligne a déjà été arbitrée.");
            return Resultat.Echec(erreurs);
        }

        if (dossierId is { } cible && (!ligne.Situation.Candidats.Contains(cible) || !await db.JeunesSuivis.AnyAsync(j => j.Id == cible && j.PsadId == ligne.PsadId, ct)))
        {
            erreurs.Ajouter("dossier", "Rattachez la ligne à l'un des dossiers proposés, ou créez un dossier distinct.");
            return Resultat.Echec(erreurs);
        }

        var maintenant = Maintenant;
        return await EcrireAsync(async () =>
        {
            var id = dossierId;
            if (id is null)
            {
                // A separated row becomes a file as the import would have made it: dispatched by the PSAD's rules on the list's date.
                var contenu = JsonSerializer.Deserialize<LigneSiei>(ligne.Situation.Contenu)!;
                var repartition = await ContexteRepartition.ChargerAsync(db, ligne.PsadId, ct);
                var destination = repartition.Decider(contenu, ImportSiei.DateListe(ligne.Mois, HeureParis.Jour(maintenant)));
                var nouveau = ImportSiei.Nouveau(ligne.PsadId, contenu, maintenant, destination);
                nouveau.PremiereLivraisonId = nouveau.DerniereLivraisonId = ligne.Situation.LivraisonId;
                db.JeunesSuivis.Add(nouveau);
                await db.SaveChangesAsync(ct);
                id = nouveau.Id;
                if (destination.Choix is { } choix)
                {
                    var nom = await db.Structures.Where(s => s.Id == choix.StructureId).Select(s => s.Nom).FirstOrDefaultAsync(ct);
                    var evenement = ImportSiei.Reparti(nouveau.Id, choix, new() { [choix.StructureId] = nom ?? "structure" }, maintenant);
                    evenement.Auteur = Auteur;
                    db.EvenementsDossier.Add(evenement);
                }
            }

            var n = await db.SituationsSiei.Where(s => s.Id == situationId && s.JeuneSuiviId == null)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.JeuneSuiviId, id).SetProperty(s => s.ArbitreeLe, maintenant).SetProperty(s => s.ArbitreePar, Auteur), ct);
            if (n == 0)
            {
                return false;
            }

            if (dossierId is not null)
            {
                // The file now appears on that livraison too.
                await db.JeunesSuivis.Where(j => j.Id == id && db.Livraisons.Any(l => l.Id == j.DerniereLivraisonId && l.Mois < ligne.Mois))
                    .ExecuteUpdateAsync(u => u.SetProperty(j => j.DerniereLivraisonId, ligne.Situation.LivraisonId).SetProperty(j => j.Version, j => j.Version + 1), ct);
            }

            Evenement(id!.Value, NatureEvenement.Arbitrage, dossierId is null
                ? $"ligne {ligne.Situation.Ligne} de la livraison {ligne.Mois:yyyy-MM} : dossier distinct créé"
                : $"ligne {ligne.Situation.Ligne} de la livraison {ligne.Mois:yyyy-MM} rattachée à ce dossier", maintenant);
            journal.Ajouter(Tracabilite.Modification, "dossier-suivi", Id(id.Value),
                $"arbitrage de la ligne {situationId} : {(dossierId is null ? "séparée (nouveau dossier)" : "rattachée")}");
            return true;
        }, ct);
    }

    /// <summary>
    /// Records the entretien de situation (a file reached, or one whose entretien is redone later): every field checked,
    /// in French, against its field; a file "joint" or "entretien planifié" becomes "entretien réalisé".
    /// </summary>
    public async Task<Resultat> EnregistrerEntretienAsync(int id, int version, SaisieEntretien s, CancellationToken ct = default)
    {
        var erreurs = new Erreurs();
        var dossier = await ModifiableAsync(id, ct);
        if (dossier is null)
        {
            return Introuvable;
        }

        if (dossier.Statut is not (StatutDossier.Joint or StatutDossier.EntretienPlanifie or StatutDossier.EntretienRealise or StatutDossier.SolutionProposee or StatutDossier.EnSolution))
        {
            erreurs.Ajouter("entretienDate", $"Un dossier « {dossier.Statut.Libelle()} » ne reçoit pas d'entretien : le jeune doit d'abord avoir été joint.");
            return Resultat.Echec(erreurs);
        }

        var aujourdhui = HeureParis.Jour(Maintenant);
        var date = ValeursSiei.Date(s.Date);
        if (date.Erreur is { } e)
        {
            erreurs.Ajouter("entretienDate", e);
        }
        else if (date.Valeur is null)
        {
            erreurs.Ajouter("entretienDate", "Indiquez la date de l'entretien (JJ/MM/AAAA).");
        }
        else if (date.Valeur > aujourdhui)
        {
            erreurs.Ajouter("entretienDate", "L'entretien ne peut pas être dans le futur : pour un rendez-vous à venir, passez le dossier à « entretien planifié ».");
        }

        var mode = ValeursFermees.Lire<ModeEntretien>(s.Mode);
        if (mode is null)
        {
            erreurs.Ajouter("entretienMode", "Choisissez comment l'entretien s'est passé.");
        }

        var jeunePresent = s.Presents.Contains(DestinataireContact.Jeune.Code());
        var responsablePresent = s.Presents.Contains(DestinataireContact.ResponsableLegal.Code());
        if (!jeunePresent && !responsablePresent)
        {
            erreurs.Ajouter("presents", "Cochez qui était là : le jeune, son responsable légal, ou les deux.");
        }

        var situation = ValeursFermees.Lire<SituationEntretien>(s.Situation);
        if (situation is null)
        {
            erreurs.Ajouter("entretienSituation", "Choisissez la situation du jeune.");
        }

        var niveau = Saisie.Choix(erreurs, "niveau", "Le diplôme le plus élevé", s.Niveau, Catalogue.Vocabulaire.Niveaux);
        if (niveau is null && erreurs.Pour("niveau") is null)
        {
            erreurs.Ajouter("niveau", "Choisissez le diplôme le plus élevé (« sans diplôme » si aucun).");
        }

        var souhaits = Saisie.Liste(erreurs, "souhaits", "Les souhaits", s.Souhaits, Catalogue.Vocabulaire.Entrees);
        var besoins = new List<BesoinEntretien>();
        foreach (var b in s.Besoins.Where(b => !string.IsNullOrWhiteSpace(b)).Distinct())
        {
            if (ValeursFermees.Lire<BesoinEntretien>(b) is { } besoin)
            {
                besoins.Add(besoin);
            }
            else
            {
                erreurs.Ajouter("besoins", "Choisissez les besoins dans la liste.");
            }
        }

        var contraintes = Saisie.Facultatif(erreurs, "contraintes", "Les contraintes", s.Contraintes, EntretienSituation.ContraintesMax);
        var commentaire = Saisie.Facultatif(erreurs, "commentaire", "Le commentaire", s.Commentaire, EntretienSituation.CommentaireMax);
        if (erreurs.Any)
        {
            return Resultat.Echec(erreurs);
        }

        var maintenant = Maintenant;
        var apres = dossier.Statut is StatutDossier.Joint or StatutDossier.EntretienPlanifie ? StatutDossier.EntretienRealise : dossier.Statut;
        var statutDepuis = apres == dossier.Statut ? dossier.StatutDepuis : maintenant;
        return await EcrireAsync(async () =>
        {
            var avance = await AvancerAsync(id, version, maintenant, u =>
            {
                u.SetProperty(j => j.Statut, apres);
                u.SetProperty(j => j.StatutDepuis, statutDepuis);
            }, ct);
            if (!avance)
            {
                return false;
            }

            db.EntretiensSituation.Add(new EntretienSituation
            {
                JeuneSuiviId = id,
                Date = date.Valeur!.Value,
                Mode = mode!.Value,
                JeunePresent = jeunePresent,
                ResponsablePresent = responsablePresent,
                Situation = situation!.Value,
                Niveau = niveau!,
                Souhaits = souhaits,
                Besoins = besoins,
                Contraintes = contraintes,
                Commentaire = commentaire,
                Auteur = Auteur,
                EnregistreLe = maintenant,
            });
            Evenement(id, NatureEvenement.Entretien, $"entretien du {date.Valeur:dd/MM/yyyy} ({mode.Value.Libelle().ToLowerInvariant()})", maintenant);
            journal.Ajouter(Tracabilite.Modification, "dossier-suivi", Id(id), "entretien de situation");
            return true;
        }, ct);
    }

    /// <summary>Proposes a solution after the entretien: a programme of the catalogue, or one outside it described in a few words.</summary>
    public async Task<Resultat> ProposerSolutionAsync(int id, int version, int? dispositifId, string? horsCatalogue, string? type, CancellationToken ct = default)
    {
        var erreurs = new Erreurs();
        var dossier = await ModifiableAsync(id, ct);
        if (dossier is null)
        {
            return Introuvable;
        }

        if (dossier.Statut is not (StatutDossier.EntretienRealise or StatutDossier.SolutionProposee or StatutDossier.EnSolution))
        {
            erreurs.Ajouter("solutionType", "Une solution se propose après l'entretien de situation.");
            return Resultat.Echec(erreurs);
        }

        var typeSolution = ValeursFermees.Lire<TypeSolution>(type);
        if (typeSolution is null)
        {
            erreurs.Ajouter("solutionType", "Choisissez le type de solution.");
        }

        horsCatalogue = Saisie.Facultatif(erreurs, "horsCatalogue", "La solution hors catalogue", horsCatalogue, SolutionSuivi.HorsCatalogueMax);
        if (dispositifId is { } d && !await db.Dispositifs.AnyAsync(x => x.Id == d, ct))
        {
            erreurs.Ajouter("solutionType", "Ce dispositif n'existe pas ou plus.");
        }
        else if (dispositifId is null && horsCatalogue is null && erreurs.Pour("horsCatalogue") is null)
        {
            erreurs.Ajouter("horsCatalogue", "Choisissez un dispositif proposé, ou décrivez la solution hors catalogue.");
        }

        if (erreurs.Any)
        {
            return Resultat.Echec(erreurs);
        }

        var maintenant = Maintenant;
        var statuts = await db.SolutionsSuivi.Where(x => x.JeuneSuiviId == id).Select(x => x.Statut).ToListAsync(ct);
        var apres = CycleSolution.StatutDuDossier([.. statuts, StatutSolution.Proposee]);
        return await EcrireAsync(async () =>
        {
            var avance = await AvancerAsync(id, version, maintenant, u =>
            {
                u.SetProperty(j => j.Statut, apres);
                u.SetProperty(j => j.StatutDepuis, j => j.Statut == apres ? j.StatutDepuis : maintenant);
            }, ct);
            if (!avance)
            {
                return false;
            }

            db.SolutionsSuivi.Add(new SolutionSuivi
            {
                JeuneSuiviId = id,
                DispositifId = dispositifId,
                HorsCatalogue = dispositifId is null ? horsCatalogue : null,
                Type = typeSolution!.Value,
                CreeLe = maintenant,
                StatutDepuis = maintenant,
                Auteur = Auteur,
            });
            Evenement(id, NatureEvenement.Solution, $"solution proposée : {typeSolution.Value.Libelle().ToLowerInvariant()}", maintenant);
            journal.Ajouter(Tracabilite.Modification, "dossier-suivi", Id(id), $"solution proposée ({typeSolution.Value.Code()}{(dispositifId is { } x ? $", dispositif {x}" : "")})");
            return true;
        }, ct);
    }

    /// <summary>Moves a solution along (<see cref="CycleSolution"/>); "entrée" needs its date. The file's status follows.</summary>
    public async Task<Resultat> ChangerSolutionAsync(int id, int version, long solutionId, string? vers, string? entreeLe, CancellationToken ct = default)
    {
        var erreurs = new Erreurs();
        var dossier = await ModifiableAsync(id, ct);
        if (dossier is null)
        {
            return Introuvable;
        }

        var solution = await db.SolutionsSuivi.AsNoTracking().FirstOrDefaultAsync(x => x.Id == solutionId && x.JeuneSuiviId == id, ct);
        if (solution is null)
        {
            return Introuvable;
        }

        var statut = ValeursFermees.Lire<StatutSolution>(vers);
        if (statut is null || !CycleSolution.PeutPasser(solution.Statut, statut.Value))
        {
            erreurs.Ajouter($"solution-{solutionId}", $"Une solution « {solution.Statut.Libelle()} » ne peut pas passer à « {(statut is { } v ? v.Libelle() : vers)} ».");
            return Resultat.Echec(erreurs);
        }

        DateOnly? entree = null;
        if (statut == StatutSolution.Entree)
        {
            var lu = ValeursSiei.Date(entreeLe);
            entree = lu.Valeur;
            if (lu.Erreur is { } e)
            {
                erreurs.Ajouter($"solution-{solutionId}", e);
            }
            else if (entree is null)
            {
                erreurs.Ajouter($"solution-{solutionId}", "Indiquez la date d'entrée (JJ/MM/AAAA).");
            }
            else if (entree > HeureParis.Jour(Maintenant).AddDays(31))
            {
                erreurs.Ajouter($"solution-{solutionId}", "La date d'entrée est trop loin : enregistrez l'entrée quand elle a eu lieu.");
            }

            if (erreurs.Any)
            {
                return Resultat.Echec(erreurs);
            }
        }

        var maintenant = Maintenant;
        var statuts = await db.SolutionsSuivi.Where(x => x.JeuneSuiviId == id && x.Id != solutionId).Select(x => x.Statut).ToListAsync(ct);
        var apres = CycleSolution.StatutDuDossier([.. statuts, statut!.Value]);
        return await EcrireAsync(async () =>
        {
            var n = await (await CibleAsync(id, version, ct)).ExecuteUpdateAsync(u =>
            {
                u.SetProperty(j => j.Statut, apres)
                    .SetProperty(j => j.StatutDepuis, j => j.Statut == apres ? j.StatutDepuis : maintenant)
                    .SetProperty(j => j.DerniereActionLe, maintenant)
                    .SetProperty(j => j.Version, j => j.Version + 1);
                if (statut == StatutSolution.Entree)
                {
                    // A new schedule of check-ins: the file's follow-up after a solution starts over.
                    u.SetProperty(j => j.SortieMaintenue, (bool?)null).SetProperty(j => j.SortiSansSolutionLe, (DateTime?)null);
                }
            }, ct);
            if (n == 0 || await db.SolutionsSuivi.Where(x => x.Id == solutionId && x.Statut == solution.Statut)
                    .ExecuteUpdateAsync(u => u.SetProperty(x => x.Statut, statut.Value).SetProperty(x => x.StatutDepuis, maintenant).SetProperty(x => x.EntreeLe, x => entree ?? x.EntreeLe), ct) == 0)
            {
                return false;
            }

            var points = "";
            if (statut == StatutSolution.Entree)
            {
                var prevus = await PointsSuivi.PlanifierAsync(db, id, solutionId, entree, maintenant, ct);
                points = prevus.Count == 0 ? " ; aucun point de suivi (entrée trop ancienne)" : $" ; points de suivi prévus à {string.Join(", ", prevus.Select(p => p.Mois))} mois";
            }
            else if (statut == StatutSolution.Abandonnee)
            {
                points = await PointsSuivi.AnnulerAsync(db, db.PointsSuivi.Where(p => p.SolutionId == solutionId), maintenant, ct) is var annules and > 0 ? $" ; {annules} point(s) de suivi annulé(s)" : "";
            }

            Evenement(id, NatureEvenement.Solution, $"solution « {solution.Type.Libelle()} » : {statut.Value.Libelle().ToLowerInvariant()}" + (entree is { } d ? $" le {d:dd/MM/yyyy}" : "") + points, maintenant);
            journal.Ajouter(Tracabilite.Modification, "dossier-suivi", Id(id), $"solution {solutionId} {statut.Value.Code()}");
            return true;
        }, ct);
    }

    /// <summary>
    /// Sends the referral of a catalogue solution to its structure, in one click: the existing referral (the structure's
    /// inbox and its notice), with the young person's first name, phone and age from the file; once per solution.
    /// </summary>
    public async Task<Resultat> OrienterSolutionAsync(int id, long solutionId, CancellationToken ct = default)
    {
        var dossier = await ModifiableAsync(id, ct);
        var solution = dossier is null ? null : await db.SolutionsSuivi.AsNoTracking().FirstOrDefaultAsync(x => x.Id == solutionId && x.JeuneSuiviId == id, ct);
        if (dossier is null || solution is null)
        {
            return Introuvable;
        }

        var champ = $"solution-{solutionId}";
        if (solution.DemandeId is not null)
        {
            return Resultat.Echec(champ, "L'orientation de cette solution a déjà été envoyée.");
        }

        if (solution.DispositifId is not { } dispositifId || !(solution.Statut is StatutSolution.Acceptee or StatutSolution.EnAttenteDePlace))
        {
            return Resultat.Echec(champ, "On envoie l'orientation d'un dispositif du catalogue, une fois la solution acceptée par le jeune.");
        }

        var vers = await db.Dispositifs.Include(d => d.Lieux).FirstOrDefaultAsync(d => d.Id == dispositifId, ct);
        var contenu = await db.SituationsSiei.AsNoTracking().Where(x => x.JeuneSuiviId == id).OrderByDescending(x => x.LivraisonId).Select(x => x.Contenu).FirstOrDefaultAsync(ct);
        var ligne = contenu is null ? null : JsonSerializer.Deserialize<LigneSiei>(contenu);
        if (vers is null)
        {
            return Resultat.Echec(champ, "Ce dispositif n'existe plus.");
        }

        var r = await traitement.OrienterAsync(vers, new SaisieOrientation
        {
            Prenom = dossier.Prenom,
            Telephone = ValeursSiei.TelephoneNational(ligne?.Telephone ?? ligne?.Telephone2),
            Courriel = ligne?.Courriel,
            Age = dossier.DateNaissance is { } n ? Drapeaux.Age(n, HeureParis.Jour(Maintenant)) : null,
            Situation = "sorti-sans-diplome",
            Message = "Orientation depuis le suivi des décrocheurs (PSAD).",
            Accord = true,
        }, ct);
        if (!r.Reussi)
        {
            var erreurs = new Erreurs();
            foreach (var (_, messages) in r.Erreurs.EnDictionnaire())
            {
                erreurs.Ajouter(champ, "L'orientation n'a pas pu être envoyée : " + string.Join(" ", messages));
            }

            return Resultat.Echec(erreurs, r.Refus);
        }

        await db.SolutionsSuivi.Where(x => x.Id == solutionId && x.DemandeId == null).ExecuteUpdateAsync(u => u.SetProperty(x => x.DemandeId, r.Valeur.Id), ct);
        Evenement(id, NatureEvenement.Solution, $"orientation envoyée à la structure ({r.Valeur.Reference})", Maintenant);
        journal.Ajouter(Tracabilite.Modification, "dossier-suivi", Id(id), $"orientation {r.Valeur.Reference} envoyée pour la solution {solutionId}");
        await db.SaveChangesAsync(ct);
        return Resultat.Succes();
    }

    /// <summary>A file the professional handles (coordinator or référent of the assigned structure), read without tracking.</summary>
    private async Task<JeuneSuivi?> ModifiableAsync(int id, CancellationToken ct) =>
        await (await acces.DossiersTraitesAsync(ct)).AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);

    /// <summary>
    /// The UPDATE of one file: <paramref name="modifications"/> plus the time of the action and the next version, on the
    /// file as this professional may change it and at the version they read; false when no row matched (someone saved in between).
    /// </summary>
    private async Task<bool> AvancerAsync(int id, int version, DateTime maintenant, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<JeuneSuivi>> modifications, CancellationToken ct) =>
        await (await CibleAsync(id, version, ct)).ExecuteUpdateAsync(u =>
        {
            modifications(u);
            u.SetProperty(j => j.DerniereActionLe, maintenant).SetProperty(j => j.Version, j => j.Version + 1);
        }, ct) > 0;

    /// <summary>The WHERE of every write on one file: visible to this professional as one they handle, at the version they read.</summary>
    private async Task<IQueryable<JeuneSuivi>> CibleAsync(int id, int version, CancellationToken ct) =>
        (await acces.DossiersTraitesAsync(ct)).Where(j => j.Id == id && j.Version == version);

    /// <summary>The UPDATE and the lines that go with it, all or nothing; false from the UPDATE (0 rows) means someone saved in between.</summary>
    private Task<Resultat> EcrireAsync(Func<Task<bool>> ecriture, CancellationToken ct) => EcrireAsync(db, ecriture, ct);

    /// <summary>Shared by every versioned write on case files (this class and the transfers).</summary>
    internal static async Task<Resultat> EcrireAsync(RaccrocheDbContext db, Func<Task<bool>> ecriture, CancellationToken ct)
    {
        var strategie = db.Database.CreateExecutionStrategy();
        return await strategie.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (!await ecriture())
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return Resultat.Echec("version", MessageConflit, Refus.Conflit);
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return Resultat.Succes();
        });
    }

    private void Evenement(int id, NatureEvenement nature, string detail, DateTime quand) =>
        db.EvenementsDossier.Add(new EvenementDossier { JeuneSuiviId = id, Quand = quand, Nature = nature, Auteur = Auteur, Detail = detail.Length > 500 ? detail[..500] : detail });

    private string Auteur => acces.Habilitations.Nom;

    private DateTime Maintenant => clock.GetUtcNow().UtcDateTime;

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The entretien form as typed (checked by <see cref="DossiersSuivi.EnregistrerEntretienAsync"/>).</summary>
public sealed class SaisieEntretien
{
    public string? Date { get; set; }
    public string? Mode { get; set; }
    /// <summary>Who was there: <see cref="DestinataireContact"/> codes.</summary>
    public List<string> Presents { get; set; } = [];
    public string? Situation { get; set; }
    public string? Niveau { get; set; }
    public List<string> Souhaits { get; set; } = [];
    public List<string> Besoins { get; set; } = [];
    public string? Contraintes { get; set; }
    public string? Commentaire { get; set; }
}
