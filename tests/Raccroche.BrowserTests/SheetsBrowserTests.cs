
namespace Raccroche.BrowserTests;

/// <summary>Sheets in Chromium: a member edits and submits a programme at 320 px with the keyboard, a coordinator publishes it; axe-core on each page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SheetsBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task Member_EditsAndSubmitsAProgramme_CoordinatorPublishes_NoAxeViolation()
    {
        var (slug, dispositifId, nom) = await CreerFicheAsync();
        var membre = await ProBrowser.CreerCompteAsync(app, Roles.MembreStructure, slug);
        var page = await app.NewPageAsync(width: 320, height: 740);
        await ProBrowser.ConnecterAsync(app, page, membre);

        await page.GotoAsync(app.BaseUrl + "/pro/fiches");
        var carte = page.Locator($"#fiche-dispositif-{dispositifId}");
        await Assertions.Expect(carte).ToContainTextAsync("à vérifier");
        await Axe.AucuneViolation(page);
        await SansDefilementHorizontal(page);

        // Keyboard: reach the programme's "Modifier" link and follow it.
        await carte.GetByRole(AriaRole.Link, new() { Name = "Modifier" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Modifier la fiche « {nom} »", Level = 1 })).ToBeVisibleAsync();
        await Axe.AucuneViolation(page);
        await SansDefilementHorizontal(page);

        // A mistake first: the error summary names the field, and the page stays accessible.
        await page.GetByLabel("Description").FillAsync("Ateliers collectifs le mardi matin.\n\n- remise à niveau\n- stages en entreprise");
        await page.GetByLabel("Âge maximum").FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Soumettre à validation" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("L'âge minimum (16 ans) doit être inférieur ou égal à l'âge maximum (12 ans).");
        await Axe.AucuneViolation(page);

        // The summary's link leads to the field; fix it and submit with the keyboard.
        await page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link).First.ClickAsync();
        await page.GetByLabel("Âge maximum").FillAsync("25");
        await page.GetByRole(AriaRole.Button, new() { Name = "Soumettre à validation" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("soumise à validation");
        await Assertions.Expect(page.Locator($"#fiche-dispositif-{dispositifId}")).ToContainTextAsync("Soumise à validation");
        await Axe.AucuneViolation(page);

        // The coordinator of the territory, in another browser context.
        var coordinateur = await ProBrowser.CreerCompteAsync(app, Roles.Coordinateur, territoire: ["63"]);
        var coord = await app.NewPageAsync(width: 320, height: 740);
        await ProBrowser.ConnecterAsync(app, coord, coordinateur);
        await coord.GotoAsync(app.BaseUrl + "/pro/validation");
        await Axe.AucuneViolation(coord);
        await coord.GetByRole(AriaRole.Link, new() { Name = nom }).ClickAsync();
        await Assertions.Expect(coord.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(nom);
        await Assertions.Expect(coord.Locator("dl.diff ins").First).ToContainTextAsync("Ateliers collectifs le mardi matin.");
        await Axe.AucuneViolation(coord);
        await SansDefilementHorizontal(coord);
        await coord.GetByRole(AriaRole.Button, new() { Name = "Publier" }).ClickAsync();
        await Assertions.Expect(coord.GetByRole(AriaRole.Status)).ToContainTextAsync("publiée");

        // The public sheet shows the new text.
        await page.GotoAsync(app.BaseUrl + $"/dispositifs/{dispositifId}");
        await Assertions.Expect(page.Locator(".prose")).ToContainTextAsync("Ateliers collectifs le mardi matin.");
    }

    private static async Task SansDefilementHorizontal(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"horizontal scrolling on {page.Url}");

    /// <summary>A structure of its own with a place in Clermont-Ferrand and a programme last reviewed in January 2025.</summary>
    private async Task<(string Slug, int DispositifId, string Nom)> CreerFicheAsync()
    {
        using var scope = app.Services.CreateScope();
        var fiche = await FicheTest.CreerAsync(scope.ServiceProvider.GetRequiredService<RaccrocheDbContext>());
        return (fiche.StructureSlug, fiche.DispositifId, fiche.DispositifNom);
    }
}
