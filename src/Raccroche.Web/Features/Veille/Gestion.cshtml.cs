using Raccroche.Web.Features.Comptes;
using Raccroche.Web.Features.Moderation;

namespace Raccroche.Web.Features.Veille;

/// <summary>
/// The news items an editor looks after (all, proposals first) or a member's structure's (its drafts, proposals and
/// published items), with a link to write a new one.
/// </summary>
[Authorize(Policy = ComptesSetup.PolitiquePro, Roles = Roles.Editeur + "," + Roles.AdminStructure + "," + Roles.MembreStructure)]
public sealed class GestionModel(ModerationContenus moderation) : PageModel
{
    public sealed record Ligne(int Id, string Titre, DateOnly Date, StatutModeration Statut, string? Structure, string Auteur, DateTime ModifieeLe);

    public bool EstEditeur => moderation.EstEditeur;
    public List<Ligne> Proposees { get; private set; } = [];
    public List<Ligne> Brouillons { get; private set; } = [];
    public List<Ligne> Publiees { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? fait, CancellationToken ct)
    {
        if (!moderation.PeutRediger)
        {
            return NotFound();
        }

        var lignes = await moderation.Visibles<Actualite>().AsNoTracking()
            .OrderByDescending(a => a.ModifieeLe)
            .Take(300)
            .Select(a => new Ligne(a.Id, a.Titre, a.Date, a.Statut, a.Structure != null ? a.Structure.Nom : null, a.Auteur, a.ModifieeLe))
            .ToListAsync(ct);
        Proposees = [.. lignes.Where(l => l.Statut == StatutModeration.Proposee).OrderBy(l => l.ModifieeLe)];
        Brouillons = [.. lignes.Where(l => l.Statut == StatutModeration.Brouillon)];
        Publiees = [.. lignes.Where(l => l.Statut == StatutModeration.Publiee).OrderByDescending(l => l.Date).Take(100)];
        Message = MessageApres(fait);
        return Page();
    }

    /// <summary>What the list says after a step of the moderation (post-redirect-get).</summary>
    public static string? MessageApres(string? fait) => fait switch
    {
        "publiee" => "C'est publié : la page publique et les flux le montrent.",
        "proposee" => "Proposition envoyée : les éditeurs de l'observatoire sont prévenus par e-mail.",
        "renvoyee" => "La proposition est renvoyée à sa structure avec votre commentaire (son auteur est prévenu par e-mail).",
        "supprimee" => "Le brouillon est supprimé.",
        _ => null,
    };
}
