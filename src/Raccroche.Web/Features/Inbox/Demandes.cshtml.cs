using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raccroche.Web.Features.Accounts;

namespace Raccroche.Web.Features.Inbox;

/// <summary>The inbox: requests received by the structures this professional follows. No names here: opening one is a recorded read.</summary>
public sealed class DemandesModel(Habilitations h, TimeProvider clock) : PageModel
{
    public sealed record Ligne(int Id, string Reference, DateTime CreeLe, string Origine, string Structure, string? Dispositif, int? Age, string Statut, DateTime DernierMouvementLe, bool EnRetard);

    public IReadOnlyList<Ligne> Lignes { get; private set; } = [];
    public string Filtre { get; private set; } = "ouvertes";

    public async Task<Microsoft.AspNetCore.Mvc.IActionResult> OnGetAsync(string? filtre, CancellationToken ct)
    {
        if (!(h.EstDeStructure || h.EstCoordinateur))
        {
            return NotFound();
        }

        Filtre = filtre is "closes" or "toutes" ? filtre : "ouvertes";
        var suivies = (await h.StructuresSuiviesAsync(ct)).ToList();
        var q = (await h.DemandesVisiblesAsync(ct)).Where(d => suivies.Contains(d.StructureId));
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
        return Page();
    }
}
