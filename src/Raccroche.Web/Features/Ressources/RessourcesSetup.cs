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
        if (config.GetValue("Ressources:NettoyageActif", true))
        {
            services.AddHostedService<TacheFichiersOrphelins>();
        }

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

/// <summary>
/// Every 6 hours, the stored PDF files that no resource names and older than an hour go (a crash between the file and its
/// row). Every instance cleans the folder it sees: a deletion twice over is harmless.
/// </summary>
public sealed class TacheFichiersOrphelins(IServiceScopeFactory scopes, TimeProvider clock, ILogger<TacheFichiersOrphelins> logger)
    : TachePeriodique(scopes, clock, logger)
{
    public static readonly TimeSpan Age = TimeSpan.FromHours(1);

    protected override string Nom => "Orphan resource files";

    protected override TimeSpan Intervalle => TimeSpan.FromHours(6);

    protected override TimeSpan PremierDelai => TimeSpan.FromMinutes(5);

    protected override bool UneSeuleInstance => false;

    protected override async Task ExecuterAsync(IServiceProvider services, CancellationToken ct)
    {
        var n = await services.GetRequiredService<StockageRessources>().NettoyerOrphelinsAsync(
            services.GetRequiredService<RaccrocheDbContext>(), Age, services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, ct);
        if (n > 0)
        {
            logger.LogInformation("{Count} orphan resource file(s) removed", n);
        }
    }
}
