using Raccroche.Web.Features.Decrocheurs;
using Raccroche.Web.Features.Journal;

namespace Raccroche.Web.Features.Resultats;

/// <summary>
/// Every programme proposed to young people followed on the platform, with its outcomes as a whole (masked), a hundred a
/// page, and the same as CSV. For every professional (decision 0020: statistics of the catalogue, no young person in them).
/// </summary>
public sealed class IndexModel(ResultatsDispositifs resultats, RaccrocheDbContext db, AccesSuivi acces, Tracabilite journal) : PageModel
{
    public const int ParPage = 100;

    public sealed record Ligne(int Id, string Nom, string Structure, TableauResultats Tableau);

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageCourante { get; set; } = 1;

    public EtatResultats Etat { get; private set; } = EtatResultats.Vide;
    public IReadOnlyList<Ligne> Lignes { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + ParPage - 1) / ParPage);
    public bool Coordonne { get; private set; }
    public Observatoire.ReglesSecret Regles => resultats.Regles;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var toutes = await ChargerAsync(ct);
        Total = toutes.Count;
        PageCourante = Math.Clamp(PageCourante, 1, Pages);
        Lignes = [.. toutes.Skip((PageCourante - 1) * ParPage).Take(ParPage)];
        Coordonne = (await acces.PsadsCoordonneesAsync(ct)).Count > 0;
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var lignes = await ChargerAsync(ct);
        await journal.EcrireAsync(Tracabilite.Export, "resultats-dispositifs", null, $"export CSV des résultats de {lignes.Count} dispositif(s), calcul du {HeureParis.Tableur(Etat.CalculeLe ?? default)}", ct: ct);
        string[] colonnes = ["dispositif", "nom", "structure", .. TableauResultats.EnTetesCsv];
        return new ExportCsv<Ligne>(lignes.ToAsyncEnumerable(), colonnes,
            l => [l.Id.ToString(CultureInfo.InvariantCulture), l.Nom, l.Structure, .. l.Tableau.CellulesCsv(0, Regles)],
            $"resultats-dispositifs-{HeureParis.NomDeFichier(Etat.CalculeLe ?? default)}.csv");
    }

    /// <summary>The programmes of the snapshot still in the catalogue, by name.</summary>
    private async Task<List<Ligne>> ChargerAsync(CancellationToken ct)
    {
        Etat = await resultats.ActuelAsync(ct);
        var ids = Etat.ParDispositif.Keys.ToList();
        var noms = await db.Dispositifs.AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(d => new { d.Id, d.Nom, Structure = d.Structure!.Nom }).ToListAsync(ct);
        var francais = StringComparer.Create(new CultureInfo("fr-FR"), true);
        return [.. noms.OrderBy(d => d.Nom, francais).ThenBy(d => d.Id).Select(d => new Ligne(d.Id, d.Nom, d.Structure, Etat.ParDispositif[d.Id]))];
    }
}
