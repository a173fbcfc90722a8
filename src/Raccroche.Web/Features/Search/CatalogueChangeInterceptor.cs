using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Communes;

namespace Raccroche.Web.Features.Search;

/// <summary>Rebuilds the search index after any saved change to programmes, structures, places or communes.</summary>
public sealed class CatalogueChangeInterceptor(IServiceProvider services) : SaveChangesInterceptor
{
    private readonly AsyncLocal<bool> _catalogueTouche = new();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        _catalogueTouche.Value = Touche(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        _catalogueTouche.Value = Touche(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await ReconstruireSiBesoin(eventData.Context, cancellationToken);
        return await base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ReconstruireSiBesoin(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return base.SavedChanges(eventData, result);
    }

    private async Task ReconstruireSiBesoin(DbContext? context, CancellationToken ct)
    {
        if (!_catalogueTouche.Value || context is null)
        {
            return;
        }

        _catalogueTouche.Value = false;
        var holder = services.GetRequiredService<CatalogueIndexHolder>();
        if (!holder.Pret)
        {
            return; // start-up builds it once seeding is done
        }

        if (context.ChangeTracker.Entries<Commune>().Any())
        {
            await holder.ChargerCommunesAsync(ct);
        }

        await holder.ReconstruireAsync(ct);
    }

    private static bool Touche(DbContext? context) =>
        context is not null && context.ChangeTracker.Entries()
            .Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted &&
                      (e.Entity is Dispositif or Structure or Lieu or Commune || e.Metadata.Name == "DispositifLieux"));
}
