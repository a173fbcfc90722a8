
namespace Raccroche.Web.Features.Catalogue;

/// <summary>Section "Catalogue": how the background rebuild groups changes and retries.</summary>
public sealed class CatalogueOptions
{
    /// <summary>The rebuild waits this long without a new change, so that a burst of saves gives one rebuild.</summary>
    public int CalmeMillisecondes { get; set; } = 200;

    /// <summary>After a failed rebuild, the next attempt comes this much later.</summary>
    public int NouvelEssaiSecondes { get; set; } = 5;

    /// <summary>Watches the version row shared by the instances (<see cref="VeilleCatalogue"/>): off, an instance sees only its own saves.</summary>
    public bool VeilleActive { get; set; } = true;

    /// <summary>How often the watch reads the version row (on PostgreSQL, besides each notification).</summary>
    public int VeilleSecondes { get; set; } = 2;

    /// <summary>However long the burst, the rebuild never waits more than this many quiet periods.</summary>
    public const int PeriodesMax = 10;
}

/// <summary>
/// Rebuilds the catalogue snapshot in the background once changes were marked (see <see cref="InstantaneCatalogue.Signaler"/>):
/// after <see cref="CatalogueOptions.CalmeMillisecondes"/> without a new change, one rebuild for the whole burst. A failure is
/// logged and retried after <see cref="CatalogueOptions.NouvelEssaiSecondes"/>: the marks stay until a snapshot covers them.
/// </summary>
public sealed class ReconstructionCatalogue(InstantaneCatalogue instantane, IOptions<CatalogueOptions> options, TimeProvider clock, ILogger<ReconstructionCatalogue> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        var calme = TimeSpan.FromMilliseconds(o.CalmeMillisecondes);
        while (!stoppingToken.IsCancellationRequested)
        {
            await instantane.AttendreSignalAsync(stoppingToken);
            for (var i = 0; i < CatalogueOptions.PeriodesMax; i++)
            {
                var marque = instantane.DerniereMarque;
                await Task.Delay(calme, clock, stoppingToken);
                if (instantane.DerniereMarque == marque)
                {
                    break;
                }
            }

            if (instantane.AJour)
            {
                continue;
            }

            try
            {
                await instantane.ReconstruireAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Catalogue rebuild failed; next attempt in {Seconds} s", o.NouvelEssaiSecondes);
                await Task.Delay(TimeSpan.FromSeconds(o.NouvelEssaiSecondes), clock, stoppingToken);
                instantane.Relancer();
            }
        }
    }
}
