using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Raccroche.Tests.Outils;

/// <summary>
/// Submits a page's form as a browser would: its hidden fields (antiforgery token included) and its action. Every
/// field the test fills must be a control of that form, so that a renamed or removed input fails the test.
/// </summary>
public static class Soumission
{
    private const string Jeton = "__RequestVerificationToken";

    /// <summary>
    /// GETs <paramref name="url"/>, takes its POST form (the one whose action or button is <paramref name="action"/>,
    /// else the first that has every field of <paramref name="champs"/>), keeps every hidden field, sets
    /// <paramref name="champs"/> (replacing any hidden field of the same name) and posts to the form's action.
    /// </summary>
    public static async Task<HttpResponseMessage> EnvoyerAsync(HttpClient client, string url, IReadOnlyDictionary<string, string> champs, string? action = null)
    {
        var (cible, contenu) = await PreparerAsync(client, url, champs, action);
        return await client.PostAsync(cible, contenu);
    }

    /// <summary>
    /// The same, read now and posted later (several posts fired at once, say): the form's action and body. With
    /// <c>champsCaches: false</c> only the antiforgery token is kept of the hidden fields (a tampered post).
    /// </summary>
    public static async Task<(string Action, FormUrlEncodedContent Contenu)> PreparerAsync(HttpClient client, string url, IReadOnlyDictionary<string, string> champs, string? action = null, bool champsCaches = true)
    {
        var (_, formulaires) = await LireAsync(client, url);
        Assert.True(formulaires.Count > 0, $"no POST form on {url}");
        var choisi = formulaires.FindIndex(f =>
            (action is null || f.Action == action || f.Element.QuerySelectorAll("button[formaction], input[formaction]").Any(b => b.GetAttribute("formaction") == action))
            && champs.Keys.All(f.Noms.Contains));
        Assert.True(choisi >= 0, $"no POST form on {url}{(action is null ? "" : $" for {action}")} has every field of [{string.Join(", ", champs.Keys)}]; its forms have: "
            + string.Join(" | ", formulaires.Select(f => $"{f.Action}: {string.Join(", ", f.Noms)}")));
        var (form, actionDuFormulaire, _) = formulaires[choisi];
        var valeurs = form.QuerySelectorAll("input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Where(kv => !champs.ContainsKey(kv.Key) && (champsCaches || kv.Key == Jeton))
            .Concat(champs)
            .ToList();
        return (action ?? actionDuFormulaire, new FormUrlEncodedContent(valeurs));
    }

    /// <summary>
    /// A post that no form of the page offers (a closed request, a page the account may only read...): the page's
    /// antiforgery token and <paramref name="champs"/>, to <paramref name="url"/>. Checks that no form of the page has
    /// those fields: if one does, the test is not about a forged post and should use <see cref="EnvoyerAsync"/>.
    /// </summary>
    public static async Task<HttpResponseMessage> ForgerAsync(HttpClient client, string url, IReadOnlyDictionary<string, string> champs)
    {
        var (page, formulaires) = await LireAsync(client, url);
        Assert.DoesNotContain(formulaires, f => champs.Keys.All(f.Noms.Contains));
        var jeton = page.QuerySelector($"input[name={Jeton}]")?.GetAttribute("value");
        Assert.True(jeton is not null, $"no antiforgery token on {url}");
        return await client.PostAsync(url, new FormUrlEncodedContent([.. champs, new(Jeton, jeton)]));
    }

    private static async Task<(IHtmlDocument Page, List<(IElement Element, string Action, HashSet<string> Noms)> Formulaires)> LireAsync(HttpClient client, string url)
    {
        var get = await client.GetAsync(url);
        Assert.True(get.IsSuccessStatusCode, $"GET {url}: {(int)get.StatusCode}");
        var page = new HtmlParser().ParseDocument(await get.Content.ReadAsStringAsync());
        var formulaires = page.QuerySelectorAll("form")
            .Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase))
            .Select(f => (Element: f, Action: f.GetAttribute("action") is { Length: > 0 } a ? a : url, Noms: Noms(page, f)))
            .ToList();
        return (page, formulaires);
    }

    /// <summary>The names a browser could send with this form: its named controls, and those outside it that point to it.</summary>
    private static HashSet<string> Noms(IHtmlDocument page, IElement form)
    {
        var controles = form.QuerySelectorAll("input[name], select[name], textarea[name], button[name]").AsEnumerable();
        if (form.Id is { Length: > 0 } id)
        {
            controles = controles.Concat(page.QuerySelectorAll("[form][name]").Where(e => e.GetAttribute("form") == id));
        }

        return [.. controles.Select(e => e.GetAttribute("name")!), Jeton];
    }

    /// <summary>
    /// A young person's contact request through the real form (the diagnostic's answers in its hidden
    /// fields); returns the stored request's id and reference.
    /// </summary>
    public static async Task<(int Id, string Reference)> DemandeDeContactAsync(AppFactory f, string reponses, string prenom, string? courriel = null)
    {
        JournalDeSuite.NoterValeurs(prenom, courriel, "0698765432");
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
