using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Tracing;
using Raccroche.Web.Features.Catalogue;

namespace Raccroche.Bench;

/// <summary>
/// Runs one query family in a loop for a while, so that a sampling profiler can be attached
/// (<c>DOTNET_PerfMapEnabled=1 perf record -g -p PID</c>), and prints which types the queries
/// allocate (the runtime's allocation ticks, one sample per ~100 KB allocated).
/// </summary>
internal static class ProfilCpu
{
    public static async Task<int> ExecuterAsync(BancOptions o)
    {
        var fichier = o.Requis("db");
        var famille = o.Texte("famille") ?? "b";
        var secondes = o.Entier("secondes", 20);
        var seed = o.Entier("seed", 7);
        var catalogue = await Catalogue.ChargerAsync(fichier);
        var sw = Stopwatch.StartNew();
        var index = CatalogueIndex.Construire(catalogue.Dispositifs, catalogue.Annuaire, 1);
        Console.WriteLine($"Index built in {sw.ElapsedMilliseconds} ms");
        catalogue.Dispositifs = [];
        var jeux = JeuRequete.Tirer(2000, seed, catalogue.Communes);
        var requetes = jeux.Select(j => famille switch
        {
            "a" => j.TexteSeul(),
            "c" => j.FiltresSeuls(),
            "d" => new RequeteRecherche(),
            _ => j.Complete(),
        }).ToList();
        foreach (var q in requetes.Take(300))
        {
            index.Rechercher(q);
        }

        Console.WriteLine($"PID {Environment.ProcessId}: family ({famille}) in a loop for {secondes} s — {Mesure.Charge()}");
        using var ecoute = new AllocationsEcoute();
        sw.Restart();
        var n = 0;
        while (sw.Elapsed.TotalSeconds < secondes)
        {
            index.Rechercher(requetes[n++ % requetes.Count]);
        }

        Console.WriteLine($"{n} queries, {sw.Elapsed.TotalMilliseconds / n:F3} ms on average");
        Console.WriteLine("Sampled allocations (type: share of the ~100 KB samples):");
        var total = ecoute.ParType.Values.Sum();
        foreach (var (type, octets) in ecoute.ParType.OrderByDescending(kv => kv.Value).Take(15))
        {
            Console.WriteLine($"  {octets * 100.0 / total,5:F1} %  {type}");
        }

        return 0;
    }

    private sealed class AllocationsEcoute : EventListener
    {
        public ConcurrentDictionary<string, long> ParType { get; } = new(StringComparer.Ordinal);

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword: AllocationTick
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || e.PayloadNames is null)
            {
                return;
            }

            var i = e.PayloadNames.IndexOf("TypeName");
            var j = e.PayloadNames.IndexOf("AllocationAmount64");
            if (i >= 0 && e.Payload![i] is string type)
            {
                var octets = j >= 0 && e.Payload[j] is ulong u ? (long)u : 100_000;
                ParType.AddOrUpdate(type, octets, (_, v) => v + octets);
            }
        }
    }
}
