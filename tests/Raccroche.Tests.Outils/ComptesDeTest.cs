using Microsoft.AspNetCore.Identity;

namespace Raccroche.Tests.Outils;

/// <summary>A professional's account created in the database, with its authenticator key.</summary>
public sealed record CompteTest(string Id, string Courriel, string MotDePasse, string Cle, string Role, int? StructureId);

/// <summary>
/// Creates professional accounts straight through Identity's UserManager, as an accepted invitation
/// does, with two factors already set up. Shared by the integration and browser tests.
/// </summary>
public static class ComptesDeTest
{
    public const string MotDePasse = "une phrase de passe pour les tests";

    public static async Task<CompteTest> CreerAsync(IServiceProvider services, string role, string? structureSlug = null, IReadOnlyList<string>? territoire = null, string? courriel = null)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RaccrocheDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Utilisateur>>();
        int? structureId = structureSlug is null ? null : await db.Structures.Where(s => s.Slug == structureSlug).Select(s => s.Id).SingleAsync();
        courriel ??= $"{role}-{Guid.NewGuid():N}@pro.test";
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
        var r = await users.CreateAsync(user, MotDePasse);
        Assert.True(r.Succeeded, string.Join(" ", r.Errors.Select(e => e.Description)));
        await users.ResetAuthenticatorKeyAsync(user);
        var cle = (await users.GetAuthenticatorKeyAsync(user))!;
        await users.SetTwoFactorEnabledAsync(user, true);
        return new CompteTest(user.Id, courriel, MotDePasse, cle, role, structureId);
    }
}
