using Raccroche.Web.Features.Journal;

namespace Raccroche.Web.Features.Resultats;

/// <summary>
/// One programme's outcomes (<c>/pro/resultats/{id}</c>): the whole, then by age band, sex, diploma and PSAD, masked as
/// one table (a total is the same on every axis), and the same as CSV. For every professional; a programme that does not
/// exist is 404, one never proposed says so.
/// </summary>
public sealed class DispositifModel(ResultatsDispositifs resultats, RaccrocheDbContext db, Tracabilite journal) : PageModel
{
    public int Id { get; private set; }
    public string Nom { get; private set; } = "";
    public string Slug { get; private set; } = "";
    public string Structure { get; private set; } = "";
    public EtatResultats Etat { get; private set; } = EtatResultats.Vide;
    public TableauResultats? Tableau { get; private set; }
    public Observatoire.ReglesSecret Regles => resultats.Regles;

    public static readonly IReadOnlyList<AxeResultats> Axes = [AxeResultats.Age, AxeResultats.Sexe, AxeResultats.Diplome, AxeResultats.Territoire];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await ChargerAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(int id, CancellationToken ct)
    {
        if (!await ChargerAsync(id, ct) || Tableau is not { } t)
        {
            return NotFound();
        }

        await journal.EcrireAsync(Tracabilite.Export, "resultats-dispositifs", Id.ToString(CultureInfo.InvariantCulture), $"export CSV des résultats du dispositif {Id}", ct: ct);
        string[] colonnes = ["axe", "code", "ligne", .. TableauResultats.EnTetesCsv];
        return new ExportCsv<int>(Enumerable.Range(0, t.Lignes.Count).ToAsyncEnumerable(), colonnes,
            l => [t.Lignes[l].Axe.Libelle(), t.Lignes[l].Code, t.Lignes[l].Libelle, .. t.CellulesCsv(l, Regles)],
            $"resultats-dispositif-{Id}.csv");
    }

    private async Task<bool> ChargerAsync(int id, CancellationToken ct)
    {
        var d = await db.Dispositifs.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.Id, x.Nom, x.Slug, Structure = x.Structure!.Nom }).FirstOrDefaultAsync(ct);
        if (d is null)
        {
            return false;
        }

        (Id, Nom, Slug, Structure) = (d.Id, d.Nom, d.Slug, d.Structure);
        Etat = await resultats.ActuelAsync(ct);
        Tableau = Etat.De(id);
        return true;
    }
}
