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
            .ValidateOnStart();
        services.AddHostedService<ReconstructionCatalogue>();
        return services;
    }
}
