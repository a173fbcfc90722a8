namespace Raccroche.Web.Features.Comptes;

/// <summary>
/// What the two account pages share (the regional administrator's accounts, a structure's team): the list of accounts and
/// pending invitations, and inviting someone, through <see cref="GestionComptes"/>.
/// </summary>
public abstract class PageComptesModel(GestionComptes comptes) : PageModel
{
    /// <summary>The account commands, for the pages' own handlers.</summary>
    protected GestionComptes Comptes => comptes;

    public IReadOnlyList<GestionComptes.Membre> Membres { get; protected set; } = [];
    public IReadOnlyList<GestionComptes.InvitationEnCours> EnAttente { get; protected set; } = [];
    [BindProperty] public string? Courriel { get; set; }
    [BindProperty] public string? Role { get; set; }
    public Erreurs Erreurs { get; } = new();
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await ChargerAsync(ct);

    /// <summary>Loads what the page shows (also after a refused post).</summary>
    protected abstract Task ChargerAsync(CancellationToken ct);

    /// <summary>Sends the invitation, or shows the page again with the French messages of what was refused.</summary>
    protected async Task<IActionResult> InviterAsync(int? structureId, string? territoire, CancellationToken ct)
    {
        if (!Erreurs.Any)
        {
            var r = await comptes.InviterAsync(Courriel, Role, structureId, territoire, ct);
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
}
