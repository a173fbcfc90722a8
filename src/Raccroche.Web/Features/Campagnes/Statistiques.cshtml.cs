
namespace Raccroche.Web.Features.Campagnes;

/// <summary>Counts only: visits, diagnostics completed, contact requests. No personal data.</summary>
public sealed class StatistiquesModel(RaccrocheDbContext db) : PageModel
{
    public Campagne Campagne { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await Campagne.TrouverAsync(db, code, ct) is not { } c)
        {
            return NotFound();
        }

        Campagne = c;
        return Page();
    }
}
