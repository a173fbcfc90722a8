using Raccroche.Web.Features.Comptes;

namespace Raccroche.Web.Features.Admin;

/// <summary>The regional administrator's accounts page: every account, pending invitations, invite any role, remove an account.</summary>
[Authorize(Policy = ComptesSetup.PolitiquePro, Roles = Roles.AdminRegional)]
public sealed class ComptesModel(GestionComptes comptes, RaccrocheDbContext db) : PageComptesModel(comptes)
{
    public IReadOnlyList<(int Id, string Nom)> Structures { get; private set; } = [];
    [BindProperty] public int? StructureId { get; set; }
    [BindProperty] public string? Territoire { get; set; }

    public Task<IActionResult> OnPostInviterAsync(CancellationToken ct) => InviterAsync(StructureId, Territoire, ct);

    public async Task<IActionResult> OnPostRetirerAsync(string? id, CancellationToken ct)
    {
        var r = await Comptes.RetirerCompteAsync(id, ct);
        if (!r.Reussi)
        {
            return NotFound();
        }

        Message = $"Le compte de {r.Valeur} a été retiré.";
        return RedirectToPage();
    }

    protected override async Task ChargerAsync(CancellationToken ct)
    {
        Membres = await Comptes.MembresAsync(null, ct);
        EnAttente = await Comptes.InvitationsAsync(null, ct);
        Structures = [.. (await db.Structures.AsNoTracking().OrderBy(s => s.Nom).Select(s => new { s.Id, s.Nom }).ToListAsync(ct)).Select(s => (s.Id, s.Nom))];
    }
}
