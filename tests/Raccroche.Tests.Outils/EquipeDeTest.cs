using Raccroche.Web.Features.Decrocheurs;

namespace Raccroche.Tests.Outils;

/// <summary>
/// The usual cast of the follow-up tests, on two PSADs the test created: two référents of X (members of ml-63 and cio-63),
/// a coordinator of X (MLDS), a coordinator of Y (mission locale de Lyon) and a regional administrator. Fresh accounts
/// every time (unique e-mails), the rights granted through the real service.
/// </summary>
public static class EquipeDeTest
{
    public const string RefA = "référent A", RefB = "référent B", CoordX = "coordinateur X", CoordY = "coordinateur Y", Region = "admin régional";

    /// <summary>Creates the five accounts into <paramref name="comptes"/> (keyed by the names above) and grants their rights through <paramref name="services"/> (the test's host, with its clock).</summary>
    public static async Task InstallerAsync(AppFactory f, IServiceProvider services, int psadX, int psadY, IDictionary<string, CompteTest> comptes)
    {
        comptes[RefA] = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-63");
        comptes[RefB] = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "cio-63");
        comptes[CoordX] = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "mlds-academie-clermont");
        comptes[CoordY] = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-lyon");
        comptes[Region] = await Pro.CreerCompteAsync(f, Roles.AdminRegional);
        using var scope = services.CreateScope();
        var equipe = scope.ServiceProvider.GetRequiredService<EquipeSuivi>();
        Assert.True((await equipe.AccorderAsync(psadX, comptes[CoordX].Courriel, RoleSuivi.CoordinateurPsad, false, parAdminRegional: true, "test")).Reussi);
        Assert.True((await equipe.AccorderAsync(psadY, comptes[CoordY].Courriel, RoleSuivi.CoordinateurPsad, false, parAdminRegional: true, "test")).Reussi);
        Assert.True((await equipe.AccorderAsync(psadX, comptes[RefA].Courriel, RoleSuivi.ReferentSuivi, false, parAdminRegional: false, "test")).Reussi);
        Assert.True((await equipe.AccorderAsync(psadX, comptes[RefB].Courriel, RoleSuivi.ReferentSuivi, false, parAdminRegional: false, "test")).Reussi);
    }
}
