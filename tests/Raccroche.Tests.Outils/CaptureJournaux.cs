using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Raccroche.Tests.Outils;

/// <summary>
/// A logger provider that keeps every log line of a host as it would be written: the formatted message, the structured
/// values and the exception with its inner ones (what a log shipper would index).
/// </summary>
public sealed class CaptureJournaux : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lignes = new();

    public IReadOnlyCollection<string> Lignes => _lignes;

    public ILogger CreateLogger(string categoryName) => new Journal(categoryName, _lignes);

    public void Dispose()
    {
    }

    private sealed class Journal(string categorie, ConcurrentQueue<string> lignes) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var valeurs = state is IEnumerable<KeyValuePair<string, object?>> paires ? string.Join(" ", paires.Select(p => $"{p.Key}={p.Value}")) : "";
            lignes.Enqueue($"{logLevel} {categorie} {formatter(state, exception)} {valeurs} {exception}");
        }
    }
}
