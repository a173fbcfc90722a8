using Raccroche.Web.Features.Comptes;
using Raccroche.Web.Features.Demandes;

namespace Raccroche.Web.Features.Chiffres;

/// <summary>Figures per structure (counts and durations only): received, handled, median time to first contact.</summary>
public sealed class ChiffresModel(Habilitations h, TimeProvider clock) : PageModel
{
    public sealed record Ligne(string Structure, int Recues, int Traitees, int Closes, double? MedianeJours, int EnRetard);

    public IReadOnlyList<Ligne> Lignes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!(h.EstAdminRegional || h.EstCoordinateur || h.EstDeStructure))
        {
            return NotFound();
        }

        // Counts only: the regional administrator sees the whole region's, others what Habilitations lets them handle.
        var q = h.DemandesComptees();

        var limite = clock.GetUtcNow().UtcDateTime.AddDays(-Relances.JoursSansAction);
        var brut = await q.Select(d => new { d.StructureId, Nom = d.Structure!.Nom, d.Statut, d.CreeLe, d.PremierContactLe, d.ClotureLe, d.DernierMouvementLe }).ToListAsync(ct);
        Lignes = [.. brut.GroupBy(d => (d.StructureId, d.Nom)).Select(g =>
        {
            var delais = g.Where(d => d.PremierContactLe is not null).Select(d => (d.PremierContactLe!.Value - d.CreeLe).TotalDays).Order().ToList();
            return new Ligne(g.Key.Nom, g.Count(), g.Count(d => d.Statut != StatutDemande.Nouvelle), g.Count(d => d.ClotureLe != null), Mediane(delais),
                g.Count(d => d.ClotureLe == null && d.DernierMouvementLe < limite));
        }).OrderByDescending(l => l.Recues)];
        return Page();
    }

    /// <summary>Median of a list of durations (days), null when empty.</summary>
    public static double? Mediane(IReadOnlyList<double> triees) => triees.Count == 0 ? null
        : triees.Count % 2 == 1 ? triees[triees.Count / 2] : (triees[(triees.Count / 2) - 1] + triees[triees.Count / 2]) / 2;
}
