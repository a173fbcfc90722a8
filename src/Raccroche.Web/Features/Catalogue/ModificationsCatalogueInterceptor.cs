using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Raccroche.Web.Features.Communes;

namespace Raccroche.Web.Features.Catalogue;

/// <summary>
/// Rebuilds the search index after any saved change to programmes, structures, places or communes.
/// Inside a transaction the rebuild waits for the commit: before it, other connections would still
/// read the old rows (and a rollback must leave the index as it was).
/// </summary>
public sealed class ModificationsCatalogueInterceptor(IServiceProvider services) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private sealed class EnAttente
    {
        public bool Catalogue;
        public bool Communes;
    }

    private readonly ConditionalWeakTable<DbContext, EnAttente> _attente = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Noter(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Noter(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ReconstruireSiPret(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await ReconstruireSiPret(eventData.Context, cancellationToken);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        ReconstruireSiPret(eventData.Context, CancellationToken.None, commit: true).GetAwaiter().GetResult();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        ReconstruireSiPret(eventData.Context, cancellationToken, commit: true);

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Oublier(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Oublier(eventData.Context);
        return Task.CompletedTask;
    }

    private void Noter(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var modifies = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        var attente = _attente.GetOrCreateValue(context);
        attente.Catalogue |= modifies.Any(e => e.Entity is Dispositif or Structure or Lieu or Commune || e.Metadata.Name == "DispositifLieux");
        attente.Communes |= modifies.Any(e => e.Entity is Commune);
    }

    private void Oublier(DbContext? context)
    {
        if (context is not null)
        {
            _attente.Remove(context);
        }
    }

    private async Task ReconstruireSiPret(DbContext? context, CancellationToken ct, bool commit = false)
    {
        if (context is null || !_attente.TryGetValue(context, out var attente) || !attente.Catalogue)
        {
            return;
        }

        if (!commit && context.Database.CurrentTransaction is not null)
        {
            return; // wait for TransactionCommitted
        }

        _attente.Remove(context);
        var holder = services.GetRequiredService<InstantaneCatalogue>();
        if (!holder.Pret)
        {
            return; // start-up builds it once seeding is done
        }

        if (attente.Communes)
        {
            await holder.ChargerCommunesAsync(ct);
        }

        await holder.ReconstruireAsync(ct);
    }
}
