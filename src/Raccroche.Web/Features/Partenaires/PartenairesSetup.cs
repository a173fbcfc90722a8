namespace Raccroche.Web.Features.Partenaires;

/// <summary>
/// The partners' directory: <c>/partenaires</c> and a page per partner (Razor Pages), the editors' pages under
/// <c>/pro/partenaires</c> (decision 0023).
/// </summary>
public static class PartenairesSetup
{
    /// <summary>Nothing to register beyond the pages and the moderation: the reads are queries on the context.</summary>
    public static IServiceCollection AddPartenaires(this IServiceCollection services) => services;
}
