namespace Raccroche.Web.Commun;

/// <summary>
/// A background job run on a schedule: after <see cref="PremierDelai"/>, then every <see cref="Intervalle"/>, each run in a
/// scope of its own. A failed run is logged and the next one comes on time; stopping the host cancels the run in progress
/// and the wait. Delays and ticks follow the injected <see cref="TimeProvider"/>.
/// </summary>
public abstract class TachePeriodique(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>The name of the job in the logs.</summary>
    protected abstract string Nom { get; }

    /// <summary>Between the start of two runs.</summary>
    protected abstract TimeSpan Intervalle { get; }

    /// <summary>Before the first run (none by default: the first run comes at start-up).</summary>
    protected virtual TimeSpan PremierDelai => TimeSpan.Zero;

    /// <summary>False when the job is switched off by configuration: it never runs (say why in the log).</summary>
    protected virtual bool Demarrer() => true;

    /// <summary>One run, with the services of its own scope.</summary>
    protected abstract Task ExecuterAsync(IServiceProvider services, CancellationToken ct);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Demarrer())
        {
            return;
        }

        var intervalle = Intervalle;
        if (PremierDelai > TimeSpan.Zero)
        {
            await Task.Delay(PremierDelai, clock, stoppingToken);
        }

        using var timer = new PeriodicTimer(intervalle, clock);
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                await ExecuterAsync(scope.ServiceProvider, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "{Job} run failed; next run in {Interval}", Nom, intervalle);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
