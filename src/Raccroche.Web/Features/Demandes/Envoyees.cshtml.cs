using Raccroche.Web.Features.Comptes;
using Raccroche.Web.Features.Journal;

namespace Raccroche.Web.Features.Demandes;

/// <summary>Referrals sent by the professional's structure, with what became of each (status only).</summary>
public sealed class EnvoyeesModel(Habilitations h, RaccrocheDbContext db, Tracabilite journal) : PageModel
{
    public sealed record Ligne(int Id, string Reference, DateTime CreeLe, string Vers, string? Dispositif, StatutDemande Statut, string? Emetteur);

    public IReadOnlyList<Ligne> Lignes { get; private set; } = [];

    public async Task<Microsoft.AspNetCore.Mvc.IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!(h.EstDeStructure || h.EstCoordinateur))
        {
            return NotFound();
        }

        Lignes = await h.DemandesEnvoyees()
            .OrderByDescending(d => d.CreeLe).Take(500)
            .Select(d => new Ligne(d.Id, d.Reference, d.CreeLe, d.Structure!.Nom, db.Dispositifs.Where(x => x.Id == d.DispositifId).Select(x => x.Nom).FirstOrDefault(), d.Statut, d.Emetteur))
            .ToListAsync(ct);
        await journal.EcrireAsync(Tracabilite.Lecture, "demandes", "envoyees", $"liste des orientations envoyées ({Lignes.Count}) : {string.Join(", ", Lignes.Select(l => l.Reference))}", ct: ct);
        return Page();
    }
}
