using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit.Abstractions;

namespace Raccroche.Tests.Integration;

/// <summary>
/// Two instances of the app on one PostgreSQL database, as in production behind the proxy, talked to over HTTP on loopback
/// ports: A an in-process host on Kestrel (the tests use its services to create accounts and read the database), B a real
/// process (<c>dotnet Raccroche.Web.dll</c>, its own memory, snapshot, jobs and leases; its retention runs as the app's
/// verb, another process). Both run the outbox's sender and the catalogue's watch.
/// </summary>
public sealed class DeuxInstances : IAsyncLifetime
{
    private readonly BasePostgresDeTest _base = new();

    public SmtpTestServer Smtp { get; } = new();
    public Instance A { get; private set; } = null!;
    public InstanceProcessus B { get; private set; } = null!;

    private string Connexion => _base.Connexion;

    public async Task InitializeAsync()
    {
        await _base.CreerAsync();

        // A migrates and seeds; B starts on the migrated database.
        A = new Instance(Connexion, Smtp.Port);
        A.UseKestrel(0);
        A.StartServer();
        B = await InstanceProcessus.DemarrerAsync(ReglagesDeB);
    }

    /// <summary>B's settings: A's, as environment variables of its process (and of its verbs).</summary>
    public Dictionary<string, string> ReglagesDeB => new()
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:Raccroche"] = Connexion,
        ["DataProtection:Certificat"] = AppFactory.CertificatDeTest,
        ["Securite:CookiesSecurises"] = "false",
        ["Mail:Host"] = "127.0.0.1",
        ["Mail:Port"] = Smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["Mail:Securite"] = "None",
        ["Sms:DossierDepot"] = Path.Combine(Path.GetTempPath(), "raccroche-test-sms"),
        [ReglagesDeTest.EnvoiCourriers] = "true",
        ["Mail:IntervalleSecondes"] = "1",
        [ReglagesDeTest.VeilleCatalogue] = "true",
    };

    public async Task DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        await Smtp.DisposeAsync();
        await _base.SupprimerAsync();
    }

    public sealed class Instance(string connexion, int smtp) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            ReglagesDeTest.Appliquer(builder);
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Raccroche", connexion);
            builder.UseSetting("DataProtection:Certificat", AppFactory.CertificatDeTest);
            builder.UseSetting("Securite:CookiesSecurises", "false");
            builder.UseSetting("Mail:Host", "127.0.0.1");
            builder.UseSetting("Mail:Port", smtp.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("Mail:Securite", "None");
            builder.UseSetting("Sms:DossierDepot", Path.Combine(Path.GetTempPath(), "raccroche-test-sms"));
            builder.UseSetting(ReglagesDeTest.EnvoiCourriers, "true");
            builder.UseSetting("Mail:IntervalleSecondes", "1");
            builder.UseSetting(ReglagesDeTest.VeilleCatalogue, "true");
        }

        /// <summary>An HTTP client to this instance's Kestrel port, with its own cookies.</summary>
        public HttpClient Client() => new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new() }) { BaseAddress = ClientOptions.BaseAddress };

        public RaccrocheDbContext Db() => Services.CreateScope().ServiceProvider.GetRequiredService<RaccrocheDbContext>();
    }
}

public sealed class DeuxInstancesTests(DeuxInstances instances, ITestOutputHelper sortie) : IClassFixture<DeuxInstances>
{
    private DeuxInstances.Instance A => instances.A;
    private InstanceProcessus B => instances.B;

    private static string Mot(string prefixe) => prefixe + string.Concat(Guid.NewGuid().ToString("N")[..10].Select(c => (char)('a' + (c % 26))));

