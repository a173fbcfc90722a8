namespace Raccroche.Web.Features.Demandes;

public static class DemandesSetup
{
    /// <summary>Contact requests and referrals: creation, handling in the inbox, reminders.</summary>
    public static IServiceCollection AddDemandes(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<Recontact>();
        services.AddScoped<Traitement>();
        services.AddScoped<Relances>();
        if (config.GetValue("Relances:Active", true))
        {
            services.AddHostedService<RelancesPeriodiques>();
        }

        return services;
    }
}
