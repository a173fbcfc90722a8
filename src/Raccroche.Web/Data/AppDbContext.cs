using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Raccroche.Web.Features.Accounts;
using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Communes;

namespace Raccroche.Web.Data;

/// <summary>
/// The one EF Core context (with the Identity user store and the Data Protection key ring). Each
/// database provider has a subclass so that each keeps its own migrations set (see
/// docs/decisions/0002-one-migrations-set-per-provider.md).
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityUserContext<Utilisateur>(options), IDataProtectionKeyContext
{
    public DbSet<Structure> Structures => Set<Structure>();
    public DbSet<Lieu> Lieux => Set<Lieu>();
    public DbSet<Dispositif> Dispositifs => Set<Dispositif>();
    public DbSet<Commune> Communes => Set<Commune>();
    public DbSet<Features.Contact.DemandeContact> DemandesContact => Set<Features.Contact.DemandeContact>();
    public DbSet<Features.Contact.SuiviDemande> SuivisDemande => Set<Features.Contact.SuiviDemande>();
    public DbSet<Features.Contact.MessageSortant> MessagesSortants => Set<Features.Contact.MessageSortant>();
    public DbSet<Features.Campagnes.Campagne> Campagnes => Set<Features.Campagnes.Campagne>();
    public DbSet<Features.Orientation.StatistiqueDiagnostic> StatistiquesDiagnostic => Set<Features.Orientation.StatistiqueDiagnostic>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<SessionPro> SessionsPro => Set<SessionPro>();
    public DbSet<EtatConnexion> EtatsConnexion => Set<EtatConnexion>();
    public DbSet<Features.Decrocheurs.Psad> Psads => Set<Features.Decrocheurs.Psad>();
    public DbSet<Features.Decrocheurs.Livraison> Livraisons => Set<Features.Decrocheurs.Livraison>();
    public DbSet<Features.Decrocheurs.JeuneSuivi> JeunesSuivis => Set<Features.Decrocheurs.JeuneSuivi>();
    public DbSet<Features.Decrocheurs.SituationSiei> SituationsSiei => Set<Features.Decrocheurs.SituationSiei>();
    public DbSet<Features.Sheets.RevisionFiche> RevisionsFiche => Set<Features.Sheets.RevisionFiche>();
    public DbSet<Features.Audit.JournalAcces> Journal => Set<Features.Audit.JournalAcces>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly,
            t => t.Namespace == typeof(AppDbContext).Namespace + ".Configurations");
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
        if (ChangeTracker.Entries<Features.Audit.JournalAcces>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit trail is append-only: its lines cannot be modified or deleted.");
        }
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
