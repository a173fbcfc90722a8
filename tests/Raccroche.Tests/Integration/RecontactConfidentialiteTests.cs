using AngleSharp.Html.Parser;

namespace Raccroche.Tests.Integration;

/// <summary>
/// Once a young person types a name or a number, nothing travels in a URL; the API keeps the form's
/// honeypot; an address gets one acknowledgement a day. Runs on SQLite and PostgreSQL.
/// </summary>
public abstract class RecontactConfidentialiteTests(AppFactory f)
{
    private const string Reponses = "age=19&situation=sorti-sans-diplome&depuis=3-6-mois&classe=lycee&code_commune=63430&souhait=metier-paye&besoins=argent&besoins=logement&rayon_km=30";

    private static Dictionary<string, string> Saisie(string courriel) => new()
    {
        ["Saisie.Prenom"] = "Maël",
        ["Saisie.Telephone"] = "06 55 44 33 22",
        ["Saisie.Courriel"] = courriel,
        ["Saisie.Creneau"] = "soir",
        ["Saisie.Consentement"] = "true",
    };

    private static string Adresse() => $"jeune-{Guid.NewGuid():N}@exemple.fr";

    private Task<HttpResponseMessage> ApiAsync(HttpClient client, string json) =>
        client.PostAsync("/api/v1/demandes-de-contact", new StringContent(json, Encoding.UTF8, "application/json"));

    private static string ContactApi(string courriel, string? siteWeb = null) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["prenom"] = "Sacha",
        ["courriel"] = courriel,
        ["creneau"] = "matin",
        ["consentement"] = true,
        ["site_web"] = siteWeb,
        ["reponses"] = new { age = 19, code_commune = "42218" },
    });

    [Fact]
    public async Task ContactForm_PostsTheAnswersInItsBody_AndNoUrlCarriesThemOrTheContact()
    {
        var client = Pro.Client(f);
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync("/diagnostic/recontact?" + Reponses));
        var form = page.QuerySelector("form[method=post]")!;
        Assert.Equal("/diagnostic/recontact", form.GetAttribute("action"));
        var caches = form.QuerySelectorAll("input[type=hidden]").Select(i => (i.GetAttribute("name"), i.GetAttribute("value"))).ToList();
        Assert.Contains(("age", "19"), caches);
        Assert.Contains(("code_commune", "63430"), caches);
        Assert.Contains(("besoins", "argent"), caches);
        Assert.Contains(("besoins", "logement"), caches);
        Assert.Contains(("rayon_km", "30"), caches);

        var courriel = Adresse();
        var r = await Soumission.EnvoyerAsync(client, "/diagnostic/recontact?" + Reponses, Saisie(courriel));

        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var merci = r.Headers.Location!.OriginalString;
        Assert.Matches(@"^/diagnostic/recontact/merci\?reference=RC-[A-Z0-9]{6}$", merci);
        await using var db = f.CreateDbContext();
        var d = await db.DemandesContact.SingleAsync(x => x.Courriel == courriel);
        Assert.EndsWith(d.Reference, merci);
        using var reponses = JsonDocument.Parse(d.Reponses);
        Assert.Equal("63430", reponses.RootElement.GetProperty("code_commune").GetString());
        Assert.Equal(["argent", "logement"], reponses.RootElement.GetProperty("besoins").EnumerateArray().Select(b => b.GetString()));
        Assert.Equal(30, reponses.RootElement.GetProperty("rayon_km").GetDouble());
    }

    [Fact]
    public async Task ContactForm_PostedWithTheAnswersInTheUrlOnly_IsNotStored_AndTheRedirectCarriesNoAnswer()
    {
        var client = Pro.Client(f);
        var url = "/diagnostic/recontact?" + Reponses;
        var champs = Saisie(Adresse());
        var (_, contenu) = await Soumission.PreparerAsync(client, url, champs, champsCaches: false);

        var r = await client.PostAsync(url, contenu);

        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal("/diagnostic", r.Headers.Location!.OriginalString);
        await using var db = f.CreateDbContext();
        Assert.False(await db.DemandesContact.AnyAsync(x => x.Courriel == champs["Saisie.Courriel"]));
    }

    [Fact]
    public async Task ContactApi_Honeypot_PretendsSuccessButStoresAndMailsNothing()
    {
        var courriel = Adresse();
        var r = await ApiAsync(f.CreateClient(), ContactApi(courriel, siteWeb: "http://spam.example"));

        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var json = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
        Assert.Matches("^RC-[A-Z0-9]{6}$", json.GetProperty("reference").GetString());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("structure").GetString()));
        await using var db = f.CreateDbContext();
        Assert.False(await db.DemandesContact.AnyAsync(x => x.Courriel == courriel || x.Reference == json.GetProperty("reference").GetString()));
        Assert.False(await db.MessagesSortants.AnyAsync(m => m.Destinataire == courriel));
    }

    [Fact]
    public async Task ContactForm_Honeypot_PretendsSuccessButStoresNothing()
    {
        var courriel = Adresse();
        var champs = Saisie(courriel);
        champs["Saisie.SiteWeb"] = "http://spam.example";
        var r = await Soumission.EnvoyerAsync(Pro.Client(f), "/diagnostic/recontact?" + Reponses, champs);

        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.StartsWith("/diagnostic/recontact/merci?reference=RC-", r.Headers.Location!.OriginalString);
        await using var db = f.CreateDbContext();
        Assert.False(await db.DemandesContact.AnyAsync(x => x.Courriel == courriel));
        Assert.False(await db.MessagesSortants.AnyAsync(m => m.Destinataire == courriel));
    }

    [Fact]
    public async Task SecondRequestFromTheSameAddressWithin24Hours_IsStoredButNotAcknowledgedAgain()
    {
        var courriel = Adresse();
        var client = Pro.Client(f);
        Assert.Equal(HttpStatusCode.Created, (await ApiAsync(client, ContactApi(courriel))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Soumission.EnvoyerAsync(client, "/diagnostic/recontact?" + Reponses, Saisie(courriel.ToUpperInvariant()))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await ApiAsync(client, ContactApi(courriel))).StatusCode);

        await using (var db = f.CreateDbContext())
        {
            Assert.Equal(3, await db.DemandesContact.CountAsync(x => x.Courriel!.ToLower() == courriel));
            var accuses = await db.MessagesSortants.Where(m => m.Destinataire.ToLower() == courriel).ToListAsync();
            var accuse = Assert.Single(accuses);
            Assert.EndsWith("est bien arrivée", accuse.Sujet);

            // A day later, the address may be acknowledged again.
            accuse.CreeLe = accuse.CreeLe.AddHours(-25);
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.Created, (await ApiAsync(client, ContactApi(courriel))).StatusCode);
        await using var verif = f.CreateDbContext();
        Assert.Equal(2, await verif.MessagesSortants.CountAsync(m => m.Destinataire.ToLower() == courriel));
        Assert.Equal(4, await verif.DemandesContact.CountAsync(x => x.Courriel!.ToLower() == courriel));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RecontactConfidentialiteSqliteTests(SqliteAppFactory f) : RecontactConfidentialiteTests(f);

[Collection(PostgresCollection.Name)]
public sealed class RecontactConfidentialitePostgresTests(PostgresAppFactory f) : RecontactConfidentialiteTests(f);
