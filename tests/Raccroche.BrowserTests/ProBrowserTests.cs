
namespace Raccroche.BrowserTests;

/// <summary>The professional space in Chromium: sign-in with two factors, keyboard only, axe-core on each page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ProBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task SignInWithTwoFactors_ThenDashboard_NoAxeViolation()
    {
        var compte = await ProBrowser.CreerCompteAsync(app, Roles.AdminStructure, "ml-63");
        var page = await app.NewPageAsync(width: 360, height: 740);
        await page.GotoAsync(app.BaseUrl + "/pro");
        Assert.EndsWith("/pro/connexion?ReturnUrl=%2Fpro", page.Url);
        await Axe.AucuneViolation(page);

        // Keyboard only: type, Tab, Enter.
        await page.GetByLabel("Adresse e-mail professionnelle").FocusAsync();
        await page.Keyboard.TypeAsync(compte.Courriel);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(compte.MotDePasse);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Code de vérification" })).ToBeVisibleAsync();
        await Axe.AucuneViolation(page);
        await page.GetByLabel("Code").FocusAsync();
        await page.Keyboard.TypeAsync(Raccroche.Tests.Outils.Totp.CodeNeuf(compte.Cle));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tableau de bord", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Équipe" }).First).ToBeVisibleAsync();
        await Axe.AucuneViolation(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Espace professionnel" })).ToBeVisibleAsync();
    }
}
