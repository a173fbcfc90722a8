
namespace Raccroche.Web.Features.Campagnes;

/// <summary>
/// A print-ready A4 poster: a call to action, the QR code (inline SVG) and the short address, on the
/// configured public address (App:UrlPublique), whatever Host header the request came with.
/// </summary>
public sealed class AfficheModel(RaccrocheDbContext db, IConfiguration config) : PageModel
{
    public Campagne Campagne { get; private set; } = null!;
    public string Adresse { get; private set; } = "";
    public string Svg { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await Campagne.TrouverAsync(db, code, ct) is not { } c)
        {
            return NotFound();
        }

        Campagne = c;
        Adresse = $"{config.UrlPublique()}/d/{c.Code}";
        Svg = Qr.Svg(Adresse);
        return Page();
    }
}
