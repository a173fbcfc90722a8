namespace Raccroche.Web.Commun.Formulaires;

/// <summary>
/// Validation messages per field, in French, for a ProblemDetails or a form. Each field is reported
/// once (its first message): a body repeating a bad value thousands of times gets one sentence, not
/// thousands, so the answer stays small whatever the request.
/// </summary>
public sealed class Erreurs
{
    private readonly Dictionary<string, List<string>> _parChamp = new(StringComparer.Ordinal);

    public bool Any => _parChamp.Count > 0;

    public void Ajouter(string champ, string message) => _parChamp.TryAdd(champ, [message]);

    /// <summary>Another bag's messages, their fields prefixed (a nested object's "age" becomes "reponses.age").</summary>
    public void Ajouter(Erreurs autres, string prefixe = "")
    {
        foreach (var (champ, messages) in autres._parChamp)
        {
            _parChamp.TryAdd(prefixe + champ, messages);
        }
    }

    public string? Pour(string champ) => _parChamp.TryGetValue(champ, out var l) ? string.Join(" ", l) : null;

    public Dictionary<string, string[]> EnDictionnaire() => _parChamp.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());

    public Microsoft.AspNetCore.Http.HttpResults.ValidationProblem EnProbleme() => TypedResults.ValidationProblem(
        EnDictionnaire(),
        detail: string.Join(" ", _parChamp.SelectMany(kv => kv.Value)),
        title: "La requête contient des paramètres invalides.");
}
