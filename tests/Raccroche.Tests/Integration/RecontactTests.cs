using AngleSharp.Html.Parser;

namespace Raccroche.Tests.Integration;

/// <summary>"Être recontacté·e" end to end: form, storage, routing, and delivery to a real SMTP server on loopback.</summary>
public sealed class RecontactTests : IAsyncLifetime
{
    private const string Reponses = "age=17&situation=sorti-sans-diplome&depuis=3-6-mois&classe=lycee&code_commune=63430&souhait=metier-paye&besoins=argent&rayon_km=";
    private readonly SmtpTestServer _smtp = new();
    private readonly SqliteAppFactory _factory = new();
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _factory.Reglages["Mail:Host"] = "127.0.0.1";
        _factory.Reglages["Mail:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _factory.Reglages["Mail:Securite"] = "None";
        _factory.Reglages["Mail:AdresseParDefaut"] = "orientation@region.test";
        await _factory.InitializeAsync();
        _client = _factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = AppFactory.Https });
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)_factory).DisposeAsync();
        await _smtp.DisposeAsync();
    }

    private Task<HttpResponseMessage> Envoyer(string url, Dictionary<string, string> champs) => Soumission.EnvoyerAsync(_client, url, champs);

    private static Dictionary<string, string> Valide() => new()
    {
        ["Saisie.Prenom"] = "Camille",
        ["Saisie.Telephone"] = "06 12 34 56 78",
        ["Saisie.Courriel"] = "camille@exemple.fr",
        ["Saisie.Creneau"] = "apres-midi",
        ["Saisie.Message"] = "Je voudrais travailler dans la mécanique.",
        ["Saisie.Consentement"] = "true",
    };

    private async Task<int> Envoyes()
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<Courrier>().EnvoyerEnAttenteAsync();
    }

    [Fact]
    public async Task ValidForm_StoresRoutesAndMailsTheCompetentStructure()
    {
        var r = await Envoyer($"/diagnostic/recontact?{Reponses}", Valide());

        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var merci = r.Headers.Location!.OriginalString;
        Assert.Contains("/diagnostic/recontact/merci?reference=RC-", merci);
        var reference = merci[(merci.IndexOf("RC-", StringComparison.Ordinal))..];
        Assert.Contains(reference, await _client.GetStringAsync(merci));

        await using var db = _factory.CreateDbContext();
        var d = await db.DemandesContact.Include(x => x.Structure).SingleAsync(x => x.Reference == reference);
        Assert.Equal("Camille", d.Prenom);
        Assert.Equal("0612345678", d.Telephone);
        Assert.Equal("mission-locale", d.Structure!.Type);
        Assert.Contains("\"code_commune\":\"63430\"", d.Reponses);

        Assert.Equal(2, await Envoyes());
        var messages = _smtp.Recus.ToList();
        var structure = messages.Single(m => m.To.ToString().Contains("orientation@region.test"));
        Assert.Contains(reference, structure.Subject);
        Assert.Contains("Camille", structure.TextBody);
        Assert.Contains("17 ans", structure.TextBody);
        Assert.Contains("Thiers", structure.TextBody);
        Assert.Contains("mécanique", structure.TextBody);
        var accuse = messages.Single(m => m.To.ToString().Contains("camille@exemple.fr"));
        Assert.Contains(reference, accuse.TextBody);
        Assert.Equal(0, await Envoyes()); // nothing is sent twice
    }

    [Fact]
    public async Task ChosenProgramme_RoutesToItsStructure()
    {
        int id;
        await using (var db = _factory.CreateDbContext())
        {
            id = await db.Dispositifs.Where(x => x.Slug == "e2c-rhone").Select(x => x.Id).SingleAsync();
        }

        var r = await Envoyer($"/diagnostic/recontact?{Reponses.Replace("63430", "69123")}&dispositif={id}", Valide());
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        await using var db2 = _factory.CreateDbContext();
        var d = await db2.DemandesContact.Include(x => x.Structure).OrderBy(x => x.Id).LastAsync();
        Assert.Equal(id, d.DispositifId);
        Assert.Equal("e2c-rhone", d.Structure!.Slug);
    }

    [Fact]
    public async Task InvalidForm_ShowsMessagesNextToFieldsAndStoresNothing()
    {
        await using var db = _factory.CreateDbContext();
        var avant = await db.DemandesContact.CountAsync();
        var champs = new Dictionary<string, string> { ["Saisie.Prenom"] = "<script>", ["Saisie.Telephone"] = "12", ["Saisie.Message"] = new string('x', 1001) };

        var r = await Envoyer($"/diagnostic/recontact?{Reponses}", champs);

        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var doc = new HtmlParser().ParseDocument(await r.Content.ReadAsStringAsync());
        foreach (var champ in new[] { "prenom", "telephone", "creneau", "message", "consentement" })
        {
            Assert.NotNull(doc.QuerySelector($"#err-{champ}"));
        }

        Assert.Equal("<script>", ((AngleSharp.Html.Dom.IHtmlInputElement)doc.QuerySelector("#prenom")!).Value);
        Assert.Equal(avant, await db.DemandesContact.CountAsync());
        Assert.Equal(0, await Envoyes());
    }

    [Fact]
    public async Task Honeypot_PretendsSuccessButStoresNothing()
    {
        await using var db = _factory.CreateDbContext();
        var avant = await db.DemandesContact.CountAsync();
        var champs = Valide();
        champs["Saisie.SiteWeb"] = "http://spam.example";
        var r = await Envoyer($"/diagnostic/recontact?{Reponses}", champs);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal(avant, await db.DemandesContact.CountAsync());
    }

    [Fact]
    public async Task Under16_NoFormButWhatToDo()
    {
        var html = await _client.GetStringAsync("/diagnostic/recontact?age=15&situation=scolarise-en-risque&depuis=moins-3-mois&classe=college&code_commune=69123&souhait=sais-pas&besoins=aucun&rayon_km=");
        var doc = new HtmlParser().ParseDocument(html);
        Assert.Null(doc.QuerySelector("form[method=post]"));
        Assert.Contains("CIO", doc.QuerySelector(".notice")!.TextContent);
    }

    [Fact]
    public async Task SmtpFailure_KeepsTheMessageAndRetriesLater()
    {
        _smtp.Refuser = true;
        var r = await Envoyer($"/diagnostic/recontact?{Reponses}", Valide());
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal(0, await Envoyes());

        await using (var db = _factory.CreateDbContext())
        {
            var enAttente = await db.MessagesSortants.Where(m => m.EnvoyeLe == null).ToListAsync();
            Assert.Equal(2, enAttente.Count);
            Assert.All(enAttente, m =>
            {
                Assert.Equal(1, m.Tentatives);
                Assert.NotNull(m.DerniereErreur);
                Assert.True(m.ProchaineTentative > DateTime.UtcNow);
            });

            // Time passes: the retry is due.
            foreach (var m in enAttente)
            {
                m.ProchaineTentative = DateTime.UtcNow.AddSeconds(-1);
            }

            await db.SaveChangesAsync();
        }

        _smtp.Refuser = false;
        Assert.Equal(2, await Envoyes());
        Assert.Equal(2, _smtp.Recus.Count);
    }

    [Fact]
    public async Task Api_CreatesARequestWithTheSameRules()
    {
        var ok = await _client.PostAsync("/api/v1/demandes-de-contact", new StringContent("""
            {"prenom": "Sacha", "courriel": "sacha@exemple.fr", "creneau": "matin", "consentement": true,
             "reponses": {"age": 19, "code_commune": "42218", "situation": "diplome-sans-emploi"}}
            """, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        var json = JsonDocument.Parse(await ok.Content.ReadAsStringAsync()).RootElement;
        Assert.StartsWith("RC-", json.GetProperty("reference").GetString());

        var ko = await _client.PostAsync("/api/v1/demandes-de-contact", new StringContent("""
            {"prenom": "", "telephone": "123", "creneau": "nuit", "reponses": {"age": 15, "code_commune": "42218"}}
            """, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, ko.StatusCode);
        var erreurs = JsonDocument.Parse(await ko.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        foreach (var champ in new[] { "prenom", "telephone", "creneau", "consentement", "age" })
        {
            Assert.True(erreurs.TryGetProperty(champ, out _), $"no error for {champ}");
        }

        var mauvaisType = await _client.PostAsync("/api/v1/demandes-de-contact", new StringContent("""
            {"prenom": "Sacha", "courriel": "sacha@exemple.fr", "creneau": "matin", "consentement": "oui",
             "reponses": {"age": 19, "code_commune": "42218"}}
            """, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, mauvaisType.StatusCode);
        var message = JsonDocument.Parse(await mauvaisType.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").GetProperty("consentement")[0].GetString();
        Assert.Equal("consentement doit être true ou false.", message);
    }
}

/// <summary>The public form accepts a few submissions per address, then says so in French.</summary>
public sealed class RecontactRateLimitTests : IAsyncLifetime
{
    private readonly SqliteAppFactory _factory = new();

    public async Task InitializeAsync()
    {
        _factory.Reglages["RateLimiting:FormulairesParFenetre"] = "2";
        await _factory.InitializeAsync();
    }

    public async Task DisposeAsync() => await ((IAsyncLifetime)_factory).DisposeAsync();

    [Fact]
    public async Task ThirdSubmission_IsRefusedWith429()
    {
        var client = _factory.CreateClient();
        var statuts = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var r = await client.PostAsync("/api/v1/demandes-de-contact", new StringContent("{}", Encoding.UTF8, "application/json"));
            statuts.Add(r.StatusCode);
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuts);
    }

    [Fact]
    public async Task FormAndApi_ShareOneBudgetPerAddress()
    {
        var client = _factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = AppFactory.Https });
        const string url = "/diagnostic/recontact?age=17&situation=sorti-sans-diplome&depuis=3-6-mois&classe=lycee&code_commune=63430&souhait=metier-paye&besoins=aucun&rayon_km=";
        var formulaire = await Soumission.EnvoyerAsync(client, url, new Dictionary<string, string> { ["Saisie.Prenom"] = "Lou" });
        var api = await client.PostAsync("/api/v1/demandes-de-contact", new StringContent("{}", Encoding.UTF8, "application/json"));
        var encore = await Soumission.EnvoyerAsync(client, url, new Dictionary<string, string> { ["Saisie.Prenom"] = "Lou" });

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], [formulaire.StatusCode, api.StatusCode, encore.StatusCode]);
        Assert.Contains("Trop de demandes", await encore.Content.ReadAsStringAsync());
    }
}
