using Raccroche.Web.Features.Decrocheurs;
using Raccroche.Web.Features.Journal;

namespace Raccroche.Web.Features.Resultats;

/// <summary>
/// The feedback to schools of origin (<c>/pro/resultats/etablissements</c>): per UAI, the PSAD's former pupils found on the
/// lists and in a solution by kind, masked, and as CSV. For the coordinators of the PSAD only (another PSAD's code, or
/// no PSAD coordinated, is 404); each display and export is audited.
/// </summary>
public sealed class EtablissementsModel(AccesSuivi acces, RetourEtablissements retour, RaccrocheDbContext db, Tracabilite journal) : PageModel
{
    public sealed record PsadCoordonnee(int Id, string Code, string Nom);

    [BindProperty(SupportsGet = true, Name = "psad")]
    public string? CodePsad { get; set; }

    public IReadOnlyList<PsadCoordonnee> Psads { get; private set; } = [];
    public PsadCoordonnee Psad { get; private set; } = null!;
    public IReadOnlyList<LigneEtablissement> Lignes { get; private set; } = [];
    public IEnumerable<Terme> TermesPsads => Psads.Select(p => new Terme(p.Code, $"{p.Code} – {p.Nom}"));
    public Observatoire.ReglesSecret Regles => retour.Regles;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ChargerAsync(ct))
        {
            return NotFound();
        }

        await journal.EcrireAsync(Tracabilite.Lecture, "retour-etablissements", Psad.Code, $"retour aux établissements d'origine de la PSAD {Psad.Code} : {Lignes.Count} établissement(s)", ct: ct);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!await ChargerAsync(ct))
        {
            return NotFound();
        }

        await journal.EcrireAsync(Tracabilite.Export, "retour-etablissements", Psad.Code, $"export CSV du retour aux établissements d'origine de la PSAD {Psad.Code} : {Lignes.Count} établissement(s)", ct: ct);
        string[] colonnes = ["uai", "repérés", "en solution", "sans solution à ce jour", "taux en solution", .. LigneEtablissement.Types.Select(t => t.Libelle()), "type non précisé"];
        return new ExportCsv<LigneEtablissement>(Lignes.ToAsyncEnumerable(), colonnes, l =>
        [
            l.Uai,
            l.Texte(LigneEtablissement.Reperes, Regles), l.Texte(LigneEtablissement.EnSolution, Regles), l.Texte(LigneEtablissement.SansSolution, Regles),
            l.Taux(Regles) ?? "nd",
            .. Enumerable.Range(0, LigneEtablissement.Types.Count).Select(k => l.Texte(LigneEtablissement.Type(k), Regles)),
            l.Texte(LigneEtablissement.NonPrecise, Regles),
        ], $"etablissements-{Psad.Code}.csv");
    }

    /// <summary>The PSADs the account coordinates, the one asked for (the first by code by default); false when none may be shown.</summary>
    private async Task<bool> ChargerAsync(CancellationToken ct)
    {
        var ids = await acces.PsadsCoordonneesAsync(ct);
        if (ids.Count == 0)
        {
            return false;
        }

        Psads = await db.Psads.AsNoTracking().Where(p => ids.Contains(p.Id)).OrderBy(p => p.Code).Select(p => new PsadCoordonnee(p.Id, p.Code, p.Nom)).ToListAsync(ct);
        var choisie = string.IsNullOrEmpty(CodePsad) ? Psads.FirstOrDefault() : Psads.FirstOrDefault(p => p.Code == CodePsad);
        if (choisie is null)
        {
            return false;
        }

        Psad = choisie;
        Lignes = await retour.ChargerAsync(Psad.Id, ct);
        return true;
    }
}
