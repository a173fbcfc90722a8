using Raccroche.Web.Features.Comptes;
using Raccroche.Web.Features.Decrocheurs;

namespace Raccroche.Web.Features.Admin;

/// <summary>The regional administrator's list of PSADs: code, name, territory and counts (no young person's data).</summary>
[Authorize(Policy = ComptesSetup.PolitiquePro, Roles = Roles.AdminRegional)]
public sealed class PsadsModel(AdministrationPsads administration) : PageModel
{
    public IReadOnlyList<AdministrationPsads.Ligne> Lignes { get; private set; } = [];

    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Lignes = await administration.ListerAsync(ct);
}
