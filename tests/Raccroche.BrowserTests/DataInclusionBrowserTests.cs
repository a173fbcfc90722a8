using System.Text;

namespace Raccroche.BrowserTests;

/// <summary>The data·inclusion import page in Chromium: a regional administrator checks a file with an invalid record, leaves it out and imports; axe-core on each state, and at 320 px.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DataInclusionBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task RegionalAdmin_ChecksThenImportsADataInclusionFile_NoAxeViolation()
    {
        var compte = await ProBrowser.CreerCompteAsync(app, Roles.AdminRegional);
        var page = await app.NewPageAsync();
        await ProBrowser.ConnecterAsync(app, page, compte);
        await page.GetByRole(AriaRole.Link, new() { Name = "Structures et services data·inclusion" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Importer des structures et services data·inclusion", Level = 1 })).ToBeVisibleAsync();
        await Axe.AucuneViolation(page);

        // Made-up structures of a source of their own; the second has an address that is not a URL.
        var source = $"t-{Guid.NewGuid():N}"[..12];
        var json = $$"""
            [
              {"source": "{{source}}", "id": "{{source}}--a", "nom": "Point information jeunesse de test", "date_maj": "2024-02-03", "code_insee": "48095", "latitude": 44.52, "longitude": 3.5},
              {"source": "{{source}}", "id": "{{source}}--b", "nom": "Autre structure de test", "date_maj": "2024-02-03", "site_web": "pas une adresse"}
            ]
            """;
        await page.GetByLabel("Fichier data·inclusion").SetInputFilesAsync(new FilePayload { Name = "structures.json", MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes(json) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier le fichier" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Résultat de la vérification" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("1 à créer");
        await Assertions.Expect(page.GetByRole(AriaRole.Table).First).ToContainTextAsync("site_web");
        await Axe.AucuneViolation(page);

        await page.GetByLabel("Écarter les enregistrements invalides (1) et importer les 1 autres").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Importer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import terminé" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("1 créé(s)");
        await Axe.AucuneViolation(page);

        await page.SetViewportSizeAsync(320, 800);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await Axe.AucuneViolation(page);
    }
}
