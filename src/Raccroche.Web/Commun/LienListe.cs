namespace Raccroche.Web.Commun;

/// <summary>Links of a listing page (pager, filter chips, homonyms): the current query string with some parameters replaced.</summary>
public static class LienListe
{
    /// <summary><paramref name="chemin"/> with the request's query string, each given parameter set (or removed when empty).</summary>
    public static string Remplacer(HttpRequest requete, string chemin, params (string Cle, string? Valeur)[] remplacements)
    {
        var parametres = requete.Query.ToDictionary(kv => kv.Key, kv => kv.Value.ToString());
        foreach (var (cle, valeur) in remplacements)
        {
            if (string.IsNullOrEmpty(valeur))
            {
                parametres.Remove(cle);
            }
            else
            {
                parametres[cle] = valeur;
            }
        }

        return chemin + QueryString.Create(parametres.Where(kv => kv.Value.Length > 0).Select(kv => KeyValuePair.Create(kv.Key, (string?)kv.Value)));
    }
}
