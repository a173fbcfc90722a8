namespace Raccroche.Web.Infrastructure;

/// <summary>
/// Public forms that store something (contact requests, by form or API) accept a few submissions per
/// address and per ten minutes (RateLimiting:FormulairesParFenetre, default 5); the orientation API,
/// which computes a matching for every call, its own larger budget; reading is never limited.
/// </summary>
/// <remarks>
/// Endpoints name their policy with the framework's <c>[EnableRateLimiting]</c> / <c>RequireRateLimiting</c>; the counting
/// is ours (<see cref="UseLimitesDebit"/>): fixed windows in the database (<see cref="CompteursDebit"/>), shared by every
/// instance, keyed on the client's address as <see cref="AdresseClient"/> reads it (behind a trusted proxy, the forwarded
/// one; IPv6 by /64). Decision 0025 says why the database rather than the proxy.
/// </remarks>
public static class LimitesDebit
{
    public const string Formulaires = "formulaires";

    /// <summary>Sign-in, two-factor codes and password reset: 10 attempts per address per 5 minutes (RateLimiting:ConnexionParFenetre).</summary>
    public const string Connexion = "connexion";

    /// <summary>POST /api/v1/orientation: 60 calls per address per 10 minutes (RateLimiting:OrientationParFenetre).</summary>
    public const string Orientation = "orientation";

    /// <summary>The personal link's page /r/{jeton}, read and answered: 30 requests per address per 10 minutes (RateLimiting:LienParFenetre).</summary>
    public const string LienPersonnel = "lien-personnel";

    /// <summary>One policy: its budget, its window, and whether reads count too.</summary>
    public sealed record Politique(int Limite, TimeSpan Fenetre, bool LecturesComprises);

    /// <summary>The policies, read from configuration once.</summary>
    public sealed record LimitesOptions(IReadOnlyDictionary<string, Politique> Politiques, int ConnexionParCompte);

    public static IServiceCollection AddLimitesDebit(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(new LimitesOptions(new Dictionary<string, Politique>
        {
            [Formulaires] = new(config.GetValue("RateLimiting:FormulairesParFenetre", 5), TimeSpan.FromMinutes(10), false),
            [Connexion] = new(config.GetValue("RateLimiting:ConnexionParFenetre", 10), TimeSpan.FromMinutes(5), false),
            [Orientation] = new(config.GetValue("RateLimiting:OrientationParFenetre", 60), TimeSpan.FromMinutes(10), false),
            // Reads too: the page is the only door to a token, so guessing is slowed as well as answering.
            [LienPersonnel] = new(config.GetValue("RateLimiting:LienParFenetre", 30), TimeSpan.FromMinutes(10), true),
        }, config.GetValue("RateLimiting:ConnexionParCompte", 10)));
        services.AddScoped<CompteursDebit>();
        return services;
    }

    /// <summary>After routing: the endpoint's policy, if any, counts this request for the client's address.</summary>
    public static IApplicationBuilder UseLimitesDebit(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var nom = http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
        var options = http.RequestServices.GetRequiredService<LimitesOptions>();
        if (nom is null || !options.Politiques.TryGetValue(nom, out var p)
            || (!p.LecturesComprises && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))))
        {
            await next(http);
            return;
        }

        var compteurs = http.RequestServices.GetRequiredService<CompteursDebit>();
        if (await compteurs.AccepterAsync($"{nom}:{AdresseClient.Partition(http)}", p.Limite, p.Fenetre, http.RequestAborted))
        {
            await next(http);
            return;
        }

        await RefuserAsync(http, p.Fenetre);
    });

    /// <summary>429 with Retry-After: ProblemDetails for the API, a small French page for the site.</summary>
    public static async Task RefuserAsync(HttpContext http, TimeSpan fenetre)
    {
        var r = http.Response;
        r.StatusCode = StatusCodes.Status429TooManyRequests;
        r.Headers.RetryAfter = ((int)fenetre.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            await Results.Problem(statusCode: 429, title: "Trop de demandes",
                detail: "Trop de demandes envoyées depuis cette adresse. Réessayez dans quelques minutes.").ExecuteAsync(http);
            return;
        }

        r.ContentType = "text/html; charset=utf-8";
        await r.WriteAsync("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>Trop de demandes</title></head>" +
            "<body><main><h1>Trop de demandes</h1><p>Plusieurs demandes sont déjà parties de cette connexion. Réessaie dans une dizaine de minutes.</p><p><a href=\"/\">Accueil</a></p></main></body></html>", http.RequestAborted);
    }
}
