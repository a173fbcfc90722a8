using Raccroche.Web.Features.Journal;

namespace Raccroche.BrowserTests;

/// <summary>The audit trail in Chromium: a regional administrator filters it with the form; axe-core on each state.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AuditBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task RegionalAdmin_FiltersTheJournal_NoAxeViolation()
    {
        var cible = $"cible-{Guid.NewGuid():N}@pro.test";
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RaccrocheDbContext>();
            db.Journal.AddRange(
                new JournalAcces { Le = DateTime.UtcNow.AddHours(-2), Utilisateur = cible, Action = Tracabilite.Lecture, Ressource = "demande", RessourceId = "12", Adresse = "192.0.2.1" },
                new JournalAcces { Le = DateTime.UtcNow.AddHours(-1), Utilisateur = cible, Action = Tracabilite.Modification, Ressource = "demande", RessourceId = "12", Adresse = "192.0.2.1", Detail = "statut : pris en charge" });
            await db.SaveChangesAsync();
        }

        var compte = await ProBrowser.CreerCompteAsync(app, Roles.AdminRegional);
        var page = await app.NewPageAsync();
        await ProBrowser.ConnecterAsync(app, page, compte);
        await page.GetByRole(AriaRole.Link, new() { Name = "Journal", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Journal des accès", Level = 1 })).ToBeVisibleAsync();
        await Axe.AucuneViolation(page);

        await page.GetByLabel("Utilisateur (facultatif)").FillAsync(cible);
        await page.GetByLabel("Action (facultatif)").SelectOptionAsync(new SelectOptionValue { Label = "Modification" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "1 ligne" })).ToBeVisibleAsync();
        Assert.Contains("action=modification", page.Url);
        var cellules = page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Cell);
        await Assertions.Expect(cellules.Filter(new() { HasText = "statut : pris en charge" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Exporter cette ligne en CSV" })).ToBeVisibleAsync();
        await Axe.AucuneViolation(page);

        // A reversed date range: a French message next to the field, linked from the summary.
        await page.GetByLabel("Du (facultatif)").FillAsync("2025-03-10");
        await page.GetByLabel("Au (facultatif, inclus)").FillAsync("2025-03-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("antérieure à la date de début");
        await Assertions.Expect(page.GetByLabel("Au (facultatif, inclus)")).ToHaveAttributeAsync("aria-invalid", "true");
        await Axe.AucuneViolation(page);
    }
}
