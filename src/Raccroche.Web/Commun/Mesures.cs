using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Raccroche.Web.Commun;

/// <summary>
/// The app's own metrics (meter <see cref="Nom"/>) and traces (activity source <see cref="Nom"/>): runs of the periodic
/// jobs by job and outcome, their duration, and levels the jobs read (the outbox's backlog, the SMS queue's, the catalogue
/// index's age). Counts, durations and job names only: nothing about a person (decision 0027). Exported only when
/// configured (OTLP, Prometheus); otherwise not registered at all, and the jobs measure nothing.
/// </summary>
public sealed class Mesures
{
    public const string Nom = "Raccroche";

    /// <summary>Spans of the jobs' runs (the requests' spans come from the ASP.NET Core instrumentation).</summary>
    public static readonly ActivitySource Traces = new(Nom);

    private readonly Counter<long> _executions;
    private readonly Histogram<double> _duree;
    private readonly ConcurrentDictionary<string, long> _niveaux = new();

    public Mesures(IMeterFactory fabrique)
    {
        var meter = fabrique.Create(Nom);
        Meter = meter;
        _executions = meter.CreateCounter<long>("raccroche.taches.executions", "{execution}", "Runs of the periodic jobs, by job (tache) and outcome (issue: ok, echec).");
        _duree = meter.CreateHistogram<double>("raccroche.taches.duree", "s", "Duration of the periodic jobs' runs, by job.");
        meter.CreateObservableGauge("raccroche.courriers.en_attente", () => Niveau(Niveaux.Courriers), "{message}", "E-mails waiting in the outbox, as counted by its last run.");
        meter.CreateObservableGauge("raccroche.sms.en_attente", () => Niveau(Niveaux.Sms), "{message}", "SMS waiting in their queue, as counted by its last run.");
    }

    public Meter Meter { get; }

    public static class Niveaux
    {
        public const string Courriers = "courriers";
        public const string Sms = "sms";
    }

    /// <summary>A level measured by a job (a backlog); nothing is reported before the first measure.</summary>
    public void Relever(string niveau, long valeur) => _niveaux[niveau] = valeur;

    private IEnumerable<Measurement<long>> Niveau(string niveau) =>
        _niveaux.TryGetValue(niveau, out var v) ? [new Measurement<long>(v)] : [];

    /// <summary>One run of a job: its span, its count by outcome and its duration.</summary>
    public async Task MesurerAsync(string tache, Func<Task> execution)
    {
        using var span = Traces.StartActivity($"tache {tache}", ActivityKind.Internal);
        span?.SetTag("raccroche.tache", tache);
        var debut = Stopwatch.GetTimestamp();
        var issue = "echec";
        try
        {
            await execution();
            issue = "ok";
        }
        catch (Exception e)
        {
            span?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            throw;
        }
        finally
        {
            var etiquettes = new TagList { { "tache", tache }, { "issue", issue } };
            _executions.Add(1, etiquettes);
            _duree.Record(Stopwatch.GetElapsedTime(debut).TotalSeconds, new TagList { { "tache", tache } });
        }
    }
}
