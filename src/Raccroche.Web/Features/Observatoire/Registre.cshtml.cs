namespace Raccroche.Web.Features.Observatoire;

/// <summary>The registry of indicators as a public page: the definitions behind every figure.</summary>
public sealed class RegistreModel(IOptions<ObservatoireOptions> options) : PageModel
{
    public int CacheSecondes => options.Value.CacheSecondes;

    /// <summary>The breakdowns of the region and of a département that exist for an indicator, in words.</summary>
    public IEnumerable<string> Ventilations(Indicateur i) =>
        Territoire.Region.Ventilations.Where(v => CalculIndicateurs.Existe(i, Territoire.Region, v)).Select(v => $"région {v.Libelle()}")
            .Concat(CalculIndicateurs.Existe(i, Territoire.Departement("63"), Ventilation.Epci) ? ["département par intercommunalité"] : [])
            .Concat(i.Comptage == Comptage.Personnes ? ["PSAD par structure, âge ou niveau (coordinateurs de la PSAD)"] : []);

    public void OnGet()
    {
    }
}
