namespace Raccroche.Web.Commun;

/// <summary>
/// Conditional GET for what feed readers and calendars poll (RFC 9110 §13): an ETag and a Last-Modified on every answer,
/// and a 304 without a body when the client's copy is current. If-None-Match wins over If-Modified-Since, as the RFC says.
/// </summary>
public static class ReponseConditionnelle
{
    /// <summary>A weak tag for the given key (what the answer is made of): the same key, the same tag.</summary>
    public static string Etiquette(string cle) =>
        $"W/\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(cle)))[..24]}\"";

    /// <summary>
    /// Sets the validators (and a short public cache) on the response; true when the request's copy is current, so the
    /// caller answers 304. <paramref name="derniereModification"/> is a UTC instant, sent to the second.
    /// </summary>
    public static bool AJour(HttpContext http, string etiquette, DateTime? derniereModification)
    {
        var entetes = http.Response.Headers;
        entetes.ETag = etiquette;
        entetes.CacheControl = "public, max-age=60";
        DateTimeOffset? derniere = derniereModification is { } d
            ? new DateTimeOffset(d.Ticks - (d.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero)
            : null;
        if (derniere is { } lm)
        {
            entetes.LastModified = lm.ToString("R", CultureInfo.InvariantCulture);
        }

        var requete = http.Request.Headers;
        if (requete.IfNoneMatch.Count > 0)
        {
            var attendue = SansFaiblesse(etiquette);
            return requete.IfNoneMatch.SelectMany(v => (v ?? "").Split(','))
                .Select(v => v.Trim())
                .Any(v => v == "*" || SansFaiblesse(v) == attendue);
        }

        return derniere is { } m && requete.IfModifiedSince.Count > 0
            && DateTimeOffset.TryParseExact(requete.IfModifiedSince.ToString(), "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var depuis)
            && m <= depuis;
    }

    /// <summary>If-None-Match compares weakly: W/"x" and "x" are the same tag.</summary>
    private static string SansFaiblesse(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
}
