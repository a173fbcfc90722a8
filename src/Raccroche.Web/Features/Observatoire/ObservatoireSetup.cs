namespace Raccroche.Web.Features.Observatoire;

/// <summary>The observatory's settings (section <c>Observatoire</c>).</summary>
public sealed class ObservatoireOptions
{
    public const string Section = "Observatoire";

    /// <summary>Counts from 1 to this minus one are secret (default 11: "&lt; 11").</summary>
    public int SeuilEffectif { get; set; } = 11;

    /// <summary>Rates need at least this denominator (default 20).</summary>
    public int DenominateurMinimum { get; set; } = 20;

    /// <summary>How long the year's grouped counts are reused before being read again (default 60 s; 0: every request).</summary>
    public int CacheSecondes { get; set; } = 60;

    public ReglesSecret Regles => new() { SeuilEffectif = SeuilEffectif, DenominateurMinimum = DenominateurMinimum };
}

public static class ObservatoireSetup
{
    /// <summary>The observatory (being built, issue "Observatoire"): its settings; the statistical secrecy is pure code.</summary>
    public static IServiceCollection AddObservatoire(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<ObservatoireOptions>().Bind(config.GetSection(ObservatoireOptions.Section))
            .Validate(o => o.SeuilEffectif is >= 2 and <= 100 && o.DenominateurMinimum is >= 1 and <= 1000 && o.CacheSecondes is >= 0 and <= 3600,
                "Observatoire: SeuilEffectif must be between 2 and 100, DenominateurMinimum between 1 and 1000, CacheSecondes between 0 and 3600.")
            .ValidateOnStart();
        services.AddScoped<CalculIndicateurs>();
        services.AddScoped<CalculDelais>();
        services.AddSingleton<CacheObservatoire>();
        services.AddScoped<ImportValeursExternes>();
        services.AddScoped<ChiffresDeContexte>();
        return services;
    }
}
