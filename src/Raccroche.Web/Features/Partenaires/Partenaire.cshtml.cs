using Raccroche.Web.Features.Comptes;

namespace Raccroche.Web.Features.Partenaires;

/// <summary>
/// One published partner; any other id (a draft, an unknown one) is a 404, a wrong slug redirects to the right one. The named
/// contact person, kept only with their consent, is shown to signed-in professionals only.
/// </summary>
public sealed class PartenaireModel(RaccrocheDbContext db, Habilitations h) : PageModel
{
    public Partenaire Partenaire { get; private set; } = null!;

    public bool VoitContactNomme => h.Connecte && Partenaire.AContactNomme;

    public async Task<IActionResult> OnGetAsync(int id, string? slug, CancellationToken ct)
    {
        var p = await LecturePartenaires.Publies(db)
            .Include(x => x.DispositifsLies)
            .Include(x => x.StructuresLiees)
            .AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null)
        {
            return NotFound();
        }

        if (slug != p.Slug)
        {
            return RedirectPermanent($"/partenaires/{p.Id}/{p.Slug}");
        }

        Partenaire = p;
        if (h.Connecte)
        {
            // The page holds a person's name for the signed-in: no shared cache may keep it.
            Response.Headers.CacheControl = "private, no-store";
        }

        return Page();
    }
}
