namespace Raccroche.Web.Features.Decrocheurs;

public static class DecrocheursSetup
{
    /// <summary>Dropout tracking: SIEI livraisons and the young people they name.</summary>
    public static IServiceCollection AddDecrocheurs(this IServiceCollection services) =>
        services.AddScoped<ImportSiei>();
}
