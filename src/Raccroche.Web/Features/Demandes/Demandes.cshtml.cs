using Raccroche.Web.Features.Comptes;
using Raccroche.Web.Features.Journal;

namespace Raccroche.Web.Features.Demandes;

/// <summary>The inbox: requests received that this professional handles (<see cref="VisibiliteDemandes.DemandesRecues"/>). No names here; the list and each opening are recorded reads.</summary>
public sealed class DemandesModel(Habilitations h, Tracabilite journal, TimeProvider clock) : PageModel
{
    public sealed record Ligne(int Id, string Reference, DateTime CreeLe, OrigineDemande Origine, string Structure, string? Dispositif, int? Age, StatutDemande Statut, DateTime DernierMouvementLe, bool EnRetard);

    public IReadOnlyList<Ligne> Lignes { get; private set; } = [];
    public string Filtre { get; private set; } = "ouvertes";

    public async Task<Microsoft.AspNetCore.Mvc.IActionResult> OnGetAsync(string? filtre, CancellationToken ct)
    {
        if (!(h.EstDeStructure || h.EstCoordinateur))
        {
            return NotFound();
        }

        Filtre = filtre is "closes" or "toutes" ? filtre : "ouvertes";
        var q = h.DemandesRecues();
        q = Filtre switch
        {
            "closes" => q.Where(d => d.ClotureLe != null),
            "toutes" => q,
            _ => q.Where(d => d.ClotureLe == null),
        };
        var limite = clock.GetUtcNow().UtcDateTime.AddDays(-Relances.JoursSansAction);
        var lignes = await q.OrderByDescending(d => d.CreeLe).Take(500)
            .Select(d => new { d.Id, d.Reference, d.CreeLe, d.Origine, Structure = d.Structure!.Nom, d.DispositifId, d.Age, d.Statut, d.DernierMouvementLe, d.ClotureLe })
            .ToListAsync(ct);
        Lignes = [.. lignes.Select(d => new Ligne(d.Id, d.Reference, d.CreeLe, d.Origine, d.Structure, null, d.Age, d.Statut, d.DernierMouvementLe, d.ClotureLe == null && d.DernierMouvementLe < limite))];

        // References and ages of young people are on screen: the display is a read, recorded with what was listed.
        await journal.EcrireAsync(Tracabilite.Lecture, "demandes", Filtre, $"liste des demandes reçues ({Lignes.Count}) : {string.Join(", ", Lignes.Select(l => l.Reference))}", ct: ct);
        return Page();
    }
}
