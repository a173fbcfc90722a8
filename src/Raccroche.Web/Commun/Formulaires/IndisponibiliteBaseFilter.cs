using Microsoft.AspNetCore.Mvc.Filters;

namespace Raccroche.Web.Commun.Formulaires;

/// <summary>
/// A form posted while the database is briefly unreachable (a restart longer than the retries of the execution strategy,
/// decision 0025) comes back as it was typed, with a French message, instead of the error page: the unit of work was one
/// transaction, so nothing of it was written. Applies to the pages marked <see cref="ReaffichableSansBaseAttribute"/> whose
/// model has an <see cref="Erreurs"/> bag; the other forms get the error page with the posted fields kept (status 503),
/// and any other failure goes to the error page as before.
/// </summary>
public sealed class IndisponibiliteBaseFilter(ILogger<IndisponibiliteBaseFilter> logger) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var fait = await next();
        if (fait.Exception is not { } ex || fait.ExceptionHandled || !HttpMethods.IsPost(context.HttpContext.Request.Method) || !Transactions.EstPassagere(ex)
            || context.HandlerInstance is not PageModel page || !Attribute.IsDefined(page.GetType(), typeof(ReaffichableSansBaseAttribute))
            || page.GetType().GetProperty("Erreurs")?.GetValue(page) is not Erreurs erreurs)
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
}
