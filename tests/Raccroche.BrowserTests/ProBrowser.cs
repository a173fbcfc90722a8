using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Raccroche.Tests.Integration;
using Raccroche.Web.Data;
using Raccroche.Web.Features.Accounts;

namespace Raccroche.BrowserTests;

public sealed record CompteNavigateur(string Courriel, string MotDePasse, string Cle);

/// <summary>Professional accounts for browser tests: created through Identity, signed in through the real pages with a TOTP code.</summary>
public static class ProBrowser
{
    public const string MotDePasse = "une phrase de passe pour les tests";

    public static async Task<CompteNavigateur> CreerCompteAsync(BrowserFixture app, string role, string? structureSlug = null, IReadOnlyList<string>? territoire = null)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Utilisateur>>();
        int? structureId = structureSlug is null ? null : await db.Structures.Where(s => s.Slug == structureSlug).Select(s => s.Id).SingleAsync();
        var courriel = $"{role}-{Guid.NewGuid():N}@pro.test";
        var user = new Utilisateur
        {
            UserName = courriel,
            Email = courriel,
            EmailConfirmed = true,
            NomAffiche = $"Compte {role}",
            Role = role,
            StructureId = structureId,
            Territoire = [.. territoire ?? []],
            CreeLe = DateTime.UtcNow,
        };
        Assert.True((await users.CreateAsync(user, MotDePasse)).Succeeded);
        await users.ResetAuthenticatorKeyAsync(user);
        var cle = (await users.GetAuthenticatorKeyAsync(user))!;
        await users.SetTwoFactorEnabledAsync(user, true);
        return new CompteNavigateur(courriel, MotDePasse, cle);
    }

    /// <summary>Signs in with the keyboard-friendly forms: e-mail, password, then the 6-digit code.</summary>
    public static async Task ConnecterAsync(BrowserFixture app, IPage page, CompteNavigateur compte)
    {
        await page.GotoAsync(app.BaseUrl + "/pro/connexion");
        await page.GetByLabel("Adresse e-mail professionnelle").FillAsync(compte.Courriel);
        await page.GetByLabel("Mot de passe").FillAsync(compte.MotDePasse);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.GetByLabel("Code").FillAsync(Totp.Code(compte.Cle, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tableau de bord", Level = 1 })).ToBeVisibleAsync();
    }
}
