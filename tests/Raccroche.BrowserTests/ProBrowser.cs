
namespace Raccroche.BrowserTests;

public sealed record CompteNavigateur(string Courriel, string MotDePasse, string Cle);

/// <summary>Professional accounts for browser tests: created through Identity, signed in through the real pages with a TOTP code.</summary>
public static class ProBrowser
{
    public static async Task<CompteNavigateur> CreerCompteAsync(BrowserFixture app, string role, string? structureSlug = null, IReadOnlyList<string>? territoire = null)
    {
        var c = await ComptesDeTest.CreerAsync(app.Services, role, structureSlug, territoire);
        return new CompteNavigateur(c.Courriel, c.MotDePasse, c.Cle);
    }

    /// <summary>Signs in with the keyboard-friendly forms: e-mail, password, then the 6-digit code.</summary>
    public static async Task ConnecterAsync(BrowserFixture app, IPage page, CompteNavigateur compte)
    {
        await page.GotoAsync(app.BaseUrl + "/pro/connexion");
        await page.GetByLabel("Adresse e-mail professionnelle").FillAsync(compte.Courriel);
        await page.GetByLabel("Mot de passe").FillAsync(compte.MotDePasse);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.GetByLabel("Code").FillAsync(Totp.CodeNeuf(compte.Cle));
        await page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tableau de bord", Level = 1 })).ToBeVisibleAsync();
    }
}
