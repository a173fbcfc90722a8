
namespace Raccroche.Web.Features.Comptes;

/// <summary>The structure admin's team: members, pending invitations, invite a colleague, remove a member.</summary>
[Authorize(Policy = ComptesSetup.PolitiquePro, Roles = Roles.AdminStructure)]
public sealed class EquipeModel(GestionComptes comptes, Habilitations h) : PageModel
{
    public IReadOnlyList<GestionComptes.Membre> Membres { get; private set; } = [];
    public IReadOnlyList<GestionComptes.InvitationEnCours> EnAttente { get; private set; } = [];
    [BindProperty] public string? Courriel { get; set; }
    [BindProperty] public string? Role { get; set; }
    public Erreurs Erreurs { get; } = new();
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await ChargerAsync(ct);

    public async Task<IActionResult> OnPostInviterAsync(CancellationToken ct)
    {
        if (Role is not (Roles.MembreStructure or Roles.AdminStructure))
        {
            Erreurs.Ajouter("role", "Choisissez « membre » ou « administrateur de la structure ».");
        }

        if (!Erreurs.Any)
        {
            var r = await comptes.InviterAsync(Courriel, Role, h.StructureId, null, ct);
            if (r.Reussi)
            {
                Message = $"Invitation envoyée à {Courriel!.Trim()}.";
                return RedirectToPage();
            }

            Erreurs.Ajouter(r.Erreurs);
        }

        await ChargerAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRetirerAsync(string? id, CancellationToken ct)
    {
        // Not a member of this admin's structure (or their own account): refused, and answered as if it did not exist.
        if (h.StructureId is not { } structure || await comptes.RetirerMembreAsync(id, structure, ct) is not { Reussi: true } r)
        {
            return NotFound();
        }

        Message = $"{r.Valeur} a été retiré·e de l'équipe.";
        return RedirectToPage();
    }

    private async Task ChargerAsync(CancellationToken ct)
    {
        Membres = await comptes.MembresAsync(h.StructureId, ct);
        EnAttente = await comptes.InvitationsAsync(h.StructureId, ct);
    }
}
