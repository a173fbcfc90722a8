
namespace Raccroche.Web.Features.Campagnes;

/// <summary>Counts only: visits, diagnostics completed, contact requests. No personal data.</summary>
public sealed class StatistiquesModel(RaccrocheDbContext db) : PageModel
{
    public Campagne Campagne { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        code = code.ToUpperInvariant();
        var c = Campagne.CodeValide(code) ? await db.Campagnes.AsNoTracking().FirstOrDefaultAsync(x => x.Code == code, ct) : null;
        if (c is null)
        {
            return NotFound();
        }

        Campagne = c;
        return Page();
    }
}
