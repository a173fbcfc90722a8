using Raccroche.Web.Features.Comptes;

namespace Raccroche.Web.Features.Admin;

/// <summary>The regional administrator's accounts page: every account, pending invitations, invite any role, remove an account.</summary>
[Authorize(Policy = ComptesSetup.PolitiquePro, Roles = Roles.AdminRegional)]
public sealed class ComptesModel(GestionComptes comptes, RaccrocheDbContext db) : PageModel
{
    public IReadOnlyList<GestionComptes.Membre> Membres { get; private set; } = [];
    public IReadOnlyList<GestionComptes.InvitationEnCours> EnAttente { get; private set; } = [];
    public IReadOnlyList<(int Id, string Nom)> Structures { get; private set; } = [];
    [BindProperty] public string? Courriel { get; set; }
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public int? StructureId { get; set; }
    [BindProperty] public string? Territoire { get; set; }
    public Erreurs Erreurs { get; } = new();
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await ChargerAsync(ct);

    public async Task<IActionResult> OnPostInviterAsync(CancellationToken ct)
    {
        var r = await comptes.InviterAsync(Courriel, Role, StructureId, Territoire, ct);
        if (r.Reussi)
        {
            Message = $"Invitation envoyée à {Courriel!.Trim()}.";
            return RedirectToPage();
        }

        Erreurs.Ajouter(r.Erreurs);

        await ChargerAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRetirerAsync(string? id, CancellationToken ct)
    {
        var r = await comptes.RetirerCompteAsync(id, ct);
        if (!r.Reussi)
        {
            return NotFound();
        }

        Message = $"Le compte de {r.Valeur} a été retiré.";
        return RedirectToPage();
    }

    private async Task ChargerAsync(CancellationToken ct)
    {
        Membres = await comptes.MembresAsync(null, ct);
        EnAttente = await comptes.InvitationsAsync(null, ct);
        Structures = [.. (await db.Structures.AsNoTracking().OrderBy(s => s.Nom).Select(s => new { s.Id, s.Nom }).ToListAsync(ct)).Select(s => (s.Id, s.Nom))];
    }
}
