namespace Raccroche.Web.Features.Ressources;

/// <summary>One published resource; any other id (a draft, an unknown one) is a 404, a wrong slug redirects to the right one.</summary>
public sealed class RessourceModel(RaccrocheDbContext db) : PageModel
{
    public Ressource Ressource { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, string? slug, CancellationToken ct)
    {
        var r = await LectureRessources.Publiees(db).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null)
        {
            return NotFound();
        }

        if (slug != r.Slug)
        {
            return RedirectPermanent($"/ressources/{r.Id}/{r.Slug}");
        }

        Ressource = r;
        return Page();
    }
}
