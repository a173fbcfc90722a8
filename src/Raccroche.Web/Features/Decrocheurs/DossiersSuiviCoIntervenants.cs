using Raccroche.Web.Features.Journal;

namespace Raccroche.Web.Features.Decrocheurs;

/// <summary>
/// Co-intervenants of a case file (<see cref="CoIntervention"/>): added and removed by those who handle the file (a
/// coordinator of its PSAD, a référent of the assigned structure), among the PSAD's partner structures, with a coded reason;
/// the file's guarded UPDATE (its version), the history line and the audit line in one transaction, like every other change.
/// </summary>
public sealed partial class DossiersSuivi
{
    /// <summary>A partner structure of the file's PSAD starts following the young person too (read-only for its référents).</summary>
    public async Task<Resultat> AjouterCoIntervenantAsync(int id, int version, int? structureId, MotifCoIntervention? motif, CancellationToken ct = default)
    {
        var erreurs = new Erreurs();
        var dossier = await ModifiableAsync(id, ct);
        if (dossier is null)
        {
            return Introuvable;
        }

        if (CycleDossier.EstFinal(dossier.Statut))
        {
            return Resultat.Echec("coStructure", $"Ce dossier est {dossier.Statut.Libelle().ToLowerInvariant()} : il ne reçoit plus de co-intervenant.");
        }

        string? nom = null;
        if (structureId is null)
        {
            erreurs.Ajouter("coStructure", "Choisissez la structure partenaire qui suit aussi ce jeune.");
        }
        else if (structureId == dossier.StructureId)
        {
            erreurs.Ajouter("coStructure", "Cette structure suit déjà le dossier : c'est la structure à laquelle il est attribué.");
        }
        else if ((nom = await db.Set<PartenairePsad>().Where(p => p.PsadId == dossier.PsadId && p.StructureId == structureId).Select(p => p.Structure!.Nom).FirstOrDefaultAsync(ct)) is null)
        {
            erreurs.Ajouter("coStructure", "Cette structure n'est pas partenaire de la PSAD de ce dossier.");
        }
        else if (await db.CoInterventions.AnyAsync(c => c.JeuneSuiviId == id && c.StructureId == structureId && c.FinLe == null, ct))
        {
            erreurs.Ajouter("coStructure", "Cette structure est déjà co-intervenante sur ce dossier.");
        }

        if (motif is null)
        {
            erreurs.Ajouter("coMotif", "Choisissez pourquoi cette structure suit aussi le jeune.");
        }

        if (erreurs.Any)
        {
            return Resultat.Echec(erreurs);
        }

        var maintenant = Maintenant;
        return await EcrireAsync(async () =>
        {
            // The version only: adding a co-intervenant is not news from the young person (the silence and reminder clocks go on).
            if (await (await CibleAsync(id, version, ct)).ExecuteUpdateAsync(u => u.SetProperty(j => j.Version, j => j.Version + 1), ct) == 0)
            {
                return false;
            }

            db.CoInterventions.Add(new CoIntervention { JeuneSuiviId = id, StructureId = structureId!.Value, Motif = motif!.Value, DebutLe = maintenant, DebutPar = Auteur });
            Evenement(id, NatureEvenement.CoIntervention, $"{nom} suit aussi le jeune : {motif.Value.Libelle().ToLowerInvariant()}", maintenant);
            journal.Ajouter(Tracabilite.Modification, "dossier-suivi", Id(id), $"co-intervenant ajouté : structure {structureId} ({motif.Value.Code()})");
            return true;
        }, ct);
    }

    /// <summary>A co-intervenant stops following the file: its référents lose access at once; the period stays in the history.</summary>
    public async Task<Resultat> RetirerCoIntervenantAsync(int id, int version, long coInterventionId, MotifFinCoIntervention? motif, CancellationToken ct = default)
    {
        var dossier = await ModifiableAsync(id, ct);
        if (dossier is null)
        {
            return Introuvable;
        }

        var champ = $"co-{coInterventionId}";
        var co = await db.CoInterventions.AsNoTracking().Where(c => c.Id == coInterventionId && c.JeuneSuiviId == id && c.FinLe == null)
            .Select(c => new { c.StructureId, Nom = db.Structures.Where(s => s.Id == c.StructureId).Select(s => s.Nom).FirstOrDefault() }).FirstOrDefaultAsync(ct);
        if (co is null)
        {
            return Resultat.Echec(champ, "Cette structure n'est déjà plus co-intervenante sur ce dossier.");
        }

        if (motif is null or MotifFinCoIntervention.Transfert)
        {
            return Resultat.Echec(champ, "Choisissez pourquoi cette structure ne suit plus le jeune.");
        }

        var maintenant = Maintenant;
        return await EcrireAsync(async () =>
        {
            if (await (await CibleAsync(id, version, ct)).ExecuteUpdateAsync(u => u.SetProperty(j => j.Version, j => j.Version + 1), ct) == 0
                || await db.CoInterventions.Where(c => c.Id == coInterventionId && c.FinLe == null)
                    .ExecuteUpdateAsync(u => u.SetProperty(c => c.FinLe, maintenant).SetProperty(c => c.FinPar, Auteur).SetProperty(c => c.MotifFin, motif), ct) == 0)
            {
                return false;
            }

            Evenement(id, NatureEvenement.CoIntervention, $"{co.Nom ?? "la structure"} ne suit plus le jeune : {motif.Value.Libelle().ToLowerInvariant()}", maintenant);
            journal.Ajouter(Tracabilite.Modification, "dossier-suivi", Id(id), $"co-intervenant retiré : structure {co.StructureId} ({motif.Value.Code()})");
            return true;
        }, ct);
    }
}
