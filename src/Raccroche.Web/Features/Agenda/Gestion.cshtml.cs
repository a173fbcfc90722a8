using Raccroche.Web.Features.Comptes;
using Raccroche.Web.Features.Moderation;

namespace Raccroche.Web.Features.Agenda;

/// <summary>The events an editor looks after (all, proposals first) or a member's structure's, with a link to write a new one.</summary>
[Authorize(Policy = ComptesSetup.PolitiquePro, Roles = Roles.Editeur + "," + Roles.AdminStructure + "," + Roles.MembreStructure)]
public sealed class GestionModel(ModerationContenus moderation) : PageModel
{
    public sealed record Ligne(int Id, string Titre, DateTime Debut, DateTime Fin, bool JourneeEntiere, StatutModeration Statut, string Organisateur, string Auteur, DateTime ModifieeLe);

    public bool EstEditeur => moderation.EstEditeur;
    public List<Ligne> Proposes { get; private set; } = [];
    public List<Ligne> Brouillons { get; private set; } = [];
    public List<Ligne> Publies { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? fait, CancellationToken ct)
    {
        if (!moderation.PeutRediger)
        {
            return NotFound();
        }

        var lignes = await moderation.Visibles<Evenement>().AsNoTracking()
            .OrderByDescending(e => e.ModifieeLe)
            .Take(300)
            .Select(e => new Ligne(e.Id, e.Titre, e.Debut, e.Fin, e.JourneeEntiere, e.Statut, e.Organisateur, e.Auteur, e.ModifieeLe))
            .ToListAsync(ct);
        Proposes = [.. lignes.Where(l => l.Statut == StatutModeration.Proposee).OrderBy(l => l.ModifieeLe)];
        Brouillons = [.. lignes.Where(l => l.Statut == StatutModeration.Brouillon)];
        Publies = [.. lignes.Where(l => l.Statut == StatutModeration.Publiee).OrderByDescending(l => l.Debut).Take(100)];
        Message = Veille.GestionModel.MessageApres(fait);
        return Page();
    }
}
