using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Raccroche.Web.Features.Catalogue;

public static class CatalogueSetup
{
    /// <summary>The catalogue snapshot (search index and structure directory) that every reader of the catalogue shares, and its background rebuild.</summary>
    public static IServiceCollection AddCatalogue(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<InstantaneCatalogue>();
        services.AddSingleton<ModificationsCatalogueInterceptor>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<ModificationsCatalogueInterceptor>());
        services.AddOptions<CatalogueOptions>()
            .Bind(config.GetSection("Catalogue"))
            .Validate(o => o.CalmeMillisecondes >= 0 && o.NouvelEssaiSecondes >= 0,
                "Catalogue:CalmeMillisecondes and Catalogue:NouvelEssaiSecondes cannot be negative.")
            .Validate(o => o.VeilleSecondes is >= 1 and <= 60, "Catalogue:VeilleSecondes doit être compris entre 1 et 60.")
            .ValidateOnStart();
        services.AddHostedService<ReconstructionCatalogue>();

        // Changes saved by other instances (or verbs, or scripts) reach this one through the shared version row.
        services.AddSingleton<VeilleCatalogue>();
        if (config.GetValue("Catalogue:VeilleActive", true))
        {
            services.AddHostedService(sp => sp.GetRequiredService<VeilleCatalogue>());
        }

        return services;
    }
}
