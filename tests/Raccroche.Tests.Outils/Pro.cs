using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Raccroche.Tests.Outils;

/// <summary>
/// Helpers for the professional space: create accounts straight through Identity's UserManager (as the
/// invitation does), sign in through the real forms with a real TOTP code, post forms with their
/// antiforgery token.
/// </summary>
public static partial class Pro
{
    public const string MotDePasse = ComptesDeTest.MotDePasse;

    public static Task<CompteTest> CreerCompteAsync(AppFactory f, string role, string? structureSlug = null, IReadOnlyList<string>? territoire = null, string? courriel = null) =>
        ComptesDeTest.CreerAsync(f.Services, role, structureSlug, territoire, courriel);

    public static HttpClient Client(AppFactory f) => f.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = AppFactory.Https, HandleCookies = true });

    /// <summary>Signs in through /pro/connexion then /pro/connexion/code; returns a client that holds the session cookie.</summary>
    public static Task<HttpClient> ConnecterAsync(AppFactory f, CompteTest compte) => ConnecterAsync(f, compte, Client(f));

    /// <summary>The same through any test host (one with a fake clock, say): the code is computed at that host's time.</summary>
    public static async Task<HttpClient> ConnecterAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> f, CompteTest compte, HttpClient client, TimeProvider? horloge = null)
    {
        var r = await PosterAsync(client, "/pro/connexion", new() { ["Courriel"] = compte.Courriel, ["MotDePasse"] = compte.MotDePasse });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.StartsWith("/pro/connexion/code", r.Headers.Location!.OriginalString);
        r = await PosterAsync(client, "/pro/connexion/code", new() { ["Code"] = Totp.CodeNeuf(compte.Cle, horloge?.GetUtcNow()) });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal("/pro", r.Headers.Location!.OriginalString);
        return client;
    }

    /// <summary>
    /// Posts the page's real form (see <see cref="Soumission.EnvoyerAsync"/>): its antiforgery token and hidden fields,
    /// <paramref name="champs"/> checked against its controls, to <paramref name="action"/> (default: the form's own).
    /// </summary>
    public static Task<HttpResponseMessage> PosterAsync(HttpClient client, string url, Dictionary<string, string> champs, string? action = null) =>
        Soumission.EnvoyerAsync(client, url, champs, action);

    public static async Task<IHtmlDocument> Html(HttpResponseMessage r) => new HtmlParser().ParseDocument(await r.Content.ReadAsStringAsync());

    public static async Task<IHtmlDocument> PageAsync(HttpClient client, string url)
    {
        var r = await client.GetAsync(url);
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)r.StatusCode}");
        return await Html(r);
    }

    /// <summary>The token from a link found in the last e-mail to <paramref name="destinataire"/> in the outbox.</summary>
    public static async Task<string> LienDansCourrierAsync(AppFactory f, string destinataire, string debut)
    {
        await using var db = f.CreateDbContext();
        var corps = await db.MessagesSortants.Where(m => m.Destinataire == destinataire).OrderByDescending(m => m.Id).Select(m => m.Corps).FirstAsync();
        var m = Regex.Match(corps, Regex.Escape(debut) + @"\S+");
        Assert.True(m.Success, $"no link starting with {debut} in: {corps}");
        return m.Value;
    }
}
