using Raccroche.Web.Features.Journal;

namespace Raccroche.Web.Features.Decrocheurs;

/// <summary>
/// Transfers between PSADs (<c>/pro/decrocheurs/transferts</c>, coordinators): the requests addressed to their PSADs, to
/// accept or refuse (with a reason), those they sent, and their open files whose young person lives outside the territory,
/// with the PSAD proposed. Before an answer the target sees the first name, the initial and the commune only. Audited.
/// </summary>
public sealed class TransfertsModel(AccesSuivi acces, RaccrocheDbContext db, Tracabilite journal, TransfertsSuivi transferts, TimeProvider clock) : PageModel
{
    public sealed record Ligne(TransfertSuivi Transfert, string Autre, string Jeune, string? Commune);

    public sealed record HorsTerritoire(int Id, string Jeune, string? Commune, string? CodeInsee, string Psad, PsadTerritoire? Proposee);

    public IReadOnlyList<Ligne> Recus { get; private set; } = [];
    public IReadOnlyList<Ligne> Envoyes { get; private set; } = [];
    public IReadOnlyList<HorsTerritoire> HorsTerritoires { get; private set; } = [];
    public Erreurs Erreurs { get; } = new();
    public string? Message { get; private set; }

    [BindProperty] public int TransfertId { get; set; }
    [BindProperty] public string? MotifRefus { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ChargerAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAccepterAsync(CancellationToken ct) => await ApresAsync(await transferts.AccepterAsync(TransfertId, ct), ct);

    public async Task<IActionResult> OnPostRefuserAsync(CancellationToken ct) => await ApresAsync(await transferts.RefuserAsync(TransfertId, MotifRefus, ct), ct);

    private async Task<IActionResult> ApresAsync(Resultat r, CancellationToken ct)
    {
        if (r.Reussi)
        {
            return RedirectToPage();
        }

        if (r.Refus == Refus.Interdit)
        {
            return NotFound();
        }

        if (r.Refus == Refus.Conflit)
        {
            Message = "Ce transfert vient d'être traité par quelqu'un d'autre, ou son dossier a changé : rien n'a été enregistré. Voici la situation à jour.";
        }
        else
        {
            Erreurs.Ajouter(r.Erreurs);
        }

        return await ChargerAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> ChargerAsync(CancellationToken ct)
    {
        var psads = await acces.PsadsCoordonneesAsync(ct);
        if (psads.Count == 0)
        {
            return false;
        }

        db.ChangeTracker.Clear();
        var tous = await db.Psads.AsNoTracking().OrderBy(p => p.Code).Select(p => new PsadTerritoire(p.Id, p.Code, p.Nom, p.Territoire)).ToListAsync(ct);
        var noms = tous.ToDictionary(p => p.Id, p => $"{p.Code} – {p.Nom}");
        var depuis = clock.GetUtcNow().UtcDateTime.AddDays(-60);
        var lignes = await db.TransfertsSuivi.AsNoTracking()
            .Where(t => (psads.Contains(t.PsadCibleId) || psads.Contains(t.PsadSourceId)) && (t.Statut == StatutTransfert.Demande || t.ReponduLe >= depuis))
            .OrderByDescending(t => t.DemandeLe).Take(200)
            .Join(db.JeunesSuivis, t => t.JeuneSuiviId, j => j.Id, (t, j) => new { t, j.Prenom, j.Nom, j.Commune, j.AnonymiseLe })
            .ToListAsync(ct);

        // The target sees who the request is about just enough to recognise them; the source sees its own file in full on its page.
        Recus = [.. lignes.Where(x => psads.Contains(x.t.PsadCibleId)).Select(x => new Ligne(x.t, noms[x.t.PsadSourceId],
            x.AnonymiseLe is null ? $"{x.Prenom} {(x.Nom is { Length: > 0 } n ? n[..1].ToUpperInvariant() + "." : "")}".Trim() : "dossier anonymisé", x.AnonymiseLe is null ? x.Commune : null))];
        Envoyes = [.. lignes.Where(x => psads.Contains(x.t.PsadSourceId)).Select(x => new Ligne(x.t, noms[x.t.PsadCibleId],
            x.AnonymiseLe is null ? $"{x.Prenom} {x.Nom?.ToUpperInvariant()}".Trim() : "dossier anonymisé", x.AnonymiseLe is null ? x.Commune : null))];

        var hors = new List<HorsTerritoire>();
        var enAttente = db.TransfertsSuivi.Where(t => t.Statut == StatutTransfert.Demande).Select(t => t.JeuneSuiviId);
        foreach (var p in tous.Where(p => psads.Contains(p.Id)))
        {
            var dossiers = await Repartition.HorsTerritoire(db.JeunesSuivis.AsNoTracking().Where(j => j.AnonymiseLe == null), p.Id, p.Territoire)
                .Where(j => j.Statut != StatutDossier.Cloture && j.Statut != StatutDossier.Transfere && j.Statut != StatutDossier.Annule && !enAttente.Contains(j.Id))
                .OrderBy(j => j.CodeInsee).Take(100).Select(j => new { j.Id, j.Prenom, j.Nom, j.Commune, j.CodeInsee }).ToListAsync(ct);
            hors.AddRange(dossiers.Select(d => new HorsTerritoire(d.Id, $"{d.Prenom} {d.Nom?.ToUpperInvariant()}".Trim(), d.Commune, d.CodeInsee, noms[p.Id],
                Repartition.PsadDuTerritoire(tous.Where(x => x.Id != p.Id), x => x.Territoire, d.CodeInsee))));
        }

        HorsTerritoires = hors;
        var montres = Recus.Concat(Envoyes).Select(l => l.Transfert.JeuneSuiviId).Concat(hors.Select(h => h.Id)).Distinct().ToList();
        await journal.EcrireAsync(Tracabilite.Lecture, "transferts-suivi", null, $"transferts ({montres.Count} dossier(s)) : {string.Join(", ", montres)}", ct: ct);
        return true;
    }
}
