using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Raccroche.Tests.Integration;

/// <summary>The server-rendered pages, parsed as a browser without JavaScript would see them.</summary>
[Collection(SqliteCollection.Name)]
public sealed class PagesTests(SqliteAppFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = AppFactory.Https });

    private async Task<IHtmlDocument> Page(string url, HttpStatusCode attendu = HttpStatusCode.OK)
    {
        var r = await _client.GetAsync(url);
        Assert.Equal(attendu, r.StatusCode);
        return new HtmlParser().ParseDocument(await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Home_ShowsTheThreeEntriesAndASearchForm()
    {
        var doc = await Page("/");
        var entrees = doc.QuerySelectorAll(".entries h3 a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["Réfléchir à un projet", "Se former", "S'orienter vers un emploi"], entrees);
        var form = doc.QuerySelector("form[action='/recherche']")!;
        Assert.NotNull(form.QuerySelector("input[name=q]"));
        Assert.Equal("fr", doc.DocumentElement.GetAttribute("lang"));
    }

    [Theory]
    [InlineData("reflechir-projet")]
    [InlineData("se-former")]
    [InlineData("emploi")]
    public async Task EntryPage_ListsItsProgrammes(string entree)
    {
        var doc = await Page($"/entree/{entree}");
        Assert.NotEmpty(doc.QuerySelectorAll(".card h3 a"));
    }

    [Fact]
    public async Task EntryPage_Unknown_Is404() => await Page("/entree/astronomie", HttpStatusCode.NotFound);

    [Fact]
    public async Task Results_ByCommuneNameAndRadius_ShowDistances()
    {
        var doc = await Page("/recherche?commune=Thiers&rayon_km=30");
        Assert.Contains("autour de Thiers", doc.QuerySelector("#resultats-titre")!.TextContent);
        var distances = doc.QuerySelectorAll(".result .distance").Select(e => e.TextContent).ToList();
        Assert.NotEmpty(distances);
        Assert.All(distances, d => Assert.Matches(@"^(sur place|à \d+(,\d)? k?m)", d));
        Assert.Equal("Thiers (63300)", ((IHtmlInputElement)doc.QuerySelector("#commune")!).Value);
    }

    [Fact]
    public async Task Results_BadAge_ShowsTheMessageNextToTheField()
    {
        var doc = await Page("/recherche?age=abc");
        var input = doc.QuerySelector("#age")!;
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Equal("err-age", input.GetAttribute("aria-describedby"));
        Assert.Contains("entre 10 et 99", doc.QuerySelector("#err-age")!.TextContent);
        Assert.NotNull(doc.QuerySelector(".error-summary a[href='#age']"));
    }

    [Fact]
    public async Task Results_UnknownCommune_SaysSoNextToTheField()
    {
        var doc = await Page("/recherche?commune=Zzyzxville&rayon_km=30");
        Assert.Contains("Aucune commune", doc.QuerySelector("#err-commune")!.TextContent);
    }

    [Fact]
    public async Task Results_HomonymCommune_OffersAChoice()
    {
        var doc = await Page("/recherche?commune=Beaulieu");
        var choix = doc.QuerySelectorAll(".homonymes a").ToList();
        Assert.True(choix.Count > 1);
        Assert.All(choix, a => Assert.Contains("code_commune=", a.GetAttribute("href")));
    }

    [Fact]
    public async Task Sheet_ShowsFactsPlacesAndUpdateDate()
    {
        var search = await Page("/recherche?q=epide");
        var href = search.QuerySelector(".result h3 a")!.GetAttribute("href")!;
        var doc = await Page(href);
        Assert.Contains("EPIDE", doc.QuerySelector("h1")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Mis à jour le", doc.QuerySelector(".sheet .meta")!.TextContent);
        Assert.NotNull(doc.QuerySelector(".facts-grid"));
    }

    [Fact]
    public async Task Sheet_WrongSlug_RedirectsToCanonicalUrl()
    {
        var search = await Page("/recherche?q=epide");
        var href = search.QuerySelector(".result h3 a")!.GetAttribute("href")!;
        var id = href.Split('/')[2];
        var r = await _client.GetAsync($"/dispositifs/{id}/mauvais-nom");
        Assert.Equal(HttpStatusCode.MovedPermanently, r.StatusCode);
        Assert.Equal(href, r.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Sheet_Unknown_Is404WithAFrenchPage()
    {
        var doc = await Page("/dispositifs/999999/x", HttpStatusCode.NotFound);
        Assert.Contains("introuvable", doc.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Sheet_ScriptInDescription_IsShownInert()
    {
        int id;
        await using (var db = factory.CreateDbContext())
        {
            var structure = await db.Structures.FirstAsync();
            var d = new Dispositif
            {
                Slug = "xss-" + Guid.NewGuid().ToString("N")[..8],
                Nom = "<script>alert('nom')</script>",
                Resume = "<img src=x onerror=alert(1)>",
                Description = "Texte <script>alert('x')</script> et [lien](javascript:alert(2))",
                StructureId = structure.Id,
                DateMaj = new DateOnly(2026, 1, 1),
            };
            db.Dispositifs.Add(d);
            await db.SaveChangesAsync();
            id = d.Id;
        }

        var html = await (await _client.GetAsync($"/dispositifs/{id}/{(await factory.CreateDbContext().Dispositifs.FindAsync(id))!.Slug}")).Content.ReadAsStringAsync();
        var doc = new HtmlParser().ParseDocument(html);
        Assert.Empty(doc.QuerySelectorAll("main script"));
        Assert.Empty(doc.QuerySelectorAll("main img"));
        Assert.DoesNotContain("href=\"javascript:", html);
        Assert.Contains("<script>alert('nom')</script>", doc.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Directory_NearACommune_ListsCompetentStructures()
    {
        var doc = await Page("/annuaire?commune=Thiers");
        Assert.NotEmpty(doc.QuerySelectorAll(".card h3 a"));
        Assert.NotEmpty(doc.QuerySelectorAll(".badge"));
    }

    [Fact]
    public async Task About_CreditsTheDataSources()
    {
        var text = (await Page("/a-propos")).Body!.TextContent;
        Assert.Contains("GeoNames", text);
        Assert.Contains("Licence Ouverte", text);
        Assert.Contains("OpenStreetMap", text);
    }
}
