namespace Raccroche.Web.Features.Moderation;

public static class ModerationSetup
{
    /// <summary>The moderation shared by the observatory's editorial contents (veille, agenda…).</summary>
    public static IServiceCollection AddModeration(this IServiceCollection services) => services.AddScoped<ModerationContenus>();
}
