using Raccroche.Web.Features.Moderation;

namespace Raccroche.BrowserTests;

/// <summary>
/// The news watch and the agenda in Chromium: filtering with and without JavaScript at 360 px and on a desktop, the
/// keyboard alone, no horizontal scroll on a narrow phone, axe-core (WCAG 2.1 AA) on the public pages and on a member's
/// proposal form, errors included.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class VeilleBrowserTests(BrowserFixture app)
{
    private async Task<(string Actualite, string Evenement)> PagesDeLaGraineAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RaccrocheDbContext>();
        var a = await db.Actualites.Where(x => x.Statut == StatutModeration.Publiee && x.Corps != null).OrderBy(x => x.Id).FirstAsync();
        var e = await db.Evenements.Where(x => x.Statut == StatutModeration.Publiee).OrderBy(x => x.Id).FirstAsync();
        return ($"/veille/{a.Id}/{a.Slug}", $"/agenda/{e.Id}/{e.Slug}");
    }

    private static async Task SansDefilementHorizontal(IPage page)
    {
        var largeur = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(largeur <= page.ViewportSize!.Width, $"{page.Url} is {largeur}px wide on a {page.ViewportSize.Width}px screen");
    }

    [Theory]
    [InlineData(true, 1280)]
    [InlineData(false, 1280)]
    [InlineData(true, 360)]
    [InlineData(false, 360)]
    public async Task Veille_FilterByTheme_ThenOpenAnItem(bool javaScript, int largeur)
    {
        var page = await app.NewPageAsync(width: largeur, height: 740, javaScript: javaScript);
        await page.GotoAsync(app.BaseUrl + "/veille");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Veille", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Thème", new() { Exact = true }).SelectOptionAsync("competences-numerique");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        await page.WaitForURLAsync("**/veille?**theme=competences-numerique**");
        await Assertions.Expect(page.Locator("#resultats-titre")).ToContainTextAsync("actualité");
        await SansDefilementHorizontal(page);
        var premier = page.Locator(".result-list .card-title a").First;
        var titre = (await premier.TextContentAsync())!.Trim();
        await premier.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(titre);
        await SansDefilementHorizontal(page);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Agenda_FilterByDepartement_AtNarrowWidth(bool javaScript)
    {
        var page = await app.NewPageAsync(width: 360, height: 740, javaScript: javaScript);
        await page.GotoAsync(app.BaseUrl + "/agenda");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Agenda", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Département", new() { Exact = true }).SelectOptionAsync("73");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        await page.WaitForURLAsync("**/agenda?**departement=73**");
        await Assertions.Expect(page.Locator("section[aria-labelledby=passes]")).ToContainTextAsync("TeenLab");
        await SansDefilementHorizontal(page);
    }

    [Fact]
    public async Task KeyboardOnly_SearchTheVeille_AndOpenAnItem()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/veille");
        for (var i = 0; i < 40 && await page.EvaluateAsync<string>("document.activeElement && document.activeElement.id") != "q"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Equal("q", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.TypeAsync("écoles chance");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/veille?**q=**");
        await Assertions.Expect(page.Locator("#resultats-titre")).ToContainTextAsync("actualité");
        for (var i = 0; i < 60 && !await page.EvaluateAsync<bool>("document.activeElement.matches('.result-list .card-title a')"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        var titre = (await page.EvaluateAsync<string>("document.activeElement.textContent")).Trim();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(titre);
    }

    [Fact]
    public async Task PublicPages_Axe_NoWcag21AAViolations_AndNoHorizontalScrollAt360()
    {
        var (actualite, evenement) = await PagesDeLaGraineAsync();
        foreach (var url in new[] { "/veille", "/veille?theme=inconnu&page=abc", actualite, "/agenda", "/agenda?departement=ZZ", evenement })
        {
            var page = await app.NewPageAsync();
            await page.GotoAsync(app.BaseUrl + url);
            await Axe.AucuneViolation(page);
            var etroite = await app.NewPageAsync(width: 360, height: 740);
            await etroite.GotoAsync(app.BaseUrl + url);
            await SansDefilementHorizontal(etroite);
        }
    }

    [Fact]
    public async Task Member_ProposesAnEvent_WithAMistakeFirst_NoAxeViolation()
    {
        var membre = await ProBrowser.CreerCompteAsync(app, Roles.MembreStructure, "ml-73");
        var page = await app.NewPageAsync(width: 360, height: 740);
        await ProBrowser.ConnecterAsync(app, page, membre);
        await page.GotoAsync(app.BaseUrl + "/pro/agenda");
        await Axe.AucuneViolation(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Proposer un événement" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Proposer un événement", Level = 1 })).ToBeVisibleAsync();
        await Axe.AucuneViolation(page);
        await SansDefilementHorizontal(page);

        var mot = VeilleDeTest.Mot();
        await page.GetByLabel("Titre").FillAsync($"Forum des métiers {mot}");
        await page.GetByLabel("Résumé").FillAsync("Des professionnels présentent leurs métiers aux jeunes.");
        await page.GetByLabel("Date de début").FillAsync("2099-05-12");
        await page.GetByLabel("Heure de début").FillAsync("14:00");
        await page.GetByLabel("Heure de fin").FillAsync("13:00");
        await page.GetByLabel("Commune").FillAsync("Chambéry");
        await page.GetByLabel("Raccrochage et retour en formation").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Proposer à la publication" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("La fin doit venir après le début.");
        await Axe.AucuneViolation(page);

        await page.GetByLabel("Heure de fin").FillAsync("17:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Proposer à la publication" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Proposition envoyée");
        await Assertions.Expect(page.Locator("#proposes ~ ul")).ToContainTextAsync(mot);
        await Axe.AucuneViolation(page);
    }
}
