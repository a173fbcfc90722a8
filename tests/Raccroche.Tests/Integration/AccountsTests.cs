
namespace Raccroche.Tests.Integration;

/// <summary>Accounts end to end: invitation → password → second factor; sign-in with TOTP; lockout; password reset by e-mail.</summary>
public abstract class AccountsTests(AppFactory f)
{
    [Fact]
    public async Task AnonymousVisitor_IsSentToSignIn()
    {
        var client = Pro.Client(f);
        foreach (var url in new[] { "/pro", "/pro/double-facteur" })
        {
            var r = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            Assert.StartsWith("https://localhost/pro/connexion", r.Headers.Location!.ToString());
        }
    }

    /// <summary>A coordinator invited; returns the address and the path of the link the mail carries.</summary>
    private async Task<(string Courriel, string Chemin)> InviterAsync()
    {
        var courriel = $"nouvelle.coord-{Guid.NewGuid():N}@pro.test";
        string lien;
        using (var scope = f.Services.CreateScope())
        {
            lien = scope.ServiceProvider.GetRequiredService<Invitations>().Creer(courriel, Roles.Coordinateur, null, ["63"], null);
            await scope.ServiceProvider.GetRequiredService<RaccrocheDbContext>().SaveChangesAsync();
        }

        Assert.Equal(lien, await Pro.LienDansCourrierAsync(f, courriel, "http://localhost:5080/pro/invitation/"));
        return (courriel, new Uri(lien).AbsolutePath);
    }

    private static Task<HttpResponseMessage> ChoisirMotDePasseAsync(HttpClient client, string chemin, string motDePasse) =>
        Pro.PosterAsync(client, chemin, new() { ["NomAffiche"] = "Coordination Puy-de-Dôme", ["MotDePasse"] = motDePasse, ["Confirmation"] = motDePasse });

    // Smoke story: from the invitation mail to the dashboard.
    [Fact]
    public async Task Invitation_PasswordThenSecondFactor_ThenDashboard()
    {
        var (courriel, chemin) = await InviterAsync();
        var client = Pro.Client(f);
        var r = await ChoisirMotDePasseAsync(client, chemin, Pro.MotDePasse);
        Assert.Equal("/pro/double-facteur", r.Headers.Location!.OriginalString);

        var page = await Pro.PageAsync(client, "/pro/double-facteur");
        var cle = page.QuerySelector("#cle")!.TextContent.Replace(" ", "");
        Assert.NotNull(page.QuerySelector("svg"));
        r = await Pro.PosterAsync(client, "/pro/double-facteur", new() { ["Code"] = Totp.CodeNeuf(cle) });
        Assert.Equal(8, (await Pro.Html(r)).QuerySelectorAll("ul.codes li").Length);

        page = await Pro.PageAsync(client, "/pro");
        Assert.Contains("Coordinateur de territoire", page.QuerySelector("main")!.TextContent);
        await using var verif = f.CreateDbContext();
        Assert.True((await verif.Users.SingleAsync(u => u.Email == courriel)).TwoFactorEnabled);
    }

