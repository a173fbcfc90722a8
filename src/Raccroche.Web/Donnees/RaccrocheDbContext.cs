using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Raccroche.Web.Features.Campagnes;
using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Communes;
using Raccroche.Web.Features.Comptes;
using Raccroche.Web.Features.Courriers;
using Raccroche.Web.Features.Decrocheurs;
using Raccroche.Web.Features.Demandes;
using Raccroche.Web.Features.Diagnostic;
using Raccroche.Web.Features.Fiches;
using Raccroche.Web.Features.Journal;

namespace Raccroche.Web.Donnees;

/// <summary>
/// The one EF Core context (with the Identity user store and the Data Protection key ring). Each
/// database provider has a subclass so that each keeps its own migrations set (see
/// docs/decisions/0002-one-migrations-set-per-provider.md).
/// </summary>
public abstract class RaccrocheDbContext(DbContextOptions options) : IdentityUserContext<Utilisateur>(options), IDataProtectionKeyContext
{
    public DbSet<Structure> Structures => Set<Structure>();
    public DbSet<Lieu> Lieux => Set<Lieu>();
    public DbSet<Dispositif> Dispositifs => Set<Dispositif>();
    public DbSet<Commune> Communes => Set<Commune>();
    public DbSet<DemandeContact> DemandesContact => Set<DemandeContact>();
    public DbSet<SuiviDemande> SuivisDemande => Set<SuiviDemande>();
    public DbSet<MessageSortant> MessagesSortants => Set<MessageSortant>();
    public DbSet<Campagne> Campagnes => Set<Campagne>();
    public DbSet<StatistiqueDiagnostic> StatistiquesDiagnostic => Set<StatistiqueDiagnostic>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<SessionPro> SessionsPro => Set<SessionPro>();
    public DbSet<EtatConnexion> EtatsConnexion => Set<EtatConnexion>();
    public DbSet<Psad> Psads => Set<Psad>();
    public DbSet<Livraison> Livraisons => Set<Livraison>();
    public DbSet<JeuneSuivi> JeunesSuivis => Set<JeuneSuivi>();
    public DbSet<SituationSiei> SituationsSiei => Set<SituationSiei>();
    public DbSet<RevisionFiche> RevisionsFiche => Set<RevisionFiche>();
    public DbSet<JournalAcces> Journal => Set<JournalAcces>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // Each feature keeps the configurations of its own entities next to them.
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RaccrocheDbContext).Assembly);
    }

    /// <summary>Every closed list (enum with <see cref="ValeurAttribute"/> members) is stored as its declared strings.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        foreach (var type in ValeursFermees.Types(typeof(RaccrocheDbContext).Assembly))
        {
            configurationBuilder.Properties(type).HaveConversion(typeof(ConversionFermee<>).MakeGenericType(type));
        }
    }

    /// <summary>The audit trail is append-only: lines are added, never changed nor removed by the application.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuserModificationJournal();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuserModificationJournal();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void RefuserModificationJournal()
    {
        if (ChangeTracker.Entries<JournalAcces>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit trail is append-only: its lines cannot be modified or deleted.");
        }
    }
}

public sealed class SqliteRaccrocheDbContext(DbContextOptions<SqliteRaccrocheDbContext> options) : RaccrocheDbContext(options);

public sealed class PostgresRaccrocheDbContext(DbContextOptions<PostgresRaccrocheDbContext> options) : RaccrocheDbContext(options);
