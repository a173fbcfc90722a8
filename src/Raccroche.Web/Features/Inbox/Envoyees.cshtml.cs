using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raccroche.Web.Data;
using Raccroche.Web.Features.Accounts;

namespace Raccroche.Web.Features.Inbox;

/// <summary>Referrals sent by the professional's structure, with what became of each (status only).</summary>
public sealed class EnvoyeesModel(Habilitations h, AppDbContext db) : PageModel
{
    public sealed record Ligne(int Id, string Reference, DateTime CreeLe, string Vers, string? Dispositif, string Statut, string? Emetteur);

    public IReadOnlyList<Ligne> Lignes { get; private set; } = [];

    public async Task<Microsoft.AspNetCore.Mvc.IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!(h.EstDeStructure || h.EstCoordinateur))
        {
            return NotFound();
        }

        var propre = h.EstDeStructure ? h.StructureId : null;
        var moi = h.UtilisateurId;
        Lignes = await db.DemandesContact
            .Where(d => (propre != null && d.StructureOrigineId == propre) || (propre == null && d.EmetteurId == moi))
            .OrderByDescending(d => d.CreeLe).Take(500)
            .Select(d => new Ligne(d.Id, d.Reference, d.CreeLe, d.Structure!.Nom, db.Dispositifs.Where(x => x.Id == d.DispositifId).Select(x => x.Nom).FirstOrDefault(), d.Statut, d.Emetteur))
            .ToListAsync(ct);
        return Page();
    }
}
