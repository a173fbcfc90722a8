using System.Data.Common;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Raccroche.Web.Commun.Formulaires;

/// <summary>
/// A form posted while the database is briefly unreachable (a restart longer than the retries of the execution strategy,
/// decision 0025) comes back as it was typed, with a French message, instead of the error page: the unit of work was one
/// transaction, so nothing of it was written. Applies to every page whose model has an <see cref="Erreurs"/> bag (every
/// form of the site); anything else, or any other failure, goes to the error page as before.
/// </summary>
public sealed class IndisponibiliteBaseFilter(ILogger<IndisponibiliteBaseFilter> logger) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var fait = await next();
        if (fait.Exception is not { } ex || fait.ExceptionHandled || !HttpMethods.IsPost(context.HttpContext.Request.Method) || !EstPassagere(ex)
            || context.HandlerInstance is not PageModel page || page.GetType().GetProperty("Erreurs")?.GetValue(page) is not Erreurs erreurs)
        {
            return;
        }

        logger.LogWarning(ex, "Database unavailable during a form post; the form is shown again");
        erreurs.Ajouter("envoi", context.HttpContext.Request.Path.StartsWithSegments("/pro")
            ? "Le service est momentanément indisponible : rien n'a été enregistré. Ce que vous avez saisi est conservé ci-dessous ; renvoyez le formulaire dans un instant."
            : "Le service est momentanément indisponible : rien n'a été enregistré. Ce que tu as écrit est conservé ci-dessous ; renvoie le formulaire dans un instant.");
        fait.ExceptionHandled = true;
        fait.Result = new PageResult { StatusCode = StatusCodes.Status503ServiceUnavailable };
        context.HttpContext.Response.Headers.RetryAfter = "10";
    }

    /// <summary>A broken or refused connection, a timeout, retries exhausted: anywhere in the chain of causes.</summary>
    public static bool EstPassagere(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is Microsoft.EntityFrameworkCore.Storage.RetryLimitExceededException or TimeoutException
                || e is DbException { IsTransient: true }
                || e is Npgsql.NpgsqlException { InnerException: System.IO.IOException or System.Net.Sockets.SocketException }
                || e is Npgsql.PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "08006" or "08001" or "08003" or "53300" }

                // FATAL: the server refused or ended the session itself (shutting down, not accepting connections).
                || e is Npgsql.PostgresException { Severity: "FATAL" })
            {
                return true;
            }
        }

        return false;
    }
}
