namespace Raccroche.Web.Features.Observatoire;

/// <summary>One external indicator (<c>/observatoire/contexte/{code}</c>): its values by territory and period, each with its source and licence.</summary>
public sealed class ContexteModel(ChiffresDeContexte contexte) : PageModel
{
    public IReadOnlyList<ChiffresDeContexte.Chiffre> Lignes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        Lignes = await contexte.IndicateurAsync(code.ToLowerInvariant(), ct);
        return Lignes.Count == 0 ? NotFound() : Page();
    }
}
