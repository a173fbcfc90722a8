using System.Threading.RateLimiting;

namespace Raccroche.Web.Infrastructure;

/// <summary>
/// Public forms that store something (contact requests, by form or API) accept a few submissions per
/// address and per ten minutes (RateLimiting:FormulairesParFenetre, default 5); the orientation API,
/// which computes a matching for every call, its own larger budget; reading is never limited.
/// </summary>
public static class LimitesDebit
{
    public const string Formulaires = "formulaires";

    /// <summary>Sign-in, two-factor codes and password reset: 10 attempts per address per 5 minutes (RateLimiting:ConnexionParFenetre).</summary>
    public const string Connexion = "connexion";

    /// <summary>POST /api/v1/orientation: 60 calls per address per 10 minutes (RateLimiting:OrientationParFenetre).</summary>
    public const string Orientation = "orientation";

    /// <summary>The personal link's page /r/{jeton}, read and answered: 30 requests per address per 10 minutes (RateLimiting:LienParFenetre).</summary>
    public const string LienPersonnel = "lien-personnel";

    public static IServiceCollection AddLimitesDebit(this IServiceCollection services, IConfiguration config)
    {
        var limite = config.GetValue("RateLimiting:FormulairesParFenetre", 5);
        var limiteConnexion = config.GetValue("RateLimiting:ConnexionParFenetre", 10);
        var limiteOrientation = config.GetValue("RateLimiting:OrientationParFenetre", 60);
        var limiteLien = config.GetValue("RateLimiting:LienParFenetre", 30);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, ct) =>
            {
                var r = ctx.HttpContext.Response;
                r.Headers.RetryAfter = "600";
                if (ctx.HttpContext.Request.Path.StartsWithSegments("/api"))
                {
                    await Results.Problem(statusCode: 429, title: "Trop de demandes",
                        detail: "Trop de demandes envoyées depuis cette adresse. Réessayez dans quelques minutes.").ExecuteAsync(ctx.HttpContext);
                    return;
                }

                r.ContentType = "text/html; charset=utf-8";
                await r.WriteAsync("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>Trop de demandes</title></head>" +
                    "<body><main><h1>Trop de demandes</h1><p>Plusieurs demandes sont déjà parties de cette connexion. Réessaie dans une dizaine de minutes.</p><p><a href=\"/\">Accueil</a></p></main></body></html>", ct);
            };
            o.AddPolicy(Formulaires, http => ParAdresse(http, "formulaires", limite, TimeSpan.FromMinutes(10)));
            o.AddPolicy(Connexion, http => ParAdresse(http, "connexion", limiteConnexion, TimeSpan.FromMinutes(5)));
            o.AddPolicy(Orientation, http => ParAdresse(http, "orientation", limiteOrientation, TimeSpan.FromMinutes(10)));

            // Reads too: the page is the only door to a token, so guessing is slowed as well as answering.
            o.AddPolicy(LienPersonnel, http => RateLimitPartition.GetFixedWindowLimiter($"lien:{http.Connection.RemoteIpAddress?.ToString() ?? "inconnue"}", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limiteLien,
                Window = TimeSpan.FromMinutes(10),
                QueueLimit = 0,
            }));
        });
        return services;
    }

    /// <summary>A fixed window per remote address for writes; GET and HEAD are never limited.</summary>
    private static RateLimitPartition<string> ParAdresse(HttpContext http, string politique, int limite, TimeSpan fenetre) =>
        HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
            ? RateLimitPartition.GetNoLimiter("lecture")
            : RateLimitPartition.GetFixedWindowLimiter($"{politique}:{http.Connection.RemoteIpAddress?.ToString() ?? "inconnue"}", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limite,
                Window = fenetre,
                QueueLimit = 0,
            });
}
