using System.Runtime.CompilerServices;

namespace Raccroche.Tests.Outils;

/// <summary>
/// Settings of the test process, applied before its first test. A test host is started synchronously
/// (<c>WebApplicationFactory.Server</c> blocks a thread until the app has migrated and seeded its database), and
/// xUnit starts many classes at once when the run begins: on 2 cores the thread pool, which adds about one thread
/// per half second when starved, left an async PostgreSQL connect waiting past Npgsql's 15 s timeout although the
/// server was up (CI, 2026-12-04, <c>TelemetriePostgresTests</c> 21 s after the start). Enough threads from the start
/// keep the continuations running.
/// </summary>
public static class ProcessusDeTest
{
    // CA2255 warns that libraries rarely need a module initializer; this one is meant to run in every test process
    // that loads the shared test tools, before any test starts.
#pragma warning disable CA2255
    [ModuleInitializer]
#pragma warning restore CA2255
    public static void Preparer()
    {
        ThreadPool.GetMinThreads(out var ouvriers, out var entreesSorties);
        ThreadPool.SetMinThreads(Math.Max(ouvriers, 64), Math.Max(entreesSorties, 64));
    }
}
