using Microsoft.Extensions.Logging.Abstractions;

namespace Raccroche.Tests.Unit;

/// <summary>The loop shared by the outbox, the reminders and retention: a failed run does not stop the next ones; stopping stops.</summary>
public sealed class TachePeriodiqueTests
{
    private sealed class Compteur(IServiceScopeFactory scopes, bool active, TimeSpan premierDelai) : TachePeriodique(scopes, TimeProvider.System, NullLogger.Instance)
    {
        private int _passages;
        public readonly List<IServiceProvider> Scopes = [];

        public int Passages => Volatile.Read(ref _passages);

        protected override string Nom => "Test";

        protected override TimeSpan Intervalle => TimeSpan.FromMilliseconds(20);

        protected override TimeSpan PremierDelai => premierDelai;

        protected override bool Demarrer() => active;

        // The loop alone, without a database: the lease that makes a job run on one instance is tested in InstancesTests.
        protected override bool UneSeuleInstance => false;

        protected override Task ExecuterAsync(IServiceProvider services, CancellationToken ct)
        {
            lock (Scopes)
            {
                Scopes.Add(services);
            }

            // Every other run fails: the next ones still come.
            return Interlocked.Increment(ref _passages) % 2 == 1 ? throw new InvalidOperationException("échec simulé") : Task.CompletedTask;
        }
    }

    private static IServiceScopeFactory Scopes() => new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>();

    [Fact]
    public async Task FailedRuns_AreFollowedByTheNextOnes_EachInItsScope_UntilStopped()
    {
        using var tache = new Compteur(Scopes(), active: true, TimeSpan.Zero);
        await tache.StartAsync(CancellationToken.None);
        var limite = DateTime.UtcNow.AddSeconds(20);
        while (tache.Passages < 4 && DateTime.UtcNow < limite)
        {
            await Task.Delay(20);
        }

        await tache.StopAsync(CancellationToken.None);
        var apres = tache.Passages;
        Assert.True(apres >= 4, $"{apres} runs");
        Assert.Equal(apres, tache.Scopes.Distinct().Count());
        await Task.Delay(100);
        Assert.Equal(apres, tache.Passages);
    }

    [Fact]
    public async Task Disabled_NeverRuns_AndStoppingDuringTheFirstDelayIsImmediate()
    {
        using var eteinte = new Compteur(Scopes(), active: false, TimeSpan.Zero);
        await eteinte.StartAsync(CancellationToken.None);
        await Task.Delay(100);
        await eteinte.StopAsync(CancellationToken.None);
        Assert.Equal(0, eteinte.Passages);

        using var patiente = new Compteur(Scopes(), active: true, TimeSpan.FromHours(1));
        await patiente.StartAsync(CancellationToken.None);
        // Stopping must not wait for the hour-long first delay. The bound is generous because the suite runs this beside
        // busy integration tests (a 5 s bound once failed on a loaded CI machine); a job that ignored the stop would take
        // an hour and fail here on the timeout.
        await patiente.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1));
        await patiente.ExecuteTask!.WaitAsync(TimeSpan.FromMinutes(1)).ContinueWith(_ => { }, TaskScheduler.Default);
        Assert.Equal(0, patiente.Passages);
        Assert.True(patiente.ExecuteTask.IsCompleted);
    }
}
