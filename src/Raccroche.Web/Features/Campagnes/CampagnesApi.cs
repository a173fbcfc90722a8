
namespace Raccroche.Web.Features.Campagnes;

public static class CampagnesApi
{
    /// <summary>
    /// <c>/d/{code}</c>: the address printed under the QR code. An active campaign counts the visit and
    /// tags the diagnostic; an unknown or finished one still leads to the diagnostic, untagged.
    /// </summary>
    public static IEndpointRouteBuilder MapCampagnes(this IEndpointRouteBuilder app)
    {
        app.MapGet("/d/{code}", async (string code, RaccrocheDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            code = code.ToUpperInvariant();
            var jour = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var campagne = Campagne.CodeValide(code)
                ? await db.Campagnes.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, ct)
                : null;
            if (campagne is null || !campagne.Active(jour))
            {
                return Results.Redirect("/diagnostic");
            }

            await Compteurs.VisiteAsync(db, code, ct);
            return Results.Redirect($"/diagnostic?campagne={code}");
        }).ExcludeFromDescription();
        return app;
    }
}
