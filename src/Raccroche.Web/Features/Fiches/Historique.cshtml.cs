using Raccroche.Web.Features.Comptes;

namespace Raccroche.Web.Features.Fiches;

/// <summary>
/// Every revision of one sheet, newest first: who, when, status, the validator's comment and what changed.
/// Members of the sheet's structure and those who validate it may read it; anyone else gets a 404.
/// </summary>
public sealed class HistoriqueModel(Habilitations h, RaccrocheDbContext db, EditionFiches fiches) : PageModel
{
    public TypeFiche Type { get; private set; }
    public int Id { get; private set; }
    public string Nom { get; private set; } = "";
    public DateOnly DateMaj { get; private set; }
    public bool Editeur { get; private set; }
    public List<RevisionFiche> Revisions { get; private set; } = [];
    public Dictionary<int, IReadOnlyList<Ecart>> Ecarts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string type, int id, CancellationToken ct)
    {
        if (ValeursFermees.Lire<TypeFiche>(type) is not { } t || await fiches.StructureDeAsync(t, id, ct) is not { } sid)
        {
            return NotFound();
        }

        Editeur = h.PeutEditer(sid);
        if (!Editeur && !await h.PeutValiderAsync(sid, ct))
        {
            return NotFound();
        }

        Type = t;
        Id = id;
        (Nom, DateMaj) = t == TypeFiche.Structure
            ? await db.Structures.Where(s => s.Id == id).Select(s => new ValueTuple<string, DateOnly>(s.Nom, s.DateMaj)).FirstAsync(ct)
            : await db.Dispositifs.Where(d => d.Id == id).Select(d => new ValueTuple<string, DateOnly>(d.Nom, d.DateMaj)).FirstAsync(ct);
        // A validator sees what was submitted to them, not a structure's unsubmitted drafts.
        var editeur = Editeur;
        Revisions = await db.RevisionsFiche.AsNoTracking()
            .Where(r => r.Type == t && r.CibleId == id && (editeur || r.Statut != StatutRevision.Brouillon || r.SoumiseLe != null))
            .OrderByDescending(r => r.ModifieeLe).ThenByDescending(r => r.Id)
            .ToListAsync(ct);
        Ecarts = await fiches.EcartsAsync(Revisions, ct);
        return Page();
    }
}
