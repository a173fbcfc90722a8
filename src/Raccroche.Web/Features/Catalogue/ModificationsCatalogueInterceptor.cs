using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Raccroche.Web.Features.Communes;

namespace Raccroche.Web.Features.Catalogue;

/// <summary>
/// Marks the catalogue as changed after any saved change to programmes, structures, places or communes;
/// <see cref="ReconstructionCatalogue"/> rebuilds it in the background, so the request that saved does not wait.
/// Inside a transaction the mark waits for the commit: before it, other connections would still
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
        Marquer(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Marquer(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        Marquer(eventData.Context, commit: true);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Marquer(eventData.Context, commit: true);
        return Task.CompletedTask;
    }

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

    private void Marquer(DbContext? context, bool commit = false)
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
        services.GetRequiredService<InstantaneCatalogue>().Signaler(attente.Communes);
    }
}
