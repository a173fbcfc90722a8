using Raccroche.Web.Features.Journal;

namespace Raccroche.Web.Features.Decrocheurs;

/// <summary>
/// The obligation de formation's writes on a case file (<see cref="ObligationFormation"/> computes the clock): the status a
/// référent notes, and the legal steps, each recorded once with its date and author, in the same guarded UPDATE, history
/// line and audit line as every other change of the file.
/// </summary>
public sealed partial class DossiersSuivi
{
    /// <summary>The obligation's state on a file as it is in the database now, with its PSAD's settings.</summary>
    public async Task<EtatObligation> EtatObligationAsync(JeuneSuivi d, CancellationToken ct = default)
    {
        var reglages = await db.Psads.AsNoTracking().Where(p => p.Id == d.PsadId).Select(p => p.Reglages).FirstAsync(ct);
        var solution = await db.SolutionsSuivi.AsNoTracking().Where(s => s.JeuneSuiviId == d.Id && s.Statut == StatutSolution.Entree)
            .OrderByDescending(s => s.StatutDepuis).Select(s => (TypeSolution?)s.Type).FirstOrDefaultAsync(ct);
        return ObligationFormation.Calculer(d, solution, HeureParis.Jour(Maintenant), reglages);
    }

    /// <summary>Notes where the minor's obligation stands ("satisfaite" needs its kind); the date and the référent are kept.</summary>
    public async Task<Resultat> FixerObligationAsync(int id, int version, StatutObligation? statut, FormeObligation? forme, CancellationToken ct = default)
    {
        var erreurs = new Erreurs();
        var dossier = await ModifiableAsync(id, ct);
        if (dossier is null)
        {
            return Introuvable;
        }

        var etat = await EtatObligationAsync(dossier, ct);
        if (!etat.Soumis)
        {
            erreurs.Ajouter("obligationStatut", $"Ce jeune n'est pas soumis à l'obligation de formation ({etat.Explication}).");
        }
        else if (statut is null)
        {
            erreurs.Ajouter("obligationStatut", "Choisissez où en est l'obligation de formation.");
        }
        else if (statut == StatutObligation.Satisfaite && forme is null)
        {
            erreurs.Ajouter("obligationForme", "Indiquez comment l'obligation est satisfaite (scolarité, apprentissage, formation, emploi, service civique ou accompagnement).");
        }

        if (erreurs.Any)
        {
            return Resultat.Echec(erreurs);
        }

        var maintenant = Maintenant;
        var laForme = statut == StatutObligation.Satisfaite ? forme : null;
        return await EcrireAsync(async () =>
        {
            if (!await AvancerAsync(id, version, maintenant, u =>
            {
                u.SetProperty(j => j.ObligationStatut, statut!.Value);
                u.SetProperty(j => j.ObligationForme, laForme);
                u.SetProperty(j => j.ObligationFixeeLe, maintenant);
                u.SetProperty(j => j.ObligationFixeePar, Auteur);
            }, ct))
            {
                return false;
            }

            Evenement(id, NatureEvenement.Obligation, $"obligation de formation : {statut!.Value.Libelle().ToLowerInvariant()}" + (laForme is { } f ? $" ({f.Libelle().ToLowerInvariant()})" : ""), maintenant);
            journal.Ajouter(Tracabilite.Modification, "dossier-suivi", Id(id), $"obligation de formation {statut.Value.Code()}" + (laForme is { } g ? $" ({g.Code()})" : ""));
            return true;
        }, ct);
    }

    /// <summary>Records the first step: an entretien proposed to the minor (on <paramref name="le"/>, JJ/MM/AAAA, today when empty).</summary>
    public async Task<Resultat> ProposerEntretienObligationAsync(int id, int version, string? le, CancellationToken ct = default)
    {
        var erreurs = new Erreurs();
        var dossier = await ModifiableAsync(id, ct);
        if (dossier is null)
        {
            return Introuvable;
        }

        var maintenant = Maintenant;
        var aujourdhui = HeureParis.Jour(maintenant);
        var etat = await EtatObligationAsync(dossier, ct);
        var lu = ValeursSiei.Date(le);
        if (etat.Prochaine != EtapeObligation.EntretienPropose)
        {
            erreurs.Ajouter("entretienPropose", dossier.EntretienProposeLe is { } deja
                ? $"Un entretien a déjà été proposé le {HeureParis.Jour(deja):dd/MM/yyyy}."
                : $"Proposer un entretien n'est pas l'étape attendue : {etat.Explication}.");
        }
        else if (lu.Erreur is { } e)
        {
            erreurs.Ajouter("entretienPropose", e);
        }
        else if (lu.Valeur > aujourdhui)
        {
            erreurs.Ajouter("entretienPropose", "La date de la proposition ne peut pas être dans le futur.");
        }
        else if (lu.Valeur < HeureParis.Jour(dossier.ArriveLe).AddDays(-1))
        {
            erreurs.Ajouter("entretienPropose", "La proposition ne peut pas précéder l'arrivée du jeune dans le suivi.");
        }

        if (erreurs.Any)
        {
            return Resultat.Echec(erreurs);
        }

        var quand = lu.Valeur is { } jour && jour != aujourdhui ? HeureParis.DebutDuJour(jour).AddHours(12) : maintenant;
        return await EcrireAsync(async () =>
        {
            if (!await AvancerAsync(id, version, maintenant, u => u.SetProperty(j => j.EntretienProposeLe, quand), ct))
            {
                return false;
            }

            Evenement(id, NatureEvenement.Obligation, $"entretien proposé le {HeureParis.Jour(quand):dd/MM/yyyy} (obligation de formation)", maintenant);
            journal.Ajouter(Tracabilite.Modification, "dossier-suivi", Id(id), "obligation de formation : entretien proposé");
            return true;
        }, ct);
    }

