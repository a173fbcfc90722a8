using Raccroche.Web.Features.Observatoire;

namespace Raccroche.Web.Features.Ressources;

/// <summary>
/// "Comprendre le décrochage": the words of the field (<see cref="Definitions"/>), each with the observatory's indicators
/// that count it and the catalogue's programmes that act on it.
/// </summary>
public sealed class ComprendreModel(RaccrocheDbContext db) : PageModel
{
    public sealed record LienDispositif(int Id, string Slug, string Nom);

    public IReadOnlyDictionary<string, LienDispositif> Dispositifs { get; private set; } = new Dictionary<string, LienDispositif>();

    public static Indicateur? Indicateur(string code) => RegistreIndicateurs.Trouver(code);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var slugs = Definitions.Toutes.SelectMany(d => d.Dispositifs).Distinct().ToList();
        Dispositifs = await db.Dispositifs.AsNoTracking().Where(d => slugs.Contains(d.Slug))
            .Select(d => new LienDispositif(d.Id, d.Slug, d.Nom)).ToDictionaryAsync(d => d.Slug, ct);
    }
}
