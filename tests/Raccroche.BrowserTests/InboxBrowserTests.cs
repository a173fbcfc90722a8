namespace Raccroche.BrowserTests;

/// <summary>A referral between two structures in Chromium, on a phone-sized screen, with axe-core on every professional page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class InboxBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task ReferralFromASheet_ThenHandledByTheReceivingStructure()
    {
        string slug;
        int id;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RaccrocheDbContext>();
            var d = await db.Dispositifs.FirstAsync(x => x.Structure!.Slug == "e2c-rhone");
            (slug, id) = (d.Slug, d.Id);
        }

        var emetteur = await app.NewPageAsync(width: 360, height: 740);
        await ProBrowser.ConnecterAsync(app, emetteur, await ProBrowser.CreerCompteAsync(app, Roles.MembreStructure, "ml-63"));
        await emetteur.GotoAsync($"{app.BaseUrl}/dispositifs/{id}/{slug}");
        await emetteur.GetByRole(AriaRole.Link, new() { Name = "Orienter un jeune" }).ClickAsync();
        await Axe.AucuneViolation(emetteur);

        // Submitting with missing fields shows the French summary, then the real referral.
        await emetteur.GetByRole(AriaRole.Button, new() { Name = "Envoyer l'orientation" }).ClickAsync();
        await Assertions.Expect(emetteur.Locator(".error-summary")).ToContainTextAsync("le jeune doit avoir accepté");
        await Axe.AucuneViolation(emetteur);
        await emetteur.GetByLabel("Prénom du jeune").FillAsync("Maël");
        await emetteur.GetByLabel("Téléphone").FillAsync("06 01 02 03 04");
        await emetteur.GetByLabel("Âge").FillAsync("18");
        await emetteur.GetByLabel("Le jeune a accepté").CheckAsync();
        await emetteur.GetByRole(AriaRole.Button, new() { Name = "Envoyer l'orientation" }).ClickAsync();
        var reference = await emetteur.Locator("[role=status] strong").TextContentAsync();
        Assert.StartsWith("RC-", reference);

        var receveur = await app.NewPageAsync(width: 360, height: 740);
        await ProBrowser.ConnecterAsync(app, receveur, await ProBrowser.CreerCompteAsync(app, Roles.MembreStructure, "e2c-rhone"));
        await receveur.GetByRole(AriaRole.Link, new() { Name = "Demandes" }).First.ClickAsync();
        await Axe.AucuneViolation(receveur);
        await receveur.GetByRole(AriaRole.Link, new() { Name = reference! }).ClickAsync();
        await Assertions.Expect(receveur.Locator("main")).ToContainTextAsync("Maël");
        await Axe.AucuneViolation(receveur);
        await receveur.GetByLabel("Prise en charge").CheckAsync();
        await receveur.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(receveur.Locator(".status").First).ToHaveTextAsync("Prise en charge");

        await emetteur.GotoAsync(app.BaseUrl + "/pro/envoyees");
        await Assertions.Expect(emetteur.Locator("table")).ToContainTextAsync("Prise en charge");
        await Axe.AucuneViolation(emetteur);
        await emetteur.GotoAsync(app.BaseUrl + "/pro/chiffres");
        await Axe.AucuneViolation(emetteur);
    }

    [Fact]
    public async Task AccountPages_NoAxeViolation()
    {
        var page = await app.NewPageAsync();
        foreach (var url in new[] { "/pro/mot-de-passe-oublie", "/pro/invitation/inconnu" })
        {
            await page.GotoAsync(app.BaseUrl + url);
            await Axe.AucuneViolation(page);
        }

        await ProBrowser.ConnecterAsync(app, page, await ProBrowser.CreerCompteAsync(app, Roles.AdminRegional));
        await page.GotoAsync(app.BaseUrl + "/pro/admin/comptes");
        await Axe.AucuneViolation(page);
        await page.GetByLabel("Adresse e-mail professionnelle").FillAsync("coord@pro.test");
        await page.Locator("#role").SelectOptionAsync(Roles.Coordinateur);
        await page.GetByLabel("Territoire (coordinateurs)").FillAsync("63, 99");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer l'invitation" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Code(s) inconnu(s) : 99");
        await Axe.AucuneViolation(page);

        var admin = await ProBrowser.CreerCompteAsync(app, Roles.AdminStructure, "ml-63");
        var p2 = await app.NewPageAsync();
        await ProBrowser.ConnecterAsync(app, p2, admin);
        await p2.GotoAsync(app.BaseUrl + "/pro/equipe");
        await Axe.AucuneViolation(p2);
    }
}
