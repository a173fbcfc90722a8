using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Raccroche.Tests.Integration;

/// <summary>
/// The mails of a young person's request go with it: erased when the request is anonymised, given up (and blanked)
/// when they cannot be delivered, and the .eml drop folder is purged on the retention schedule. Fake clock throughout.
/// </summary>
public abstract class CourriersRetentionTests(AppFactory f)
{
    /// <summary>
    /// The app with its own clock and settings; the outbox's background sender stays off, as in every test host (tests
    /// call it), so that the shared database's other messages are never touched behind the test's back.
    /// </summary>
    private WebApplicationFactory<Program> App(HorlogeFixe horloge, params (string Cle, string Valeur)[] reglages) =>
        f.WithWebHostBuilder(b =>
        {
            foreach (var (cle, valeur) in reglages)
            {
                b.UseSetting(cle, valeur);
            }

            b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(horloge));
        });

    private Task<(int Id, string Reference)> DemandeAsync(string prenom, string courriel) =>
        Soumission.DemandeDeContactAsync(f, "age=19&situation=sorti-sans-diplome&depuis=3-6-mois&classe=lycee&code_commune=63430&souhait=metier-paye&besoins=argent&rayon_km=", prenom, courriel);

    [Fact]
    public async Task AnonymisedRequest_ItsUnsentMailsAreErasedWithIt()
    {
        // Letters only: a first name has no digits.
        var marque = string.Concat(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + (c % 26))));
        var (id, _) = await DemandeAsync($"Oubli{marque}", $"jeune-{marque}@exemple.fr");
        var maintenant = DateTime.UtcNow;
        await using (var db = f.CreateDbContext())
        {
            // Both mails (the structure's, the young person's acknowledgement) are linked to the request, and unsent.
            Assert.Equal(2, await db.MessagesSortants.CountAsync(m => m.DemandeId == id && m.EnvoyeLe == null));
            await db.DemandesContact.Where(d => d.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Statut, StatutDemande.SansSuite)
                .SetProperty(d => d.ClotureLe, maintenant.AddMonths(-13)));
        }

        await using (var app = App(new HorlogeFixe(new DateTimeOffset(maintenant, TimeSpan.Zero))))
        {
            using var scope = app.Services.CreateScope();
            var bilan = await scope.ServiceProvider.GetRequiredService<Retention>().ExecuterAsync();
            Assert.True(bilan.CourriersSupprimes >= 2, bilan.Resume());
        }

        await using var verif = f.CreateDbContext();
        Assert.NotNull((await verif.DemandesContact.SingleAsync(d => d.Id == id)).AnonymiseeLe);
        Assert.Equal(0, await verif.MessagesSortants.CountAsync(m => m.DemandeId == id));
        Assert.Equal(0, await verif.MessagesSortants.CountAsync(m => m.Corps.Contains($"Oubli{marque}") || m.Destinataire == $"jeune-{marque}@exemple.fr"));
        Assert.Null((await verif.DemandesContact.SingleAsync(d => d.Id == id)).CodeCommune);
        Assert.Equal("63", (await verif.DemandesContact.SingleAsync(d => d.Id == id)).Departement);
    }

    /// <summary>Sixty days ago: other tests' messages (due from today on) are not due at this clock, only this test's are.</summary>
    private static HorlogeFixe HorlogeDuPasse() => new(new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-60).AddHours(9), TimeSpan.Zero));

    private async Task<int> MessageAsync(string destinataire, DateTime creeLe)
    {
        await using var db = f.CreateDbContext();
        var m = Courrier.Preparer(destinataire, "Demande de contact", "Prénom : Zéphyrine\nTéléphone : 0612345678", creeLe);
        db.MessagesSortants.Add(m);
        await db.SaveChangesAsync();
        return m.Id;
    }

    private static async Task EnvoyerAsync(WebApplicationFactory<Program> app)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<Courrier>().EnvoyerEnAttenteAsync();
    }

    [Fact]
    public async Task Sender_GivesUpAfterTheMaximumAttempts_BlanksRecipientAndBody_KeepsATrace()
    {
        await using var smtp = new SmtpTestServer { Refuser = true };
        var horloge = HorlogeDuPasse();
        await using var app = App(horloge, ("Mail:Host", "127.0.0.1"), ("Mail:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Mail:Securite", "None"), ("Mail:TentativesMax", "3"));
        var destinataire = $"structure-{Guid.NewGuid():N}@exemple.fr";
        var id = await MessageAsync(destinataire, horloge.GetUtcNow().UtcDateTime);

        for (var i = 0; i < 5; i++)
        {
            await EnvoyerAsync(app);
            horloge.Avancer(TimeSpan.FromHours(2));
        }

        await using var db = f.CreateDbContext();
        var m = await db.MessagesSortants.SingleAsync(x => x.Id == id);
        Assert.Equal(StatutMessage.Abandonne, m.Statut);
        Assert.Equal(3, m.Tentatives);
        Assert.NotNull(m.AbandonneLe);
        Assert.Null(m.EnvoyeLe);
        Assert.Equal("", m.Destinataire);
        Assert.Equal("", m.Corps);
        Assert.Empty(smtp.Recus);
    }

    [Fact]
    public async Task SmtpRefusalQuotingTheRecipient_IsStoredAndLoggedWithoutTheAddress()
    {
        await using var smtp = new SmtpTestServer { RefuserDestinataire = true };
        var horloge = HorlogeDuPasse();
        var journaux = new JournauxCollectes();
        await using var app = App(horloge, ("Mail:Host", "127.0.0.1"), ("Mail:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Mail:Securite", "None"), ("Mail:TentativesMax", "2")).WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(journaux)));
        var destinataire = $"jeune-{Guid.NewGuid():N}@exemple.fr";
        var id = await MessageAsync(destinataire, horloge.GetUtcNow().UtcDateTime);

        await EnvoyerAsync(app);
        await using (var db = f.CreateDbContext())
        {
            var m = await db.MessagesSortants.SingleAsync(x => x.Id == id);
            Assert.Equal(1, m.Tentatives);
            Assert.Contains("5.1.1", m.DerniereErreur);
            Assert.Contains("[adresse]", m.DerniereErreur);
            Assert.DoesNotContain(destinataire, m.DerniereErreur);
        }

        horloge.Avancer(TimeSpan.FromHours(2));
        await EnvoyerAsync(app);
        var lignes = journaux.Lignes.Where(l => l.Contains("Mail", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, lignes.Count);
        Assert.All(lignes, l => Assert.DoesNotContain(destinataire, l));
        Assert.DoesNotContain(journaux.Lignes, l => l.Contains(destinataire, StringComparison.Ordinal));
    }

    /// <summary>A real logging sink that keeps every formatted line (and exception) of the test host.</summary>
    private sealed class JournauxCollectes : ILoggerProvider
    {
        public System.Collections.Concurrent.ConcurrentBag<string> Lignes { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Tracabilite(this);

        public void Dispose()
        {
        }

        private sealed class Tracabilite(JournauxCollectes p) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                p.Lignes.Add(formatter(state, exception) + " " + exception);
        }
    }

    [Fact]
    public async Task Sender_GivesUpAMessageStillFailingAfterSevenDays()
    {
        await using var smtp = new SmtpTestServer { Refuser = true };
        var horloge = HorlogeDuPasse();
        await using var app = App(horloge, ("Mail:Host", "127.0.0.1"), ("Mail:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Mail:Securite", "None"));
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var ancien = await MessageAsync($"ancien-{Guid.NewGuid():N}@exemple.fr", maintenant.AddDays(-8));
        var recent = await MessageAsync($"recent-{Guid.NewGuid():N}@exemple.fr", maintenant.AddDays(-1));

        await EnvoyerAsync(app);

        await using var db = f.CreateDbContext();
        var a = await db.MessagesSortants.SingleAsync(x => x.Id == ancien);
        Assert.Equal((StatutMessage.Abandonne, 1, ""), (a.Statut, a.Tentatives, a.Corps));
        var r = await db.MessagesSortants.SingleAsync(x => x.Id == recent);
        Assert.Equal((StatutMessage.EnAttente, 1), (r.Statut, r.Tentatives));
        Assert.Contains("Zéphyrine", r.Corps);

        // Given-up messages leave the outbox on the sent-mail schedule.
        await db.MessagesSortants.Where(x => x.Id == ancien).ExecuteUpdateAsync(s => s.SetProperty(x => x.AbandonneLe, DateTime.UtcNow.AddDays(-31)));
        await using var retention = App(new HorlogeFixe(DateTimeOffset.UtcNow));
        using var scope = retention.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<Retention>().ExecuterAsync();
        Assert.False(await db.MessagesSortants.AnyAsync(x => x.Id == ancien));
    }

    [Fact]
    public async Task Retention_PurgesDroppedEmlFilesOlderThanTheSentMailPeriod()
    {
        var dossier = Path.Combine(Path.GetTempPath(), $"raccroche-depot-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dossier);
        try
        {
            var maintenant = DateTime.UtcNow;
            var vieux = Path.Combine(dossier, "20250101-100000-1.eml");
            var recent = Path.Combine(dossier, "20250101-100000-2.eml");
            var autre = Path.Combine(dossier, "lisez-moi.txt");
            foreach (var fichier in new[] { vieux, recent, autre })
            {
                await File.WriteAllTextAsync(fichier, "Prénom : Zéphyrine");
            }

            File.SetLastWriteTimeUtc(vieux, maintenant.AddDays(-31));
            File.SetLastWriteTimeUtc(recent, maintenant.AddDays(-29));
            File.SetLastWriteTimeUtc(autre, maintenant.AddDays(-100));

            await using var app = App(new HorlogeFixe(new DateTimeOffset(maintenant, TimeSpan.Zero)), ("Mail:DossierDepot", dossier));
            using var scope = app.Services.CreateScope();
            var bilan = await scope.ServiceProvider.GetRequiredService<Retention>().ExecuterAsync();

            Assert.Equal(1, bilan.FichiersDepotSupprimes);
            Assert.False(File.Exists(vieux));
            Assert.True(File.Exists(recent));
            Assert.True(File.Exists(autre));
            Assert.Contains("1 fichier(s) .eml supprimé(s)", bilan.Resume());
        }
        finally
        {
            Directory.Delete(dossier, recursive: true);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CourriersRetentionSqliteTests(SqliteAppFactory f) : CourriersRetentionTests(f);

[Collection(PostgresCollection.Name)]
public sealed class CourriersRetentionPostgresTests(PostgresAppFactory f) : CourriersRetentionTests(f);

/// <summary>Outside Development and Testing, the app does not start without an SMTP host; the verbs that send nothing still run.</summary>
[Collection(SqliteCollection.Name)]
public sealed class DemarrageSansSmtpTests(SqliteAppFactory f)
{
    [Fact]
    public void Production_WithoutMailHost_RefusesToStart_WithAClearMessage()
    {
        using var app = f.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        var ex = Assert.ThrowsAny<Exception>(() => app.Server);
        static IEnumerable<Exception> Toutes(Exception e) =>
            [e, .. (e is AggregateException a ? a.InnerExceptions : e.InnerException is { } i ? [i] : []).SelectMany(Toutes)];
        Assert.Contains("Mail:Host est obligatoire", string.Join(" | ", Toutes(ex).Select(e => e.Message)));
    }

    [Fact]
    public async Task Production_WithAMailHost_Starts()
    {
        await using var app = f.WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("Mail:Host", "127.0.0.1");
        });
        var r = await app.CreateClient(new() { BaseAddress = AppFactory.Https }).GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
    }
}
