namespace Raccroche.Web.Features.Catalogue;

/// <summary>
/// The catalogue's version, one row shared by every instance. Database triggers on the catalogue's tables (<see cref="Tables"/>)
/// add one to <see cref="Numero"/> in the transaction of each statement that writes them, whatever wrote it (a page, a bulk
/// update, an import, a command-line verb, a script), and one to <see cref="NumeroCommunes"/> for the communes; on PostgreSQL
/// they also send a <see cref="Canal"/> notification, delivered at the commit. Each instance's snapshot records the version it
/// was read at (<see cref="InstantaneCatalogue.VersionBase"/>), and <see cref="VeilleCatalogue"/> rebuilds it when the row moves.
/// </summary>
public sealed class VersionCatalogue
{
    public const int Unique = 1;

    /// <summary>The tables whose writes move the version: what <see cref="InstantaneCatalogue"/> reads (the migration <c>Instances</c> holds the triggers).</summary>
    public static readonly IReadOnlyList<string> Tables = ["Dispositifs", "Structures", "Lieux", "DispositifLieux", "Communes"];

    /// <summary>The PostgreSQL notification channel of the triggers.</summary>
    public const string Canal = "raccroche_catalogue";

    public int Id { get; set; } = Unique;

    /// <summary>Every change to the catalogue (communes included); the ETag of catalogue reads derives from it.</summary>
    public long Numero { get; set; }

    /// <summary>Changes to the communes only (the commune directory is reloaded when it moves).</summary>
    public long NumeroCommunes { get; set; }
}

internal sealed class VersionCatalogueConfiguration : IEntityTypeConfiguration<VersionCatalogue>
{
    public void Configure(EntityTypeBuilder<VersionCatalogue> b)
    {
        b.ToTable("VersionCatalogue");
        b.Property(v => v.Id).ValueGeneratedNever();
    }
}

/// <summary>
/// Watches the catalogue's version so that every instance serves a change saved by any other within seconds: on PostgreSQL it
/// listens to the triggers' notifications on a connection of its own and reads the row at each one, and every
/// <see cref="CatalogueOptions.VeilleSecondes"/> anyway (a notification lost with a dropped connection is caught by the next
/// read; a connection that fails is opened again, polling meanwhile); on SQLite it reads the row every
/// <see cref="CatalogueOptions.VeilleSecondes"/>. A version above the snapshot's marks the catalogue as changed, and
/// <see cref="ReconstructionCatalogue"/> rebuilds it.
/// </summary>
public sealed class VeilleCatalogue(InstantaneCatalogue instantane, IServiceScopeFactory scopes, IOptions<CatalogueOptions> options, TimeProvider clock, ILogger<VeilleCatalogue> logger) : BackgroundService
{
    /// <summary>How many times the row was read (tests: the polling goes on without notifications).</summary>
    public long Lectures => Interlocked.Read(ref _lectures);

    private long _lectures;
    private long _signalee;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var intervalle = TimeSpan.FromSeconds(Math.Max(1, options.Value.VeilleSecondes));
        string? postgres;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RaccrocheDbContext>();
            postgres = db.Database.IsNpgsql() ? db.Database.GetConnectionString() : null;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (postgres is not null)
                {
                    await EcouterAsync(postgres, intervalle, stoppingToken);
                }
                else
                {
                    await ComparerAsync(stoppingToken);
                    await Task.Delay(intervalle, clock, stoppingToken);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Catalogue version watch interrupted; reading it again in {Interval}", intervalle);
                await Task.Delay(intervalle, clock, stoppingToken);
            }
        }
    }

    /// <summary>LISTEN on a connection of its own; a read at each notification and at each interval without one.</summary>
    private async Task EcouterAsync(string connexion, TimeSpan intervalle, CancellationToken ct)
    {
        // Not pooled: the connection lives as long as the watch, and a pooled one would carry its LISTEN to its next user.
        var chaine = new Npgsql.NpgsqlConnectionStringBuilder(connexion) { Pooling = false, KeepAlive = 30 }.ToString();
        await using var conn = new Npgsql.NpgsqlConnection(chaine);
        await conn.OpenAsync(ct);
        await using (var cmd = new Npgsql.NpgsqlCommand($"LISTEN {VersionCatalogue.Canal}", conn))
        {
            await cmd.ExecuteNonQueryAsync(ct);
        }

        while (!ct.IsCancellationRequested)
        {
            // After LISTEN: a change committed before it is seen by this read, one committed after it by a notification.
            await ComparerAsync(ct);
            await conn.WaitAsync(intervalle, ct);
        }
    }

    /// <summary>Reads the version row and marks the catalogue as changed when it is ahead of the snapshot.</summary>
    public async Task ComparerAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RaccrocheDbContext>();
        var v = await db.VersionCatalogue.AsNoTracking().Where(x => x.Id == VersionCatalogue.Unique)
            .Select(x => new { x.Numero, x.NumeroCommunes }).FirstOrDefaultAsync(ct);
        Interlocked.Increment(ref _lectures);
        if (v is null || v.Numero <= instantane.VersionBase || v.Numero <= Interlocked.Read(ref _signalee))
        {
            return;
        }

        Interlocked.Exchange(ref _signalee, v.Numero);
        instantane.Signaler(communes: v.NumeroCommunes > instantane.VersionCommunes);
    }
}
