
namespace Raccroche.Web.Features.Retention;

/// <summary>Runs <see cref="Retention"/> shortly after start-up, then every <c>Retention:IntervalleHeures</c>.</summary>
public sealed class TacheRetention(IServiceScopeFactory scopes, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<TacheRetention> logger)
    : TachePeriodique(scopes, clock, logger)
{
    /// <summary>Lets start-up (migrations, index) finish first, and spares an instance that restarts in a loop.</summary>
    public static readonly TimeSpan PremierPassage = TimeSpan.FromMinutes(1);

    protected override string Nom => "Retention";

    protected override TimeSpan Intervalle => TimeSpan.FromHours(options.Value.IntervalleHeures);

    protected override TimeSpan PremierDelai => PremierPassage;

    protected override bool Demarrer()
    {
        if (!options.Value.Active)
        {
            logger.LogInformation("Retention job disabled (Retention:Active=false); use the 'retention' command instead");
        }

        return options.Value.Active;
    }

    protected override async Task ExecuterAsync(IServiceProvider services, CancellationToken ct) =>
        await services.GetRequiredService<Retention>().ExecuterAsync(ct: ct);
}

public static class RetentionSetup
{
    public static IServiceCollection AddRetention(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<RetentionOptions>()
            .Bind(config.GetSection("Retention"))
            .Validate(o => o.IntervalleHeures >= 1 && o.MoisApresCloture >= 1 && o.MoisSansActivite >= 1 && o.CourriersJours >= 1,
                "Retention: IntervalleHeures, MoisApresCloture, MoisSansActivite and CourriersJours must be at least 1.")
            .Validate(o => o.JournalMois > Math.Max(o.MoisApresCloture, o.MoisSansActivite) && o.JournalMois > config.GetValue("Retention:Suivi:MoisApresDerniereLivraison", 24),
                "Retention:JournalMois must be greater than MoisApresCloture, MoisSansActivite and Suivi:MoisApresDerniereLivraison: the audit trail outlives the data it describes.")
            .ValidateOnStart();
        services.AddScoped<Retention>();
        services.AddHostedService<TacheRetention>();
        return services;
    }
}
