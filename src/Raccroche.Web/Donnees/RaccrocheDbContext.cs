using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Raccroche.Web.Donnees;

/// <summary>
/// The one EF Core context (with the Identity user store and the Data Protection key ring). Each
/// database provider has a subclass so that each keeps its own migrations set (see
/// docs/decisions/0002-one-migrations-set-per-provider.md).
/// </summary>
public abstract class RaccrocheDbContext(DbContextOptions options) : IdentityUserContext<Features.Comptes.Utilisateur>(options), IDataProtectionKeyContext
{
    public DbSet<Features.Catalogue.Structure> Structures => Set<Features.Catalogue.Structure>();
    public DbSet<Features.Catalogue.Lieu> Lieux => Set<Features.Catalogue.Lieu>();
    public DbSet<Features.Catalogue.Dispositif> Dispositifs => Set<Features.Catalogue.Dispositif>();
    public DbSet<Features.Catalogue.VersionCatalogue> VersionCatalogue => Set<Features.Catalogue.VersionCatalogue>();
    public DbSet<Features.Communes.Commune> Communes => Set<Features.Communes.Commune>();
    public DbSet<Features.Demandes.DemandeContact> DemandesContact => Set<Features.Demandes.DemandeContact>();
    public DbSet<Features.Demandes.SuiviDemande> SuivisDemande => Set<Features.Demandes.SuiviDemande>();
    public DbSet<Features.Courriers.MessageSortant> MessagesSortants => Set<Features.Courriers.MessageSortant>();
    public DbSet<Features.Campagnes.Campagne> Campagnes => Set<Features.Campagnes.Campagne>();
    public DbSet<Features.Diagnostic.StatistiqueDiagnostic> StatistiquesDiagnostic => Set<Features.Diagnostic.StatistiqueDiagnostic>();
    public DbSet<Features.Comptes.Invitation> Invitations => Set<Features.Comptes.Invitation>();
    public DbSet<Features.Comptes.SessionPro> SessionsPro => Set<Features.Comptes.SessionPro>();
    public DbSet<Features.Comptes.EtatConnexion> EtatsConnexion => Set<Features.Comptes.EtatConnexion>();
    public DbSet<Features.Decrocheurs.Psad> Psads => Set<Features.Decrocheurs.Psad>();
    public DbSet<Features.Decrocheurs.Livraison> Livraisons => Set<Features.Decrocheurs.Livraison>();
    public DbSet<Features.Decrocheurs.JeuneSuivi> JeunesSuivis => Set<Features.Decrocheurs.JeuneSuivi>();
    public DbSet<Features.Decrocheurs.SituationSiei> SituationsSiei => Set<Features.Decrocheurs.SituationSiei>();
    public DbSet<Features.Decrocheurs.HabilitationSuivi> HabilitationsSuivi => Set<Features.Decrocheurs.HabilitationSuivi>();
    public DbSet<Features.Decrocheurs.SuiviDeclare> SuivisDeclares => Set<Features.Decrocheurs.SuiviDeclare>();
    public DbSet<Features.Decrocheurs.TentativeContact> TentativesContact => Set<Features.Decrocheurs.TentativeContact>();
    public DbSet<Features.Decrocheurs.EvenementDossier> EvenementsDossier => Set<Features.Decrocheurs.EvenementDossier>();
    public DbSet<Features.Decrocheurs.DepotSiei> DepotsSiei => Set<Features.Decrocheurs.DepotSiei>();
    public DbSet<Features.Decrocheurs.CorrespondanceColonne> CorrespondancesColonnes => Set<Features.Decrocheurs.CorrespondanceColonne>();
    public DbSet<Features.Decrocheurs.EntretienSituation> EntretiensSituation => Set<Features.Decrocheurs.EntretienSituation>();
    public DbSet<Features.Decrocheurs.SolutionSuivi> SolutionsSuivi => Set<Features.Decrocheurs.SolutionSuivi>();
    public DbSet<Features.Decrocheurs.RegleRepartition> ReglesRepartition => Set<Features.Decrocheurs.RegleRepartition>();
    public DbSet<Features.Decrocheurs.TransfertSuivi> TransfertsSuivi => Set<Features.Decrocheurs.TransfertSuivi>();
    public DbSet<Features.Decrocheurs.PriseEnCharge> PrisesEnCharge => Set<Features.Decrocheurs.PriseEnCharge>();
    public DbSet<Features.Decrocheurs.MessageJeune> MessagesJeune => Set<Features.Decrocheurs.MessageJeune>();
    public DbSet<Features.Decrocheurs.PointSuivi> PointsSuivi => Set<Features.Decrocheurs.PointSuivi>();
    public DbSet<Features.Decrocheurs.CoIntervention> CoInterventions => Set<Features.Decrocheurs.CoIntervention>();
    public DbSet<Features.Decrocheurs.ResumeEnvoye> ResumesEnvoyes => Set<Features.Decrocheurs.ResumeEnvoye>();
    public DbSet<Features.Courriers.SmsSortant> SmsSortants => Set<Features.Courriers.SmsSortant>();
    public DbSet<Features.Fiches.RevisionFiche> RevisionsFiche => Set<Features.Fiches.RevisionFiche>();
    public DbSet<Features.Observatoire.ValeurExterne> ValeursExternes => Set<Features.Observatoire.ValeurExterne>();
    public DbSet<Features.Resultats.CalculResultats> CalculsResultats => Set<Features.Resultats.CalculResultats>();
    public DbSet<Features.Resultats.CelluleResultats> CellulesResultats => Set<Features.Resultats.CelluleResultats>();
    public DbSet<Features.Veille.Actualite> Actualites => Set<Features.Veille.Actualite>();
    public DbSet<Features.Agenda.Evenement> Evenements => Set<Features.Agenda.Evenement>();
    public DbSet<Features.Partenaires.Partenaire> Partenaires => Set<Features.Partenaires.Partenaire>();
    public DbSet<Features.Ressources.Ressource> Ressources => Set<Features.Ressources.Ressource>();
    public DbSet<Features.Journal.JournalAcces> Journal => Set<Features.Journal.JournalAcces>();
    public DbSet<Commun.BailTache> BauxTaches => Set<Commun.BailTache>();
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

