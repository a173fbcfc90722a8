using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Resultats;
using Raccroche.Web.Features.Veille;

namespace Raccroche.Web.Features.Dispositifs;

/// <remarks>A signed-in professional also sees the programme's outcomes (masked): a small block linking to their detail.</remarks>
public sealed class FicheModel(RaccrocheDbContext db, InstantaneCatalogue instantane, IOptions<CarteOptions> map, ResultatsDispositifs resultats) : PageModel
{
    public Dispositif Dispositif { get; private set; } = null!;
    public CarteOptions Carte => map.Value;
    public string Zone { get; private set; } = "";
    public Dictionary<string, string> Communes { get; private set; } = [];

    /// <summary>For professionals only (null for the public): the snapshot shown, and this programme's table if it has one.</summary>
    public EtatResultats? Resultats { get; private set; }
    public TableauResultats? TableauResultats => Resultats?.De(Dispositif.Id);
    public Observatoire.ReglesSecret Regles => resultats.Regles;
    /// <summary>The latest published news items about this programme.</summary>
    public IReadOnlyList<CarteActualite> Actualites { get; private set; } = [];

    /// <summary>Months since the last review: a sheet older than a year is flagged "à vérifier".</summary>
    public bool AVerifier => Dispositif.DateMaj < DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-12);

    public async Task<IActionResult> OnGetAsync(int id, string? slug, CancellationToken ct)
    {
        var d = await db.Dispositifs.AsNoTracking()
            .Include(x => x.Structure)
            .Include(x => x.Lieux)
            .AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null)
        {
            return NotFound();
        }

        if (slug != d.Slug)
        {
            return RedirectPermanent($"/dispositifs/{d.Id}/{d.Slug}");
        }

        Dispositif = d;
        Zone = Zones.Decrire(d.ZoneType, d.ZoneCodes, instantane.Communes);
        Communes = d.Lieux.Select(l => l.CodeInsee).Distinct()
            .ToDictionary(c => c, c => instantane.Communes.ParCode(c)?.Nom ?? c);
        if (User.HasClaim("amr", "mfa"))
        {
            Resultats = await resultats.ActuelAsync(ct);
        }

        Actualites = await LectureVeille.DuDispositifAsync(db, d.Id, ct);
        return Page();
    }
}
