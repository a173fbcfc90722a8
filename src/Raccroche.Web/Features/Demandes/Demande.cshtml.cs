using Raccroche.Web.Features.Comptes;
using Raccroche.Web.Features.Journal;

namespace Raccroche.Web.Features.Demandes;

/// <summary>
/// One request: the young person's data (each opening is written to the audit trail), its history, and
/// for the receiving structure the form to move it forward. Someone else's id gives 404.
/// </summary>
public sealed class DemandeModel(Habilitations h, RaccrocheDbContext db, Tracabilite journal, Traitement suivi) : PageModel
{
    public DemandeContact Demande { get; private set; } = null!;
    public string? Dispositif { get; private set; }
    public string? StructureOrigine { get; private set; }
    public bool PeutTraiter { get; private set; }
    public bool Envoyeur { get; private set; }
    public Erreurs Erreurs { get; } = new();

    [BindProperty] public string? Statut { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? Motif { get; set; }
    [BindProperty] public int? DispositifId { get; set; }

    public IReadOnlyList<(int Id, string Nom)> Dispositifs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await ChargerAsync(id, ct))
        {
            return NotFound();
        }

        await journal.EcrireAsync(Tracabilite.Lecture, "demande", Demande.Reference, Envoyeur && !PeutTraiter ? "suivi par la structure d'origine" : null, ct: ct);
        return Page();
    }

    /// <summary>The form shown again with its errors displays the young person's data too: that is a read, and it is recorded.</summary>
    private async Task<IActionResult> ReafficherAsync(int id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        if (!await ChargerAsync(id, ct))
        {
            return NotFound();
        }

        await journal.EcrireAsync(Tracabilite.Lecture, "demande", Demande.Reference, "réaffichage après une saisie refusée", ct: ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await ChargerAsync(id, ct))
        {
            return NotFound();
        }

        if (!PeutTraiter)
        {
            return NotFound();
        }

        var resultat = await suivi.ChangerStatutAsync(Demande, ValeursFermees.Lire<StatutDemande>(Statut), Note, ValeursFermees.Lire<MotifSansSuite>(Motif), DispositifId, ct);
        if (resultat.Reussi)
        {
            return RedirectToPage(new { id });
        }

        Erreurs.Ajouter(resultat.Erreurs);
        // Reloaded: after a refused or lost change, the page shows the request as it is now, not as it was typed.
        return await ReafficherAsync(id, ct);
    }

    private async Task<bool> ChargerAsync(int id, CancellationToken ct)
    {
        var d = await h.DemandesVisibles().Include(x => x.Suivi).Include(x => x.Structure).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null)
        {
            return false;
        }

        Demande = d;
        PeutTraiter = h.PeutTraiter(d);
        Envoyeur = h.EstDeStructure && d.StructureOrigineId == h.StructureId;
        Dispositif = d.DispositifId is { } di ? await db.Dispositifs.Where(x => x.Id == di).Select(x => x.Nom).FirstOrDefaultAsync(ct) : null;
        StructureOrigine = d.StructureOrigineId is { } so ? await db.Structures.Where(x => x.Id == so).Select(x => x.Nom).FirstOrDefaultAsync(ct) : null;
        if (PeutTraiter && !Traitement.EstClos(d.Statut))
        {
            Dispositifs = [.. (await db.Dispositifs.AsNoTracking().Where(x => !x.Suspendu).OrderBy(x => x.Nom).Select(x => new { x.Id, x.Nom }).ToListAsync(ct)).Select(x => (x.Id, x.Nom))];
        }

        return true;
    }
}
