using System.Text;

namespace Raccroche.BrowserTests;

/// <summary>The context figures' import page in Chromium: a regional administrator checks a faulty file; axe-core on each state.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ValeursExternesBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task RegionalAdmin_ChecksAFileOfContextFigures_NoAxeViolation()
    {
        var compte = await ProBrowser.CreerCompteAsync(app, Roles.AdminRegional);
        var page = await app.NewPageAsync();
        await ProBrowser.ConnecterAsync(app, page, compte);
        await page.GetByRole(AriaRole.Link, new() { Name = "Chiffres de contexte de l'observatoire" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Importer des chiffres de contexte", Level = 1 })).ToBeVisibleAsync();
        await Axe.AucuneViolation(page);

        // Made-up figures; the second line names no territory the platform knows.
        var csv = "indicateur;libelle;territoire;periode;valeur;unite;source;licence\n" +
            $"essai-{Guid.NewGuid():N};Indicateur inventé pour le test;84;2024;7,6;%;Source inventée;Licence Ouverte 2.0\n" +
            "essai-x;Autre indicateur inventé;99;2024;1;%;Source inventée;Licence Ouverte 2.0\n";
        await page.GetByLabel("Fichier des valeurs").SetInputFilesAsync(new FilePayload { Name = "valeurs.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier le fichier" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Résultat de la vérification" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table).First).ToContainTextAsync("Territoire « 99 » inconnu");
        await Assertions.Expect(page.GetByLabel("Ignorer les lignes en erreur (1) et importer les 1 autres")).ToBeVisibleAsync();
        await Axe.AucuneViolation(page);
    }
}
