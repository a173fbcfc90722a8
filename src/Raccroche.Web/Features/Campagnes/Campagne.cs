
namespace Raccroche.Web.Features.Campagnes;

/// <summary>
/// An outreach campaign (posters, flyers, stickers with a QR code) leading to the diagnostic. It only
/// counts: visits, diagnostics completed, contact requests. Never who.
/// </summary>
public sealed class Campagne
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Nom { get; set; }
    public required string Territoire { get; set; }

    /// <summary>When set, contact requests from this campaign go to this structure.</summary>
    public int? StructureId { get; set; }
    public DateOnly Debut { get; set; }
    public DateOnly? Fin { get; set; }
    public int Visites { get; set; }
    public int Diagnostics { get; set; }
    public int Demandes { get; set; }

    public bool Active(DateOnly jour) => Debut <= jour && (Fin is null || jour <= Fin);

    /// <summary>Six characters without look-alikes, short enough to type from a poster.</summary>
    public static string NouveauCode() => Codes.Aleatoire(6);

    public static bool CodeValide(string? code) =>
        code is { Length: 6 } && code.All(c => c is (>= 'A' and <= 'Z') or (>= '2' and <= '9'));

    /// <summary>The campaign of a code as typed in a URL (any case), or null when the code is malformed or unknown.</summary>
    public static async Task<Campagne?> TrouverAsync(RaccrocheDbContext db, string code, CancellationToken ct)
    {
        code = code.ToUpperInvariant();
        return CodeValide(code) ? await db.Campagnes.AsNoTracking().FirstOrDefaultAsync(x => x.Code == code, ct) : null;
    }
}

/// <summary>Atomic counters (one UPDATE each), so that concurrent visitors never lose a count.</summary>
public static class Compteurs
{
    public static Task VisiteAsync(RaccrocheDbContext db, string code, CancellationToken ct) =>
        db.Campagnes.Where(c => c.Code == code).ExecuteUpdateAsync(s => s.SetProperty(c => c.Visites, c => c.Visites + 1), ct);

    public static Task DiagnosticAsync(RaccrocheDbContext db, string code, CancellationToken ct) =>
        db.Campagnes.Where(c => c.Code == code).ExecuteUpdateAsync(s => s.SetProperty(c => c.Diagnostics, c => c.Diagnostics + 1), ct);

    public static Task DemandeAsync(RaccrocheDbContext db, string code, CancellationToken ct) =>
        db.Campagnes.Where(c => c.Code == code).ExecuteUpdateAsync(s => s.SetProperty(c => c.Demandes, c => c.Demandes + 1), ct);
}
