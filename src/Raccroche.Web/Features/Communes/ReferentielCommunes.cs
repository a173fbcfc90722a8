namespace Raccroche.Web.Features.Communes;

/// <summary>
/// The communes of the official file, loaded once from the database into a <see cref="RepertoireCommunes"/>
/// (and again after an import). Readers take the current directory without a lock.
/// </summary>
public sealed class ReferentielCommunes(IServiceScopeFactory scopes)
{
    private RepertoireCommunes? _repertoire;

    public RepertoireCommunes Repertoire => _repertoire ?? throw new InvalidOperationException("The commune directory is not loaded yet.");

    public bool Charge => _repertoire is not null;

    public async Task ChargerAsync(CancellationToken ct = default)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RaccrocheDbContext>();
        var communes = await db.Communes.AsNoTracking().ToListAsync(ct);
        _repertoire = new RepertoireCommunes(communes);
    }
}
