using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Demandes;

using Raccroche.Web.Features.Propositions;

namespace Raccroche.Web.Features.Diagnostic;

/// <summary>
/// "Être recontacté·e": a short form; post-redirect-get to a confirmation with a reference. The page is
/// reached by a GET carrying the answers (decision 0005); the form then posts them in hidden fields to a
/// bare URL, so once a name or a phone number is typed, neither they nor the answers appear in any URL.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Raccroche.Web.Infrastructure.LimitesDebit.Formulaires)]
[ReaffichableSansBase]
public sealed class RecontactModel(InstantaneCatalogue instantane, RaccrocheDbContext db, Recontact recontact) : PageModel
{
    [BindProperty] public SaisieContact Saisie { get; set; } = new();

    public Reponses Reponses { get; private set; } = new();
    public Profil Profil { get; private set; } = null!;
    public string? Dispositif { get; private set; }
    public int? DispositifId { get; private set; }
    public Erreurs Erreurs { get; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await Preparer(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await Preparer(ct) is { } redirection)
        {
            return redirection;
        }

        // A bot filling the honeypot gets a made-up reference too (Recontact.EstUnRobot): nothing is stored.
        var resultat = await recontact.CreerAsync(Saisie, Profil, DispositifId, ct, Reponses.Campagne);
        if (!resultat.Reussi)
        {
            Erreurs.Ajouter(resultat.Erreurs);
            return Page();
        }

        return RedirectToPage("/Diagnostic/Merci", new { reference = resultat.Valeur.Reference });
    }

    private async Task<IActionResult?> Preparer(CancellationToken ct)
    {
        var envoi = HttpMethods.IsPost(Request.Method);
        Reponses = envoi ? Questionnaire.Lire(Request.Form, instantane.Communes) : Questionnaire.Lire(Request.Query, instantane.Communes);
        if (Reponses.EnProfil() is not { } profil || Reponses.Erreurs.Count > 0)
        {
            // After a post (which a person only sends with valid answers), the answers stay out of the URL.
            return Redirect(envoi ? "/diagnostic" : "/diagnostic" + QueryString.Create(Reponses.EnParametres()!));
        }

        Profil = profil;
        if (int.TryParse(envoi ? Request.Form["dispositif"] : Request.Query["dispositif"], out var id))
        {
            Dispositif = await db.Dispositifs.AsNoTracking().Where(d => d.Id == id).Select(d => d.Nom).FirstOrDefaultAsync(ct);
            DispositifId = Dispositif is null ? null : id;
        }

        return null;
    }

    /// <summary>The hidden fields of the form: the answers, and the chosen programme if any.</summary>
    public IEnumerable<KeyValuePair<string, string>> ChampsCaches => DispositifId is { } id
        ? Reponses.EnParametres().Append(new("dispositif", id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        : Reponses.EnParametres();

    public string LienResultats => "/diagnostic/resultats" + QueryString.Create(Reponses.EnParametres()!);
}
