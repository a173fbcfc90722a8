namespace Raccroche.Web.Features.Decrocheurs;

public static class DecrocheursSetup
{
    /// <summary>Dropout tracking: SIEI livraisons, the young people they name, their case files and who may see them.</summary>
    public static IServiceCollection AddDecrocheurs(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<ConservationSuiviOptions>()
            .Bind(config.GetSection("Retention:Suivi"))
            .Validate(o => o.MoisApresCloture is >= ConservationSuiviOptions.Minimum and <= ConservationSuiviOptions.Maximum
                    && o.MoisApresDerniereLivraison is >= ConservationSuiviOptions.Minimum and <= ConservationSuiviOptions.Maximum,
                $"Retention:Suivi: MoisApresCloture and MoisApresDerniereLivraison must lie between {ConservationSuiviOptions.Minimum} and {ConservationSuiviOptions.Maximum} months.")
            .ValidateOnStart();
        services.AddHostedService<TacheTransferts>();
        return services
        .AddScoped<ImportSiei>()
        .AddScoped<TransfertsSuivi>()
        .AddScoped<ChargeSuivi>()
        .AddScoped<ConservationSuivi>()
        .AddScoped<AccesSuivi>()
        .AddScoped<ListeDossiers>()
        .AddScoped<DossiersSuivi>()
        .AddScoped<EquipeSuivi>()
        .AddScoped<AdministrationPsads>()
        .AddScoped<CorrespondancesPsad>();
    }
}
