namespace Raccroche.Web.Features.Decrocheurs;

public static class DecrocheursSetup
{
    /// <summary>Dropout tracking: SIEI livraisons, the young people they name, their case files and who may see them.</summary>
    public static IServiceCollection AddDecrocheurs(this IServiceCollection services) => services
        .AddScoped<ImportSiei>()
        .AddScoped<AccesSuivi>()
        .AddScoped<DossiersSuivi>()
        .AddScoped<EquipeSuivi>();
}
