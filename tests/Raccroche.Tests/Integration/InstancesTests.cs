using Microsoft.AspNetCore.TestHost;

namespace Raccroche.Tests.Integration;

/// <summary>
/// What lets several instances share one database, on each database: a job's lease is held by one instance at a time and
/// taken over once it expires; the outbox's messages are claimed one by one, so two senders at once deliver each once; the
/// catalogue version moves in the transaction of any write to the catalogue (a raw UPDATE included) and not on a rollback,
/// and the watch turns a change no local save marked into a rebuilt snapshot whose ETag derives from that version.
/// </summary>
public abstract class InstancesTests(AppFactory f)
{
    private static readonly DateTimeOffset Midi = new(DateTime.UtcNow.Date.AddHours(12), TimeSpan.Zero);

    private static string Cle() => "test-" + Guid.NewGuid().ToString("N");

    private async Task<BailTache> BailAsync(string cle)
    {
        await using var db = f.CreateDbContext();
        return await db.BauxTaches.AsNoTracking().SingleAsync(b => b.Cle == cle);
    }

    [Fact]
    public async Task Lease_HeldByOneInstance_IsRefusedToAnother_UntilItExpires_ThenTakenOver()
    {
        var cle = Cle();
        var horloge = new HorlogeFixe(Midi);
        InstanceCourante a = new(), b = new();
        await using var dbA = f.CreateDbContext();
        await using var dbB = f.CreateDbContext();
        var bauxA = new BauxTaches(dbA, a, horloge);
        var bauxB = new BauxTaches(dbB, b, horloge);

        Assert.True(await bauxA.PrendreAsync(cle, TimeSpan.FromMinutes(1)));
        Assert.False(await bauxB.PrendreAsync(cle, TimeSpan.FromMinutes(1)));

        // The holder renews it at each run; the other still waits.
        horloge.Avancer(TimeSpan.FromSeconds(50));
        Assert.True(await bauxA.PrendreAsync(cle, TimeSpan.FromMinutes(1)));
        horloge.Avancer(TimeSpan.FromSeconds(50));
        Assert.False(await bauxB.PrendreAsync(cle, TimeSpan.FromMinutes(1)));
        Assert.Equal(a.Nom, (await BailAsync(cle)).Titulaire);

        // A dies (no renewal): once the expiry has passed, B takes it, and A's renewal says it lost it.
        horloge.Avancer(TimeSpan.FromSeconds(11));
        Assert.True(await bauxB.PrendreAsync(cle, TimeSpan.FromMinutes(1)));
        Assert.False(await bauxA.RenouvelerAsync(cle, TimeSpan.FromMinutes(1)));
        Assert.False(await bauxA.PrendreAsync(cle, TimeSpan.FromMinutes(1)));
        var bail = await BailAsync(cle);
        Assert.Equal(b.Nom, bail.Titulaire);
        Assert.Equal(1, bail.Passations);

        // Given back, it is free at once, even to an instance whose clock is late.
        await bauxB.RelacherAsync(cle);
        Assert.True(await new BauxTaches(dbA, a, new HorlogeFixe(Midi.AddDays(-30))).PrendreAsync(cle, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task Lease_TwentyInstancesTakingAFreshLeaseAtOnce_OnlyOneGetsIt()
    {
        var cle = Cle();
        var instances = Enumerable.Range(0, 20).Select(_ => new InstanceCourante()).ToList();
        var pris = await Task.WhenAll(instances.Select(async i =>
        {
            await using var db = f.CreateDbContext();
            return await new BauxTaches(db, i, TimeProvider.System).PrendreAsync(cle, TimeSpan.FromMinutes(1));
        }));
        Assert.Single(pris, p => p);
        Assert.Equal(instances[Array.IndexOf(pris, true)].Nom, (await BailAsync(cle)).Titulaire);
    }

    [Fact]
    public async Task RunAlone_WhileAnotherInstanceRuns_DoesNotRun_AndRunsOnceTheLockIsGivenBack()
    {
        var cle = Cle();
        var scopes = f.Services.GetRequiredService<IServiceScopeFactory>();
        await using var db = f.CreateDbContext();
        var autre = new BauxTaches(db, new InstanceCourante(), TimeProvider.System);
        Assert.True(await autre.PrendreAsync(cle, TimeSpan.FromMinutes(1)));

        var runs = 0;
        Assert.False(await BauxTaches.ExecuterSeulAsync(scopes, cle, TimeSpan.FromMinutes(1), _ => { runs++; return Task.CompletedTask; }, default, rendre: true));
        Assert.Equal(0, runs);

        await autre.RelacherAsync(cle);
        Assert.True(await BauxTaches.ExecuterSeulAsync(scopes, cle, TimeSpan.FromMinutes(1), _ => { runs++; return Task.CompletedTask; }, default, rendre: true));
        Assert.Equal(1, runs);
        Assert.Equal(BauxTaches.Rendu, (await BailAsync(cle)).Expiration);
    }

    [Fact]
    public async Task Outbox_TwoSendersAtOnce_DeliverEachMessageExactlyOnce_WithAStableMessageId()
    {
        await using var smtp = new SmtpTestServer();
        var marque = Guid.NewGuid().ToString("N")[..10];

        // A clock sixty days back: only this test's messages are due at it.
        var horloge = new HorlogeFixe(new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-60).AddHours(9), TimeSpan.Zero));
        var ids = new List<int>();
        await using (var db = f.CreateDbContext())
        {
            var messages = Enumerable.Range(0, 30).Select(i => Courrier.Preparer($"structure-{marque}-{i}@exemple.fr", "Demande de contact", "Bonjour", horloge.GetUtcNow().UtcDateTime)).ToList();
            db.MessagesSortants.AddRange(messages);
            await db.SaveChangesAsync();
            ids.AddRange(messages.Select(m => m.Id));
        }

        await using var app = f.WithWebHostBuilder(b =>
        {
            b.UseSetting("Mail:Host", "127.0.0.1");
            b.UseSetting("Mail:Port", smtp.Port.ToString(CultureInfo.InvariantCulture));
            b.UseSetting("Mail:Securite", "None");
            b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(horloge));
        });
        async Task<int> EnvoyerAsync()
        {
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<Courrier>().EnvoyerEnAttenteAsync();
        }

        var envoyes = await Task.WhenAll(EnvoyerAsync(), EnvoyerAsync(), EnvoyerAsync());
        Assert.Equal(30, envoyes.Sum());
        var recus = smtp.Recus.Where(m => m.To.ToString().Contains(marque, StringComparison.Ordinal)).ToList();
        Assert.Equal(30, recus.Count);
        Assert.Equal(ids.Select(id => $"raccroche-{id}@raccroche.invalid").Order(), recus.Select(m => m.MessageId).Order());
        await using var verif = f.CreateDbContext();
        Assert.Equal(30, await verif.MessagesSortants.CountAsync(m => ids.Contains(m.Id) && m.Statut == StatutMessage.Envoye));
        Assert.Equal(0, await EnvoyerAsync());
    }

