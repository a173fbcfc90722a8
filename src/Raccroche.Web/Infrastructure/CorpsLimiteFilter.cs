
namespace Raccroche.Web.Infrastructure;

/// <summary>
/// JSON bodies of the public API's POST endpoints: 16 KB at most (Api:TailleMaxCorpsKo; a full
/// diagnostic with a contact request weighs under 2 KB). A larger body gets a French 413
/// ProblemDetails before the handler runs, and no more than the limit is ever read into memory, with
/// or without a Content-Length.
/// </summary>
public sealed class CorpsLimiteFilter(IConfiguration config) : IEndpointFilter
{
    public const int TailleParDefautKo = 16;

    private readonly int _tailleMaximale = config.GetValue("Api:TailleMaxCorpsKo", TailleParDefautKo) * 1024;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var requete = context.HttpContext.Request;
        if (requete.ContentLength > _tailleMaximale)
        {
            return TropVolumineux();
        }

        var copie = new MemoryStream();
        var bloc = new byte[4096];
        int lus;
        while ((lus = await requete.Body.ReadAsync(bloc, context.HttpContext.RequestAborted)) > 0)
        {
            if (copie.Length + lus > _tailleMaximale)
            {
                return TropVolumineux();
            }

            copie.Write(bloc, 0, lus);
        }

        copie.Position = 0;
        requete.Body = copie;
        context.HttpContext.Response.RegisterForDispose(copie);
        return await next(context);
    }

    private ProblemHttpResult TropVolumineux() => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Requête trop volumineuse",
        detail: $"Le corps de la requête dépasse {_tailleMaximale / 1024} Ko. Envoyez seulement les champs documentés, sans les répéter.");
}

public static class CorpsLimiteSetup
{
    /// <summary>Caps the endpoint's body (16 KB unless Api:TailleMaxCorpsKo says otherwise; 413 in French beyond).</summary>
    public static RouteHandlerBuilder AvecCorpsLimite(this RouteHandlerBuilder endpoint) => endpoint
        .AddEndpointFilter<CorpsLimiteFilter>()
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
}
