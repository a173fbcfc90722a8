using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Raccroche.Web.Features.Catalogue;

public static class CatalogueSetup
{
    /// <summary>The catalogue snapshot (search index and structure directory) that every reader of the catalogue shares.</summary>
    public static IServiceCollection AddCatalogue(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<InstantaneCatalogue>();
        services.AddSingleton<ModificationsCatalogueInterceptor>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<ModificationsCatalogueInterceptor>());
        services.Configure<CarteOptions>(config.GetSection("Map"));
        return services;
    }
}