    [Fact]
    public async Task SheetPublishedThroughA_IsFoundThroughB_UnderTheSameETag()
    {
        FicheTest fiche;
        await using (var db = A.Db())
        {
            fiche = await FicheTest.CreerAsync(db);
        }

        var membre = await Pro.ConnecterAsync(A, await ComptesDeTest.CreerAsync(A.Services, Roles.MembreStructure, fiche.StructureSlug), A.Client());
        var mot = Mot("baleine");
        var form = await Formulaire.LireAsync(membre, $"/pro/fiches/dispositif/{fiche.DispositifId}");
        form.Mettre("Saisie.Resume", $"Un atelier {mot} pour reprendre pied.");
        Assert.Equal(HttpStatusCode.Redirect, (await form.EnvoyerAsync(membre, "Soumettre")).StatusCode);
        int revision;
        await using (var db = A.Db())
        {
            revision = await db.RevisionsFiche.Where(r => r.CibleId == fiche.DispositifId && r.Type == TypeFiche.Dispositif && r.Statut == StatutRevision.Soumise).Select(r => r.Id).SingleAsync();
        }

        var coordinateur = await Pro.ConnecterAsync(A, await ComptesDeTest.CreerAsync(A.Services, Roles.Coordinateur, territoire: ["63"]), A.Client());
        var decision = await Formulaire.LireAsync(coordinateur, $"/pro/validation/{revision}", "main form[method=post]");
        var r = await decision.EnvoyerAsync(coordinateur, "Publier");
        Assert.Equal("/pro/validation?fait=publiee", r.Headers.Location!.OriginalString);
        var publieLe = Stopwatch.StartNew();

        // B never saw the save: its watch reads the version the triggers moved (LISTEN/NOTIFY) and rebuilds.
        var url = $"/api/v1/dispositifs?q={mot}";
        var clientB = B.Client();
        using var delai = new CancellationTokenSource(AttenteCatalogue.Delai);
        HttpResponseMessage surB;
        while (!(await (surB = await clientB.GetAsync(url, delai.Token)).Content.ReadAsStringAsync(delai.Token)).Contains(mot, StringComparison.Ordinal))
        {
            await Task.Delay(50, delai.Token);
        }

        // The promise is 5 s (2 s polling at worst, a notification at once, then 200 ms of quiet and the rebuild); the
        // figure under load is in docs/benchmarks.md, the test only checks that B gets there.
        sortie.WriteLine($"found through B {publieLe.ElapsedMilliseconds} ms after the publication through A");

        await A.AttendreCatalogueAsync();
        var surA = await A.Client().GetAsync(url);
        Assert.Contains(mot, await surA.Content.ReadAsStringAsync());
        Assert.Equal(surA.Headers.ETag, surB.Headers.ETag);
        var conditionnel = new HttpRequestMessage(HttpMethod.Get, url);
        conditionnel.Headers.IfNoneMatch.Add(surA.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await clientB.SendAsync(conditionnel)).StatusCode);
    }

    [Fact]
    public async Task FiftyQueuedMails_BothInstancesSending_AreDeliveredExactlyFiftyTimes()
    {
        var marque = Guid.NewGuid().ToString("N")[..10];
        var ids = new List<int>();
        await using (var db = A.Db())
        {
            var maintenant = DateTime.UtcNow;
            var messages = Enumerable.Range(0, 50).Select(i => Courrier.Preparer($"structure-{marque}-{i}@exemple.fr", "Demande de contact", "Bonjour", maintenant)).ToList();
            db.MessagesSortants.AddRange(messages);
            await db.SaveChangesAsync();
            ids.AddRange(messages.Select(m => m.Id));
        }

        using var delai = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using (var db = A.Db())
        {
            while (await db.MessagesSortants.CountAsync(m => ids.Contains(m.Id) && m.Statut == StatutMessage.Envoye, delai.Token) < 50)
            {
                await Task.Delay(200, delai.Token);
            }
        }

        // Both senders tick every second: give each a few more runs to (wrongly) send a copy.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var recus = instances.Smtp.Recus.Where(m => m.To.ToString().Contains(marque, StringComparison.Ordinal)).ToList();
        Assert.Equal(50, recus.Count);
        Assert.Equal(50, recus.Select(m => m.MessageId).Distinct().Count());

        // One instance holds the outbox's lease.
        await using var verif = A.Db();
        var bail = await verif.BauxTaches.AsNoTracking().SingleAsync(b => b.Cle == nameof(EnvoiCourriers));
        Assert.True(bail.Titulaire == A.Services.GetRequiredService<InstanceCourante>().Nom || bail.Titulaire.Split('/')[1] == B.Pid.ToString(CultureInfo.InvariantCulture), bail.Titulaire);
    }

    [Fact]
    public async Task RetentionRunOnBothAtOnce_AnonymisesEachRequestOnce_AndWritesOneAuditLinePerRun()
    {
        var marque = Mot("retention");
        var maintenant = DateTime.UtcNow;
        await using (var db = A.Db())
        {
            var structure = await db.Structures.Where(s => s.Slug == "ml-63").Select(s => s.Id).SingleAsync();
            var avant = await db.Journal.Select(j => (long?)j.Id).MaxAsync() ?? 0;
            var demandes = Enumerable.Range(0, 450).Select(i => new DemandeContact
            {
                Reference = "RT-" + Guid.NewGuid().ToString("N")[..9].ToUpperInvariant(),
                CreeLe = maintenant.AddMonths(-15),
                Prenom = "Zéphyrine",
                Telephone = "0612345678",
                Courriel = $"jeune-{marque}-{i}@exemple.fr",
                Creneau = Creneau.Matin,
                ConsentementLe = maintenant.AddMonths(-15),
                StructureId = structure,
                StructureOrigineId = structure,
                Origine = OrigineDemande.Jeune,
                Age = 19,
                Situation = "sorti-sans-diplome",
                Reponses = """{"age":19,"code_commune":"63430"}""",
                Statut = StatutDemande.SansSuite,
                ClotureLe = maintenant.AddMonths(-13),
                DernierMouvementLe = maintenant.AddMonths(-13),
            }).ToList();
            db.DemandesContact.AddRange(demandes);
            await db.SaveChangesAsync();
            var ids = demandes.Select(d => d.Id).ToList();
            db.ChangeTracker.Clear();

            async Task<(int Anonymisees, bool EnCoursAilleurs)> SurA()
            {
                using var scope = A.Services.CreateScope();
                var b = await scope.ServiceProvider.GetRequiredService<Retention>().ExecuterAsync();
                sortie.WriteLine("A: " + b.Resume());
                return (b.DemandesAnonymisees, b.EnCoursAilleurs);
            }

            // B's side: the app's retention verb, a process of its own with B's settings.
            async Task<(int Anonymisees, bool EnCoursAilleurs)> SurB()
            {
                var (code, texte, erreurs) = await InstanceProcessus.ExecuterVerbeAsync(instances.ReglagesDeB, "retention");
                sortie.WriteLine($"B ({code}): {texte}{erreurs}");
                if (code == 1 && erreurs.Contains("une autre instance l'applique", StringComparison.Ordinal))
                {
                    return (0, true);
                }

                Assert.Equal(0, code);
                var m = System.Text.RegularExpressions.Regex.Match(texte, @"Rétention appliquée : (\d+) demande\(s\) anonymisée\(s\)");
                Assert.True(m.Success, texte + erreurs);
                return (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), false);
            }

            // The verb's process needs a moment to start: A begins a little later, so that the two runs overlap.
            var surB = SurB();
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            var bilans = await Task.WhenAll(SurA(), surB);

            // Each request once: the counts of the runs that worked add up to the requests, none anonymised twice.
            Assert.Equal(450, bilans.Sum(b => b.Anonymisees));
            Assert.Equal(450, await db.DemandesContact.CountAsync(d => ids.Contains(d.Id) && d.Prenom == Retention.Efface && d.Courriel == null && d.AnonymiseeLe != null));
            Assert.Equal(0, await db.DemandesContact.CountAsync(d => d.Courriel != null && d.Courriel.Contains(marque)));

            // One audit line per run that did the work (its batches summed), none for a run that found the lock taken.
            var lignes = await db.Journal.Where(j => j.Id > avant && j.Ressource == Retention.Ressource).ToListAsync();
            Assert.Equal(bilans.Count(b => !b.EnCoursAilleurs), lignes.Count);
            Assert.Contains(lignes, l => l.Detail!.StartsWith("450 demande(s) anonymisée(s)", StringComparison.Ordinal));
        }
    }
}

