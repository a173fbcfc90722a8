using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raccroche.Web.Data;

namespace Raccroche.Web.Features.Campagnes;

/// <summary>A print-ready A4 poster: a call to action, the QR code (inline SVG) and the short address.</summary>
public sealed class AfficheModel(AppDbContext db) : PageModel
{
    public Campagne Campagne { get; private set; } = null!;
    public string Adresse { get; private set; } = "";
    public string Svg { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        code = code.ToUpperInvariant();
        var c = Campagne.CodeValide(code) ? await db.Campagnes.AsNoTracking().FirstOrDefaultAsync(x => x.Code == code, ct) : null;
        if (c is null)
        {
            return NotFound();
        }

        Campagne = c;
        Adresse = $"{Request.Scheme}://{Request.Host}/d/{c.Code}";
        Svg = Shared.Qr.Svg(Adresse);
        return Page();
    }
}
