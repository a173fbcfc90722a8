using Raccroche.Web.Features.Comptes;
using Raccroche.Web.Features.Moderation;

namespace Raccroche.Web.Features.Partenaires;

/// <summary>The partners the editors look after: drafts first, then the published ones, with a link to add one.</summary>
[Authorize(Policy = ComptesSetup.PolitiquePro, Roles = Roles.Editeur)]
public sealed class GestionModel(ModerationContenus moderation) : PageModel
{
    public sealed record Ligne(int Id, string Nom, NaturePartenaire Nature, StatutModeration Statut, string Auteur, DateTime ModifieeLe);

    public List<Ligne> Brouillons { get; private set; } = [];
    public List<Ligne> Publies { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? fait, CancellationToken ct)
    {
        if (!moderation.EstEditeur)
        {
            return NotFound();
        }

        var lignes = await moderation.Visibles<Partenaire>().AsNoTracking()
            .OrderBy(p => p.Nom)
            .Take(1000)
            .Select(p => new Ligne(p.Id, p.Nom, p.Nature, p.Statut, p.Auteur, p.ModifieeLe))
            .ToListAsync(ct);
        Brouillons = [.. lignes.Where(l => l.Statut != StatutModeration.Publiee)];
        Publies = [.. lignes.Where(l => l.Statut == StatutModeration.Publiee)];
        Message = fait switch
        {
            "publiee" => "C'est publié : la page du partenaire est en ligne.",
            "supprimee" => "Le brouillon est supprimé.",
            _ => null,
        };
        return Page();
    }
}
