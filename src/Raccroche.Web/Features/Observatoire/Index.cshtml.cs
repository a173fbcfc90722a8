namespace Raccroche.Web.Features.Observatoire;

/// <summary>The observatory's key figures for the region: each indicator's total of the year so far, masked as its table is.</summary>
public sealed class ObservatoireModel(CalculIndicateurs calcul, CalculDelais delais, ChiffresDeContexte contexte, IOptions<ObservatoireOptions> options, TimeProvider clock) : PageModel
{
    public sealed record Chiffre(Indicateur Indicateur, string Texte, string? Taux);

    public int Annee { get; private set; }
    public DateTime CalculeLe { get; private set; }
    public IReadOnlyList<Chiffre> Chiffres { get; private set; } = [];

    /// <summary>Figures published elsewhere (INSEE, DEPP...), as published: see <see cref="ChiffresDeContexte"/>.</summary>
    public IReadOnlyList<ChiffresDeContexte.Chiffre> Contexte { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Annee = HeureParis.Jour(clock.GetUtcNow().UtcDateTime).Year;
        CalculeLe = clock.GetUtcNow().UtcDateTime;
        var regles = options.Value.Regles;
        var chiffres = new List<Chiffre>();
        foreach (var i in RegistreIndicateurs.Tous)
        {
            if (i.Comptage == Comptage.Delai)
            {
                var d = await delais.CalculerAsync(i, new Selection(Annee, Territoire.Region, Ventilation.Psad, Periodicite.Mois), regles, ct);
                chiffres.Add(new Chiffre(i, "médiane " + TableauDelais.Texte(d.Total.Mediane), null));
                continue;
            }

            var t = await calcul.CalculerAsync(i, new Selection(Annee, Territoire.Region, Ventilation.Psad, Periodicite.Mois), regles, ct);
            chiffres.Add(new Chiffre(i, t.Texte(t.Total, Grille.Annee, regles), t.Taux.Count > t.Total ? t.Taux[t.Total] : null));
        }

        Chiffres = chiffres;
        Contexte = await contexte.RegionauxAsync(ct);
    }
}
