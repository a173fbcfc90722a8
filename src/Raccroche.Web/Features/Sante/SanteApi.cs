using Raccroche.Web.Features.Catalogue;

namespace Raccroche.Web.Features.Sante;

/// <summary>
/// What the reverse proxy (or an orchestrator) asks each instance: <c>/sante/vivant</c>, the process answers (restart it
/// when it does not); <c>/sante/pret</c>, it can serve (send it traffic): the database answers, every migration of this
/// version is applied and the catalogue index is built. Plain text, never cached, no personal data, over plain HTTP too
/// (the proxy probes the instance directly, see RaccrocheSetup).
/// </summary>
public static class SanteApi
{
    public const string Prefixe = "/sante";

    public static IEndpointRouteBuilder MapSante(this IEndpointRouteBuilder app)
    {
        var sante = app.MapGroup(Prefixe).AllowAnonymous().ExcludeFromDescription();
        sante.MapGet("/vivant", (HttpContext http) => Texte(http, StatusCodes.Status200OK, "vivant"));
        sante.MapGet("/pret", PretAsync);
        return app;
    }

    private static async Task<IResult> PretAsync(HttpContext http, RaccrocheDbContext db, InstantaneCatalogue catalogue, IHostApplicationLifetime vie, ILogger<InstantaneCatalogue> logger, CancellationToken ct)
    {
        // Stopping (SIGTERM): not ready any more, so the proxy sends new requests elsewhere while in-flight ones finish.
        if (vie.ApplicationStopping.IsCancellationRequested)
        {
            return Texte(http, StatusCodes.Status503ServiceUnavailable, "pas prêt : arrêt en cours");
        }

        string? probleme;
        try
        {
            using var delai = CancellationTokenSource.CreateLinkedTokenSource(ct);
            delai.CancelAfter(TimeSpan.FromSeconds(5));
            probleme = !await db.Database.CanConnectAsync(delai.Token) ? "base de données injoignable"
                : (await db.Database.GetPendingMigrationsAsync(delai.Token)).Any() ? "migrations non appliquées"
                : !catalogue.Pret ? "index du catalogue en construction"
                : null;
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or OperationCanceledException or InvalidOperationException or TimeoutException)
        {
            logger.LogWarning(ex, "Readiness check failed");
            probleme = "base de données injoignable";
        }

        return probleme is null
            ? Texte(http, StatusCodes.Status200OK, "prêt")
            : Texte(http, StatusCodes.Status503ServiceUnavailable, "pas prêt : " + probleme);
    }

    private static IResult Texte(HttpContext http, int statut, string texte)
    {
        http.Response.Headers.CacheControl = "no-store";
        return Results.Text(texte + "\n", "text/plain; charset=utf-8", statusCode: statut);
    }
}
