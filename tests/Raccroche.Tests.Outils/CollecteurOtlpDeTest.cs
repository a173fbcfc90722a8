using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Raccroche.Tests.Outils;

/// <summary>
/// An OpenTelemetry collector for the tests: a real Kestrel server on 127.0.0.1 (a free port) that keeps the body of every
/// OTLP/HTTP export it receives (<c>/v1/metrics</c>, <c>/v1/traces</c>), as protobuf bytes, and accepts them.
/// </summary>
public sealed class CollecteurOtlpDeTest : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CollecteurOtlpDeTest(WebApplication app) => _app = app;

    public sealed record Envoi(string Signal, string? TypeContenu, byte[] Corps);

    public ConcurrentQueue<Envoi> Recus { get; } = new();

    /// <summary>The base address to give as Telemetrie:Otlp.</summary>
    public string Url { get; private init; } = "";

    /// <summary>Whether some export of <paramref name="signal"/> (metrics, traces) holds <paramref name="texte"/> as UTF-8.</summary>
    public bool Contient(string signal, string texte) => Recus.Any(e => e.Signal == signal && e.Corps.AsSpan().IndexOf(Encoding.UTF8.GetBytes(texte)) >= 0);

    public static async Task<CollecteurOtlpDeTest> DemarrerAsync()
    {
        CollecteurOtlpDeTest? collecteur = null;
        var (app, adresse) = await ServeurLocalDeTest.DemarrerAsync(app => app.MapPost("/v1/{signal}", async (string signal, HttpContext ctx) =>
        {
            using var copie = new MemoryStream();
            await ctx.Request.Body.CopyToAsync(copie);
            collecteur!.Recus.Enqueue(new Envoi(signal, ctx.Request.ContentType, copie.ToArray()));
            return Results.Ok();
        }));
        collecteur = new CollecteurOtlpDeTest(app) { Url = adresse + "/" };
        return collecteur;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
