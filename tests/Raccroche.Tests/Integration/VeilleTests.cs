using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Raccroche.Tests.Integration.Flux;
using Raccroche.Web.Donnees.Initiales;
using Raccroche.Web.Features.Moderation;
using Raccroche.Web.Features.Veille;

namespace Raccroche.Tests.Integration;

/// <summary>
/// The news watch: the list (newest first, 20 a page, filters, French full-text search), the item pages, the Atom feeds
/// (validated by jing against RFC 4287's schema) and the RSS feed (parsed), their conditional GET, the related news on the
/// catalogue's sheets, the seed, and typed HTML shown inert everywhere. The moderation is in ModerationVeilleTests.
/// Each test names its items with its own word (<see cref="VeilleDeTest.Mot"/>).
/// </summary>
public abstract class VeilleTests(AppFactory f)
{
    private static readonly XNamespace A = "http://www.w3.org/2005/Atom";

    private HttpClient Public => Pro.Client(f);

    private async Task<string> TexteAsync(string url)
    {
        var r = await Public.GetAsync(url);
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)r.StatusCode}");
        return await r.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Seed_PublishesAtLeastTenItemsAndThreeEvents_SoTheFeedsAreNotEmptyOnAFreshInstall()
    {
        await using (var db = f.CreateDbContext())
        {
            Assert.True(await db.Actualites.CountAsync(a => a.Auteur == VeilleInitiale.Auteur && a.Statut == StatutModeration.Publiee) >= 10);
            Assert.True(await db.Evenements.CountAsync(e => e.Auteur == VeilleInitiale.Auteur && e.Statut == StatutModeration.Publiee) >= 3);
            Assert.All(await db.Actualites.Where(a => a.Auteur == VeilleInitiale.Auteur).ToListAsync(), a =>
            {
                Assert.InRange(a.Resume.Length, 1, Actualite.LongueurResume);
                Assert.NotEmpty(a.Themes);
                Assert.All(a.Themes, t => Assert.True(Etiquettes.Themes.Contient(t), t));
            });
            var e2c = await db.Actualites.Include(a => a.StructuresLiees).SingleAsync(a => a.Titre.StartsWith("Écoles de la 2e chance"));
            Assert.Contains(e2c.StructuresLiees, s => s.Slug == "reseau-e2c-france");
        }

        var atom = XDocument.Parse(await TexteAsync("/veille/flux.atom"));
        Assert.True(atom.Root!.Elements(A + "entry").Count() >= 10);
        var rss = XDocument.Parse(await TexteAsync("/veille/flux.rss"));
        Assert.True(rss.Root!.Element("channel")!.Elements("item").Count() >= 10);
    }

    [Fact]
    public async Task List_IsNewestFirst_TwentyAPage()
    {
        var mot = VeilleDeTest.Mot();
        for (var i = 0; i < 22; i++)
        {
            await VeilleDeTest.CreerActualiteAsync(f.Services, $"Actualité {i:00} {mot}", new DateOnly(2001, 1, 1).AddDays(i));
        }

        var page1 = new HtmlParser().ParseDocument(await TexteAsync($"/veille?q={mot}"));
        Assert.Equal("22 actualités", page1.QuerySelector("#resultats-titre")!.TextContent.Trim());
        var titres = page1.QuerySelectorAll(".result-list .card-title a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(20, titres.Count);
        Assert.Equal([.. Enumerable.Range(2, 20).Reverse().Select(i => $"Actualité {i:00} {mot}")], titres);
        var suivante = page1.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!;
        var page2 = new HtmlParser().ParseDocument(await TexteAsync(suivante));
        Assert.Equal([$"Actualité 01 {mot}", $"Actualité 00 {mot}"], page2.QuerySelectorAll(".result-list .card-title a").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public async Task Search_FoldsAccentsElisionsAndPlurals_AsTheCatalogueDoes()
    {
        var mot = VeilleDeTest.Mot();
        await VeilleDeTest.CreerActualiteAsync(f.Services, $"Les Écoles de l'insertion {mot}", new DateOnly(2024, 5, 2));
        await VeilleDeTest.CreerActualiteAsync(f.Services, $"Un forum des métiers {mot}", new DateOnly(2024, 5, 3));

        async Task<List<string>> Trouver(string q) =>
            [.. new HtmlParser().ParseDocument(await TexteAsync("/veille?q=" + Uri.EscapeDataString(q))).QuerySelectorAll(".result-list .card-title a").Select(a => a.TextContent.Trim())];

        Assert.Equal([$"Les Écoles de l'insertion {mot}"], await Trouver($"ecole insertion {mot}"));
        Assert.Equal([$"Les Écoles de l'insertion {mot}"], await Trouver($"l'INSERTION {mot}"));
        Assert.Equal([$"Un forum des métiers {mot}"], await Trouver($"métier {mot}"));
        Assert.Equal([$"Un forum des métiers {mot}"], await Trouver($"for {mot}")); // the start of a word
        Assert.Empty(await Trouver($"apprentissage {mot}"));
    }

    [Fact]
    public async Task Filters_ByThemePublicAndDepartement_KeepTheWholeRegionsItems()
    {
        var mot = VeilleDeTest.Mot();
        await VeilleDeTest.CreerActualiteAsync(f.Services, $"Savoie {mot}", new DateOnly(2024, 1, 3), themes: ["engagement"], publics: ["jeunes"], territoire: ["73"]);
        await VeilleDeTest.CreerActualiteAsync(f.Services, $"Région {mot}", new DateOnly(2024, 1, 2), themes: ["raccrochage"], publics: ["familles"]);
        await VeilleDeTest.CreerActualiteAsync(f.Services, $"Puy-de-Dôme {mot}", new DateOnly(2024, 1, 1), themes: ["engagement"], territoire: ["63"]);

        async Task<List<string>> Titres(string filtres) =>
            [.. new HtmlParser().ParseDocument(await TexteAsync($"/veille?q={mot}&{filtres}")).QuerySelectorAll(".result-list .card-title a").Select(a => a.TextContent.Trim()[..^(mot.Length + 1)])];

        Assert.Equal(["Savoie", "Région"], await Titres("departement=73"));
        Assert.Equal(["Savoie", "Puy-de-Dôme"], await Titres("theme=engagement"));
        Assert.Equal(["Région"], await Titres("public=familles"));
        Assert.Equal(["Savoie"], await Titres("theme=engagement&departement=73"));
    }

    [Theory]
    [InlineData("theme=inconnu", "theme", "thème")]
    [InlineData("departement=999", "departement", "n'existe pas")]
    [InlineData("page=abc", "page", "numéro de page")]
    public async Task List_WithABadFilter_SaysWhichInFrench_WithoutFailing(string filtre, string champ, string message)
    {
        var page = new HtmlParser().ParseDocument(await TexteAsync("/veille?" + filtre));
        var lien = page.QuerySelector($".error-summary a[href='#{champ}']");
        Assert.NotNull(lien);
        Assert.Contains(message, lien!.TextContent);
    }

    [Fact]
    public async Task ItemPage_ShowsAPublishedItem_RedirectsAWrongSlug_AndHidesDraftsAndProposals()
    {
        var mot = VeilleDeTest.Mot();
        var publiee = await VeilleDeTest.CreerActualiteAsync(f.Services, $"Une actualité publiée {mot}", new DateOnly(2025, 3, 4), themes: ["obligation-formation"]);
        var brouillon = await VeilleDeTest.CreerActualiteAsync(f.Services, $"Un brouillon {mot}", new DateOnly(2025, 3, 4), StatutModeration.Brouillon);
        var proposee = await VeilleDeTest.CreerActualiteAsync(f.Services, $"Une proposition {mot}", new DateOnly(2025, 3, 4), StatutModeration.Proposee);

        var r = await Public.GetAsync($"/veille/{publiee.Id}/mauvais-slug");
        Assert.Equal(HttpStatusCode.MovedPermanently, r.StatusCode);
        Assert.Equal($"/veille/{publiee.Id}/{publiee.Slug}", r.Headers.Location!.OriginalString);
        var page = new HtmlParser().ParseDocument(await TexteAsync($"/veille/{publiee.Id}/{publiee.Slug}"));
        Assert.Equal($"Une actualité publiée {mot}", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("4 mars 2025", page.QuerySelector(".meta")!.TextContent);
        var alternates = page.QuerySelectorAll("head link[rel=alternate]").Select(l => (l.GetAttribute("type"), l.GetAttribute("href"))).ToList();
        Assert.Contains(("application/atom+xml", "/veille/flux.atom"), alternates);
        Assert.Contains(("application/rss+xml", "/veille/flux.rss"), alternates);
        Assert.Contains(("application/atom+xml", "/veille/themes/obligation-formation/flux.atom"), alternates);
        foreach (var cache in new[] { brouillon, proposee })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await Public.GetAsync($"/veille/{cache.Id}/{cache.Slug}")).StatusCode);
        }

        var liste = await TexteAsync($"/veille?q={mot}");
        Assert.Contains(publiee.Titre, liste);
        Assert.DoesNotContain(brouillon.Titre, liste);
        Assert.DoesNotContain(proposee.Titre, liste);
    }

    [Fact]
    public async Task ListPage_HasAutodiscoveryLinks_AndTheThemesFeedWhenFiltered()
    {
        var page = new HtmlParser().ParseDocument(await TexteAsync("/veille?theme=engagement"));
        var liens = page.QuerySelectorAll("head link[rel=alternate]").Select(l => (l.GetAttribute("type"), l.GetAttribute("href"))).ToList();
        Assert.Equal([("application/atom+xml", "/veille/flux.atom"), ("application/rss+xml", "/veille/flux.rss"), ("application/atom+xml", "/veille/themes/engagement/flux.atom")], liens);
    }

    [Theory]
    [InlineData("/veille/flux.atom")]
    [InlineData("/veille/themes/raccrochage/flux.atom")]
    public async Task AtomFeed_IsValidAgainstTheRelaxNgSchemaOfRfc4287(string url)
    {
        var mot = VeilleDeTest.Mot();
        await VeilleDeTest.CreerActualiteAsync(f.Services, $"Pour le flux {mot}", new DateOnly(2099, 1, 1), themes: ["raccrochage"],
            corps: "Un texte **en gras** et [un lien](https://exemple.fr/page).");
        var r = await Public.GetAsync(url);
        Assert.Equal("application/atom+xml", r.Content.Headers.ContentType!.MediaType);
        var xml = await r.Content.ReadAsStringAsync();
        await Jing.AssertValideAsync(xml);

        var feed = XDocument.Parse(xml).Root!;
        Assert.EndsWith(url, feed.Element(A + "id")!.Value);
        Assert.EndsWith(url, feed.Elements(A + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
        Assert.NotEmpty(feed.Element(A + "author")!.Element(A + "name")!.Value);
        var entree = feed.Elements(A + "entry").Single(e => e.Element(A + "title")!.Value == $"Pour le flux {mot}");
        Assert.Contains("<strong>en gras</strong>", entree.Element(A + "content")!.Value);
    }

    [Fact]
    public async Task TheSchemaCheck_CanFail_OnAFeedWithoutIdNorUpdated()
    {
        var (code, sortie) = await Jing.ValiderAtomAsync("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title></feed>");
        Assert.NotEqual(0, code);
        Assert.Contains("id", sortie);
    }

    [Fact]
    public async Task RssFeed_Parses_WithRfc822DatesAndAPermalinkGuidPerItem()
    {
        var mot = VeilleDeTest.Mot();
        var a = await VeilleDeTest.CreerActualiteAsync(f.Services, $"Pour le RSS {mot}", new DateOnly(2099, 2, 3), themes: ["engagement"]);
        var r = await Public.GetAsync("/veille/flux.rss");
        Assert.Equal("application/rss+xml", r.Content.Headers.ContentType!.MediaType);
        var rss = XDocument.Parse(await r.Content.ReadAsStringAsync()).Root!;
        Assert.Equal("2.0", rss.Attribute("version")!.Value);
        var canal = rss.Element("channel")!;
        Assert.All(new[] { "title", "link", "description" }, e => Assert.NotEmpty(canal.Element(e)!.Value));
        Assert.EndsWith("/veille/flux.rss", canal.Element(A + "link")!.Attribute("href")!.Value);
        Assert.True(MimeKit.Utils.DateUtils.TryParse(canal.Element("lastBuildDate")!.Value, out _));
        var items = canal.Elements("item").ToList();
        Assert.All(items, i =>
        {
            Assert.True(MimeKit.Utils.DateUtils.TryParse(i.Element("pubDate")!.Value, out _), i.Element("pubDate")!.Value);
            Assert.Equal("true", i.Element("guid")!.Attribute("isPermaLink")!.Value);
            Assert.StartsWith("http", i.Element("guid")!.Value);
        });
        Assert.Equal(items.Count, items.Select(i => i.Element("guid")!.Value).Distinct().Count());
        var item = items.Single(i => i.Element("title")!.Value == a.Titre);
        Assert.True(MimeKit.Utils.DateUtils.TryParse(item.Element("pubDate")!.Value, out var date));
        Assert.Equal(new DateTimeOffset(2099, 2, 2, 23, 0, 0, TimeSpan.Zero), date); // midnight in Paris
        Assert.EndsWith($"/veille/{a.Id}", item.Element("guid")!.Value);
        Assert.Equal("Engagement et service civique", item.Element("category")!.Value);
    }

    [Theory]
    [InlineData("/veille/flux.atom")]
    [InlineData("/veille/flux.rss")]
    [InlineData("/veille/themes/engagement/flux.atom")]
    public async Task Feeds_AnswerNotModified_ToTheirValidators_UntilAnItemIsPublished(string url)
    {
        var premiere = await Public.GetAsync(url);
        var etag = premiere.Headers.ETag!.ToString();
        var modifie = premiere.Content.Headers.LastModified!.Value;
        var tete = await Public.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        Assert.Equal((HttpStatusCode.OK, etag), (tete.StatusCode, tete.Headers.ETag!.ToString()));

        var avecEtag = new HttpRequestMessage(HttpMethod.Get, url);
        avecEtag.Headers.TryAddWithoutValidation("If-None-Match", etag);
        var r = await Public.SendAsync(avecEtag);
        Assert.Equal(HttpStatusCode.NotModified, r.StatusCode);
        Assert.Empty(await r.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, r.Headers.ETag!.ToString());

        var avecDate = new HttpRequestMessage(HttpMethod.Get, url);
        avecDate.Headers.IfModifiedSince = modifie;
        Assert.Equal(HttpStatusCode.NotModified, (await Public.SendAsync(avecDate)).StatusCode);

        await Task.Delay(1100); // Last-Modified counts whole seconds
        var mot = VeilleDeTest.Mot();
        await VeilleDeTest.CreerActualiteAsync(f.Services, $"Nouvelle {mot}", new DateOnly(2099, 12, 1), themes: ["engagement"]);
        var apres = new HttpRequestMessage(HttpMethod.Get, url);
        apres.Headers.TryAddWithoutValidation("If-None-Match", etag);
        r = await Public.SendAsync(apres);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains(mot, await r.Content.ReadAsStringAsync());
        var apresDate = new HttpRequestMessage(HttpMethod.Get, url);
        apresDate.Headers.IfModifiedSince = modifie;
        Assert.Equal(HttpStatusCode.OK, (await Public.SendAsync(apresDate)).StatusCode);
    }

    [Fact]
    public async Task ThemeFeed_HoldsOnlyItsThemesItems_AndAnUnknownThemeIsNotFound()
    {
        var mot = VeilleDeTest.Mot();
        await VeilleDeTest.CreerActualiteAsync(f.Services, $"Obligation {mot}", new DateOnly(2099, 3, 1), themes: ["obligation-formation"]);
        Assert.Contains(mot, await TexteAsync("/veille/themes/obligation-formation/flux.atom"));
        var autre = XDocument.Parse(await TexteAsync("/veille/themes/partenariats/flux.atom")).Root!;
        Assert.DoesNotContain(mot, autre.ToString());
        Assert.All(autre.Elements(A + "entry"), e => Assert.Contains(e.Elements(A + "category"), c => c.Attribute("term")!.Value == "partenariats"));
        Assert.Equal(HttpStatusCode.NotFound, (await Public.GetAsync("/veille/themes/inconnu/flux.atom")).StatusCode);
    }

    [Fact]
    public async Task CatalogueSheets_ShowTheirPublishedNews_NotDrafts()
    {
        int dispositif, structure;
        string slug;
        await using (var db = f.CreateDbContext())
        {
            var d = await db.Dispositifs.FirstAsync(x => x.Slug == "ueaj-villeurbanne");
            (dispositif, structure, slug) = (d.Id, d.StructureId, d.Slug);
        }

        var mot = VeilleDeTest.Mot();
        await VeilleDeTest.CreerActualiteAsync(f.Services, $"Liée publiée {mot}", new DateOnly(2099, 4, 1), dispositifs: [dispositif], structures: [structure]);
        await VeilleDeTest.CreerActualiteAsync(f.Services, $"Liée brouillon {mot}", new DateOnly(2099, 4, 2), StatutModeration.Brouillon, dispositifs: [dispositif], structures: [structure]);
        foreach (var url in new[] { $"/dispositifs/{dispositif}/{slug}", $"/structures/{structure}" })
        {
            var section = new HtmlParser().ParseDocument(await TexteAsync(url)).QuerySelector("section[aria-labelledby=actualites-liees]");
            Assert.NotNull(section);
            Assert.Contains($"Liée publiée {mot}", section!.TextContent);
            Assert.DoesNotContain($"Liée brouillon {mot}", section.TextContent);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class VeilleSqliteTests(SqliteAppFactory f) : VeilleTests(f);

[Collection(PostgresCollection.Name)]
public sealed class VeillePostgresTests(PostgresAppFactory f) : VeilleTests(f);