    private async Task<long> VersionAsync()
    {
        await using var db = f.CreateDbContext();
        return await db.VersionCatalogue.Where(v => v.Id == VersionCatalogue.Unique).Select(v => v.Numero).SingleAsync();
    }

    [Fact]
    public async Task CatalogueVersion_MovesWithAnyWrite_ARawUpdateIncluded_AndNotWithARollback()
    {
        var fiche = await FicheTest.CreerAsync(f);
        var v0 = await VersionAsync();

        await using (var db = f.CreateDbContext())
        {
            // What a script or a bulk update does: no change tracker, no interceptor.
            await db.Dispositifs.Where(d => d.Id == fiche.DispositifId).ExecuteUpdateAsync(s => s.SetProperty(d => d.Resume, "Résumé changé en masse."));
        }

        var v1 = await VersionAsync();
        Assert.True(v1 > v0);

        await using (var db = f.CreateDbContext())
        {
            // Inside the execution strategy, as the app does (PostgreSQL's retrying strategy refuses a bare transaction).
            await db.EnTransactionAsync(async tx =>
            {
                await db.Lieux.Where(l => l.Id == fiche.LieuId).ExecuteUpdateAsync(s => s.SetProperty(l => l.Nom, "Jamais enregistré"));
                await tx.RollbackAsync();
            }, CancellationToken.None);
        }

        Assert.Equal(v1, await VersionAsync());

        // Another table, in a transaction that commits: the version moves at the commit.
        await using (var db = f.CreateDbContext())
        {
            await db.EnTransactionAsync(async tx =>
            {
                await db.Structures.Where(s => s.Id == fiche.StructureId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Description, "Structure revue."));
                await tx.CommitAsync();
            }, CancellationToken.None);
        }

