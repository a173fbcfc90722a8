using System.Data.Common;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Raccroche.Tests.Integration;

/// <summary>
/// A saved change only marks the catalogue; the snapshot is rebuilt in the background, once for a burst of changes,
/// again after a failure, and not at all for a rolled back transaction.
/// </summary>
public abstract class ReconstructionCatalogueTests(AppFactory f)
{
    private static string Mot(string prefixe) => prefixe + new string([.. Guid.NewGuid().ToString("N")[..10].Select(c => (char)('a' + (c % 26)))]);

    private static async Task<int> AjouterAsync(RaccrocheDbContext db, string nom)
    {
        var d = new Dispositif
        {
            Slug = "test-" + nom,
            Nom = nom,
            Resume = "Un dispositif créé par le test.",
            StructureId = await db.Structures.Select(s => s.Id).FirstAsync(),
            Entrees = ["reflechir-projet"],
            DateMaj = new DateOnly(2026, 1, 1),
        };
        db.Dispositifs.Add(d);
        await db.SaveChangesAsync();
        return d.Id;
    }

    private static bool Indexe(WebApplicationFactory<Program> app, int id) =>
        app.Services.GetRequiredService<InstantaneCatalogue>().Index.Documents.Any(d => d.Id == id);

    /// <summary>An app on the same database whose catalogue reads go through <paramref name="panne"/>.</summary>
    private WebApplicationFactory<Program> App(Panne panne) => f.WithWebHostBuilder(b =>
    {
        b.UseSetting("Catalogue:NouvelEssaiSecondes", "0");
        b.ConfigureTestServices(s =>
        {
            if (f.Provider == "Postgres")
            {
                s.ConfigureDbContext<PostgresRaccrocheDbContext>(o => o.AddInterceptors(panne));
            }
            else
            {
                s.ConfigureDbContext<SqliteRaccrocheDbContext>(o => o.AddInterceptors(panne));
            }
        });
    });

    [Fact]
    public async Task Save_ReturnsWhileTheRebuildIsStillBlocked_ThenTheSnapshotFollows()
    {
        var panne = new Panne();
        await using var app = App(panne);
        await app.AttendreCatalogueAsync();
        var instantane = app.Services.GetRequiredService<InstantaneCatalogue>();
        var avant = instantane.Index.Version;
        panne.Bloquer();

        int id;
        using (var scope = app.Services.CreateScope())
        {
            id = await AjouterAsync(scope.ServiceProvider.GetRequiredService<RaccrocheDbContext>(), Mot("narval"));
        }

        // The save is back; the rebuild has not even read the catalogue yet, then reads it and stays blocked.
        Assert.False(instantane.AJour);
        await panne.Atteinte.WaitAsync(AttenteCatalogue.Delai);
        Assert.False(instantane.AJour);
        Assert.False(Indexe(app, id));

        panne.Liberer();
        await app.AttendreCatalogueAsync();
        Assert.True(Indexe(app, id));
        Assert.NotEqual(avant, instantane.Index.Version);
    }

    [Fact]
    public async Task FailingRebuild_DoesNotFailTheSave_AndIsRetriedUntilItSucceeds()
    {
        var panne = new Panne();
        await using var app = App(panne);
        await app.AttendreCatalogueAsync();
        panne.Echouer(2);

        int id;
        using (var scope = app.Services.CreateScope())
        {
            id = await AjouterAsync(scope.ServiceProvider.GetRequiredService<RaccrocheDbContext>(), Mot("lamantin"));
        }

        await app.AttendreCatalogueAsync();
        Assert.Equal(2, panne.Echecs);
        Assert.True(Indexe(app, id));
    }

