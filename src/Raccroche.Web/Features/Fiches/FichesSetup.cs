namespace Raccroche.Web.Features.Fiches;

public static class FichesSetup
{
    /// <summary>Sheet drafts, submissions and their moderation (<see cref="EditionFiches"/>).</summary>
    public static IServiceCollection AddFiches(this IServiceCollection services) =>
        services.AddScoped<EditionFiches>();
}
