using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Raccroche.Tests.Outils;

/// <summary>
/// An SMS gateway for the tests: a real Kestrel server on 127.0.0.1 (a free port) that keeps every POST it receives
/// (authorization header, content type, body) and answers <see cref="Statut"/>.
/// </summary>
public sealed class PasserelleSmsDeTest : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PasserelleSmsDeTest(WebApplication app) => _app = app;

    public sealed record Requete(string? Autorisation, string? TypeContenu, string Corps);

    public ConcurrentQueue<Requete> Recues { get; } = new();

    /// <summary>The status every request gets (set 500 to exercise retries).</summary>
    public int Statut { get; set; } = StatusCodes.Status200OK;

    public string Url { get; private init; } = "";

    public static async Task<PasserelleSmsDeTest> DemarrerAsync()
    {
        PasserelleSmsDeTest? passerelle = null;
        var (app, adresse) = await ServeurLocalDeTest.DemarrerAsync(app => app.MapPost("/sms", async (HttpContext ctx) =>
        {
            using var lecteur = new StreamReader(ctx.Request.Body, Encoding.UTF8);
            passerelle!.Recues.Enqueue(new Requete(ctx.Request.Headers.Authorization.ToString(), ctx.Request.ContentType, await lecteur.ReadToEndAsync()));
            return Results.StatusCode(passerelle.Statut);
        }));
        passerelle = new PasserelleSmsDeTest(app) { Url = adresse + "/sms" };
        return passerelle;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
