using Raccroche.Web.Features.Moderation;

namespace Raccroche.BrowserTests;

/// <summary>
/// The partners' directory and the resources library in Chromium: filtering with and without JavaScript at 360 px and on a
/// desktop, the keyboard alone, no horizontal scroll on a narrow phone, axe-core (WCAG 2.1 AA) on the public pages (bad filters
/// included) and on an editor's resource form with an error.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PartenairesBrowserTests(BrowserFixture app)
{
    private async Task<(string Partenaire, string Ressource)> PagesDeLaGraineAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RaccrocheDbContext>();
        var p = await db.Partenaires.Where(x => x.Statut == StatutModeration.Publiee && x.Actions != null).OrderBy(x => x.Id).FirstAsync();
        var r = await db.Ressources.Where(x => x.Statut == StatutModeration.Publiee).OrderBy(x => x.Id).FirstAsync();
        return ($"/partenaires/{p.Id}/{p.Slug}", $"/ressources/{r.Id}/{r.Slug}");
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
    public async Task Partenaires_FilterByKindAndDepartement_ThenOpenOne(bool javaScript, int largeur)
    {
        var page = await app.NewPageAsync(width: largeur, height: 740, javaScript: javaScript);
        await page.GotoAsync(app.BaseUrl + "/partenaires");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Partenaires", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Type de partenaire", new() { Exact = true }).SelectOptionAsync("association");
        await page.GetByLabel("Département", new() { Exact = true }).SelectOptionAsync("42");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        await page.WaitForURLAsync("**/partenaires?**nature=association**");
        await Assertions.Expect(page.Locator(".result-list")).ToContainTextAsync("École des XV");
        await SansDefilementHorizontal(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "L'École des XV" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("L'École des XV");
        await Assertions.Expect(page.Locator("#contacts")).ToContainTextAsync("contactsaintetienne@ecoledesxv.com");
        await SansDefilementHorizontal(page);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Ressources_FilterByKind_AtNarrowWidth(bool javaScript)
    {
        var page = await app.NewPageAsync(width: 360, height: 740, javaScript: javaScript);
        await page.GotoAsync(app.BaseUrl + "/ressources");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ressources", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Type de ressource", new() { Exact = true }).SelectOptionAsync("dossier");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        await page.WaitForURLAsync("**/ressources?**nature=dossier**");
        await Assertions.Expect(page.Locator(".result-list")).ToContainTextAsync("éléments clés");
        await SansDefilementHorizontal(page);
    }

    [Fact]
    public async Task KeyboardOnly_SearchThePartners_AndOpenOne()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/partenaires");
        for (var i = 0; i < 40 && await page.EvaluateAsync<string>("document.activeElement && document.activeElement.id") != "q"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Equal("q", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.TypeAsync("tutorat bénévoles");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/partenaires?**q=**");
        await Assertions.Expect(page.Locator("#resultats-titre")).ToContainTextAsync("partenaire");
        for (var i = 0; i < 60 && !await page.EvaluateAsync<bool>("document.activeElement.matches('.result-list .card-title a')"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        var nom = (await page.EvaluateAsync<string>("document.activeElement.textContent")).Trim();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(nom);
    }

    [Fact]
    public async Task PublicPages_Axe_NoWcag21AAViolations_AndNoHorizontalScrollAt360()
    {
        var (partenaire, ressource) = await PagesDeLaGraineAsync();
        foreach (var url in new[] { "/partenaires", "/partenaires?nature=club&departement=999", partenaire, "/ressources", "/ressources?annee=abc&theme=x", ressource, "/ressources/comprendre-le-decrochage" })
        {
            var page = await app.NewPageAsync();
            await page.GotoAsync(app.BaseUrl + url);
            await Axe.AucuneViolation(page);
            var etroite = await app.NewPageAsync(width: 320, height: 740);
            await etroite.GotoAsync(app.BaseUrl + url);
            await SansDefilementHorizontal(etroite);
        }
    }

    [Fact]
    public async Task Editor_AddsALinkResource_WithAMistakeFirst_NoAxeViolation()
    {
        var editeur = await ProBrowser.CreerCompteAsync(app, Roles.Editeur);
        var page = await app.NewPageAsync(width: 360, height: 740);
        await ProBrowser.ConnecterAsync(app, page, editeur);
        await page.GotoAsync(app.BaseUrl + "/pro/ressources");
        await Axe.AucuneViolation(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Ajouter une ressource" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ajouter une ressource", Level = 1 })).ToBeVisibleAsync();
        await Axe.AucuneViolation(page);
        await SansDefilementHorizontal(page);

        var mot = VeilleDeTest.Mot();
        await page.GetByLabel("Titre").FillAsync($"Repères chiffrés {mot}");
        await page.GetByLabel("Date de publication").FillAsync("2024-03-01");
        await page.GetByLabel("Type de ressource").SelectOptionAsync("chiffres");
        await page.GetByLabel("Résumé").FillAsync("Les chiffres clés du repérage dans la région.");
        await page.GetByLabel("Un lien vers le site qui la publie").CheckAsync();
        await page.Locator("#lien").FillAsync("exemple.fr/chiffres");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publier" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("https://");
        await Axe.AucuneViolation(page);

        await page.Locator("#lien").FillAsync("https://exemple.fr/chiffres");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publier" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("C'est publié");
        await Assertions.Expect(page.Locator("#publiees ~ ul")).ToContainTextAsync(mot);
        await Axe.AucuneViolation(page);
    }
}