    /// <summary>
    /// Produces the convocation of the minor and the legal guardian (when it is the next step): records its date, the
    /// meeting it names (<paramref name="rendezVous"/>, Paris time) and who produced it. The letter is then printed from its page.
    /// </summary>
    public async Task<Resultat> ConvoquerAsync(int id, int version, DateTime? rendezVous, CancellationToken ct = default)
    {
        var erreurs = new Erreurs();
        var dossier = await ModifiableAsync(id, ct);
        if (dossier is null)
        {
            return Introuvable;
        }

        var maintenant = Maintenant;
        var etat = await EtatObligationAsync(dossier, ct);
        if (etat.Prochaine != EtapeObligation.Convocation)
        {
            erreurs.Ajouter("convocationRendezVous", dossier.ConvocationLe is { } deja
                ? $"La convocation a déjà été produite le {HeureParis.Jour(deja):dd/MM/yyyy} : imprimez-la depuis le lien du dossier."
                : $"La convocation n'est pas l'étape attendue : {etat.Explication}.");
        }
        else if (dossier.StructureId is null)
        {
            erreurs.Ajouter("convocationRendezVous", "Attribuez d'abord le dossier à une structure : la convocation donne son adresse.");
        }
        else if (rendezVous is null)
        {
            erreurs.Ajouter("convocationRendezVous", "Indiquez la date et l'heure du rendez-vous (JJ/MM/AAAA HH:MM).");
        }
        else if (rendezVous <= maintenant)
        {
            erreurs.Ajouter("convocationRendezVous", "Le rendez-vous de la convocation doit être dans le futur.");
        }
        else if (rendezVous > maintenant.AddDays(90))
        {
            erreurs.Ajouter("convocationRendezVous", "Le rendez-vous est trop loin : choisissez une date dans les trois mois.");
        }

        if (erreurs.Any)
        {
            return Resultat.Echec(erreurs);
        }

        return await EcrireAsync(async () =>
        {
            if (!await AvancerAsync(id, version, maintenant, u =>
            {
                u.SetProperty(j => j.ConvocationLe, maintenant);
                u.SetProperty(j => j.ConvocationRendezVous, rendezVous);
                u.SetProperty(j => j.ConvocationPar, Auteur);
            }, ct))
            {
                return false;
            }

            Evenement(id, NatureEvenement.Obligation, $"convocation du jeune et de son responsable légal produite (rendez-vous le {HeureParis.Date(rendezVous!.Value)})", maintenant);
            journal.Ajouter(Tracabilite.Modification, "dossier-suivi", Id(id), "obligation de formation : convocation produite");
            return true;
        }, ct);
    }

    /// <summary>
    /// Transmits the file to the président du conseil départemental: only once the delay after the convocation has run
    /// out with the obligation still not met. Records who and when; the document is then printed from its page.
    /// </summary>
    public async Task<Resultat> TransmettreAsync(int id, int version, CancellationToken ct = default)
    {
        var dossier = await ModifiableAsync(id, ct);
        if (dossier is null)
        {
            return Introuvable;
        }

        var maintenant = Maintenant;
        var etat = await EtatObligationAsync(dossier, ct);
        if (etat.Prochaine != EtapeObligation.Transmission)
        {
            return Resultat.Echec("transmission", dossier.TransmissionLe is { } deja
                ? $"Le dossier a déjà été transmis le {HeureParis.Jour(deja):dd/MM/yyyy}."
                : $"La transmission n'est pas l'étape attendue : {etat.Explication}.");
        }

        if (!etat.Due(HeureParis.Jour(maintenant)))
        {
            return Resultat.Echec("transmission", $"La transmission n'est possible qu'à partir du {etat.Echeance:dd/MM/yyyy}, si l'obligation n'est toujours pas satisfaite.");
        }

        return await EcrireAsync(async () =>
        {
            if (!await AvancerAsync(id, version, maintenant, u =>
            {
                u.SetProperty(j => j.TransmissionLe, maintenant);
                u.SetProperty(j => j.TransmissionPar, Auteur);
            }, ct))
            {
                return false;
            }

            Evenement(id, NatureEvenement.Obligation, "dossier transmis au président du conseil départemental (obligation de formation non satisfaite)", maintenant);
            journal.Ajouter(Tracabilite.Modification, "dossier-suivi", Id(id), "obligation de formation : transmission au président du conseil départemental");
            return true;
        }, ct);
    }
}