    /// <summary>
    /// The audit trail is append-only: lines are added, never changed nor removed by the application. Added lines are
    /// hash-chained in the transaction that inserts them (<see cref="Features.Journal.ChainageJournal"/>): inside the
    /// caller's transaction when there is one, else in one opened here, within the execution strategy.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuserModificationJournal();
        return Features.Journal.ChainageJournal.AChainer(this)
            ? SauverAvecChainageAsync(acceptAllChangesOnSuccess, CancellationToken.None).GetAwaiter().GetResult()
            : base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuserModificationJournal();
        return Features.Journal.ChainageJournal.AChainer(this)
            ? SauverAvecChainageAsync(acceptAllChangesOnSuccess, cancellationToken)
            : base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private async Task<int> SauverAvecChainageAsync(bool accepter, CancellationToken ct)
    {
        if (Database.CurrentTransaction is not null)
        {
            await Features.Journal.ChainageJournal.ChainerAsync(this, ct);
            return await base.SaveChangesAsync(accepter, ct);
        }

        return await Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var tx = await Database.BeginTransactionAsync(ct);
            await Features.Journal.ChainageJournal.ChainerAsync(this, ct);
            var n = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
            await tx.CommitAsync(ct);
            if (accepter)
            {
                ChangeTracker.AcceptAllChanges();
            }

            return n;
        });
    }

    private void RefuserModificationJournal()
    {
        if (ChangeTracker.Entries<Features.Journal.JournalAcces>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit trail is append-only: its lines cannot be modified or deleted.");
        }
    }
}

public sealed class SqliteRaccrocheDbContext(DbContextOptions<SqliteRaccrocheDbContext> options) : RaccrocheDbContext(options);

public sealed class PostgresRaccrocheDbContext(DbContextOptions<PostgresRaccrocheDbContext> options) : RaccrocheDbContext(options);
