using Microsoft.AspNetCore.Mvc.Filters;
using Raccroche.Web.Features.Comptes;
using Raccroche.Web.Features.Journal;

namespace Raccroche.Web.Features.Admin;

/// <summary>
/// The audit trail for regional administrators: a GET form (bookmarkable), 50 lines a page, newest
/// first, and the same search as CSV. The policy is named as well as the role: an [Authorize] of its own
/// opts the page out of the /pro convention, and the second factor must still be required.
/// </summary>
[Authorize(Policy = ComptesSetup.PolitiquePro, Roles = Roles.AdminRegional)]
public sealed class JournalModel(RaccrocheDbContext db, Tracabilite journal, TimeProvider clock) : PageModel
{
    public FiltresJournal Filtres { get; private set; } = new();
    public Erreurs Erreurs { get; } = new();
    public RequeteJournal? Requete { get; private set; }
    public List<JournalAcces> Lignes { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (int)Math.Ceiling(Total / (double)FiltresJournal.TaillePage));

    /// <summary>An unknown ?handler= would render the page without running any handler: run the search instead.</summary>
    public override void OnPageHandlerSelected(PageHandlerSelectedContext context) =>
        context.HandlerMethod ??= context.ActionDescriptor.HandlerMethods
            .FirstOrDefault(h => h.Name is null && string.Equals(h.HttpMethod, context.HttpContext.Request.Method, StringComparison.OrdinalIgnoreCase));

    public async Task OnGetAsync(CancellationToken ct)
    {
        Filtres = FiltresJournal.Depuis(Request.Query);
        Requete = Filtres.Valider(Erreurs);
        if (Requete is null)
        {
            return;
        }

        var q = Requete.Appliquer(db.Journal.AsNoTracking());
        Total = await q.CountAsync(ct);
        Lignes = await q.Skip((Requete.Page - 1) * FiltresJournal.TaillePage).Take(FiltresJournal.TaillePage).ToListAsync(ct);
        await journal.EcrireAsync(Tracabilite.Lecture, "journal", null, $"consultation du journal : {Total} ligne(s), page {Requete.Page} ; {Requete.Description()}", ct: ct);
    }

    /// <summary>The current search as CSV; the export is itself recorded before the first byte leaves.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        Filtres = FiltresJournal.Depuis(Request.Query);
        Requete = Filtres.Valider(Erreurs);
        if (Requete is null)
        {
            return Page();
        }

        var q = Requete.Appliquer(db.Journal);
        var total = await q.CountAsync(ct);
        await journal.EcrireAsync(Tracabilite.Export, "journal", null, $"export CSV du journal : {total} ligne(s) ; {Requete.Description()}", ct: ct);
        return JournalCsv.Fichier(q, $"journal-acces-{HeureParis.NomDeFichier(clock.GetUtcNow().UtcDateTime)}.csv");
    }

    /// <summary>This search with some parameters changed (null removes one); empty ones are left out.</summary>
    public string Lien(string? handler, params (string Cle, string? Valeur)[] changes)
    {
        var p = new Dictionary<string, string?>
        {
            ["utilisateur"] = Filtres.Utilisateur,
            ["action"] = Filtres.Action,
            ["ressource"] = Filtres.Ressource,
            ["ressource_id"] = Filtres.RessourceId,
            ["du"] = Filtres.Du,
            ["au"] = Filtres.Au,
            ["page"] = Filtres.Page,
        };
        foreach (var (cle, valeur) in changes)
        {
            p[cle] = valeur;
        }

        if (handler is not null)
        {
            p["handler"] = handler;
        }

        var qs = QueryString.Create(p.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)));
        return "/pro/admin/journal" + qs.ToUriComponent();
    }
}