/// <summary>
/// Two app processes (<c>dotnet Raccroche.Web.dll</c>, started by the test on loopback ports) on one PostgreSQL database,
/// both running the outbox: the one holding its lease is killed with SIGKILL (no shutdown, no lease given back); the other
/// takes the lease over once it expires and delivers the queue, each message once.
/// </summary>
public sealed class RepriseApresPanneTests : IAsyncLifetime
{
    private readonly BasePostgresDeTest _base = new();
    private readonly SmtpTestServer _smtp = new();

    private string Connexion => _base.Connexion;

    private RaccrocheDbContext Db() => new PostgresRaccrocheDbContext(new DbContextOptionsBuilder<PostgresRaccrocheDbContext>().UseNpgsql(Connexion).Options);

    public Task InitializeAsync() => _base.CreerAsync();

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        await _base.SupprimerAsync();
    }

    private Dictionary<string, string> Reglages() => new()
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:Raccroche"] = Connexion,
        ["Database:MigrateOnStartup"] = "true",
        ["Mail:Host"] = "127.0.0.1",
        ["Mail:Port"] = _smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["Mail:Securite"] = "None",
        ["Mail:IntervalleSecondes"] = "1",
        [ReglagesDeTest.EnvoiCourriers] = "true",
    };

    [Fact]
    public async Task KillNine_OfTheOutboxHolder_TheOtherProcessTakesTheLeaseOverAfterItExpires_AndDeliversEachMailOnce()
    {
        await using var p1 = await InstanceProcessus.DemarrerAsync(Reglages());
        await using var p2 = await InstanceProcessus.DemarrerAsync(Reglages());
        var parPid = new Dictionary<int, InstanceProcessus> { [p1.Pid] = p1, [p2.Pid] = p2 };

        // Who runs the outbox: the lease's holder names its process id.
        BailTache bail;
        using (var attente = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            await using var db = Db();
            while ((bail = (await db.BauxTaches.AsNoTracking().FirstOrDefaultAsync(b => b.Cle == nameof(EnvoiCourriers), attente.Token))!) is null)
            {
                await Task.Delay(200, attente.Token);
            }
        }

        var titulaire = parPid[int.Parse(bail.Titulaire.Split('/')[1], CultureInfo.InvariantCulture)];
        var survivant = titulaire == p1 ? p2 : p1;
        titulaire.Tuer();
        var tueLe = DateTime.UtcNow;

        var marque = Guid.NewGuid().ToString("N")[..10];
        await using (var db = Db())
        {
            db.MessagesSortants.AddRange(Enumerable.Range(0, 20).Select(i => Courrier.Preparer($"structure-{marque}-{i}@exemple.fr", "Demande de contact", "Bonjour", DateTime.UtcNow)));
            await db.SaveChangesAsync();
        }

        // The lease was renewed for its duration at the holder's last run: nothing goes before it expires, then the
        // survivor takes it and sends everything.
        using (var attente = new CancellationTokenSource(TimeSpan.FromSeconds(90)))
        {
            while (_smtp.Recus.Count(m => m.To.ToString().Contains(marque, StringComparison.Ordinal)) < 20)
            {
                await Task.Delay(250, attente.Token);
            }
        }

        var repris = DateTime.UtcNow - tueLe;
        await Task.Delay(TimeSpan.FromSeconds(3));
        var recus = _smtp.Recus.Where(m => m.To.ToString().Contains(marque, StringComparison.Ordinal)).ToList();
        Assert.Equal(20, recus.Count);
        Assert.Equal(20, recus.Select(m => m.MessageId).Distinct().Count());
        await using (var db = Db())
        {
            var apres = await db.BauxTaches.AsNoTracking().SingleAsync(b => b.Cle == nameof(EnvoiCourriers));
            Assert.Equal(survivant.Pid, int.Parse(apres.Titulaire.Split('/')[1], CultureInfo.InvariantCulture));
            Assert.True(apres.Passations > bail.Passations);
            Assert.True(bail.Expiration - tueLe <= repris + TimeSpan.FromSeconds(2), $"delivered {repris.TotalSeconds:0.0} s after the kill, before the lease's expiry at {bail.Expiration:O}");
        }
    }
}
