using Microsoft.EntityFrameworkCore;
using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Communes;

namespace Raccroche.Web.Data;

/// <summary>
/// The one EF Core context. Each database provider has a subclass so that each keeps its own
/// migrations set (see docs/decisions/0002-one-migrations-set-per-provider.md).
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Structure> Structures => Set<Structure>();
    public DbSet<Lieu> Lieux => Set<Lieu>();
    public DbSet<Dispositif> Dispositifs => Set<Dispositif>();
    public DbSet<Commune> Communes => Set<Commune>();
    public DbSet<Features.Contact.DemandeContact> DemandesContact => Set<Features.Contact.DemandeContact>();
    public DbSet<Features.Contact.MessageSortant> MessagesSortants => Set<Features.Contact.MessageSortant>();
    public DbSet<Features.Campagnes.Campagne> Campagnes => Set<Features.Campagnes.Campagne>();
    public DbSet<Features.Orientation.StatistiqueDiagnostic> StatistiquesDiagnostic => Set<Features.Orientation.StatistiqueDiagnostic>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly,
            t => t.Namespace == typeof(AppDbContext).Namespace + ".Configurations");
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
