namespace Raccroche.Web.Infrastructure;

/// <summary>
/// Response headers of the security baseline: a Content Security Policy without inline scripts or
/// styles (map tiles from the configured tile host only), no MIME sniffing, no referrer beyond the
/// origin, no framing. The API reference page (/api/docs, a third-party bundle with inline boot code)
/// gets the same policy with inline scripts allowed, and nothing else.
/// </summary>
public static class EntetesSecurite
{
    public static IApplicationBuilder UseEntetesSecurite(this IApplicationBuilder app, IConfiguration config)
    {
        var tuiles = HoteTuiles(config["Map:TileUrl"] ?? new CarteOptions().TileUrl);
        var img = $"img-src 'self' data:{(tuiles is null ? "" : " " + tuiles)}";
        var csp = $"default-src 'self'; script-src 'self'; style-src 'self'; {img}; font-src 'self'; connect-src 'self'; " +
            "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
        var cspDocs = csp.Replace("script-src 'self'", "script-src 'self' 'unsafe-inline'", StringComparison.Ordinal)
            .Replace("style-src 'self'", "style-src 'self' 'unsafe-inline'", StringComparison.Ordinal);
        return app.Use((ctx, next) =>
        {
            var h = ctx.Response.Headers;
            h.ContentSecurityPolicy = ctx.Request.Path.StartsWithSegments("/api/docs") ? cspDocs : csp;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "strict-origin-when-cross-origin";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            return next(ctx);
        });
    }

    /// <summary>"https://{s}.tile.example.org/{z}/{x}/{y}.png" → "https://*.tile.example.org"; null for a relative URL.</summary>
    public static string? HoteTuiles(string modele)
    {
        var sansGabarit = modele.Replace("{s}.", "sous-domaine.", StringComparison.Ordinal);
        if (!Uri.TryCreate(sansGabarit, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var hote = uri.Host.StartsWith("sous-domaine.", StringComparison.Ordinal) ? "*." + uri.Host["sous-domaine.".Length..] : uri.Host;
        return $"{uri.Scheme}://{hote}{(uri.IsDefaultPort ? "" : ":" + uri.Port)}";
    }
}
