using Microsoft.AspNetCore.Hosting;

namespace Raccroche.Tests.Outils;

/// <summary>
/// The settings every test host starts with (integration and browser alike). Background jobs are all off:
/// a test about one of them turns it back on with its key (<c>Reglages[ReglagesDeTest.EnvoiCourriers] = "true"</c>,
/// or <c>UseSetting</c> on its own host); the others call the job's service themselves, at the moment they choose.
/// </summary>
public static class ReglagesDeTest
{
    /// <summary>The outbox's sender, every <c>Mail:IntervalleSecondes</c> (and once at start-up).</summary>
    public const string EnvoiCourriers = "Mail:EnvoiActif";

    /// <summary>Reminders for stalled requests, every <c>Relances:IntervalleMinutes</c> (and once at start-up).</summary>
    public const string Relances = "Relances:Active";

    /// <summary>Retention, a minute after start-up then every <c>Retention:IntervalleHeures</c>.</summary>
    public const string Retention = "Retention:Active";

    /// <summary>Transfer requests unanswered for 10 days accepted, two minutes after start-up then hourly.</summary>
    public const string Transferts = "Transferts:Active";

    /// <summary>The SIEI imports confirmed on the import page, every two seconds.</summary>
    public const string ImportsSiei = "Decrocheurs:ImportsActifs";

    /// <summary>The SMS queue's sender, every <c>Sms:IntervalleSecondes</c>.</summary>
    public const string EnvoiSms = "Sms:EnvoiActif";

    /// <summary>Automatic reminders of case files, three minutes after start-up then every <c>RelancesSuivi:IntervalleMinutes</c>.</summary>
    public const string RelancesSuivi = "RelancesSuivi:Active";

    /// <summary>The programmes' outcomes: the nightly snapshot and its loading, a minute after start-up then every <c>Resultats:IntervalleMinutes</c>.</summary>
    public const string Resultats = "Resultats:Active";

    /// <summary>The weekly digest of the follow-up, from start-up then every <c>ResumeHebdomadaire:IntervalleMinutes</c>.</summary>
    public const string ResumeHebdomadaire = "ResumeHebdomadaire:Active";

    /// <summary>The check-ins' questions after a solution, four minutes after start-up then every <c>PointsSuivi:IntervalleMinutes</c>.</summary>
    public const string PointsSuivi = "PointsSuivi:Active";

    /// <summary>The watch of the catalogue version shared by the instances (a test host sees its own saves through the local marks).</summary>
    public const string VeilleCatalogue = "Catalogue:VeilleActive";

    /// <summary>The resources' stored files that no row names, removed five minutes after start-up then every 6 hours.</summary>
    public const string FichiersOrphelins = "Ressources:NettoyageActif";

    /// <summary>Every hosted service of the app, each with its off switch.</summary>
    public static readonly IReadOnlyList<string> TachesDeFond = [EnvoiCourriers, Relances, Retention, Transferts, ImportsSiei, EnvoiSms, RelancesSuivi, ResumeHebdomadaire, PointsSuivi, Resultats, VeilleCatalogue, FichiersOrphelins];

    /// <summary>Testing environment, quiet logs, generous rate limits, no background job.</summary>
    public static void Appliquer(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("RateLimiting:FormulairesParFenetre", "1000");
        builder.UseSetting("RateLimiting:ConnexionParFenetre", "1000");
        builder.UseSetting("RateLimiting:ConnexionParCompte", "1000");
        builder.UseSetting("RateLimiting:OrientationParFenetre", "1000");
        builder.UseSetting("RateLimiting:LienParFenetre", "1000");

        // Tests write case files and read the observatory at once: no reuse of a previous read's counts.
        builder.UseSetting("Observatoire:CacheSecondes", "0");
        foreach (var tache in TachesDeFond)
        {
            builder.UseSetting(tache, "false");
        }
    }
}
