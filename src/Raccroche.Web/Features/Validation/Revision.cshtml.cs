using Raccroche.Web.Features.Comptes;
using Raccroche.Web.Features.Fiches;

namespace Raccroche.Web.Features.Validation;

/// <summary>
/// One submitted revision for its validator: what it changes, then "Publier" or "Renvoyer en brouillon" (comment
/// required). A revision of a structure outside the validator's territory is a 404.
/// </summary>
public sealed class RevisionModel(Habilitations h, RaccrocheDbContext db, EditionFiches fiches) : PageModel
{
    [BindProperty] public string? Commentaire { get; set; }

    /// <summary>The revision's version (its <see cref="RevisionFiche.ModifieeLe"/> ticks) when the page was shown: the decision applies to that one only.</summary>
    [BindProperty] public long? Version { get; set; }
    public RevisionFiche Revision { get; private set; } = null!;
    public string Nom { get; private set; } = "";
    public string Structure { get; private set; } = "";
    public IReadOnlyList<Ecart> Ecarts { get; private set; } = [];
    public Erreurs Erreurs { get; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await ChargerAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPublierAsync(int id, CancellationToken ct)
    {
        if (!await ChargerAsync(id, ct))
        {
            return NotFound();
        }

        var commentaire = Saisie.Facultatif(Erreurs, "commentaire", "Le commentaire", Commentaire, 1000);
        if (!Erreurs.Any && await fiches.PublierAsync(id, Version ?? 0, commentaire, ct) is { Reussi: false } r)
        {
            if (r.Refus == Refus.Interdit)
            {
                return NotFound();
            }

            Erreurs.Ajouter(r.Erreurs);
        }

        return Erreurs.Any ? await RechargerAsync(id, ct) : Redirect("/pro/validation?fait=publiee");
    }

    public async Task<IActionResult> OnPostRenvoyerAsync(int id, CancellationToken ct)
    {
        if (!await ChargerAsync(id, ct))
        {
            return NotFound();
        }

        var commentaire = Saisie.Facultatif(Erreurs, "commentaire", "Le commentaire", Commentaire, 1000);
        if (commentaire is null && !Erreurs.Any)
        {
            Erreurs.Ajouter("commentaire", "Commentaire : indiquez ce qui doit être repris. Il est obligatoire pour renvoyer en brouillon.");
        }

        if (commentaire is not null && await fiches.RenvoyerAsync(id, Version ?? 0, commentaire, ct) is { Reussi: false } r)
        {
            if (r.Refus == Refus.Interdit)
            {
                return NotFound();
            }

            Erreurs.Ajouter(r.Erreurs);
        }

        return Erreurs.Any ? await RechargerAsync(id, ct) : Redirect("/pro/validation?fait=renvoyee");
    }

    private async Task<IActionResult> RechargerAsync(int id, CancellationToken ct)
    {
        // The form shows the current version again: the next click decides on what is on screen now.
        db.ChangeTracker.Clear();
        ModelState.Remove(nameof(Version));
        return await ChargerAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> ChargerAsync(int id, CancellationToken ct)
    {
        var r = await db.RevisionsFiche.AsNoTracking().Include(x => x.Structure).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null || !await h.PeutValiderAsync(r.StructureId, ct) || r.Statut == StatutRevision.Brouillon && r.SoumiseLe is null)
        {
            return false;
        }

        Revision = r;
        Nom = EditionFiches.NomDe(r.Type, r.Contenu);
        Structure = r.Structure?.Nom ?? "";
        Ecarts = (await fiches.EcartsAsync([r], ct))[r.Id];
        return true;
    }
}
