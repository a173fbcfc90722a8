using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace Raccroche.Bench;

/// <summary>Latency figures of one series of timed queries.</summary>
internal sealed record Serie(string Nom, double[] DureesMs, int[] Totaux, double AllocKo, int Gc0, int Gc1, int Gc2, double PausesGcMs, double AutresCoeurs)
{
    public double P(double p) => Mesure.Percentile(DureesMs, p);

    public double Moyenne => DureesMs.Average();

    public double TotalMoyen => Totaux.Average();

    public int SansResultat => Totaux.Count(t => t == 0);

    public static string EnTete =>
        "| Series | n | p50 ms | p90 ms | p99 ms | max ms | mean ms | results (mean) | 0 results | alloc/query | GC 0/1/2 | GC pauses | other processes (cores) |\n" +
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";

    public string Ligne() => string.Create(CultureInfo.InvariantCulture,
        $"| {Nom} | {DureesMs.Length} | {P(0.50):F3} | {P(0.90):F3} | {P(0.99):F3} | {DureesMs.Max():F3} | {Moyenne:F3} | {TotalMoyen:F0} | {SansResultat} | {AllocKo:F0} KB | {Gc0}/{Gc1}/{Gc2} | {PausesGcMs:F0} ms | {AutresCoeurs:F2} |");
}

internal static class Mesure
{
    /// <summary>Nearest-rank percentile.</summary>
    public static double Percentile(double[] valeurs, double p)
    {
        var tri = valeurs.Order().ToArray();
        var rang = (int)Math.Ceiling(p * tri.Length);
        return tri[Math.Clamp(rang - 1, 0, tri.Length - 1)];
    }

    public static double Mediane(IEnumerable<double> valeurs) => Percentile([.. valeurs], 0.5);

    /// <summary>Runs <paramref name="action"/> once per item and times each call; totals are the action's result counts.</summary>
    public static Serie Chronometrer<T>(string nom, IReadOnlyList<T> items, Func<T, int> action)
    {
        var durees = new double[items.Count];
        var totaux = new int[items.Count];
        var gc0 = GC.CollectionCount(0);
        var gc1 = GC.CollectionCount(1);
        var gc2 = GC.CollectionCount(2);
        var alloc = GC.GetAllocatedBytesForCurrentThread();
        var pauses = GC.GetTotalPauseDuration();
        var cpu = Cpu.Instantane();
        for (var i = 0; i < items.Count; i++)
        {
            var t0 = Stopwatch.GetTimestamp();
            var n = action(items[i]);
            durees[i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            totaux[i] = n;
        }

        var autres = Cpu.Instantane().AutresCoeursDepuis(cpu);
        return new Serie(nom, durees, totaux,
            (GC.GetAllocatedBytesForCurrentThread() - alloc) / 1024.0 / items.Count,
            GC.CollectionCount(0) - gc0, GC.CollectionCount(1) - gc1, GC.CollectionCount(2) - gc2,
            (GC.GetTotalPauseDuration() - pauses).TotalMilliseconds, autres);
    }

    public static long MemoireGeree()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    public static string Mo(long octets) => string.Create(CultureInfo.InvariantCulture, $"{octets / 1024.0 / 1024.0:F1} MB");

    /// <summary>The load averages, as `uptime` prints them, to record how busy the machine was.</summary>
    public static string Charge()
    {
        try
        {
            var l = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"load average: {l[0]}, {l[1]}, {l[2]} (runnable/total {l[3]})";
        }
        catch (IOException)
        {
            return "load average: unavailable";
        }
    }

    public static void Machine()
    {
        Console.WriteLine($"Date: {DateTimeOffset.Now:yyyy-MM-dd HH:mm:ss zzz}");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Memoire()}; {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        Console.WriteLine($".NET {Environment.Version}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC{(GCSettings.LatencyMode == GCLatencyMode.Interactive ? " concurrent" : "")}, {(Debugger.IsAttached ? "DEBUGGER ATTACHED" : "no debugger")}, " +
#if DEBUG
            "DEBUG build (the figures are worthless)");
#else
            "Release build");
#endif
        Console.WriteLine($"Before measuring: {Charge()}");
    }

    private static string Memoire()
    {
        try
        {
            var ligne = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            var ko = long.Parse(ligne.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            return $"{ko / 1024.0 / 1024.0:F1} GiB of memory";
        }
        catch (IOException)
        {
            return "memory unknown";
        }
    }
}

/// <summary>
/// CPU time of the whole machine (/proc/stat) and of this process, to tell how many cores other
/// processes used while we measured: a measurement taken while builds run next to it is suspect.
/// </summary>
internal readonly record struct Cpu(long OccupeTicks, TimeSpan Processus, long Horodatage)
{
    public static Cpu Instantane()
    {
        long occupe = 0;
        try
        {
            var champs = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            // user nice system idle iowait irq softirq steal...
            occupe = champs.Sum() - champs[3] - champs[4];
        }
        catch (IOException)
        {
        }

        return new Cpu(occupe, Process.GetCurrentProcess().TotalProcessorTime, Stopwatch.GetTimestamp());
    }

    /// <summary>Average number of cores busy with other processes since <paramref name="avant"/> (USER_HZ = 100).</summary>
    public double AutresCoeursDepuis(Cpu avant)
    {
        var secondes = Stopwatch.GetElapsedTime(avant.Horodatage, Horodatage).TotalSeconds;
        if (secondes <= 0)
        {
            return 0;
        }

        var machine = (OccupeTicks - avant.OccupeTicks) / 100.0;
        var nous = (Processus - avant.Processus).TotalSeconds;
        return Math.Max(0, (machine - nous) / secondes);
    }
}