    [Fact]
    public async Task Invitation_WeakPassword_IsRefusedInFrench_AndCreatesNoAccount()
    {
        var (courriel, chemin) = await InviterAsync();
        var r = await ChoisirMotDePasseAsync(Pro.Client(f), chemin, "court");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("au moins 12 caractères", await r.Content.ReadAsStringAsync());
        await using var db = f.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == courriel));
    }

    [Fact]
    public async Task PasswordOnlySession_WaitsForTheSecondFactor_AndAWrongCodeIsRefused()
    {
        var (_, chemin) = await InviterAsync();
        var client = Pro.Client(f);
        await ChoisirMotDePasseAsync(client, chemin, Pro.MotDePasse);

        var r = await client.GetAsync("/pro");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.EndsWith("/pro/double-facteur", r.Headers.Location!.ToString());

        var cle = (await Pro.PageAsync(client, "/pro/double-facteur")).QuerySelector("#cle")!.TextContent.Replace(" ", "");
        r = await Pro.PosterAsync(client, "/pro/double-facteur", new() { ["Code"] = "000000" == Totp.Code(cle, DateTimeOffset.UtcNow) ? "111111" : "000000" });
        Assert.Contains("ne correspond pas", await r.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/pro")).StatusCode);
    }

    [Fact]
    public async Task InvitationLink_WorksOnce()
    {
        var (_, chemin) = await InviterAsync();
        await ChoisirMotDePasseAsync(Pro.Client(f), chemin, Pro.MotDePasse);
        var page = await Pro.PageAsync(Pro.Client(f), chemin);
        Assert.Contains("Invitation non valable", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task SignIn_RequiresTheTotpCode()
    {
        var compte = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-63");
        var client = Pro.Client(f);
        var r = await Pro.PosterAsync(client, "/pro/connexion", new() { ["Courriel"] = compte.Courriel, ["MotDePasse"] = compte.MotDePasse });
        Assert.StartsWith("/pro/connexion/code", r.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/pro")).StatusCode);
        r = await Pro.PosterAsync(client, "/pro/connexion/code", new() { ["Code"] = "12345" });
        Assert.Contains("pas valable", await r.Content.ReadAsStringAsync());

        var connecte = await Pro.ConnecterAsync(f, compte);
        Assert.Equal(HttpStatusCode.OK, (await connecte.GetAsync("/pro")).StatusCode);
    }

    private async Task<(CompteTest Compte, HttpClient Client, string Lien)> DemanderReinitialisationAsync()
    {
        var compte = await Pro.CreerCompteAsync(f, Roles.AdminStructure, "ml-63");
        var client = Pro.Client(f);
        var r = await Pro.PosterAsync(client, "/pro/mot-de-passe-oublie", new() { ["Courriel"] = compte.Courriel });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var lien = new Uri(await Pro.LienDansCourrierAsync(f, compte.Courriel, "http://localhost:5080/pro/mot-de-passe/nouveau?"));
        return (compte, client, lien.PathAndQuery);
    }

    private const string Nouveau = "un tout nouveau mot de passe";

    // Smoke story: the mailed link sets a new password that signs in.
    [Fact]
    public async Task PasswordReset_ByEmailLink()
    {
        var (compte, client, lien) = await DemanderReinitialisationAsync();
        var r = await Pro.PosterAsync(client, lien, new() { ["MotDePasse"] = Nouveau, ["Confirmation"] = Nouveau });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        await Pro.ConnecterAsync(f, compte with { MotDePasse = Nouveau });
    }

    [Fact]
    public async Task PasswordReset_DifferentConfirmation_IsRefused()
    {
        var (compte, client, lien) = await DemanderReinitialisationAsync();
        var r = await Pro.PosterAsync(client, lien, new() { ["MotDePasse"] = Nouveau, ["Confirmation"] = Nouveau + "x" });
        Assert.Contains("pas identiques", await r.Content.ReadAsStringAsync());

        // The link is still good and the old password still signs in.
        await Pro.ConnecterAsync(f, compte);
        Assert.Equal(HttpStatusCode.Redirect, (await Pro.PosterAsync(client, lien, new() { ["MotDePasse"] = Nouveau, ["Confirmation"] = Nouveau })).StatusCode);
    }

    [Fact]
    public async Task PasswordResetLink_WorksOnce()
    {
        var (_, client, lien) = await DemanderReinitialisationAsync();
        await Pro.PosterAsync(client, lien, new() { ["MotDePasse"] = Nouveau, ["Confirmation"] = Nouveau });
        var r = await Pro.PosterAsync(client, lien, new() { ["MotDePasse"] = Nouveau + " bis", ["Confirmation"] = Nouveau + " bis" });
        Assert.Contains("plus valable", await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PasswordReset_ForAnUnknownAddress_AnswersTheSame_AndSendsNoMail()
    {
        var inconnue = $"personne-{Guid.NewGuid():N}@pro.test";
        var r = await Pro.PosterAsync(Pro.Client(f), "/pro/mot-de-passe-oublie", new() { ["Courriel"] = inconnue });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        await using var db = f.CreateDbContext();
        Assert.False(await db.MessagesSortants.AnyAsync(m => m.Destinataire == inconnue));
    }

    private const string RetirerEquipe = "/pro/equipe?handler=Retirer", RetirerAdmin = "/pro/admin/comptes?handler=Retirer";

    private async Task<bool> ExisteAsync(string id)
    {
        await using var db = f.CreateDbContext();
        return await db.Users.AnyAsync(u => u.Id == id);
    }

    private async Task<int> LignesRetraitAsync(string id)
    {
        await using var db = f.CreateDbContext();
        return await db.Journal.CountAsync(j => j.Ressource == "compte" && j.RessourceId == id && j.Detail!.StartsWith("compte retiré"));
    }

    [Fact]
    public async Task TeamAdmin_RemovesAMemberOfTheirStructure_WhoseSessionEnds()
    {
        var admin = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.AdminStructure, "ml-63"));
        var membre = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-63");
        var sessionDuMembre = await Pro.ConnecterAsync(f, membre);

        var r = await Pro.PosterAsync(admin, "/pro/equipe", new() { ["id"] = membre.Id }, RetirerEquipe);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.False(await ExisteAsync(membre.Id));
        Assert.Equal(1, await LignesRetraitAsync(membre.Id));
        Assert.Contains("/pro/connexion", (await sessionDuMembre.GetAsync("/pro")).Headers.Location!.ToString());
    }

    // The member's structure is in the WHERE of the delete: another structure's member is "not found", untouched, and nothing is journalled.
    [Fact]
    public async Task TeamAdmin_CannotRemoveAMemberOfAnotherStructure_NorThemselves()
    {
        var compteAdmin = await Pro.CreerCompteAsync(f, Roles.AdminStructure, "ml-63");
        var admin = await Pro.ConnecterAsync(f, compteAdmin);
        await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-63");
        var ailleurs = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "epide-meyzieu");

        foreach (var id in new[] { ailleurs.Id, compteAdmin.Id })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await Pro.PosterAsync(admin, "/pro/equipe", new() { ["id"] = id }, RetirerEquipe)).StatusCode);
            Assert.True(await ExisteAsync(id));
            Assert.Equal(0, await LignesRetraitAsync(id));
        }
    }

    [Fact]
    public async Task RegionalAdmin_RemovesAnAccountOfAnyStructure_ButNotTheirOwn()
    {
        var compteRegion = await Pro.CreerCompteAsync(f, Roles.AdminRegional);
        var region = await Pro.ConnecterAsync(f, compteRegion);
        var membre = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "epide-meyzieu");

        Assert.Equal(HttpStatusCode.Redirect, (await Pro.PosterAsync(region, "/pro/admin/comptes", new() { ["id"] = membre.Id }, RetirerAdmin)).StatusCode);
        Assert.False(await ExisteAsync(membre.Id));
        Assert.Equal(1, await LignesRetraitAsync(membre.Id));

        Assert.Equal(HttpStatusCode.NotFound, (await Pro.PosterAsync(region, "/pro/admin/comptes", new() { ["id"] = compteRegion.Id }, RetirerAdmin)).StatusCode);
        Assert.True(await ExisteAsync(compteRegion.Id));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AccountsSqliteTests(SqliteAppFactory f) : AccountsTests(f);

[Collection(PostgresCollection.Name)]
public sealed class AccountsPostgresTests(PostgresAppFactory f) : AccountsTests(f);
