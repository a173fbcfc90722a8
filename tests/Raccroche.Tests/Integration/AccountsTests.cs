
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

    [Fact]
    public async Task Invitation_PasswordThenSecondFactor_ThenDashboard()
    {
        var courriel = $"nouvelle.coord-{Guid.NewGuid():N}@pro.test";
        string lien;
        await using (var db = f.CreateDbContext())
        {
            var services = f.Services.CreateScope().ServiceProvider;
            lien = services.GetRequiredService<Invitations>().Creer(courriel, Roles.Coordinateur, null, ["63"], null);
            var ctx = services.GetRequiredService<Raccroche.Web.Donnees.RaccrocheDbContext>();
            await ctx.SaveChangesAsync();
        }

        Assert.Equal(lien, await Pro.LienDansCourrierAsync(f, courriel, "http://localhost:5080/pro/invitation/"));
        var chemin = new Uri(lien).AbsolutePath;
        var client = Pro.Client(f);

        // Weak password: a French message, nothing created.
        var r = await Pro.PosterAsync(client, chemin, new() { ["NomAffiche"] = "Coordination Puy-de-Dôme", ["MotDePasse"] = "court", ["Confirmation"] = "court" });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("au moins 12 caractères", await r.Content.ReadAsStringAsync());

        r = await Pro.PosterAsync(client, chemin, new() { ["NomAffiche"] = "Coordination Puy-de-Dôme", ["MotDePasse"] = Pro.MotDePasse, ["Confirmation"] = Pro.MotDePasse });
        Assert.Equal("/pro/double-facteur", r.Headers.Location!.OriginalString);

        // Signed in with a password only: the professional pages wait for the second factor.
        r = await client.GetAsync("/pro");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.EndsWith("/pro/double-facteur", r.Headers.Location!.ToString());

        var page = await Pro.PageAsync(client, "/pro/double-facteur");
        var cle = page.QuerySelector("#cle")!.TextContent.Replace(" ", "");
        Assert.NotNull(page.QuerySelector("svg"));
        r = await Pro.PosterAsync(client, "/pro/double-facteur", new() { ["Code"] = "000000" == Totp.Code(cle, DateTimeOffset.UtcNow) ? "111111" : "000000" });
        Assert.Contains("ne correspond pas", await r.Content.ReadAsStringAsync());
        r = await Pro.PosterAsync(client, "/pro/double-facteur", new() { ["Code"] = Totp.CodeNeuf(cle) });
        var html = await Pro.Html(r);
        Assert.Equal(8, html.QuerySelectorAll("ul.codes li").Length);

        page = await Pro.PageAsync(client, "/pro");
        Assert.Contains("Coordinateur de territoire", page.QuerySelector("main")!.TextContent);

        // The link is used: a second visit says so.
        page = await Pro.PageAsync(Pro.Client(f), chemin);
        Assert.Contains("Invitation non valable", page.QuerySelector("h1")!.TextContent);
        await using var verif = f.CreateDbContext();
        Assert.True((await verif.Users.SingleAsync(u => u.Email == courriel)).TwoFactorEnabled);
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

    [Fact]
    public async Task PasswordReset_ByEmailLink()
    {
        var compte = await Pro.CreerCompteAsync(f, Roles.AdminStructure, "ml-63");
        var client = Pro.Client(f);
        var r = await Pro.PosterAsync(client, "/pro/mot-de-passe-oublie", new() { ["Courriel"] = compte.Courriel });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var lien = new Uri(await Pro.LienDansCourrierAsync(f, compte.Courriel, "http://localhost:5080/pro/mot-de-passe/nouveau?"));
        var nouveau = "un tout nouveau mot de passe";
        r = await Pro.PosterAsync(client, lien.PathAndQuery, new() { ["MotDePasse"] = nouveau, ["Confirmation"] = nouveau + "x" });
        Assert.Contains("pas identiques", await r.Content.ReadAsStringAsync());
        r = await Pro.PosterAsync(client, lien.PathAndQuery, new() { ["MotDePasse"] = nouveau, ["Confirmation"] = nouveau });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);

        // The link works once; the new password signs in.
        r = await Pro.PosterAsync(client, lien.PathAndQuery, new() { ["MotDePasse"] = nouveau, ["Confirmation"] = nouveau });
        Assert.Contains("plus valable", await r.Content.ReadAsStringAsync());
        await Pro.ConnecterAsync(f, compte with { MotDePasse = nouveau });

        // Unknown address: the same answer, no e-mail.
        var inconnue = $"personne-{Guid.NewGuid():N}@pro.test";
        r = await Pro.PosterAsync(client, "/pro/mot-de-passe-oublie", new() { ["Courriel"] = inconnue });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        await using var db = f.CreateDbContext();
        Assert.False(await db.MessagesSortants.AnyAsync(m => m.Destinataire == inconnue));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AccountsSqliteTests(SqliteAppFactory f) : AccountsTests(f);

[Collection(PostgresCollection.Name)]
public sealed class AccountsPostgresTests(PostgresAppFactory f) : AccountsTests(f);
