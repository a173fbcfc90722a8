namespace Raccroche.BrowserTests;

/// <summary>
/// The personal link's page on a 320 px phone: answered by keyboard with JavaScript, and by touch without it; axe-core on
/// the page and on the thank-you page; no horizontal scrolling. Invented names only.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReponseBrowserTests(BrowserFixture app)
{
    /// <summary>A case file and a message with a known token, written straight to the database (the page needs nothing more).</summary>
    private async Task<(int Dossier, string Jeton)> LienAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RaccrocheDbContext>();
        var code = "tr" + Guid.NewGuid().ToString("N")[..10];
        var psad = new Psad { Code = code, Nom = "PSAD lien " + code, Territoire = ["63"] };
        db.Psads.Add(psad);
        await db.SaveChangesAsync();
        var maintenant = DateTime.UtcNow;
        var dossier = new JeuneSuivi { PsadId = psad.Id, Nom = "Corvalmi", Prenom = "Eden", CreeLe = maintenant, StatutDepuis = maintenant, ArriveLe = maintenant, Statut = StatutDossier.ContactEnCours };
        db.JeunesSuivis.Add(dossier);
        await db.SaveChangesAsync();
        var jeton = LienDeTest.Ajouter(db, dossier.Id, maintenant);
        await db.SaveChangesAsync();
        return (dossier.Id, jeton);
    }

    private async Task<JeuneSuivi> DossierAsync(int id)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RaccrocheDbContext>().JeunesSuivis.AsNoTracking().SingleAsync(j => j.Id == id);
    }

    [Fact]
    public async Task LinkPage_At320px_ByKeyboard_WithJavaScript_NoAxeViolation_NoHorizontalScroll()
    {
        var (dossier, jeton) = await LienAsync();
        var page = await app.NewPageAsync(width: 320, height: 640);
        await page.GotoAsync(app.BaseUrl + "/r/" + jeton);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Que veux-tu faire ?");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Eden");
        await Axe.AucuneViolation(page);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 320"), "the page scrolls sideways at 320 px");

        // Keyboard only: Tab to the first answer, open it, tick a time, send.
        for (var i = 0; i < 25 && !await page.EvaluateAsync<bool>("document.activeElement?.textContent?.trim() === 'Je veux être rappelé·e'"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.GetByLabel("Le matin (9 h – 12 h)")).ToBeCheckedAsync();
        await Axe.AucuneViolation(page);
        for (var i = 0; i < 10 && !await page.EvaluateAsync<bool>("document.activeElement?.textContent?.trim() === 'Être rappelé·e'"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(app.BaseUrl + "/r/merci?choix=rappel");
        await Axe.AucuneViolation(page);
        Assert.NotNull((await DossierAsync(dossier)).RappelDemandeLe);

        // The link is spent.
        await page.GotoAsync(app.BaseUrl + "/r/" + jeton);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Ce lien n'est pas ou plus valable");
        await Axe.AucuneViolation(page);
    }

    [Fact]
    public async Task LinkPage_At320px_WithoutJavaScript_AnswersNePasContacter()
    {
        var (dossier, jeton) = await LienAsync();
        var page = await app.NewPageAsync(width: 320, height: 640, javaScript: false);
        await page.GotoAsync(app.BaseUrl + "/r/" + jeton);
        await page.GetByText("Je ne veux pas être contacté·e").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ne plus être contacté·e" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Réponse envoyée, merci");
        Assert.NotNull((await DossierAsync(dossier)).NePasContacterLe);

        // A form sent with an error comes back open, with its message, still without JavaScript.
        var (_, autre) = await LienAsync();
        await page.GotoAsync(app.BaseUrl + "/r/" + autre);
        await page.GetByText("Je veux un rendez-vous").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Demander un rendez-vous" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Coche au moins une demi-journée");
        await Assertions.Expect(page.GetByLabel("Mardi matin")).ToBeVisibleAsync();
    }
}
