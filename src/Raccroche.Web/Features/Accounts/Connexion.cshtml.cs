using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Raccroche.Web.Features.Audit;
using Raccroche.Web.Features.Search;
using Raccroche.Web.Infrastructure;

namespace Raccroche.Web.Features.Accounts;

/// <summary>Sign-in, step one: e-mail and password (lockout after 5 failures, rate limited per address).</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimiting.Connexion)]
public sealed class ConnexionModel(SignInManager<Utilisateur> signIn, UserManager<Utilisateur> users, Journal journal) : PageModel
{
    [BindProperty] public string? Courriel { get; set; }
    [BindProperty] public string? MotDePasse { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public Erreurs Erreurs { get; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var courriel = Courriel?.Trim() ?? "";
        if (courriel.Length == 0)
        {
            Erreurs.Ajouter("courriel", "Indiquez votre adresse e-mail.");
        }

        if (string.IsNullOrEmpty(MotDePasse))
        {
            Erreurs.Ajouter("mot-de-passe", "Indiquez votre mot de passe.");
        }

        if (Erreurs.Any)
        {
            return Page();
        }

        var user = courriel.Length > 256 ? null : await users.FindByEmailAsync(courriel);
        if (user is null)
        {
            Erreurs.Ajouter("courriel", "Adresse e-mail ou mot de passe incorrect.");
            return Page();
        }

        var r = await signIn.PasswordSignInAsync(user, MotDePasse!, isPersistent: false, lockoutOnFailure: true);
        if (r.IsLockedOut)
        {
            await journal.EcrireAsync(Journal.Connexion, "compte", user.Id, "compte verrouillé après plusieurs échecs", user.Email);
            Erreurs.Ajouter("courriel", "Ce compte est verrouillé pendant 15 minutes après plusieurs essais infructueux. Vous pouvez aussi réinitialiser votre mot de passe.");
            return Page();
        }

        if (r.RequiresTwoFactor)
        {
            return RedirectToPage("/Accounts/ConnexionCode", new { returnUrl = ReturnUrl });
        }

        if (!r.Succeeded)
        {
            Erreurs.Ajouter("courriel", "Adresse e-mail ou mot de passe incorrect.");
            return Page();
        }

        // Password only: the second factor must be set up before anything else.
        return RedirectToPage("/Accounts/DoubleFacteur");
    }
}
