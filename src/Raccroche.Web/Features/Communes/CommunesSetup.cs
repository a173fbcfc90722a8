namespace Raccroche.Web.Features.Communes;

public static class CommunesSetup
{
    /// <summary>The communes of the official file, shared by every feature that resolves a place.</summary>
    public static IServiceCollection AddCommunes(this IServiceCollection services) =>
        services.AddSingleton<ReferentielCommunes>();
}
