using Raccroche.Web.Features.Journal;

namespace Raccroche.Web.Features.Decrocheurs;

/// <summary>
/// The rows "à arbitrer" (<c>/pro/decrocheurs/arbitrages</c>, coordinators): a row that looked like someone already
/// followed without being sure (same names, birth date a day off or day and month swapped...). The coordinator compares it
/// with each candidate file and joins it to one, or makes a file of its own. Never merged on name alone; audited.
/// </summary>
public sealed class ArbitragesModel(AccesSuivi acces, RaccrocheDbContext db, Tracabilite journal, DossiersSuivi dossiers) : PageModel
{
    public const int ParPage = 20;

    public sealed record Personne(int? Id, string Nom, string? Ine, DateOnly? Naissance, string? LieuNaissance, string? Commune);

    public sealed record Ligne(long Id, DateOnly Mois, int NumeroLigne, string? Raison, Personne Ecrite, IReadOnlyList<Personne> Candidats);

    public IReadOnlyList<Ligne> Lignes { get; private set; } = [];
    public int Total { get; private set; }
    public Erreurs Erreurs { get; } = new();

    [BindProperty] public long SituationId { get; set; }
    [BindProperty] public int? DossierId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ChargerAsync(ct) ? Page() : NotFound();

    /// <summary>Joins the row to one of its candidate files.</summary>
    public async Task<IActionResult> OnPostRattacherAsync(CancellationToken ct) =>
        DossierId is null ? NotFound() : await ArbitrerAsync(DossierId, ct);

    /// <summary>Makes a file of its own of the row.</summary>
    public async Task<IActionResult> OnPostSeparerAsync(CancellationToken ct) => await ArbitrerAsync(null, ct);

    private async Task<IActionResult> ArbitrerAsync(int? dossierId, CancellationToken ct)
    {
        var r = await dossiers.ArbitrerAsync(SituationId, dossierId, ct);
        if (r.Reussi)
        {
            return RedirectToPage();
        }

        if (r.Refus == Refus.Interdit)
        {
            return NotFound();
        }

        r.Reporter(Erreurs, "dossier", "Quelqu'un a arbitré cette ligne pendant ce temps : voici la liste à jour.");

        return await ChargerAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> ChargerAsync(CancellationToken ct)
    {
        var psads = await acces.PsadsCoordonneesAsync(ct);
        if (psads.Count == 0)
        {
            return false;
        }

        var q = db.SituationsSiei.AsNoTracking().Where(s => s.Issue == IssueSituation.AArbitrer && s.JeuneSuiviId == null)
            .Join(db.Livraisons.Where(l => psads.Contains(l.PsadId)), s => s.LivraisonId, l => l.Id, (s, l) => new { s, l.Mois });
        Total = await q.CountAsync(ct);
        var lignes = await q.OrderBy(x => x.Mois).ThenBy(x => x.s.Id).Take(ParPage).ToListAsync(ct);
        var ids = lignes.SelectMany(x => x.s.Candidats).Distinct().ToList();
        var candidats = await db.JeunesSuivis.AsNoTracking().Where(j => ids.Contains(j.Id) && psads.Contains(j.PsadId))
            .Select(j => new Personne(j.Id, $"{j.Prenom} {(j.Nom ?? "").ToUpper()}", j.Ine, j.DateNaissance, j.LieuNaissance, j.Commune)).ToDictionaryAsync(p => p.Id!.Value, ct);
        Lignes = [.. lignes.Select(x =>
        {
            var l = JsonSerializer.Deserialize<LigneSiei>(x.s.Contenu)!;
            return new Ligne(x.s.Id, x.Mois, x.s.Ligne, x.s.Raison,
                new Personne(null, $"{l.Prenom} {l.Nom?.ToUpperInvariant()}{(l.NomNaissance is { } nn && nn != l.Nom ? $" (nom de naissance {nn.ToUpperInvariant()})" : "")}", l.Ine, l.DateNaissance, l.LieuNaissance, l.Commune),
                [.. x.s.Candidats.Where(candidats.ContainsKey).Select(c => candidats[c])]);
        })];
        await journal.EcrireAsync(Tracabilite.Lecture, "dossiers-suivi", "arbitrages",
            $"lignes à arbitrer ({Lignes.Count}) : {string.Join(", ", Lignes.Select(l => l.Id))}", ct: ct);
        return true;
    }
}
