using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Raccroche.Tests.Outils;

/// <summary>
/// The logs of the whole test run, for the scan that says they hold no young person's data (issue 14): when
/// RACCROCHE_JOURNAL_SUITE names a file (test.sh sets it), every test host writes each log line there at
/// Information level (as production logs), the app processes a test starts add their output, and the
/// helpers that make up young people's data note the names, phones, e-mails and INE they used in
/// <c>{file}.valeurs</c>. <c>JournalDeSuiteTests</c>, run by test.sh after the suites, reads both.
/// </summary>
public sealed class JournalDeSuite : ILoggerProvider
{
    private static readonly Lock Verrou = new();
    private static readonly ConcurrentDictionary<string, byte> Notees = new(StringComparer.Ordinal);
    private static StreamWriter? _journal;
    private static StreamWriter? _valeurs;

    public static string? Chemin => Environment.GetEnvironmentVariable("RACCROCHE_JOURNAL_SUITE") is { Length: > 0 } c ? c : null;

    public static string CheminValeurs(string journal) => journal + ".valeurs";

    public static bool Actif => Chemin is not null;

    /// <summary>The levels of appsettings.json (production): Information, the framework's request and SQL logs from Warning.</summary>
    public static LogLevel NiveauDeProduction(string? categorie) =>
        categorie is not null && (categorie.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || categorie.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal))
            ? LogLevel.Warning : LogLevel.Information;

    /// <summary>Adds the run's log to a test host, at the production levels whatever the test host's own settings.</summary>
    public static void Brancher(IWebHostBuilder builder)
    {
        if (!Actif)
        {
            return;
        }

        builder.ConfigureLogging(l =>
        {
            l.AddProvider(new JournalDeSuite());
            l.AddFilter<JournalDeSuite>((categorie, niveau) => niveau >= NiveauDeProduction(categorie));
        });
    }

    /// <summary>One line of the run's log (an app process's output, as it printed it).</summary>
    public static void Ecrire(string ligne)
    {
        if (Chemin is not { } chemin)
        {
            return;
        }

        lock (Verrou)
        {
            _journal ??= Ouvrir(chemin);
            _journal.WriteLine(ligne.ReplaceLineEndings(" ⏎ "));
        }
    }

    /// <summary>Personal values a test used (each noted once): the scan looks for every one of them in the log.</summary>
    public static void NoterValeurs(params string?[] valeurs)
    {
        if (Chemin is not { } chemin)
        {
            return;
        }

        foreach (var v in valeurs)
        {
            if (v is { Length: >= 3 } && Notees.TryAdd(v, 0))
            {
                lock (Verrou)
                {
                    _valeurs ??= Ouvrir(CheminValeurs(chemin));
                    _valeurs.WriteLine(v);
                }
            }
        }
    }

    private static StreamWriter Ouvrir(string chemin) =>
        new(new FileStream(chemin, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete)) { AutoFlush = true };

    public ILogger CreateLogger(string categoryName) => new Journal(categoryName);

    public void Dispose()
    {
    }

    private sealed class Journal(string categorie) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // As a log shipper would index it: the message, the structured values, the exception.
            var valeurs = state is IEnumerable<KeyValuePair<string, object?>> paires ? string.Join(" ", paires.Select(p => $"{p.Key}={p.Value}")) : "";
            Ecrire($"{logLevel} {categorie} {formatter(state, exception)} {valeurs} {exception}");
        }
    }
}
