using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QRCoder;
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
        using var generateur = new QRCodeGenerator();
        using var data = generateur.CreateQrCode(Adresse, QRCodeGenerator.ECCLevel.M);
        Svg = new SvgQRCode(data).GetGraphic(10, "#000000", "#ffffff", drawQuietZones: true);
        return Page();
    }
}
