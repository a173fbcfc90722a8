using Raccroche.Web.Features.Journal;
using Raccroche.Web.Infrastructure;

namespace Raccroche.Web.Features.Comptes;

/// <summary>Sign-in, step two: the 6-digit code of the authenticator app, or a one-time recovery code.</summary>
[AllowAnonymous]
[EnableRateLimiting(LimitesDebit.Connexion)]
public sealed class ConnexionCodeModel(SignInManager<Utilisateur> signIn, UserManager<Utilisateur> users, Raccroche.Web.Donnees.RaccrocheDbContext db, Tracabilite journal) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public Erreurs Erreurs { get; } = new();

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Comptes/Connexion") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Comptes/Connexion");
        }

        var code = (Code ?? "").Trim();
        if (code.Length == 0)
        {
            Erreurs.Ajouter("code", "Saisissez le code à 6 chiffres affiché par votre application.");
            return Page();
        }

        // Six digits: the authenticator; anything else is read as a recovery code (XXXXX-XXXXX, dash and case free).
        var chiffres = code.Replace(" ", "", StringComparison.Ordinal);
        var secours = !(chiffres.Length == 6 && chiffres.All(char.IsAsciiDigit));
        var r = secours
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(code.Length > 100 ? "" : code)
            : await signIn.TwoFactorAuthenticatorSignInAsync(chiffres, isPersistent: false, rememberClient: false);
        if (!r.Succeeded && secours && !r.IsLockedOut)
        {
            // Identity counts wrong authenticator codes, not wrong recovery codes: count those too.
            await users.AccessFailedAsync(user);
        }

        // Identity saved the user row from this request's copy; if another request changed it meanwhile,
        // that failed save stays pending in the context and must not be replayed with the audit line.
        db.ChangeTracker.Clear();
        if (!r.Succeeded)
        {
            await journal.EcrireAsync(Tracabilite.Connexion, "compte", user.Id,
                r.IsLockedOut ? "code de double facteur refusé : compte verrouillé" : secours ? "échec du code de secours" : "échec du code de double facteur", user.Email);
        }

        if (r.IsLockedOut)
        {
            Erreurs.Ajouter("code", "Ce compte est verrouillé pendant 15 minutes après plusieurs essais infructueux.");
            return Page();
        }

        if (!r.Succeeded)
        {
            Erreurs.Ajouter("code", "Ce code n'est pas valable. Vérifiez l'heure de votre téléphone ou utilisez un code de secours.");
            return Page();
        }

        await journal.EcrireAsync(Tracabilite.Connexion, "compte", user.Id, secours ? "connexion avec un code de secours" : "connexion avec double facteur", user.Email);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl!.StartsWith("/pro", StringComparison.Ordinal) ? ReturnUrl : "/pro");
    }
}
