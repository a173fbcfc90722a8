using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Veille;

namespace Raccroche.Web.Features.Annuaire;

public sealed class StructureModel(RaccrocheDbContext db, InstantaneCatalogue instantane, IOptions<CarteOptions> carte) : PageModel
{
    public CarteOptions Carte => carte.Value;

    public Structure Structure { get; private set; } = null!;
    public string Zone { get; private set; } = "";
    public Dictionary<string, string> Communes { get; private set; } = [];

    /// <summary>The latest published news items about this structure.</summary>
    public IReadOnlyList<CarteActualite> Actualites { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var s = await db.Structures.AsNoTracking().Include(x => x.Lieux).Include(x => x.Dispositifs)
            .AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null)
        {
            return NotFound();
        }

        Structure = s;
        Zone = Zones.Decrire(s.ZoneType, s.ZoneCodes, instantane.Communes);
        Communes = s.Lieux.Select(l => l.CodeInsee).Distinct().ToDictionary(c => c, c => instantane.Communes.ParCode(c)?.Nom ?? c);
        Actualites = await LectureVeille.DeLaStructureAsync(db, s.Id, ct);
        return Page();
    }
}
