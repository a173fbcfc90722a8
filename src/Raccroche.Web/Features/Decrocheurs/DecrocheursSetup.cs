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
        if (config.GetValue("Transferts:Active", true))
        {
            services.AddHostedService<TacheTransferts>();
        }

        // Imports confirmed on the page run outside the request (progress on /pro/decrocheurs/import/{depot}).
        if (config.GetValue("Decrocheurs:ImportsActifs", true))
        {
            services.AddHostedService<TacheImportsSiei>();
        }

        // Reminders of files left "à contacter" or "contact en cours", for PSADs that turned them on (08:00-20:00 only).
        if (config.GetValue("RelancesSuivi:Active", true))
        {
            services.AddHostedService<TacheRelancesSuivi>();
        }

        // The weekly digest (counts and links, no personal data), once a week from Monday 07:00 Paris by default.
        services.AddOptions<ResumeHebdomadaireOptions>()
            .Bind(config.GetSection("ResumeHebdomadaire"))
            .Validate(o => o.IntervalleMinutes is >= 1 and <= 60, "ResumeHebdomadaire:IntervalleMinutes doit être compris entre 1 et 60.")
            .ValidateOnStart();
        if (config.GetValue("ResumeHebdomadaire:Active", true))
        {
            services.AddHostedService<TacheResumeHebdomadaire>();
        }

        // The check-ins' questions to young people after a solution (08:00-20:00 only, once per check-in).
        if (config.GetValue("PointsSuivi:Active", true))
        {
            services.AddHostedService<TachePointsSuivi>();
        }

        return services
        .AddScoped<ResumeHebdomadaire>()
        .AddScoped<MessagesJeune>()
        .AddScoped<EnvoiPointsSuivi>()
        .AddScoped<RelancesSuivi>()
        .AddScoped<ReponsesJeune>()
        .AddSingleton<AvancementsImports>()
        .AddSingleton<ImportsDemandes>()
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