        Assert.True(await VersionAsync() > v1);
    }

    [Fact]
    public async Task EveryTableTheSnapshotReads_HasItsVersionTrigger()
    {
        await using var db = f.CreateDbContext();
        string[] types = [typeof(Dispositif).FullName!, typeof(Structure).FullName!, typeof(Lieu).FullName!, typeof(Commune).FullName!, "DispositifLieux"];
        var lues = types.Select(t => db.Model.FindEntityType(t)!.GetTableName()!).Order().ToList();
        Assert.Equal(lues, VersionCatalogue.Tables.Order());

        var sql = db.Database.IsNpgsql()
            ? "SELECT c.relname AS \"Value\" FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal AND t.tgname LIKE '%_version_catalogue'"
            : "SELECT tbl_name AS \"Value\" FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_version_catalogue_%'";
        var declencheurs = await db.Database.SqlQueryRaw<string>(sql).ToListAsync();
        foreach (var table in VersionCatalogue.Tables)
        {
            Assert.Contains(table, declencheurs);
        }
    }

    [Fact]
    public async Task Watch_SeesAChangeNoLocalSaveMarked_TheSnapshotFollows_AndItsETagIsTheVersion()
    {
        var fiche = await FicheTest.CreerAsync(f);
        await f.AttendreCatalogueAsync();
        var instantane = f.Services.GetRequiredService<InstantaneCatalogue>();
        var mot = "orque" + string.Concat(Guid.NewGuid().ToString("N")[..10].Select(c => (char)('a' + (c % 26))));

        // Written as another instance (or the import verb) would: this host's interceptor never sees it.
        await using (var db = f.CreateDbContext())
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"Dispositifs\" SET \"Resume\" = {"Atelier " + mot} WHERE \"Id\" = {fiche.DispositifId}");
        }

        Assert.True(instantane.AJour);
        var client = f.CreateClient();
        var avant = await client.GetAsync($"/api/v1/dispositifs?q={mot}");
        Assert.DoesNotContain(mot, await avant.Content.ReadAsStringAsync());

        await f.Services.GetRequiredService<VeilleCatalogue>().ComparerAsync(default);
        await f.AttendreCatalogueAsync();
        Assert.Equal(await VersionAsync(), instantane.VersionBase);
        Assert.Equal(instantane.VersionBase, instantane.Index.Version);

        var apres = await client.GetAsync($"/api/v1/dispositifs?q={mot}");
        Assert.Contains(mot, await apres.Content.ReadAsStringAsync());

        // The same version gives the same tag on any host reading it: a second host on this database agrees.
        await using var autre = f.WithWebHostBuilder(_ => { });
        await autre.AttendreCatalogueAsync();
        var ailleurs = await autre.CreateClient().GetAsync($"/api/v1/dispositifs?q={mot}");
        Assert.Equal(apres.Headers.ETag, ailleurs.Headers.ETag);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class InstancesSqliteTests(SqliteAppFactory f) : InstancesTests(f);

[Collection(PostgresCollection.Name)]
public sealed class InstancesPostgresTests(PostgresAppFactory f) : InstancesTests(f);
