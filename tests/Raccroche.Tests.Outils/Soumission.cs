using AngleSharp.Html.Parser;

namespace Raccroche.Tests.Outils;

/// <summary>Submits a page's form as a browser would: its hidden fields (antiforgery token included) and its action.</summary>
public static class Soumission
{
    /// <summary>
    /// GETs <paramref name="url"/>, takes its first POST form, keeps every hidden field, sets
    /// <paramref name="champs"/> (replacing any hidden field of the same name) and posts to the form's action.
    /// </summary>
    public static async Task<HttpResponseMessage> EnvoyerAsync(HttpClient client, string url, IReadOnlyDictionary<string, string> champs)
    {
        var get = await client.GetAsync(url);
        Assert.True(get.IsSuccessStatusCode, $"GET {url}: {(int)get.StatusCode}");
        var page = new HtmlParser().ParseDocument(await get.Content.ReadAsStringAsync());
        var form = page.QuerySelector("form[method=post]") ?? throw new InvalidOperationException($"no POST form on {url}");
        var valeurs = form.QuerySelectorAll("input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Where(kv => !champs.ContainsKey(kv.Key))
            .Concat(champs)
            .ToList();
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : url;
        return await client.PostAsync(action, new FormUrlEncodedContent(valeurs));
    }

    /// <summary>
    /// A young person's contact request through the real form (the diagnostic's answers in its hidden
    /// fields); returns the stored request's id and reference.
    /// </summary>
    public static async Task<(int Id, string Reference)> DemandeDeContactAsync(AppFactory f, string reponses, string prenom, string? courriel = null)
    {
        var champs = new Dictionary<string, string>
        {
            ["Saisie.Prenom"] = prenom,
            ["Saisie.Telephone"] = "0698765432",
            ["Saisie.Creneau"] = "matin",
            ["Saisie.Consentement"] = "true",
        };
        if (courriel is not null)
        {
            champs["Saisie.Courriel"] = courriel;
        }

        var r = await EnvoyerAsync(Pro.Client(f), "/diagnostic/recontact?" + reponses, champs);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, r.StatusCode);
        var reference = System.Web.HttpUtility.ParseQueryString(new Uri(AppFactory.Https, r.Headers.Location!).Query)["reference"]!;
        await using var db = f.CreateDbContext();
        return (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.DemandesContact.Where(d => d.Reference == reference).Select(d => d.Id)), reference);
    }
}
