using Raccroche.Web.Features.Decrocheurs;
using Raccroche.Web.Infrastructure;

namespace Raccroche.Web.Features.Reponse;

/// <summary>
/// The personal link's page (<c>/r/{jeton}</c>): four answers, no account, no JavaScript needed, nothing shown about the young
/// person; a check-in's link (<see cref="NatureMessage.PointSuivi"/>) asks instead whether the young person is still in their
/// training or job (three answers). An unknown, expired or spent link answers 404 with the same page whatever the reason.
/// </summary>
[EnableRateLimiting(LimitesDebit.LienPersonnel)]
public sealed class ReponseModel(ReponsesJeune reponses) : PageModel
{
    /// <summary>The guardian is addressed with "vous", the young person with "tu".</summary>
    public bool Vous { get; private set; }
    public bool Invalide { get; private set; }

    /// <summary>The link of a check-in after a solution: "tu y es toujours ?" instead of the four answers.</summary>
    public bool Point { get; private set; }
    public Erreurs Erreurs { get; } = new();

    /// <summary>The form that was posted (its errors are shown beside it, and it stays open).</summary>
    public ChoixReponse? Poste { get; private set; }

    [BindProperty] public List<string> Moments { get; set; } = [];
    [BindProperty] public List<string> DemiJournees { get; set; } = [];
    [BindProperty] public string? Situation { get; set; }
    [BindProperty] public string? Precision { get; set; }
    [BindProperty] public string? ReponsePoint { get; set; }
    [BindProperty] public string? PrecisionPoint { get; set; }

    public async Task<IActionResult> OnGetAsync(string jeton, CancellationToken ct) => await AfficherAsync(jeton, ct);

    public Task<IActionResult> OnPostRappelAsync(string jeton, CancellationToken ct) => RepondreAsync(jeton, ChoixReponse.Rappel, Moments, ct);

    public Task<IActionResult> OnPostRendezVousAsync(string jeton, CancellationToken ct) => RepondreAsync(jeton, ChoixReponse.RendezVous, DemiJournees, ct);

    public Task<IActionResult> OnPostDejaEnSolutionAsync(string jeton, CancellationToken ct) => RepondreAsync(jeton, ChoixReponse.DejaEnSolution, [], ct);

    public Task<IActionResult> OnPostNePasContacterAsync(string jeton, CancellationToken ct) => RepondreAsync(jeton, ChoixReponse.NePasContacter, [], ct);

    public async Task<IActionResult> OnPostPointAsync(string jeton, CancellationToken ct)
    {
        var reponse = ValeursFermees.Lire<ReponsePoint>(ReponsePoint);
        var r = await reponses.RepondrePointAsync(jeton, reponse, PrecisionPoint, ct);
        if (r.Reussi)
        {
            return Redirect("/r/merci?point=" + reponse!.Value.Code());
        }

        if (r.Refus == Refus.Interdit)
        {
            return Refuser();
        }

        Erreurs.Ajouter(r.Erreurs);
        return await AfficherAsync(jeton, ct);
    }

    private async Task<IActionResult> RepondreAsync(string jeton, ChoixReponse choix, List<string> creneaux, CancellationToken ct)
    {
        var r = await reponses.RepondreAsync(jeton, choix, creneaux, ValeursFermees.Lire<SituationDeclaree>(Situation), Precision, ct);
        if (r.Reussi)
        {
            return Redirect("/r/merci?choix=" + choix.Code());
        }

        if (r.Refus == Refus.Interdit)
        {
            return Refuser();
        }

        Poste = choix;
        Erreurs.Ajouter(r.Erreurs);
        return await AfficherAsync(jeton, ct);
    }

    private async Task<IActionResult> AfficherAsync(string jeton, CancellationToken ct)
    {
        var message = await reponses.OuvertAsync(jeton, ct);
        if (message is null)
        {
            return Refuser();
        }

        Vous = message.Destinataire == DestinataireContact.ResponsableLegal;
        Point = message.PointSuiviId is not null;
        return Page();
    }

    private PageResult Refuser()
    {
        Invalide = true;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
