using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Communes;

namespace Raccroche.Web.Features.Agenda;

/// <summary>One published event, with its schema.org Event (JSON-LD) and its .ics; any other id is a 404. A wrong slug redirects.</summary>
public sealed class EvenementModel(RaccrocheDbContext db, InstantaneCatalogue instantane, IConfiguration config, TimeProvider clock) : PageModel
{
    public Evenement Evenement { get; private set; } = null!;
    public Commune? Commune { get; private set; }
    public string DonneesStructurees { get; private set; } = "";
    public bool Passe { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string? slug, CancellationToken ct)
    {
        var e = await LectureAgenda.Publies(db).Include(x => x.Structure).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null)
        {
            return NotFound();
        }

        if (slug != e.Slug)
        {
            return RedirectPermanent($"/agenda/{e.Id}/{e.Slug}");
        }

        Evenement = e;
        Commune = e.CodeCommune is { } c ? instantane.Communes.ParCode(c) : null;
        DonneesStructurees = Agenda.DonneesStructurees.Evenement(e, AdressePublique.UrlPublique(config), Commune);
        Passe = e.Fin <= clock.GetUtcNow().UtcDateTime;
        return Page();
    }
}
