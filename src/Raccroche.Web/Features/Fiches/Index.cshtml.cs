using Raccroche.Web.Features.Comptes;

namespace Raccroche.Web.Features.Fiches;

/// <summary>The member's sheets: their structure and its programmes, each with its review date, its open revision and its actions.</summary>
public sealed class IndexModel(Habilitations h, RaccrocheDbContext db, EditionFiches fiches) : PageModel
{
    public sealed record Ligne(TypeFiche Type, int Id, string Nom, DateOnly DateMaj, bool ARevoir, bool AVerifier, bool Suspendu, string? LienPublic, RevisionFiche? Ouverte)
    {
        public string Ancre => $"fiche-{Type.Code()}-{Id}";
    }

    public Ligne Structure { get; private set; } = null!;
    public List<Ligne> Dispositifs { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? fait, CancellationToken ct)
    {
        if (!h.EstDeStructure)
        {
            return NotFound();
        }

        var sid = h.StructureId!.Value;
        var s = await db.Structures.AsNoTracking().Where(x => x.Id == sid).Select(x => new { x.Id, x.Nom, x.DateMaj }).FirstOrDefaultAsync(ct);
        if (s is null)
        {
            return NotFound();
        }

        var ouvertes = await db.RevisionsFiche.AsNoTracking()
            .Where(r => r.StructureId == sid && (r.Statut == StatutRevision.Brouillon || r.Statut == StatutRevision.Soumise))
            .OrderBy(r => r.Id)
            .ToListAsync(ct);
        RevisionFiche? OuverteDe(TypeFiche type, int id) => ouvertes.FirstOrDefault(r => r.Type == type && r.CibleId == id);
        var limite = fiches.Aujourdhui.AddMonths(-12);
        Structure = new(TypeFiche.Structure, s.Id, s.Nom, s.DateMaj, fiches.ARevoir(s.DateMaj), s.DateMaj < limite, false, $"/structures/{s.Id}", OuverteDe(TypeFiche.Structure, s.Id));
        var dispositifs = await db.Dispositifs.AsNoTracking().Where(d => d.StructureId == sid)
            .Select(d => new { d.Id, d.Nom, d.Slug, d.DateMaj, d.Suspendu })
            .ToListAsync(ct);
        Dispositifs = [.. dispositifs.OrderBy(d => d.Nom, StringComparer.CurrentCulture).Select(d => new Ligne(TypeFiche.Dispositif, d.Id, d.Nom, d.DateMaj,
            fiches.ARevoir(d.DateMaj), d.DateMaj < limite, d.Suspendu, $"/dispositifs/{d.Id}/{d.Slug}", OuverteDe(TypeFiche.Dispositif, d.Id)))];
        Message = fait switch
        {
            "confirmee" => "C'est noté : la fiche est confirmée à jour, avec la date d'aujourd'hui.",
            "soumise" => "Votre modification est soumise à validation. Vous recevrez un e-mail à la décision.",
            "abandonnee" => "Le brouillon est abandonné : la fiche publiée n'a pas changé.",
            _ => null,
        };
        return Page();
    }

    /// <summary>"Confirmer que la fiche est à jour": records a review of the unchanged sheet.</summary>
    public async Task<IActionResult> OnPostConfirmerAsync(string? type, int id, CancellationToken ct)
    {
        // The write reads the sheet with the member's structure in its query: someone else's sheet confirms nothing.
        if (ValeursFermees.Lire<TypeFiche>(type) is not { } t || !(await fiches.ConfirmerAsync(t, id, ct)).Reussi)
        {
            return NotFound();
        }

        return Redirect($"/pro/fiches?fait=confirmee#fiche-{t.Code()}-{id}");
    }
}
