using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Raccroche.Web.Infrastructure;

/// <summary>
/// A request whose body is over its limit (Kestrel's per-endpoint <c>RequestSizeLimit</c>, or the multipart form's
/// length limit): a 413 with the French page (or ProblemDetails for the API), logged as a warning, never a 500. The
/// exception reaches the pipeline through several wrappers (model binding's ValueProviderException, antiforgery's), so
/// the whole chain is read.
/// </summary>
public static class DemandeTropVolumineuse
{
    /// <summary>Beyond this, an oversized body is not read to its end: the connection is closed with the 413.</summary>
    public const long LectureMaximale = 256L * 1024 * 1024;

    /// <summary>
    /// On an endpoint with a body limit (an upload page), a request that announces a larger body gets the French 413 page
    /// (status code pages) instead of the form, before anything binds it. The body is read to its end first (up to
    /// <see cref="LectureMaximale"/>), so that the browser, still sending, receives the page rather than a reset
    /// connection. Runs after authorisation: only those allowed on the page cost that reading.
    /// </summary>
    public static IApplicationBuilder UseEnvoisTropVolumineux(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var limite = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize;
        var annonce = context.Request.ContentLength;
        if (limite is not { } l || annonce is not { } a || a <= l)
        {
            await next(context);
            return;
        }

        if (a <= LectureMaximale && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } taille)
        {
            taille.MaxRequestBodySize = LectureMaximale;
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        }
        else
        {
            context.Response.Headers.Connection = "close";
        }

        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
    });

    public static bool Est(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                || (e is InvalidDataException && e.Message.Contains("length limit", StringComparison.Ordinal) && e.Message.Contains("exceeded", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }
}
