using Raccroche.Web.Features.Comptes;
using Raccroche.Web.Features.Moderation;

namespace Raccroche.Web.Features.Ressources;

/// <summary>The resources the editors look after: drafts first, then the published ones, with a link to add one.</summary>
[Authorize(Policy = ComptesSetup.PolitiquePro, Roles = Roles.Editeur)]
public sealed class GestionModel(ModerationContenus moderation) : PageModel
{
    public sealed record Ligne(int Id, string Titre, DateOnly Date, NatureRessource Nature, StatutModeration Statut, bool AFichier, string Auteur, DateTime ModifieeLe);

    public List<Ligne> Brouillons { get; private set; } = [];
    public List<Ligne> Publiees { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? fait, CancellationToken ct)
    {
        if (!moderation.EstEditeur)
        {
            return NotFound();
        }

        var lignes = await moderation.Visibles<Ressource>().AsNoTracking()
            .OrderByDescending(r => r.Date).ThenByDescending(r => r.Id)
            .Take(1000)
            .Select(r => new Ligne(r.Id, r.Titre, r.Date, r.Nature, r.Statut, r.Fichier != null, r.Auteur, r.ModifieeLe))
            .ToListAsync(ct);
        Brouillons = [.. lignes.Where(l => l.Statut != StatutModeration.Publiee)];
        Publiees = [.. lignes.Where(l => l.Statut == StatutModeration.Publiee)];
        Message = fait switch
        {
            "publiee" => "C'est publié : la ressource est en ligne.",
            "supprimee" => "Le brouillon est supprimé (et son fichier avec lui).",
            _ => null,
        };
        return Page();
    }
}
