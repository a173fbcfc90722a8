using Raccroche.Web.Infrastructure;

namespace Raccroche.Web.Features.Comptes;

/// <summary>
/// Sign-in, step one: e-mail and password (pauses after failures, see <see cref="Connexions"/>; rate limited per address,
/// and per account whatever the address: RateLimiting:ConnexionParCompte attempts per 15 minutes, counted in the database).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(LimitesDebit.Connexion)]
public sealed class ConnexionModel(Connexions connexions, CompteursDebit compteurs, LimitesDebit.LimitesOptions limites) : PageModel
{
    public const string MessageTropDeTentatives = "Trop de tentatives de connexion à ce compte en peu de temps : attendez un quart d'heure avant de réessayer, ou réinitialisez votre mot de passe.";

    public static readonly TimeSpan FenetreCompte = TimeSpan.FromMinutes(15);

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

        // Per account, from any address: many addresses (a botnet) cannot try one account's passwords faster than one.
        if (!await compteurs.AccepterAsync(CleCompte(courriel), limites.ConnexionParCompte, FenetreCompte, HttpContext.RequestAborted))
        {
            Erreurs.Ajouter("courriel", MessageTropDeTentatives);
            return new PageResult { StatusCode = StatusCodes.Status429TooManyRequests };
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

    /// <summary>The account's counter key: a digest of the address as typed (case and spaces aside), never the address itself.</summary>
    public static string CleCompte(string courriel) =>
        "compte:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(courriel.Trim().ToLowerInvariant())))[..40];
}
