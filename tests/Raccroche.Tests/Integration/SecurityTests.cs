
namespace Raccroche.Tests.Integration;

/// <summary>The security baseline: headers, cookie flags, HSTS, key ring in the database, rate-limited sign-in, inert payloads.</summary>
[Collection(SqliteCollection.Name)]
public sealed class SecurityTests(SqliteAppFactory f)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/recherche?q=mission")]
    [InlineData("/pro/connexion")]
    [InlineData("/api/v1/dispositifs")]
    [InlineData("/page-qui-n-existe-pas")]
    public async Task Responses_CarryTheSecurityHeaders(string url)
    {
        var r = await f.CreateClient().GetAsync(url);
        var csp = r.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self';", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", r.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", r.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", r.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task Https_GetsHsts_OutsideDevelopment()
    {
        // HSTS is never sent to localhost: this needs a public name, allowed as production would.
        await using var app = f.WithWebHostBuilder(b => b.UseSetting("AllowedHosts", "raccroche.example"));
        var client = app.CreateClient(new() { BaseAddress = new Uri("https://raccroche.example") });
        var r = await client.GetAsync("/");
        Assert.StartsWith("max-age=", r.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/v1/dispositifs")]
    public async Task ForgedHostHeader_IsRefused_OutsideDevelopment(string url)
    {
        var client = f.CreateClient();
        var requete = new HttpRequestMessage(HttpMethod.Get, url);
        requete.Headers.Host = "piege.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(requete)).StatusCode);

        // The shipped configuration (appsettings.json) lets the loopback names through.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Cookies_AreSecureHttpOnlySameSite_AndKeysLiveInTheDatabase()
    {
        var compte = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-63");
        var client = Pro.Client(f);
        var get = await client.GetAsync("/pro/connexion");
        var antiforgery = get.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-raccroche.af=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("secure", antiforgery);
        Assert.Contains("httponly", antiforgery);
        Assert.Contains("samesite=strict", antiforgery);

        await Pro.PosterAsync(client, "/pro/connexion", new() { ["Courriel"] = compte.Courriel, ["MotDePasse"] = compte.MotDePasse });
        var r = await Pro.PosterAsync(client, "/pro/connexion/code", new() { ["Code"] = Totp.CodeNeuf(compte.Cle) });
        // __Host-: Secure, Path=/, no Domain, so no other host or path can set or read it.
        var session = r.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-raccroche.pro=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("path=/;", session + ";");
        Assert.DoesNotContain("domain=", session);
        Assert.Contains("secure", session);
        Assert.Contains("httponly", session);
        Assert.Contains("samesite=lax", session);

        await using var db = f.CreateDbContext();
        Assert.True(await db.DataProtectionKeys.AnyAsync());
    }

    [Fact]
    public async Task Forms_WithoutAntiforgeryToken_AreRejected()
    {
        var r = await Pro.Client(f).PostAsync("/pro/connexion", new FormUrlEncodedContent(new Dictionary<string, string> { ["Courriel"] = "a@b.fr", ["MotDePasse"] = "x" }));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
    }

    [Fact]
    public async Task SignIn_IsRateLimitedPerAddress()
    {
        await using var app = new SqliteAppFactory();
        app.Reglages["RateLimiting:ConnexionParFenetre"] = "3";
        await app.InitializeAsync();
        var client = Pro.Client(app);
        var statuts = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuts.Add((await Pro.PosterAsync(client, "/pro/connexion", new() { ["Courriel"] = "x@pro.test", ["MotDePasse"] = "mauvais" })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuts);
    }

    [Fact]
    public async Task PublicContactForm_StoresPayloadsAsTyped_AndShowsThemInert()
    {
        const string payload = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>";
        var client = Pro.Client(f);
        const string reponses = "age=19&situation=sorti-sans-diplome&depuis=3-6-mois&classe=lycee&code_commune=63430&souhait=metier-paye&besoins=argent&rayon_km=";
        var r = await Soumission.EnvoyerAsync(client, "/diagnostic/recontact?" + reponses, new Dictionary<string, string>
        {
            ["Saisie.Prenom"] = "Élise",
            ["Saisie.Telephone"] = "0698765432",
            ["Saisie.Creneau"] = "matin",
            ["Saisie.Message"] = payload,
            ["Saisie.Consentement"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var reference = System.Web.HttpUtility.ParseQueryString(new Uri(AppFactory.Https, r.Headers.Location!).Query)["reference"]!;
        await using var db = f.CreateDbContext();
        var d = await db.DemandesContact.SingleAsync(x => x.Reference == reference);
        Assert.Equal(payload, d.Message);

        var membre = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-63"));
        var html = await (await membre.GetAsync($"/pro/demandes/{d.Id}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);

        // A payload in a query string comes back encoded too.
        var recherche = await (await client.GetAsync("/recherche?q=" + Uri.EscapeDataString(payload))).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert(1)", recherche);
        Assert.DoesNotContain("<img src=x", recherche);
    }
}
