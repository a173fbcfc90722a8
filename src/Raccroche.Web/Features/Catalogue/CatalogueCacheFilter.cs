namespace Raccroche.Web.Features.Catalogue;

/// <summary>
/// ETag and Cache-Control on catalogue reads. The tag is the snapshot's catalogue version (<see cref="VersionCatalogue"/>, the
/// row every instance shares) plus the request's path and query: it changes with the catalogue, and is the same on every
/// instance that serves that version, so a client moved from one instance to another behind the proxy still gets its 304.
/// </summary>
public sealed class CatalogueCacheFilter(InstantaneCatalogue instantane) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var cle = $"{instantane.Index.Version}:{http.Request.Path}{http.Request.QueryString}";
        var etag = $"W/\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(cle)))[..24]}\"";
        if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && (v == etag || v.Split(',').Any(p => p.Trim() == etag))))
        {
            SetHeaders(http, etag);
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var result = await next(context);
        if (http.Response.StatusCode is >= 200 and < 300)
        {
            SetHeaders(http, etag);
        }

        return result;
    }

    private static void SetHeaders(HttpContext http, string etag)
    {
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "public, max-age=60";
    }
}
