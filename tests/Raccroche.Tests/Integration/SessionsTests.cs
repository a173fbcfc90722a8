using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;

namespace Raccroche.Tests.Integration;

/// <summary>
/// Sessions and sign-in rules of the professional space: the periodic security-stamp check keeps
/// the second factor, sign-out revokes the session server-side, idle and absolute lifetimes,
/// recovery codes as displayed, codes accepted once, pauses that strangers cannot turn against the
/// owner, and the audit lines of every sign-in event.
/// </summary>
public abstract class SessionsTests(AppFactory f)
{
    private static readonly DateTimeOffset Debut = DateTimeOffset.UtcNow;

    private WebApplicationFactory<Program> AvecHorloge(HorlogeFixe horloge) =>
        f.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(horloge)));

    private static HttpClient Client(WebApplicationFactory<Program> app) =>
        app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = AppFactory.Https, HandleCookies = true });

    private static void AssertVersConnexion(HttpResponseMessage r)
    {
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Contains("/pro/connexion", r.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Session_KeepsTheSecondFactor_AcrossTheSecurityStampRevalidation()
    {
        var horloge = new HorlogeFixe(Debut);
        await using var app = AvecHorloge(horloge);
        var compte = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-63");
        var client = await Pro.ConnecterAsync(app, compte, Client(app), horloge);

        // Past the 5-minute revalidation: the principal is rebuilt and still carries the second factor.
        horloge.Avancer(TimeSpan.FromMinutes(6));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/pro")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/pro/demandes")).StatusCode);
        horloge.Avancer(TimeSpan.FromMinutes(6));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/pro")).StatusCode);
    }

    // (A changed security stamp ends the session at once: SecurityStampChange_EndsLiveSessions_AtTheNextRequest.)
    [Fact]
    public async Task RemovedAccount_IsSentToSignIn_AtItsNextRequest()
    {
        var horloge = new HorlogeFixe(Debut);
        await using var app = AvecHorloge(horloge);
        var compte = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-63");
        var client = await Pro.ConnecterAsync(app, compte, Client(app), horloge);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/pro")).StatusCode);
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Utilisateur>>();
            Assert.True((await users.DeleteAsync((await users.FindByIdAsync(compte.Id))!)).Succeeded);
        }

        horloge.Avancer(TimeSpan.FromMinutes(6));
        AssertVersConnexion(await client.GetAsync("/pro"));
    }

    [Fact]
    public async Task SignOut_RevokesTheSession_ACopiedCookieNoLongerWorks()
    {
        var compte = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-63");
        var cookies = new CookieContainer();
        var client = await Pro.ConnecterAsync(f, compte, f.CreateDefaultClient(AppFactory.Https, new CookieContainerHandler(cookies)));
        var copie = f.CreateDefaultClient(AppFactory.Https);
        copie.DefaultRequestHeaders.Add("Cookie", cookies.GetCookieHeader(AppFactory.Https));
        Assert.Equal(HttpStatusCode.OK, (await copie.GetAsync("/pro")).StatusCode);

        var r = await Pro.PosterAsync(client, "/pro/deconnexion", []);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        AssertVersConnexion(await copie.GetAsync("/pro"));
        AssertVersConnexion(await client.GetAsync("/pro"));

        await using var db = f.CreateDbContext();
        Assert.All(await db.SessionsPro.Where(s => s.UtilisateurId == compte.Id).ToListAsync(), s => Assert.NotNull(s.FermeeLe));
        Assert.True(await db.Journal.AnyAsync(j => j.UtilisateurId == compte.Id && j.Action == Tracabilite.Connexion && j.Detail == "déconnexion"));
    }

    [Fact]
    public async Task Session_EndsAfterIdleTime_AndAfterItsAbsoluteLifetime()
    {
        var horloge = new HorlogeFixe(Debut);
        await using var app = AvecHorloge(horloge);
        var inactif = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-63");
        var actif = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-63");
        var clientInactif = await Pro.ConnecterAsync(app, inactif, Client(app), horloge);
        var clientActif = await Pro.ConnecterAsync(app, actif, Client(app), horloge);

        // A request every 20 minutes keeps a session alive, for 8 hours and no longer.
        for (var minutes = 20; minutes < 8 * 60; minutes += 20)
        {
            horloge.Avancer(TimeSpan.FromMinutes(20));
            Assert.True((await clientActif.GetAsync("/pro")).StatusCode == HttpStatusCode.OK, $"after {minutes} minutes");
        }

        horloge.Avancer(TimeSpan.FromMinutes(21));
        AssertVersConnexion(await clientActif.GetAsync("/pro"));

        // Nothing for 8 h 21: long past the 30 idle minutes.
        AssertVersConnexion(await clientInactif.GetAsync("/pro"));
    }

    [Fact]
    public async Task Session_IdleTimeoutIsEnforcedByTheServer_NotOnlyByTheCookie()
    {
        var horloge = new HorlogeFixe(Debut);
        await using var app = AvecHorloge(horloge);
        var compte = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-63");
        var client = await Pro.ConnecterAsync(app, compte, Client(app), horloge);

        // The cookie would still be valid (its own expiry slides with every answer): back-date the session row.
        await using (var db = f.CreateDbContext())
        {
            var vue = horloge.GetUtcNow().UtcDateTime.AddMinutes(-31);
            await db.SessionsPro.Where(s => s.UtilisateurId == compte.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.VueLe, vue));
        }

        AssertVersConnexion(await client.GetAsync("/pro"));
    }

    [Fact]
    public async Task RecoveryCodes_WorkAsDisplayed_WithOrWithoutDash_InAnyCase_OnceEach()
    {
        var compte = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-63");
        List<string> codes;
        using (var scope = f.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Utilisateur>>();
            codes = [.. (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByIdAsync(compte.Id))!, 8))!];
        }

        Assert.All(codes, c => Assert.Matches("^[A-Z0-9]{5}-[A-Z0-9]{5}$", c));
        var saisies = new[] { codes[0], codes[1].Replace("-", "", StringComparison.Ordinal), codes[2].ToLowerInvariant(), " " + codes[3].ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal) + " " };
        foreach (var saisie in saisies)
        {
            var r = await CodeAsync(compte, saisie);
            Assert.True(r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.OriginalString == "/pro", $"« {saisie} » : {(int)r.StatusCode}");
        }

        // Once each.
        var encore = await CodeAsync(compte, codes[0]);
        Assert.Equal(HttpStatusCode.OK, encore.StatusCode);
        Assert.Contains("pas valable", await encore.Content.ReadAsStringAsync());
        using var s2 = f.Services.CreateScope();
        var u2 = s2.ServiceProvider.GetRequiredService<UserManager<Utilisateur>>();
        Assert.Equal(4, await u2.CountRecoveryCodesAsync((await u2.FindByIdAsync(compte.Id))!));
    }

    [Fact]
    public async Task Secrets_AreEncryptedAtRest()
    {
        var compte = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-63");
        List<string> codes;
        using (var scope = f.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Utilisateur>>();
            codes = [.. (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByIdAsync(compte.Id))!, 8))!];
        }

        await Pro.ConnecterAsync(f, compte);
        await using var db = f.CreateDbContext();
        var cles = await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
        Assert.NotEmpty(cles);
        Assert.All(cles, xml =>
        {
            Assert.Contains("EncryptedData", xml);
            Assert.DoesNotContain("<value>", xml);
        });

        var jetons = await db.Set<IdentityUserToken<string>>().Where(t => t.UserId == compte.Id).ToDictionaryAsync(t => t.Name, t => t.Value ?? "");
        Assert.NotEqual(compte.Cle, jetons["AuthenticatorKey"]);
        Assert.DoesNotContain(compte.Cle, jetons["AuthenticatorKey"], StringComparison.OrdinalIgnoreCase);
        Assert.All(codes, c =>
        {
            Assert.DoesNotContain(c, jetons["RecoveryCodes"], StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(c.Replace("-", "", StringComparison.Ordinal), jetons["RecoveryCodes"], StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task TotpCode_IsAcceptedOnce_EvenByTwoRacingRequests()
    {
        var compte = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-63");
        var code = Totp.CodeNeuf(compte.Cle);
        var clients = new[] { Pro.Client(f), Pro.Client(f), Pro.Client(f) };
        var formulaires = new List<(string Action, FormUrlEncodedContent Contenu)>();
        foreach (var c in clients)
        {
            await Pro.PosterAsync(c, "/pro/connexion", new() { ["Courriel"] = compte.Courriel, ["MotDePasse"] = compte.MotDePasse });
            formulaires.Add(await Soumission.PreparerAsync(c, "/pro/connexion/code", new Dictionary<string, string> { ["Code"] = code }));
        }

        var reponses = await Task.WhenAll(clients.Take(2).Select((c, i) => c.PostAsync(formulaires[i].Action, formulaires[i].Contenu)));
        Assert.Equal(1, reponses.Count(r => r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.OriginalString == "/pro"));

        // Replayed later, the same code is refused too.
        var rejoue = await clients[2].PostAsync(formulaires[2].Action, formulaires[2].Contenu);
        Assert.Equal(HttpStatusCode.OK, rejoue.StatusCode);
        Assert.Contains("pas valable", await rejoue.Content.ReadAsStringAsync());
    }

    private sealed record Pause(CompteTest Compte, HttpClient Proprietaire, HttpClient Inconnu, HashSet<string> Messages, DateTime? Jusqua);

    /// <summary>The owner signs in (two factors) and out; then a stranger's browser tries wrong passwords one more time than allowed.</summary>
    private async Task<Pause> PauserAsync()
    {
        var compte = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-63");
        var proprietaire = await Pro.ConnecterAsync(f, compte);
        Assert.Equal(HttpStatusCode.Redirect, (await Pro.PosterAsync(proprietaire, "/pro/deconnexion", [])).StatusCode);

        var inconnu = Pro.Client(f);
        var messages = new HashSet<string>();
        for (var i = 0; i < Connexions.EchecsAvantPause + 1; i++)
        {
            messages.Add(await RefusAsync(inconnu, compte.Courriel, "mauvais mot de passe " + i));
        }

        return new Pause(compte, proprietaire, inconnu, messages, await PauseJusquaAsync(compte));
    }

    private async Task<DateTime?> PauseJusquaAsync(CompteTest compte)
    {
        await using var db = f.CreateDbContext();
        return (await db.EtatsConnexion.SingleAsync(u => u.UtilisateurId == compte.Id)).PauseJusquA;
    }

    [Fact]
    public async Task WrongPasswords_PauseTheAccount_PastTheAllowedNumber()
    {
        var pause = await PauserAsync();
        Assert.NotNull(pause.Jusqua);
        Assert.True(pause.Jusqua > DateTime.UtcNow);
    }

    // So nobody can keep the owner out by trying again and again.
    [Fact]
    public async Task DuringThePause_TheRightPasswordIsNotChecked_AndMoreTriesDoNotMakeItLonger()
    {
        var pause = await PauserAsync();
        var refus = await RefusAsync(pause.Inconnu, pause.Compte.Courriel, pause.Compte.MotDePasse);
        Assert.Contains(refus, pause.Messages);
        await RefusAsync(pause.Inconnu, pause.Compte.Courriel, "encore un essai");
        Assert.Equal(pause.Jusqua, await PauseJusquaAsync(pause.Compte));
    }

    [Fact]
    public async Task EveryRefusal_ReadsTheSame_WrongPassword_Paused_OrUnknownAddress()
    {
        var pause = await PauserAsync();
        pause.Messages.Add(await RefusAsync(pause.Inconnu, pause.Compte.Courriel, pause.Compte.MotDePasse));
        pause.Messages.Add(await RefusAsync(Pro.Client(f), $"personne-{Guid.NewGuid():N}@pro.test", "peu importe"));
        Assert.Single(pause.Messages);
    }

    [Fact]
    public async Task OwnersBrowser_WhereBothFactorsWereCompleted_IsNotPaused()
    {
        var pause = await PauserAsync();
        var r = await Pro.PosterAsync(pause.Proprietaire, "/pro/connexion", new() { ["Courriel"] = pause.Compte.Courriel, ["MotDePasse"] = pause.Compte.MotDePasse });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.StartsWith("/pro/connexion/code", r.Headers.Location!.OriginalString);
    }

    private async Task<List<string?>> DetailsAsync(string utilisateurId)
    {
        await using var db = f.CreateDbContext();
        return await db.Journal.Where(j => j.RessourceId == utilisateurId || j.UtilisateurId == utilisateurId).Select(j => j.Detail).ToListAsync();
    }

    [Fact]
    public async Task Audit_RecordsAFailedSignIn_OnTheAccount()
    {
        var compte = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-63");
        await RefusAsync(Pro.Client(f), compte.Courriel, "pas le bon mot de passe");
        Assert.Contains("échec de connexion : mot de passe incorrect", await DetailsAsync(compte.Id));
    }

    [Fact]
    public async Task Audit_RecordsUnknownAddresses_WithoutKeepingTheTypedAddress()
    {
        const string Connexion = "échec de connexion : adresse inconnue", Reinitialisation = "demande de réinitialisation du mot de passe : adresse inconnue";
        async Task<(int, int)> AnonymesAsync()
        {
            await using var db = f.CreateDbContext();
            var anonymes = db.Journal.Where(j => j.Utilisateur == "anonyme");
            return (await anonymes.CountAsync(j => j.Detail == Connexion), await anonymes.CountAsync(j => j.Detail == Reinitialisation));
        }

        var avant = await AnonymesAsync();
        var inconnue = $"inconnu-{Guid.NewGuid():N}@pro.test";
        await RefusAsync(Pro.Client(f), inconnue, "pas le bon mot de passe");
        await Pro.PosterAsync(Pro.Client(f), "/pro/mot-de-passe-oublie", new() { ["Courriel"] = inconnue });

        Assert.Equal((avant.Item1 + 1, avant.Item2 + 1), await AnonymesAsync());
        await using var db = f.CreateDbContext();
        Assert.False(await db.Journal.AnyAsync(j => j.Utilisateur == inconnue || j.Detail!.Contains(inconnue)));
    }

    [Fact]
    public async Task Audit_RecordsAFailedSecondFactorCode()
    {
        var compte = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-63");
        var client = Pro.Client(f);
        await Pro.PosterAsync(client, "/pro/connexion", new() { ["Courriel"] = compte.Courriel, ["MotDePasse"] = compte.MotDePasse });
        await Pro.PosterAsync(client, "/pro/connexion/code", new() { ["Code"] = "000000" == Totp.Code(compte.Cle, DateTimeOffset.UtcNow) ? "111111" : "000000" });
        Assert.Contains("échec du code de double facteur", await DetailsAsync(compte.Id));
    }

    [Fact]
    public async Task Audit_RecordsAPasswordResetRequest()
    {
        var compte = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-63");
        await Pro.PosterAsync(Pro.Client(f), "/pro/mot-de-passe-oublie", new() { ["Courriel"] = compte.Courriel });
        Assert.Contains("demande de réinitialisation du mot de passe", await DetailsAsync(compte.Id));
    }

    [Fact]
    public async Task Audit_RecordsTheSignIn_AndTheSignOut()
    {
        var compte = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-63");
        var connecte = await Pro.ConnecterAsync(f, compte);
        await Pro.PosterAsync(connecte, "/pro/deconnexion", []);
        var lignes = await DetailsAsync(compte.Id);
        Assert.Contains("connexion avec double facteur", lignes);
        Assert.Contains("déconnexion", lignes);
    }

    [Fact]
    public async Task Audit_RecordsEachViewOfTheJournal()
    {
        var admin = await Pro.CreerCompteAsync(f, Roles.AdminRegional);
        var adminClient = await Pro.ConnecterAsync(f, admin);
        Assert.Equal(HttpStatusCode.OK, (await adminClient.GetAsync("/pro/admin/journal")).StatusCode);
        Assert.Contains(await DetailsAsync(admin.Id), l => l!.StartsWith("consultation du journal", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PasswordResetMail_GoesToTheStoredAddress_NotTheTypedOne()
    {
        var marque = Guid.NewGuid().ToString("N")[..8];
        var stockee = $"victime-{marque}@pro.test";
        await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-63", courriel: stockee);

        // Lookups ignore case, so the typed address need not be the account's (with Unicode case folding
        // it can even be another mailbox that only looks the same): the link must go to the stored one.
        var tapee = $"VICTIME-{marque}@PRO.test";
        var r = await Pro.PosterAsync(Pro.Client(f), "/pro/mot-de-passe-oublie", new() { ["Courriel"] = tapee });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        await using var db = f.CreateDbContext();
        var destinataires = await db.MessagesSortants.Where(m => m.Sujet.Contains("mot de passe")).Select(m => m.Destinataire).ToListAsync();
        Assert.Contains(stockee, destinataires);
        Assert.DoesNotContain(tapee, destinataires);
    }

    [Fact]
    public async Task WrongPasswords_SentInParallel_AreEachCounted_AndNeverAnswer500()
    {
        var compte = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-63");
        var formulaires = new List<(HttpClient Client, string Action, FormUrlEncodedContent Contenu)>();
        for (var i = 0; i < 12; i++)
        {
            var c = Pro.Client(f);
            var (action, contenu) = await Soumission.PreparerAsync(c, "/pro/connexion", new Dictionary<string, string> { ["Courriel"] = compte.Courriel, ["MotDePasse"] = "mauvais " + i });
            formulaires.Add((c, action, contenu));
        }

        var reponses = await Task.WhenAll(formulaires.Select(x => x.Client.PostAsync(x.Action, x.Contenu)));
        Assert.All(reponses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await using var db = f.CreateDbContext();
        var etat = await db.EtatsConnexion.SingleAsync(e => e.UtilisateurId == compte.Id);

        // Every try was taken before its password was checked: those refused by the pause were not counted,
        // the others all were; at most five passwords were checked before the pause began.
        var verifies = await db.Journal.CountAsync(j => j.RessourceId == compte.Id && j.Detail == "échec de connexion : mot de passe incorrect");
        Assert.Equal(etat.Echecs, verifies);
        Assert.InRange(verifies, Connexions.EchecsAvantPause, Connexions.EchecsAvantPause);
        Assert.NotNull(etat.PauseJusquA);
    }

    [Fact]
    public async Task PasswordReset_EndsThePause_AndEveryLiveSession()
    {
        var compte = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-63");
        var session = await Pro.ConnecterAsync(f, compte);
        var inconnu = Pro.Client(f);
        for (var i = 0; i < Connexions.EchecsAvantPause; i++)
        {
            await RefusAsync(inconnu, compte.Courriel, "mauvais " + i);
        }

        await Pro.PosterAsync(Pro.Client(f), "/pro/mot-de-passe-oublie", new() { ["Courriel"] = compte.Courriel });
        var lien = new Uri(await Pro.LienDansCourrierAsync(f, compte.Courriel, "http://localhost:5080/pro/mot-de-passe/nouveau?"));
        var nouveau = "un nouveau mot de passe pour la suite";
        var r = await Pro.PosterAsync(Pro.Client(f), lien.PathAndQuery, new() { ["MotDePasse"] = nouveau, ["Confirmation"] = nouveau });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);

        AssertVersConnexion(await session.GetAsync("/pro"));
        r = await Pro.PosterAsync(Pro.Client(f), "/pro/connexion", new() { ["Courriel"] = compte.Courriel, ["MotDePasse"] = nouveau });
        Assert.StartsWith("/pro/connexion/code", r.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SecurityStampChange_EndsLiveSessions_AtTheNextRequest()
    {
        var compte = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-63");
        var client = await Pro.ConnecterAsync(f, compte);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/pro")).StatusCode);
        using (var scope = f.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Utilisateur>>();
            await users.UpdateSecurityStampAsync((await users.FindByIdAsync(compte.Id))!);
        }

        // No 5-minute wait: the session row carries the stamp it was opened with.
        AssertVersConnexion(await client.GetAsync("/pro"));
    }

    [Fact]
    public async Task PasswordOnlySession_StaysWithoutTheSecondFactor_AfterTheRefresh()
    {
        var horloge = new HorlogeFixe(Debut);
        await using var app = AvecHorloge(horloge);
        var courriel = $"sans-totp-{Guid.NewGuid():N}@pro.test";
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Utilisateur>>();
            var u = new Utilisateur { UserName = courriel, Email = courriel, NomAffiche = "Sans second facteur", Role = Roles.MembreStructure, CreeLe = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(u, Pro.MotDePasse)).Succeeded);
        }

        var client = Client(app);
        var r = await Pro.PosterAsync(client, "/pro/connexion", new() { ["Courriel"] = courriel, ["MotDePasse"] = Pro.MotDePasse });
        Assert.EndsWith("/pro/double-facteur", r.Headers.Location!.OriginalString);
        horloge.Avancer(TimeSpan.FromMinutes(6));
        r = await client.GetAsync("/pro");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.EndsWith("/pro/double-facteur", r.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/pro/double-facteur")).StatusCode);
    }

    [Fact]
    public async Task TotpCode_OfAnEarlierStep_IsRefused_OnceALaterOneWasAccepted()
    {
        var compte = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-63");
        var maintenant = DateTimeOffset.UtcNow;
        var suivant = Totp.Code(compte.Cle, maintenant.AddSeconds(30));
        var courant = Totp.Code(compte.Cle, maintenant);
        if (suivant == courant)
        {
            return; // one chance in a million: the two steps show the same digits
        }

        Assert.Equal("/pro", (await CodeAsync(compte, suivant)).Headers.Location?.OriginalString);
        var r = await CodeAsync(compte, courant);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("pas valable", await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SecretsStoredInClearByAnOlderVersion_AreProtectedAtStartUp()
    {
        var compte = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-63");
        await using (var db = f.CreateDbContext())
        {
            var jetons = db.Set<IdentityUserToken<string>>();
            (await jetons.SingleAsync(t => t.UserId == compte.Id && t.Name == "AuthenticatorKey")).Value = compte.Cle;
            jetons.Add(new IdentityUserToken<string> { UserId = compte.Id, LoginProvider = "[AspNetUserStore]", Name = "RecoveryCodes", Value = "ABCDE-FGHIJ;KLMNO-PQRST" });
            await db.SaveChangesAsync();
        }

        await ProtectionCles.ProtegerSecretsExistantsAsync(f.Services);
        await using (var db = f.CreateDbContext())
        {
            var valeurs = await db.Set<IdentityUserToken<string>>().Where(t => t.UserId == compte.Id).ToDictionaryAsync(t => t.Name, t => t.Value!);
            Assert.DoesNotContain(compte.Cle, valeurs["AuthenticatorKey"]);
            Assert.DoesNotContain("ABCDE", valeurs["RecoveryCodes"]);
        }

        // Still the same secrets for their owner: the code and a recovery code sign in.
        await Pro.ConnecterAsync(f, compte);
        Assert.Equal("/pro", (await CodeAsync(compte, "klmno-pqrst")).Headers.Location?.OriginalString);
    }

    private async Task<HttpResponseMessage> CodeAsync(CompteTest compte, string code)
    {
        var client = Pro.Client(f);
        var r = await Pro.PosterAsync(client, "/pro/connexion", new() { ["Courriel"] = compte.Courriel, ["MotDePasse"] = compte.MotDePasse });
        Assert.StartsWith("/pro/connexion/code", r.Headers.Location!.OriginalString);
        return await Pro.PosterAsync(client, "/pro/connexion/code", new() { ["Code"] = code });
    }

    private static async Task<string> RefusAsync(HttpClient client, string courriel, string motDePasse)
    {
        var r = await Pro.PosterAsync(client, "/pro/connexion", new() { ["Courriel"] = courriel, ["MotDePasse"] = motDePasse });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return (await Pro.Html(r)).QuerySelector("#err-courriel")?.TextContent.Trim()
            ?? throw new Xunit.Sdk.XunitException("no error message on the sign-in page");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SessionsSqliteTests(SqliteAppFactory f) : SessionsTests(f);

[Collection(PostgresCollection.Name)]
public sealed class SessionsPostgresTests(PostgresAppFactory f) : SessionsTests(f);
