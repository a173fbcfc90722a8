using AngleSharp.Html.Parser;

namespace Raccroche.Tests.Integration;

/// <summary>QR-code campaigns: the short address tags the diagnostic, and only counts are kept.</summary>
public sealed class CampagnesTests : IAsyncLifetime
{
    private readonly SqliteAppFactory _factory = new();
    private HttpClient _client = null!;

    private const string UrlPublique = "https://raccroche.example.fr";

    public async Task InitializeAsync()
    {
        // As if AllowedHosts were left open: the poster must not trust the Host header anyway.
        _factory.Reglages["AllowedHosts"] = "*";
        _factory.Reglages["App:UrlPublique"] = UrlPublique + "/";
        await _factory.InitializeAsync();
        _client = _factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = AppFactory.Https });
    }

    public async Task DisposeAsync() => await ((IAsyncLifetime)_factory).DisposeAsync();

    private async Task<Campagne> Creer(string? structureSlug = null, DateOnly? fin = null)
    {
        await using var db = _factory.CreateDbContext();
        var c = new Campagne
        {
            Code = Campagne.NouveauCode(),
            Nom = "Affiches gare de Thiers",
            Territoire = "Thiers et alentours",
            Debut = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1),
            Fin = fin,
            StructureId = structureSlug is null ? null : await db.Structures.Where(s => s.Slug == structureSlug).Select(s => (int?)s.Id).SingleAsync(),
        };
        db.Campagnes.Add(c);
        await db.SaveChangesAsync();
        return c;
    }

    private async Task<Campagne> Relire(string code)
    {
        await using var db = _factory.CreateDbContext();
        return await db.Campagnes.AsNoTracking().SingleAsync(c => c.Code == code);
    }

    [Fact]
    public async Task ShortAddress_CountsTheVisitAndTagsTheDiagnostic()
    {
        var c = await Creer();
        var r = await _client.GetAsync($"/d/{c.Code.ToLowerInvariant()}");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal($"/diagnostic?campagne={c.Code}", r.Headers.Location!.OriginalString);
        Assert.Equal(1, (await Relire(c.Code)).Visites);

        var doc = new HtmlParser().ParseDocument(await _client.GetStringAsync($"/diagnostic?campagne={c.Code}"));
        Assert.Equal(c.Code, doc.QuerySelector("input[type=hidden][name=campagne]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task UnknownOrFinishedCampaign_StillLeadsToTheDiagnosticUntagged()
    {
        var finie = await Creer(fin: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1));
        foreach (var code in new[] { finie.Code, "ZZZZZZ", "<script>" })
        {
            var r = await _client.GetAsync($"/d/{Uri.EscapeDataString(code)}");
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            Assert.Equal("/diagnostic", r.Headers.Location!.OriginalString);
        }

        Assert.Equal(0, (await Relire(finie.Code)).Visites);
    }

    [Fact]
    public async Task CompletedDiagnosticAndContactRequest_AreCountedAndRoutedToTheCampaignStructure()
    {
        var c = await Creer(structureSlug: "ml-63");
        var reponses = $"campagne={c.Code}&age=18&situation=sorti-sans-diplome&depuis=plus-1-an&classe=lycee&code_commune=63430&souhait=travail&besoins=aucun&rayon_km=";
        var fin = await _client.GetAsync($"/diagnostic?{reponses}&etape=9&envoi=1");
        Assert.Contains($"campagne={c.Code}", fin.Headers.Location!.OriginalString);
        Assert.Equal(1, (await Relire(c.Code)).Diagnostics);

        var r = await Soumission.EnvoyerAsync(_client, $"/diagnostic/recontact?{reponses}", new Dictionary<string, string>
        {
            ["Saisie.Prenom"] = "Noa",
            ["Saisie.Telephone"] = "0473000000",
            ["Saisie.Creneau"] = "matin",
            ["Saisie.Consentement"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal(1, (await Relire(c.Code)).Demandes);
        await using var db = _factory.CreateDbContext();
        var demande = await db.DemandesContact.Include(d => d.Structure).OrderBy(d => d.Id).LastAsync();
        Assert.Equal("ml-63", demande.Structure!.Slug);
    }

    [Fact]
    public async Task Poster_HasTheQrCodeAndTheShortAddress_AndFiguresShowCountsOnly()
    {
        var c = await Creer();
        var affiche = new HtmlParser().ParseDocument(await _client.GetStringAsync($"/campagnes/{c.Code}/affiche"));
        Assert.NotNull(affiche.QuerySelector(".qr svg"));
        Assert.Contains($"/d/{c.Code}", affiche.QuerySelector(".poster-url")!.TextContent);

        var chiffres = new HtmlParser().ParseDocument(await _client.GetStringAsync($"/campagnes/{c.Code}"));
        Assert.Equal(3, chiffres.QuerySelectorAll(".stats dd").Length);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/campagnes/ZZZZZZ/affiche")).StatusCode);
    }

    [Fact]
    public async Task Poster_RequestedWithAForgedHost_ShowsThePublicAddressAndEncodesItInTheQrCode()
    {
        var c = await Creer();
        var requete = new HttpRequestMessage(HttpMethod.Get, $"/campagnes/{c.Code}/affiche");
        requete.Headers.Host = "piege.example";
        var r = await _client.SendAsync(requete);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var html = await r.Content.ReadAsStringAsync();

        var attendue = $"{UrlPublique}/d/{c.Code}";
        Assert.DoesNotContain("piege.example", html);
        var affiche = new HtmlParser().ParseDocument(html);
        Assert.Equal(attendue, affiche.QuerySelector(".poster-url strong")!.TextContent);
        Assert.Equal($"QR code vers {attendue}", affiche.QuerySelector(".qr")!.GetAttribute("aria-label"));

        // The QR code is generated deterministically: the same SVG as for the public address.
        var qr = new HtmlParser().ParseDocument("<div>" + Raccroche.Web.Commun.Qr.Svg(attendue) + "</div>").QuerySelector("svg")!.OuterHtml;
        Assert.Equal(qr, affiche.QuerySelector(".qr svg")!.OuterHtml);
    }
}
