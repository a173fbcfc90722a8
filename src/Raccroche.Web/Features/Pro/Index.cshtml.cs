using Raccroche.Web.Features.Comptes;
using Raccroche.Web.Features.Decrocheurs;
using Raccroche.Web.Features.Demandes;
using Raccroche.Web.Features.Fiches;
using Raccroche.Web.Features.Moderation;

namespace Raccroche.Web.Features.Pro;

/// <summary>The professional's dashboard: what needs doing, by role.</summary>
public sealed class IndexModel(Habilitations h, RaccrocheDbContext db, TimeProvider clock, AccesSuivi suivi) : PageModel
{
    /// <summary>Open case files this professional handles, and those nobody has acted on yet; null without a follow-up role.</summary>
    public (int Ouverts, int ATraiter)? Suivi { get; private set; }

    /// <summary>The regional administrator's view of the follow-up: counts per status, no young person.</summary>
    public IReadOnlyList<(StatutDossier Statut, int Nombre)> ComptagesSuivi { get; private set; } = [];

    public Habilitations H => h;
    public string? Structure { get; private set; }
    public int DemandesNouvelles { get; private set; }
    public int DemandesEnCours { get; private set; }
    public int FichesARevoir { get; private set; }
    public int RevisionsAValider { get; private set; }

    /// <summary>For an editor: the news items and events structures proposed, waiting for a decision.</summary>
    public (int Actualites, int Evenements) PropositionsAExaminer { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        DemandesNouvelles = await h.DemandesRecues().CountAsync(d => d.Statut == StatutDemande.Nouvelle, ct);
        DemandesEnCours = await h.DemandesRecues().CountAsync(d => d.ClotureLe == null, ct);
        if (h.StructureId is { } s && h.EstDeStructure)
        {
            Structure = await db.Structures.Where(x => x.Id == s).Select(x => x.Nom).FirstOrDefaultAsync(ct);
            var limite = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddMonths(-6);
            FichesARevoir = await db.Dispositifs.CountAsync(d => d.StructureId == s && d.DateMaj < limite, ct)
                + await db.Structures.CountAsync(x => x.Id == s && x.DateMaj < limite, ct);
        }

        if (await suivi.ParticipeAsync(ct))
        {
            var traites = await suivi.DossiersTraitesAsync(ct);
            Suivi = (
                await traites.CountAsync(j => j.Statut != StatutDossier.Cloture && j.Statut != StatutDossier.Transfere && j.Statut != StatutDossier.Annule, ct),
                await traites.CountAsync(j => j.NombreTentatives == 0 && (j.Statut == StatutDossier.AAttribuer || j.Statut == StatutDossier.AContacter), ct));
        }

        if (h.EstEditeur)
        {
            PropositionsAExaminer = (
                await db.Actualites.CountAsync(a => a.Statut == StatutModeration.Proposee, ct),
                await db.Evenements.CountAsync(e => e.Statut == StatutModeration.Proposee, ct));
        }

        if (h.EstAdminRegional)
        {
            ComptagesSuivi = [.. (await suivi.ComptagesAsync(ct)).GroupBy(c => c.Statut).OrderBy(g => g.Key).Select(g => (g.Key, g.Sum(c => c.Nombre)))];
            RevisionsAValider = await db.RevisionsFiche.CountAsync(r => r.Statut == StatutRevision.Soumise, ct);
        }
        else if (h.EstCoordinateur)
        {
            var territoire = (await h.StructuresDuTerritoireAsync(ct)).ToList();
            RevisionsAValider = await db.RevisionsFiche.CountAsync(r => r.Statut == StatutRevision.Soumise && territoire.Contains(r.StructureId), ct);
        }
    }
}
