using Raccroche.Web.Infrastructure;

namespace Raccroche.Web.Features.Comptes;

/// <summary>Sign-in, step one: e-mail and password (pauses after failures, see <see cref="Connexions"/>; rate limited per address).</summary>
[AllowAnonymous]
[EnableRateLimiting(LimitesDebit.Connexion)]
public sealed class ConnexionModel(Connexions connexions) : PageModel
{
    public const string MessageRefus = "Adresse e-mail ou mot de passe incorrect. Après plusieurs échecs, le compte attend quelques minutes entre deux essais, sauf depuis un appareil où vous vous êtes déjà connecté·e ; vous pouvez aussi réinitialiser votre mot de passe.";

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

        switch (await connexions.VerifierMotDePasseAsync(courriel, MotDePasse!))
        {
            case EtapeConnexion.CodeDemande:
                return RedirectToPage("/Comptes/ConnexionCode", new { returnUrl = ReturnUrl });
            case EtapeConnexion.Refusee:
                // One answer for an unknown address, a wrong password and a pausing account: none tells which.
                Erreurs.Ajouter("courriel", MessageRefus);
                return Page();
        }

        // Password only: the second factor must be set up before anything else.
        return RedirectToPage("/Comptes/DoubleFacteur");
    }
}
