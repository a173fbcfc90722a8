using AngleSharp.Html.Parser;

namespace Raccroche.Tests.Integration;

[Collection(SqliteCollection.Name)]
public sealed class DiagnosticPagesTests(SqliteAppFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = AppFactory.Https });

    private const string Complet = "age=17&situation=sorti-sans-diplome&depuis=3-6-mois&classe=lycee&code_commune=63430&souhait=metier-paye&besoins=argent&rayon_km=";

    [Fact]
    public async Task EachScreen_CarriesPreviousAnswersInHiddenFields()
    {
        var html = await _client.GetStringAsync("/diagnostic?age=17&situation=sorti-sans-diplome&etape=3&envoi=1");
        var doc = new HtmlParser().ParseDocument(html);
        Assert.Equal("Question 3 sur 8", doc.QuerySelector(".progress-label")!.TextContent);
        Assert.Equal("17", doc.QuerySelector("input[type=hidden][name=age]")!.GetAttribute("value"));
        Assert.Equal("sorti-sans-diplome", doc.QuerySelector("input[type=hidden][name=situation]")!.GetAttribute("value"));
        Assert.NotNull(doc.QuerySelector("a[href*='etape=2']"));
    }

    [Fact]
    public async Task HomonymCommune_OffersAChoiceOnTheSameScreen()
    {
        var html = await _client.GetStringAsync("/diagnostic?age=17&situation=sorti-sans-diplome&depuis=3-6-mois&classe=lycee&commune=Beaulieu&etape=6&envoi=1");
        var doc = new HtmlParser().ParseDocument(html);
        Assert.Equal("Question 5 sur 8", doc.QuerySelector(".progress-label")!.TextContent);
        Assert.True(doc.QuerySelectorAll("input[type=radio][name=code_commune]").Length > 1);
    }

    [Fact]
    public async Task LastAnswer_RedirectsToResultsWhoseUrlHoldsOnlyTheAnswers()
    {
        var r = await _client.GetAsync($"/diagnostic?{Complet}&etape=9&envoi=1");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var url = r.Headers.Location!.OriginalString;
        Assert.StartsWith("/diagnostic/resultats?", url);
        Assert.DoesNotContain("envoi", url);
        var doc = new HtmlParser().ParseDocument(await _client.GetStringAsync(url));
        Assert.Contains("Thiers", doc.QuerySelector("h1")!.TextContent);
        Assert.InRange(doc.QuerySelectorAll(".result").Length, 1, 8);
        Assert.Equal(8, doc.QuerySelectorAll(".answers dd a").Length);
    }

    [Fact]
    public async Task CompletedDiagnostic_IsKeptOnlyAsAnAnonymousCount()
    {
        async Task<int> Compte()
        {
            await using var db = factory.CreateDbContext();
            return await db.StatistiquesDiagnostic
                .Where(s => s.Departement == "63" && s.TrancheAge == "16-18" && s.Situation == "sorti-sans-diplome" && s.Souhait == "metier-paye")
                .SumAsync(s => s.Nombre);
        }

        var avant = await Compte();
        await _client.GetAsync($"/diagnostic?{Complet}&etape=9&envoi=1");
        await _client.GetAsync($"/diagnostic?{Complet}&etape=9&envoi=1");
        Assert.Equal(avant + 2, await Compte());

        // Viewing or sharing the results is not a new diagnostic.
        await _client.GetAsync($"/diagnostic/resultats?{Complet}");
        Assert.Equal(avant + 2, await Compte());
    }

    [Fact]
    public async Task Results_Under16_SaysWhoToTalkTo()
    {
        var doc = new HtmlParser().ParseDocument(await _client.GetStringAsync(
            "/diagnostic/resultats?age=14&situation=scolarise-en-risque&depuis=moins-3-mois&classe=college&code_commune=69123&souhait=sais-pas&besoins=aucun&rayon_km="));
        Assert.Contains("moins de 16 ans", doc.QuerySelector(".notice")!.TextContent);
    }

    [Theory]
    [InlineData("/diagnostic/resultats?age=17")]
    [InlineData("/diagnostic/resultats?age=200&code_commune=63430")]
    [InlineData("/diagnostic/resultats?age=17&code_commune=00000")]
    public async Task Results_WithMissingOrBadAnswers_GoBackToTheQuestions(string url)
    {
        var r = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.StartsWith("/diagnostic", r.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Results_AreLightForMobileData()
    {
        var html = await _client.GetStringAsync($"/diagnostic/resultats?{Complet}");
        Assert.True(html.Length < 40_000, $"{html.Length} bytes of HTML");
    }

    [Fact]
    public async Task Results_AreCompressedForBrowsersThatAcceptIt()
    {
        using var requete = new HttpRequestMessage(HttpMethod.Get, $"/diagnostic/resultats?{Complet}");
        requete.Headers.AcceptEncoding.ParseAdd("gzip, br");
        using var r = await _client.SendAsync(requete);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal(["br"], r.Content.Headers.ContentEncoding);
        var compresse = (await r.Content.ReadAsByteArrayAsync()).Length;
        var html = System.Text.Encoding.UTF8.GetByteCount(await _client.GetStringAsync($"/diagnostic/resultats?{Complet}"));
        Assert.True(compresse * 3 < html, $"{compresse} bytes with Brotli for {html} bytes of HTML");
    }
}
