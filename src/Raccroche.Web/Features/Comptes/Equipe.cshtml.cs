
namespace Raccroche.Web.Features.Comptes;

/// <summary>The structure admin's team: members, pending invitations, invite a colleague, remove a member.</summary>
[Authorize(Policy = ComptesSetup.PolitiquePro, Roles = Roles.AdminStructure)]
public sealed class EquipeModel(GestionComptes comptes, Habilitations h) : PageComptesModel(comptes)
{
    public Task<IActionResult> OnPostInviterAsync(CancellationToken ct)
    {
        if (Role is not (Roles.MembreStructure or Roles.AdminStructure))
        {
            Erreurs.Ajouter("role", "Choisissez « membre » ou « administrateur de la structure ».");
        }

        return InviterAsync(h.StructureId, null, ct);
    }

    public async Task<IActionResult> OnPostRetirerAsync(string? id, CancellationToken ct)
    {
        // Not a member of this admin's structure (or their own account): refused, and answered as if it did not exist.
        if (h.StructureId is not { } structure || await Comptes.RetirerMembreAsync(id, structure, ct) is not { Reussi: true } r)
        {
            return NotFound();
        }

        Message = $"{r.Valeur} a été retiré·e de l'équipe.";
        return RedirectToPage();
    }

    protected override async Task ChargerAsync(CancellationToken ct)
    {
        Membres = await Comptes.MembresAsync(h.StructureId, ct);
        EnAttente = await Comptes.InvitationsAsync(h.StructureId, ct);
    }
}
