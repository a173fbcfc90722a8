namespace Raccroche.Web.Features.Journal;

public static class JournalSetup
{
    /// <summary>The audit trail of accesses to young people's data (<see cref="Tracabilite"/>).</summary>
    public static IServiceCollection AddJournal(this IServiceCollection services) =>
        services.AddScoped<Tracabilite>();
}
