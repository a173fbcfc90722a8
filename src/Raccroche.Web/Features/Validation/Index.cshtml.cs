using Raccroche.Web.Features.Comptes;
using Raccroche.Web.Features.Fiches;

namespace Raccroche.Web.Features.Validation;

/// <summary>The queue of submitted revisions: all of them for the regional administrator, those of the territory's structures for a coordinator.</summary>
public sealed class ValidationModel(Habilitations h, RaccrocheDbContext db) : PageModel
{
    public sealed record Ligne(int Id, TypeFiche Type, string Nom, string Structure, string Auteur, DateTime? SoumiseLe);

    public List<Ligne> Revisions { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? fait, CancellationToken ct)
    {
        if (!h.EstAdminRegional && !h.EstCoordinateur)
        {
            return NotFound();
        }

        var soumises = db.RevisionsFiche.AsNoTracking().Where(r => r.Statut == StatutRevision.Soumise);
        if (!h.EstAdminRegional)
        {
            var territoire = (await h.StructuresDuTerritoireAsync(ct)).ToList();
            soumises = soumises.Where(r => territoire.Contains(r.StructureId));
        }

        var lignes = await soumises.OrderBy(r => r.SoumiseLe).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.Type, r.Contenu, Structure = r.Structure!.Nom, r.Auteur, r.SoumiseLe })
            .ToListAsync(ct);
        Revisions = [.. lignes.Select(r => new Ligne(r.Id, r.Type, EditionFiches.NomDe(r.Type, r.Contenu), r.Structure, r.Auteur, r.SoumiseLe))];
        Message = fait switch
        {
            "publiee" => "La modification est publiée. Son auteur est prévenu par e-mail.",
            "renvoyee" => "La modification est renvoyée en brouillon. Son auteur est prévenu par e-mail, avec votre commentaire.",
            _ => null,
        };
        return Page();
    }
}
