using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Raccroche.Web.Features.Audit;
using Raccroche.Web.Features.Search;
using Raccroche.Web.Infrastructure;

namespace Raccroche.Web.Features.Accounts;

/// <summary>Sign-in, step two: the 6-digit code of the authenticator app, or a one-time recovery code.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimiting.Connexion)]
public sealed class ConnexionCodeModel(SignInManager<Utilisateur> signIn, Journal journal) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public Erreurs Erreurs { get; } = new();

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Accounts/Connexion") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Accounts/Connexion");
        }

        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (code.Length == 0)
        {
            Erreurs.Ajouter("code", "Saisissez le code à 6 chiffres affiché par votre application.");
            return Page();
        }

        var r = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(code);
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

        await journal.EcrireAsync(Journal.Connexion, "compte", user.Id, "connexion avec double facteur", user.Email);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl!.StartsWith("/pro", StringComparison.Ordinal) ? ReturnUrl : "/pro");
    }
}
