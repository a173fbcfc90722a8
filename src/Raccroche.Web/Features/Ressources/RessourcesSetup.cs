using Raccroche.Web.Features.Veille;

namespace Raccroche.Web.Features.Ressources;

/// <summary>
/// The resources library: <c>/ressources</c>, a page per resource and <c>/ressources/comprendre-le-decrochage</c> (Razor
/// Pages), the editors' pages under <c>/pro/ressources</c>, and the stored PDF files served here (decision 0023).
/// </summary>
public static class RessourcesSetup
{
    public static IServiceCollection AddRessources(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<RessourcesOptions>(config.GetSection(RessourcesOptions.Section));
        return services.AddSingleton<StockageRessources>();
    }

    public static WebApplication MapRessources(this WebApplication app)
    {
        app.MapMethods("/ressources/{id:int}/fichier", VeilleSetup.LectureEtTete, FichierAsync).ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// A published resource's PDF, as a download under its uploaded name: typed <c>application/pdf</c> whatever the browser
    /// thinks (nosniff, set for every answer), sandboxed should a browser render it inline. Anything else is a 404.
    /// </summary>
    private static async Task<IResult> FichierAsync(int id, HttpContext http, RaccrocheDbContext db, StockageRessources stockage, CancellationToken ct)
    {
        var r = await LectureRessources.Publiees(db).Where(x => x.Id == id && x.Fichier != null)
            .Select(x => new { x.Fichier, x.FichierNom, x.ModifieeLe }).FirstOrDefaultAsync(ct);
        var flux = stockage.Ouvrir(r?.Fichier);
        if (r is null || flux is null)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "sandbox";
        return TypedResults.File(flux, "application/pdf", StockageRessources.NomPropre(r.FichierNom),
            lastModified: DateTime.SpecifyKind(r.ModifieeLe, DateTimeKind.Utc), enableRangeProcessing: true);
    }
}
