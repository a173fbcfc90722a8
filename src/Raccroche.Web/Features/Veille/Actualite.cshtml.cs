namespace Raccroche.Web.Features.Veille;

/// <summary>One published news item; any other id (a draft, a proposal, an unknown one) is a 404. A wrong slug redirects to the right one.</summary>
public sealed class ActualiteModel(RaccrocheDbContext db) : PageModel
{
    public Actualite Actualite { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, string? slug, CancellationToken ct)
    {
        var a = await LectureVeille.Publiees(db)
            .Include(x => x.DispositifsLies)
            .Include(x => x.StructuresLiees)
            .AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null)
        {
            return NotFound();
        }

        if (slug != a.Slug)
        {
            return RedirectPermanent($"/veille/{a.Id}/{a.Slug}");
        }

        Actualite = a;
        return Page();
    }
}
