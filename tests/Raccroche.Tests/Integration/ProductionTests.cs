// The SQL below is built from database ids and Guid-based role names only, never from input.
#pragma warning disable EF1002, EF1003
using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Raccroche.Tests.Integration;

/// <summary>
/// Behind a reverse proxy (decision 0025): the app on a real Kestrel port on loopback, so that the sender of every request
/// is a real socket peer (127.0.0.1) which the configuration trusts as the proxy, or not.
/// </summary>
public abstract class MandataireTests
{
    protected abstract AppFactory Creer();

    private async Task<AppFactory> DemarrerAsync(string mandataire, params (string Cle, string Valeur)[] reglages)
    {
        var f = Creer();
        f.SurKestrel = true;
        f.Reglages["Mandataire:Adresses"] = mandataire;
        f.Reglages["RateLimiting:OrientationParFenetre"] = "2";
        f.Reglages["Securite:CookiesSecurises"] = "false";
        foreach (var (cle, valeur) in reglages)
        {
            f.Reglages[cle] = valeur;
        }

        await f.InitializeAsync();
        return f;
    }

    private static HttpClient Client(AppFactory f, string? pour, string? proto = null)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() }) { BaseAddress = f.ClientOptions.BaseAddress };
        if (pour is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-For", pour);
        }

        if (proto is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", proto);
        }

        return client;
    }

    private static async Task<List<int>> OrienterAsync(HttpClient client, int fois)
    {
        var statuts = new List<int>();
        for (var i = 0; i < fois; i++)
        {
            var r = await client.PostAsJsonAsync("/api/v1/orientation", new { age = 17, code_commune = "63430" });
            statuts.Add((int)r.StatusCode);
        }

        return statuts;
    }

    [Fact]
    public async Task TrustedProxy_ClientsGetTheirOwnBuckets_IPv6By64_AuditHasTheClientAddress_AccountLimitAcrossAddresses()
    {
        await using var f = await DemarrerAsync("127.0.0.1", ("RateLimiting:ConnexionParCompte", "2"));

        // Two clients behind the proxy: each its own budget of 2 (one address used up does not block the other).
        Assert.Equal([200, 200, 429], await OrienterAsync(Client(f, "203.0.113.10"), 3));
        Assert.Equal([200], await OrienterAsync(Client(f, "203.0.113.11"), 1));

        // The proxy appends the peer to what the client sent: the client's own claim on the left is not believed.
        Assert.Equal([429], await OrienterAsync(Client(f, "198.51.100.99, 203.0.113.10"), 1));

        // IPv6: one /64 is one client, whatever the interface identifier; the next /64 is another.
        Assert.Equal([200, 200, 429], await OrienterAsync(Client(f, "2001:db8:1:2::1"), 3));
        Assert.Equal([429], await OrienterAsync(Client(f, "2001:db8:1:2:ffff:ffff:ffff:ffff"), 1));
        Assert.Equal([200], await OrienterAsync(Client(f, "2001:db8:1:3::1"), 1));

        // The audit trail records the client's address, not the proxy's.
        var compte = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-63");
        await Pro.ConnecterAsync(f, compte, Client(f, "198.51.100.7"));
        await using (var db = f.CreateDbContext())
        {
            var adresses = await db.Journal.Where(j => j.UtilisateurId == compte.Id || j.Utilisateur == compte.Courriel).Select(j => j.Adresse).ToListAsync();
            Assert.NotEmpty(adresses);
            Assert.All(adresses, a => Assert.Equal("198.51.100.7", a));
        }

        // Per account, whatever the address: the third attempt in the window is refused, from a fresh address too.
        var autre = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-63");
        var statuts = new List<HttpStatusCode>();
        foreach (var adresse in new[] { "192.0.2.1", "192.0.2.2", "192.0.2.3" })
        {
            statuts.Add((await Pro.PosterAsync(Client(f, adresse), "/pro/connexion", new() { ["Courriel"] = autre.Courriel, ["MotDePasse"] = "mauvais" })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuts);
        var refus = await Pro.PosterAsync(Client(f, "192.0.2.4"), "/pro/connexion", new() { ["Courriel"] = autre.Courriel.ToUpperInvariant(), ["MotDePasse"] = "mauvais" });
        Assert.Contains("Trop de tentatives de connexion à ce compte", WebUtility.HtmlDecode(await refus.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task UntrustedSender_ForwardedHeadersAreIgnored_ForLimitsAndScheme()
    {
        await using var f = await DemarrerAsync("10.9.9.9", ("AllowedHosts", "raccroche.test;127.0.0.1"));

        // Both "clients" are the one socket peer 127.0.0.1: one budget of 2 between them.
        Assert.Equal([200, 200], await OrienterAsync(Client(f, "203.0.113.20"), 2));
        Assert.Equal([429], await OrienterAsync(Client(f, "203.0.113.21"), 1));

        // "X-Forwarded-Proto: https" from an untrusted sender does not make a plain HTTP request secure: no HSTS.
        var requete = new HttpRequestMessage(HttpMethod.Get, "/");
        requete.Headers.Host = "raccroche.test";
        requete.Headers.Add("X-Forwarded-Proto", "https");
        var r = await Client(f, null).SendAsync(requete);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.False(r.Headers.Contains("Strict-Transport-Security"));

        // The health probes answer over plain HTTP (the proxy asks the instance directly).
        var sante = new HttpRequestMessage(HttpMethod.Get, "/sante/vivant");
        sante.Headers.Host = "raccroche.test";
        Assert.Equal(HttpStatusCode.OK, (await Client(f, null).SendAsync(sante)).StatusCode);
    }

    [Fact]
    public async Task OnKestrel_AnUploadOverTheRequestLimit_Gets413AndTheFrenchPage_NotA500()
    {
        await using var f = await DemarrerAsync("10.9.9.9");
        var client = Client(f, null);
        await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.Editeur), client);
        var enorme = new byte[Raccroche.Web.Features.Ressources.EditionModel.TailleRequete + 1024 * 1024];
        "%PDF-1.4\n"u8.CopyTo(enorme);
        var form = (await Formulaire.LireAsync(client, "/pro/ressources/edition")).Mettre("Saisie.Titre", "Trop lourd pour Kestrel");
        var r = await form.EnvoyerAvecFichierAsync(client, "Publier", "Fichier", enorme, "enorme.pdf");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, r.StatusCode);
        var page = await Pro.Html(r);
        Assert.Equal("Envoi trop volumineux", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Rien n'a été enregistré", page.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task TlsTerminatingProxy_NoRedirectLoop_HstsSent()
    {
        await using var f = await DemarrerAsync("127.0.0.1", ("Https:Port", "443"), ("AllowedHosts", "raccroche.test"));
        var requete = new HttpRequestMessage(HttpMethod.Get, "/");
        requete.Headers.Host = "raccroche.test";
        requete.Headers.Add("X-Forwarded-For", "203.0.113.30");
        requete.Headers.Add("X-Forwarded-Proto", "https");
        var r = await Client(f, null).SendAsync(requete);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.StartsWith("max-age=", r.Headers.GetValues("Strict-Transport-Security").Single());

        // Plain HTTP through the same proxy (no X-Forwarded-Proto: https) is sent to HTTPS.
        var http = new HttpRequestMessage(HttpMethod.Get, "/recherche");
        http.Headers.Host = "raccroche.test";
        http.Headers.Add("X-Forwarded-For", "203.0.113.30");
        var redirige = await Client(f, null).SendAsync(http);
        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirige.StatusCode);
        Assert.Equal("https://raccroche.test/recherche", redirige.Headers.Location!.ToString());
    }
}

public sealed class MandataireSqliteTests : MandataireTests
{
    protected override AppFactory Creer() => new SqliteAppFactory();
}

public sealed class MandatairePostgresTests : MandataireTests
{
    protected override AppFactory Creer() => new PostgresAppFactory();
}

/// <summary>Health endpoints, the hash-chained audit trail and its verb, the trail's refusal of UPDATE in the database.</summary>
public abstract class ResilienceJournalTests(AppFactory f)
{
    [Fact]
    public async Task Health_AliveAndReady_PlainTextNeverCached()
    {
        await f.AttendreCatalogueAsync();
        var client = f.CreateClient();
        var vivant = await client.GetAsync("/sante/vivant");
        Assert.Equal(HttpStatusCode.OK, vivant.StatusCode);
        Assert.Equal("vivant\n", await vivant.Content.ReadAsStringAsync());
        var pret = await client.GetAsync("/sante/pret");
        Assert.Equal(HttpStatusCode.OK, pret.StatusCode);
        Assert.Equal("prêt\n", await pret.Content.ReadAsStringAsync());
        Assert.Equal("no-store", pret.Headers.CacheControl!.ToString());
    }

    private async Task<List<long>> EcrireLignesAsync(string marque, int n)
    {
        using var scope = f.Services.CreateScope();
        var journal = scope.ServiceProvider.GetRequiredService<Tracabilite>();
        for (var i = 0; i < n; i++)
        {
            await journal.EcrireAsync(Tracabilite.Lecture, "test-chaine", $"{marque}-{i}", $"détail {marque} {i}", "test");
        }

        await using var db = f.CreateDbContext();
        return await db.Journal.Where(j => j.Ressource == "test-chaine" && j.RessourceId!.StartsWith(marque)).OrderBy(j => j.Id).Select(j => j.Id).ToListAsync();
    }

    private async Task<(int Code, string Sortie)> VerbeAsync(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Raccroche.Web.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["ConnectionStrings__Raccroche"] = f.ChaineConnexion;
        psi.Environment["Database__Provider"] = f.Provider;
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var p = Process.Start(psi)!;
        var sortie = p.StandardOutput.ReadToEndAsync();
        var erreurs = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, await sortie + await erreurs);
    }

    /// <summary>Runs SQL on its own connection; on PostgreSQL as the test's superuser with triggers off (a tamperer with full rights).</summary>
    private async Task AltererAsync(string sql)
    {
        await using var db = f.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        if (f.Provider == "Postgres")
        {
            await db.Database.ExecuteSqlRawAsync("SET session_replication_role = replica; " + sql + "; SET session_replication_role = origin");
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER journal_acces_sans_modification");
            await db.Database.ExecuteSqlRawAsync(sql);
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TRIGGER journal_acces_sans_modification BEFORE UPDATE ON "JournalAcces"
                BEGIN
                    SELECT RAISE(ABORT, 'Les lignes du journal d''accès ne se modifient pas.');
                END;
                """);
        }
    }

    [Fact]
    public async Task HashChain_TamperedLineInSql_TheVerbNamesIt_RestoredItIsIntactAgain()
    {
        var marque = Guid.NewGuid().ToString("N")[..10];
        var ids = await EcrireLignesAsync(marque, 4);
        Assert.Equal(4, ids.Count);
        var (code, sortie) = await VerbeAsync("verifier-journal");
        Assert.True(code == 0, sortie);
        Assert.Contains("Journal intact", sortie);

        // A changed detail: that line's own hash no longer matches.
        var cible = ids[1];
        await AltererAsync($"UPDATE \"JournalAcces\" SET \"Detail\" = 'retouché' WHERE \"Id\" = {cible}");
        (code, sortie) = await VerbeAsync("verifier-journal");
        Assert.Equal(1, code);
        Assert.Contains($"id {cible} ", sortie);
        Assert.Contains("ligne modifiée", sortie);

        // Changed again with its hash recomputed: the next line does not find it, and the changed one is named.
        await using (var db = f.CreateDbContext())
        {
            var ligne = await db.Journal.AsNoTracking().SingleAsync(j => j.Id == cible);
            ligne.Detail = "retouché";
            var recalculee = ChainageJournal.Calculer(ligne.EmpreintePrecedente!, ligne);
            await AltererAsync($"UPDATE \"JournalAcces\" SET \"Empreinte\" = '{recalculee}' WHERE \"Id\" = {cible}");
        }

        var bilan = await VerificationJournal.VerifierAsync(f.CreateDbContext());
        Assert.Equal(cible, bilan.PremiereCasseeId);

        // Restored, then a line deleted: a gap in the ranks.
        await AltererAsync($"UPDATE \"JournalAcces\" SET \"Detail\" = 'détail {marque} 1', \"Empreinte\" = (SELECT \"EmpreintePrecedente\" FROM \"JournalAcces\" WHERE \"Id\" = {ids[2]}) WHERE \"Id\" = {cible}");
        Assert.True((await VerificationJournal.VerifierAsync(f.CreateDbContext())).Intacte);
        await AltererAsync($"DELETE FROM \"JournalAcces\" WHERE \"Id\" = {ids[2]}");
        bilan = await VerificationJournal.VerifierAsync(f.CreateDbContext());
        Assert.False(bilan.Intacte);
        Assert.Contains("manquant", bilan.Raison);

        // The test leaves the trail as it found it for the next tests of the collection: its own lines go.
        await AltererAsync($"DELETE FROM \"JournalAcces\" WHERE \"Ressource\" = 'test-chaine' AND \"RessourceId\" LIKE '{marque}%'");
    }

    [Fact]
    public async Task AuditLine_UpdateInTheDatabase_IsRefused()
    {
        var ids = await EcrireLignesAsync(Guid.NewGuid().ToString("N")[..10], 1);
        await using var db = f.CreateDbContext();
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            db.Database.ExecuteSqlRawAsync($"UPDATE \"JournalAcces\" SET \"Detail\" = 'x' WHERE \"Id\" = {ids[0]}"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ResilienceJournalSqliteTests(SqliteAppFactory f) : ResilienceJournalTests(f);

[Collection(PostgresCollection.Name)]
public sealed class ResilienceJournalPostgresTests(PostgresAppFactory f) : ResilienceJournalTests(f)
{
    private const string Reponses = "age=17&situation=sorti-sans-diplome&depuis=3-6-mois&classe=lycee&code_commune=63430&souhait=metier-paye&besoins=aucun&rayon_km=";

    private static Dictionary<string, string> Contact(string prenom) => new()
    {
        ["Saisie.Prenom"] = prenom,
        ["Saisie.Telephone"] = "06 12 34 56 78",
        ["Saisie.Creneau"] = "apres-midi",
        ["Saisie.Consentement"] = "true",
    };

    /// <summary>A unique first name's tail: letters only (a first name has no digits).</summary>
    private static string Lettres() => new([.. Guid.NewGuid().ToString("N")[..10].Select(c => (char)('a' + (c % 16)))]);

    /// <summary>Every connection of the app's database but the caller's is killed (as a PostgreSQL restart would).</summary>
    private static async Task CouperConnexionsAsync(AppFactory app, string? depuis = null, string? base_ = null)
    {
        await using var conn = new NpgsqlConnection(depuis is null ? app.ChaineConnexion : new NpgsqlConnectionStringBuilder(app.ChaineConnexion) { Database = depuis }.ToString());
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = coalesce(@base, current_database()) AND pid <> pg_backend_pid()", conn);
        cmd.Parameters.Add(new NpgsqlParameter("base", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)base_ ?? DBNull.Value });
        await cmd.ExecuteScalarAsync();
    }

    [Fact]
    public async Task ContactPost_ConnectionsKilled_SucceedsOnRetry_WrittenOnce()
    {
        var prenom = "Tess" + Lettres();
        var client = f.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = AppFactory.Https });
        var (action, contenu) = await Soumission.PreparerAsync(client, $"/diagnostic/recontact?{Reponses}", Contact(prenom));
        await CouperConnexionsAsync(f);
        var r = await client.PostAsync(action, contenu);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Contains("/diagnostic/recontact/merci?reference=RC-", r.Headers.Location!.OriginalString);
        await using var db = f.CreateDbContext();
        var demande = await db.DemandesContact.SingleAsync(d => d.Prenom == prenom);
        Assert.Equal(1, await db.MessagesSortants.CountAsync(m => m.DemandeId == demande.Id));
    }

    [Fact]
    public async Task ContactPost_DatabaseRefusingConnectionsBeyondTheRetries_FormComesBackFilled_NothingWritten()
    {
        var capture = new CaptureJournaux();
        await using var app = new PostgresAppFactory { Capture = capture };
        app.Reglages["Database:Reessais"] = "1";
        await app.InitializeAsync();
        var prenom = "Tess" + Lettres();
        var client = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = AppFactory.Https });
        var (action, contenu) = await Soumission.PreparerAsync(client, $"/diagnostic/recontact?{Reponses}", Contact(prenom));
        var nom = new NpgsqlConnectionStringBuilder(app.ChaineConnexion).Database!;
        await AutoriserConnexionsAsync(app, nom, false);
        HttpResponseMessage r;
        try
        {
            await CouperConnexionsAsync(app, "postgres", nom);
            r = await client.PostAsync(action, contenu);
        }
        finally
        {
            await AutoriserConnexionsAsync(app, nom, true);
        }

        Assert.True(r.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)r.StatusCode}: {string.Join("\n", capture.Lignes.Where(l => l.Contains("Unhandled exception", StringComparison.Ordinal)).Take(1))}");
        Assert.Equal("10", r.Headers.RetryAfter!.ToString());
        var page = await Pro.Html(r);
        Assert.Contains("momentanément indisponible", page.QuerySelector("main")!.TextContent);
        Assert.Equal(prenom, page.QuerySelector("input[name='Saisie.Prenom']")!.GetAttribute("value"));
        Assert.Equal("06 12 34 56 78", page.QuerySelector("input[name='Saisie.Telephone']")!.GetAttribute("value"));
        await using var db = app.CreateDbContext();
        Assert.False(await db.DemandesContact.AnyAsync(d => d.Prenom == prenom));

        // Once the database is back, the same form goes through.
        (action, contenu) = await Soumission.PreparerAsync(client, $"/diagnostic/recontact?{Reponses}", Contact(prenom));
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(action, contenu)).StatusCode);
        Assert.Equal(1, await db.DemandesContact.CountAsync(d => d.Prenom == prenom));
    }

    [Fact]
    public async Task CaseFilePost_DatabaseRefusingConnections_ErrorPageKeepsTheTypedValues_SentAgainTheyAreWrittenOnce()
    {
        await using var app = new PostgresAppFactory();
        app.Reglages["Database:Reessais"] = "1";
        await app.InitializeAsync();
        var comptes = new Dictionary<string, CompteTest>();
        int dossier;
        await using (var db = app.CreateDbContext())
        {
            var ml = await db.Structures.Where(s => s.Slug == "ml-63").Select(s => s.Id).SingleAsync();
            var cio = await db.Structures.Where(s => s.Slug == "cio-63").Select(s => s.Id).SingleAsync();
            var x = new Psad { Code = "rx" + Lettres(), Nom = "PSAD résilience", Territoire = ["63"], Partenaires = [new() { StructureId = ml }, new() { StructureId = cio }] };
            var y = new Psad { Code = "ry" + Lettres(), Nom = "PSAD autre", Territoire = ["69"] };
            db.Psads.AddRange(x, y);
            await db.SaveChangesAsync();
            await EquipeDeTest.InstallerAsync(app, app.Services, x.Id, y.Id, comptes);
            using (var scope = app.Services.CreateScope())
            {
                var novembre = new DateOnly(2026, 11, 1);
                var rapport = await scope.ServiceProvider.GetRequiredService<ImportSiei>()
                    .ExecuterAsync(x.Code, novembre, ListeSieiSynthetique.Flux(ListeSieiSynthetique.Csv(ListeSieiSynthetique.Jeunes(1, 7, novembre))), "liste.csv", false, false, "test");
                Assert.True(rapport.Importe, rapport.Resume());
            }

            dossier = await db.JeunesSuivis.Where(j => j.PsadId == x.Id).Select(j => j.Id).SingleAsync();
            var coordination = await Pro.ConnecterAsync(app, comptes[EquipeDeTest.CoordX]);
            Assert.Equal(HttpStatusCode.Redirect, (await Pro.PosterAsync(coordination, $"/pro/decrocheurs/{dossier}", new() { ["StructureId"] = ml.ToString(CultureInfo.InvariantCulture) })).StatusCode);
        }

        var referent = await Pro.ConnecterAsync(app, comptes[EquipeDeTest.RefA]);
        var form = (await Formulaire.LireAsync(referent, $"/pro/decrocheurs/{dossier}", "form[action*='handler=Tentative']"))
            .Cocher("Canal", "telephone").Cocher("Issue", "messagerie").Mettre("Quand", "");
        var nom = new NpgsqlConnectionStringBuilder(app.ChaineConnexion).Database!;
        await AutoriserConnexionsAsync(app, nom, false);
        HttpResponseMessage r;
        try
        {
            await CouperConnexionsAsync(app, "postgres", nom);
            r = await form.EnvoyerAsync(referent);
        }
        finally
        {
            await AutoriserConnexionsAsync(app, nom, true);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, r.StatusCode);
        Assert.Equal("10", r.Headers.RetryAfter!.ToString());
        var page = await Pro.Html(r);
        Assert.Contains("rien n'a été enregistré", page.QuerySelector("main")!.TextContent);
        var conserve = page.QuerySelector("form.formulaire-conserve")!;
        Assert.Equal($"/pro/decrocheurs/{dossier}?handler=Tentative", conserve.GetAttribute("action"));
        Assert.Equal("messagerie", conserve.QuerySelector("input[name='Issue']")!.GetAttribute("value"));
        Assert.NotNull(conserve.QuerySelector("input[name='Version']"));
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(0, await db.TentativesContact.CountAsync(t => t.JeuneSuiviId == dossier));
        }

        // The database is back: the kept form, sent as it stands, records the attempt once.
        var renvoi = new FormUrlEncodedContent(conserve.QuerySelectorAll("input[name], textarea[name]")
            .Select(e => KeyValuePair.Create(e.GetAttribute("name")!, (e as AngleSharp.Html.Dom.IHtmlTextAreaElement)?.Value ?? e.GetAttribute("value") ?? "")));
        Assert.Equal(HttpStatusCode.Redirect, (await referent.PostAsync(conserve.GetAttribute("action"), renvoi)).StatusCode);
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(1, await db.TentativesContact.CountAsync(t => t.JeuneSuiviId == dossier));
        }
    }

    private static async Task AutoriserConnexionsAsync(AppFactory app, string nom, bool oui)
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(app.ChaineConnexion) { Database = "postgres", Pooling = false }.ToString());
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"ALTER DATABASE \"{nom}\" WITH ALLOW_CONNECTIONS {(oui ? "true" : "false")}", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task SplitRoles_AppRoleCannotUpdateOrDeleteAuditLines_PurgeRoleCan()
    {
        var suffixe = Guid.NewGuid().ToString("N")[..10];
        string app = $"t_app_{suffixe}", purge = $"t_purge_{suffixe}";
        await using (var db = f.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync($"CREATE ROLE {app} LOGIN PASSWORD 'x'; CREATE ROLE {purge} LOGIN PASSWORD 'x'");
            await DroitsJournal.AppliquerAsync(db, app, purge);
        }

        try
        {
            string En(string role) => new NpgsqlConnectionStringBuilder(f.ChaineConnexion) { Username = role, Password = "x", Pooling = false }.ToString();
            await using (var conn = new NpgsqlConnection(En(app)))
            {
                await conn.OpenAsync();
                async Task<int> Executer(string sql)
                {
                    await using var cmd = new NpgsqlCommand(sql, conn);
                    return await cmd.ExecuteNonQueryAsync();
                }

                Assert.Equal(1, await Executer($"INSERT INTO \"JournalAcces\" (\"Le\", \"Utilisateur\", \"Action\", \"Ressource\", \"RessourceId\") VALUES (now(), 'test', 'lecture', 'test-roles', '{suffixe}')"));
                Assert.Equal("42501", (await Assert.ThrowsAsync<PostgresException>(() => Executer($"DELETE FROM \"JournalAcces\" WHERE \"RessourceId\" = '{suffixe}'"))).SqlState);
                Assert.Equal("42501", (await Assert.ThrowsAsync<PostgresException>(() => Executer($"UPDATE \"JournalAcces\" SET \"Detail\" = 'x' WHERE \"RessourceId\" = '{suffixe}'"))).SqlState);
                Assert.Equal("42501", (await Assert.ThrowsAsync<PostgresException>(() => Executer("TRUNCATE \"JournalAcces\""))).SqlState);

                // Everything else stays writable for the app (a contact request's table, say).
                Assert.Equal(0, await Executer("DELETE FROM \"DemandesContact\" WHERE \"Prenom\" = 'personne-de-ce-nom'"));
            }

            // The retention purge, through the purge role's connection.
            var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:RaccrochePurge"] = En(purge) }).Build();
            await using (var db = f.CreateDbContext())
            {
                Assert.True(await DroitsJournal.PurgerAsync(db, config, DateTime.UtcNow.AddMinutes(1)) >= 1);
                Assert.False(await db.Journal.AnyAsync(j => j.RessourceId == suffixe));
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var db = f.CreateDbContext();
            await db.Database.ExecuteSqlRawAsync($"DROP OWNED BY {app}, {purge}; DROP ROLE {app}; DROP ROLE {purge}");
        }
    }
}
