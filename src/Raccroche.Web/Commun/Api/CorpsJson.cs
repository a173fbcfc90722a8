using System.Collections;

namespace Raccroche.Web.Commun.Api;

/// <summary>
/// The JSON body of a POST endpoint, bound to the record <typeparamref name="T"/> (the type the OpenAPI
/// document describes). The framework does not read it: <see cref="CorpsJsonFilter{T}"/> does, after the
/// body cap, so that malformed JSON, a wrong type or a missing object get the same French
/// ValidationProblem as the business rules (errors keyed by the JSON field), never the framework's
/// English 400 or a 500. Declare it with <see cref="CorpsJsonSetup.AvecCorpsJson{T}"/>.
/// </summary>
public sealed class CorpsJson<T>
    where T : class
{
    private T? _valeur;

    public T Valeur => _valeur ?? throw new InvalidOperationException($"The endpoint reads a {typeof(T).Name} body without AvecCorpsJson<{typeof(T).Name}>().");

    internal void Lier(T valeur) => _valeur = valeur;

    public static ValueTask<CorpsJson<T>?> BindAsync(HttpContext contexte) => ValueTask.FromResult<CorpsJson<T>?>(new CorpsJson<T>());
}

/// <summary>Reads the body into the endpoint's <see cref="CorpsJson{T}"/>, or answers the French ValidationProblem.</summary>
public sealed class CorpsJsonFilter<T>(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IEndpointFilter
    where T : class
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var erreurs = new Erreurs();
        var valeur = await LecteurJson.LireAsync<T>(context.HttpContext.Request.Body, json.Value.SerializerOptions, erreurs, context.HttpContext.RequestAborted);
        if (valeur is null)
        {
            return erreurs.EnProbleme();
        }

        context.Arguments.OfType<CorpsJson<T>>().Single().Lier(valeur);
        return await next(context);
    }
}

public static class CorpsJsonSetup
{
    /// <summary>The endpoint's JSON body is a <typeparamref name="T"/>: documented as such, read by <see cref="CorpsJsonFilter{T}"/> (add it after the body cap).</summary>
    public static RouteHandlerBuilder AvecCorpsJson<T>(this RouteHandlerBuilder endpoint)
        where T : class => endpoint
        .AddEndpointFilter<CorpsJsonFilter<T>>()
        .Accepts<T>("application/json")
        .ProducesValidationProblem();
}

/// <summary>Deserialises a JSON body and turns every failure into one French message naming the field.</summary>
public static class LecteurJson
{
    public static async Task<T?> LireAsync<T>(Stream corps, JsonSerializerOptions options, Erreurs erreurs, CancellationToken ct)
        where T : class
    {
        try
        {
            var valeur = await JsonSerializer.DeserializeAsync<T>(corps, options, ct);
            if (valeur is null)
            {
                erreurs.Ajouter("corps", "Le corps de la requête doit être un objet JSON, pas null.");
            }

            return valeur;
        }
        catch (JsonException e)
        {
            Traduire(e, typeof(T), options, erreurs);
            return null;
        }
    }

    /// <summary>
    /// A syntax error (the reader's exception inside) names the place; a conversion error names the field
    /// by its JSON path ("$.reponses.besoins[2]" → "reponses.besoins") and the type it should have.
    /// </summary>
    public static void Traduire(JsonException e, Type racine, JsonSerializerOptions options, Erreurs erreurs)
    {
        if (e.InnerException is JsonException || e.Path is null)
        {
            var ou = e.LineNumber is { } l && e.BytePositionInLine is { } p ? $" (ligne {l + 1}, position {p + 1})" : "";
            erreurs.Ajouter("corps", $"Le corps de la requête n'est pas un JSON valide{ou}.");
            return;
        }

        var segments = Segments(e.Path);
        if (segments.Count == 0)
        {
            erreurs.Ajouter("corps", "Le corps de la requête doit être un objet JSON.");
            return;
        }

        var type = racine;
        foreach (var s in segments)
        {
            var propriete = options.GetTypeInfo(type).Properties.FirstOrDefault(x => x.Name == s);
            if (propriete is null)
            {
                break;
            }

            type = propriete.PropertyType;
        }

        var champ = string.Join('.', segments);
        erreurs.Ajouter(champ, $"{champ} doit être {Decrire(type)}.");
    }

    private static List<string> Segments(string chemin)
    {
        // "$.a.b[3]", "$['a b'].c": names only, indexes dropped.
        var segments = new List<string>();
        var i = chemin.StartsWith('$') ? 1 : 0;
        while (i < chemin.Length)
        {
            if (chemin[i] == '.')
            {
                var fin = chemin.IndexOfAny(['.', '['], i + 1);
                fin = fin < 0 ? chemin.Length : fin;
                segments.Add(chemin[(i + 1)..fin]);
                i = fin;
            }
            else if (chemin[i] == '[')
            {
                var fin = chemin.IndexOf(']', i);
                fin = fin < 0 ? chemin.Length - 1 : fin;
                var dedans = chemin[(i + 1)..fin];
                if (dedans.StartsWith('\''))
                {
                    segments.Add(dedans.Trim('\''));
                }

                i = fin + 1;
            }
            else
            {
                i++;
            }
        }

        return segments;
    }

    private static string Decrire(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return "une chaîne de caractères";
        }

        if (type == typeof(bool))
        {
            return "true ou false";
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(short))
        {
            return "un nombre entier";
        }

        if (type == typeof(double) || type == typeof(decimal) || type == typeof(float))
        {
            return "un nombre";
        }

        if (typeof(IEnumerable).IsAssignableFrom(type))
        {
            var element = type.IsArray ? type.GetElementType() : type.GetGenericArguments().FirstOrDefault();
            return element is null ? "une liste" : $"une liste dont chaque élément est {Decrire(element)}";
        }

        return "un objet JSON";
    }
}
