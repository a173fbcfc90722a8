namespace Raccroche.Web.Commun;

/// <summary>
/// A background job run on a schedule: after <see cref="PremierDelai"/>, then every <see cref="Intervalle"/>, each run in a
/// scope of its own. A failed run is logged and the next one comes on time; stopping the host cancels the run in progress
/// and the wait. Delays and ticks follow the injected <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>
/// Several instances may run the app on one database: unless <see cref="UneSeuleInstance"/> is false, a run happens only on
/// the instance that holds the job's lease (<see cref="BauxTaches"/>, key <see cref="CleBail"/>). The holder keeps it from one
/// run to the next (each run renews it for <see cref="DureeBail"/>, and every third of that while it runs); another instance
/// takes it over once it expires (the holder died) or is given back (the holder stopped).
/// </remarks>
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

    /// <summary>False for a job every instance runs for itself (loading something into its memory).</summary>
    protected virtual bool UneSeuleInstance => true;

    /// <summary>The job's lease among the instances.</summary>
    protected virtual string CleBail => GetType().Name;

    /// <summary>
    /// How long a lease lasts without renewal: an interval and a margin (half an interval, from 30 s to 10 min), so that the
    /// holder renews it at each run and another instance takes over at most that long after the holder died.
    /// </summary>
    protected virtual TimeSpan DureeBail => Intervalle + TimeSpan.FromTicks(Math.Clamp(Intervalle.Ticks / 2, TimeSpan.FromSeconds(30).Ticks, TimeSpan.FromMinutes(10).Ticks));

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
        var tenu = false;
        try
        {
            do
            {
                try
                {
                    using var scope = scopes.CreateScope();
                    var mesures = scope.ServiceProvider.GetService<Mesures>();
                    Task Executer(CancellationToken ct) => mesures is null
                        ? ExecuterAsync(scope.ServiceProvider, ct)
                        : mesures.MesurerAsync(CleBail, () => ExecuterAsync(scope.ServiceProvider, ct));
                    if (!UneSeuleInstance)
                    {
                        await Executer(stoppingToken);
                    }
                    else
                    {
                        tenu |= await BauxTaches.ExecuterSeulAsync(scopes, CleBail, DureeBail, Executer, stoppingToken);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(ex, "{Job} run failed; next run in {Interval}", Nom, intervalle);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        finally
        {
            if (tenu)
            {
                await RelacherAsync();
            }
        }
    }

    /// <summary>On shutdown, the lease goes back at once so that another instance need not wait for its expiry.</summary>
    private async Task RelacherAsync()
    {
        try
        {
            using var delai = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            using var scope = scopes.CreateScope();
            await scope.ServiceProvider.GetRequiredService<BauxTaches>().RelacherAsync(CleBail, delai.Token);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "{Job} lease not given back on shutdown; another instance takes it when it expires", Nom);
        }
    }
}