    [Fact]
    public async Task BurstOfSaves_GivesFarFewerRebuilds()
    {
        await f.AttendreCatalogueAsync();
        var instantane = f.Services.GetRequiredService<InstantaneCatalogue>();
        var avant = instantane.Reconstructions;
        const int n = 20;
        var ids = new List<int>();
        for (var i = 0; i < n; i++)
        {
            await using var db = f.CreateDbContext();
            ids.Add(await AjouterAsync(db, Mot("wapiti")));
        }

        await f.AttendreCatalogueAsync();
        var reconstructions = instantane.Reconstructions - avant;
        Assert.InRange(reconstructions, 1, n / 4);
        Assert.All(ids, id => Assert.True(Indexe(f, id)));
    }

    [Fact]
    public async Task RolledBackTransaction_LeavesTheIndexAsItWas_CommittedOneIsIndexedAfterTheCommit()
    {
        await f.AttendreCatalogueAsync();
        var instantane = f.Services.GetRequiredService<InstantaneCatalogue>();
        var marque = instantane.DerniereMarque;
        var reconstructions = instantane.Reconstructions;
        var version = instantane.Index.Version;

        int annule;
        await using (var db = f.CreateDbContext())
        {
            // Inside the execution strategy, as the app does: PostgreSQL's retrying strategy refuses a transaction opened outside it.
            annule = await db.EnTransactionAsync(async tx =>
            {
                var id = await AjouterAsync(db, Mot("quokka"));
                Assert.Equal(marque, instantane.DerniereMarque);
                await tx.RollbackAsync();
                return id;
            }, CancellationToken.None);
        }

        Assert.Equal(marque, instantane.DerniereMarque);
        await Task.Delay(TimeSpan.FromMilliseconds(600));
        Assert.Equal(reconstructions, instantane.Reconstructions);
        Assert.Equal(version, instantane.Index.Version);
        Assert.False(Indexe(f, annule));

        int valide;
        await using (var db = f.CreateDbContext())
        {
            // Inside the execution strategy, as the app does: PostgreSQL's retrying strategy refuses a transaction opened outside it.
            valide = await db.EnTransactionAsync(async tx =>
            {
                var id = await AjouterAsync(db, Mot("ocelot"));
                Assert.Equal(marque, instantane.DerniereMarque);
                await tx.CommitAsync();
                return id;
            }, CancellationToken.None);
        }

        Assert.Equal(marque + 1, instantane.DerniereMarque);
        await f.AttendreCatalogueAsync();
        Assert.True(Indexe(f, valide));
        Assert.NotEqual(version, instantane.Index.Version);
    }

    /// <summary>Blocks or fails the catalogue rebuild's read of the programmes, when the test says so.</summary>
    private sealed class Panne : DbCommandInterceptor
    {
        private readonly TaskCompletionSource _atteinte = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly SemaphoreSlim _barriere = new(0);
        private volatile bool _bloquer;
        private int _echecsRestants;
        private int _echecs;

        public Task Atteinte => _atteinte.Task;

        public int Echecs => Volatile.Read(ref _echecs);

        public void Bloquer() => _bloquer = true;

        public void Liberer()
        {
            _bloquer = false;
            _barriere.Release(int.MaxValue / 2);
        }

        public void Echouer(int fois) => Volatile.Write(ref _echecsRestants, fois);

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (LectureDuCatalogue(command))
            {
                if (_bloquer)
                {
                    _atteinte.TrySetResult();
                    await _barriere.WaitAsync(cancellationToken);
                }

                if (Interlocked.Decrement(ref _echecsRestants) >= 0)
                {
                    Interlocked.Increment(ref _echecs);
                    throw new InvalidOperationException("Panne simulée de la lecture du catalogue.");
                }
            }

            return result;
        }

        private static bool LectureDuCatalogue(DbCommand command) =>
            command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
            && command.CommandText.Contains("FROM \"Dispositifs\"", StringComparison.Ordinal)
            && !command.CommandText.Contains("WHERE", StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ReconstructionCatalogueSqliteTests(SqliteAppFactory f) : ReconstructionCatalogueTests(f);

[Collection(PostgresCollection.Name)]
public sealed class ReconstructionCataloguePostgresTests(PostgresAppFactory f) : ReconstructionCatalogueTests(f);
