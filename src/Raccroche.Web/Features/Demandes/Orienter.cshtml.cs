using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Comptes;

namespace Raccroche.Web.Features.Demandes;

/// <summary>"Orienter un jeune" from a programme's sheet: the least data the receiving structure needs, with the young person's agreement.</summary>
public sealed class OrienterModel(RaccrocheDbContext db, Habilitations h, Traitement suivi) : PageModel
{
    [BindProperty] public SaisieOrientation Saisie { get; set; } = new();
    public Dispositif Dispositif { get; private set; } = null!;
    public Erreurs Erreurs { get; } = new();
    public string? Reference { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string? reference, CancellationToken ct)
    {
        if (!await ChargerAsync(slug, ct))
        {
            return NotFound();
        }

        Reference = reference is { Length: <= 12 } ? reference : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (!await ChargerAsync(slug, ct))
        {
            return NotFound();
        }

        var resultat = await suivi.OrienterAsync(Dispositif, Saisie, ct);
        if (!resultat.Reussi)
        {
            Erreurs.Ajouter(resultat.Erreurs);
            return Page();
        }

        return RedirectToPage(new { slug, reference = resultat.Valeur.Reference });
    }

    private async Task<bool> ChargerAsync(string slug, CancellationToken ct)
    {
        if (!(h.EstDeStructure || h.EstCoordinateur))
        {
            return false;
        }

        var d = await db.Dispositifs.AsNoTracking().Include(x => x.Structure).FirstOrDefaultAsync(x => x.Slug == slug && !x.Suspendu, ct);
        if (d is null)
        {
            return false;
        }

        Dispositif = d;
        return true;
    }
}
