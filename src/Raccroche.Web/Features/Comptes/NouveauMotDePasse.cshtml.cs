using Raccroche.Web.Features.Journal;
using Raccroche.Web.Infrastructure;

namespace Raccroche.Web.Features.Comptes;

/// <summary>Choosing a new password from the e-mailed link (Identity's reset token, valid 2 hours, used once).</summary>
[AllowAnonymous]
[EnableRateLimiting(LimitesDebit.Connexion)]
public sealed class NouveauMotDePasseModel(UserManager<Utilisateur> users, Tracabilite journal, Sessions sessions, Donnees.RaccrocheDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? U { get; set; }
    [BindProperty(SupportsGet = true)] public string? Jeton { get; set; }
    [BindProperty] public string? MotDePasse { get; set; }
    [BindProperty] public string? Confirmation { get; set; }
    public bool Fait { get; private set; }
    public Erreurs Erreurs { get; } = new();

    public void OnGet(bool fait = false) => Fait = fait;

    public async Task<IActionResult> OnPostAsync()
    {
        if (ValiderMotDePasse(MotDePasse, Confirmation, Erreurs))
        {
            var user = string.IsNullOrEmpty(U) || U.Length > 100 ? null : await users.FindByIdAsync(U);
            var r = user is null ? null : await users.ResetPasswordAsync(user, Jeton ?? "", MotDePasse!);
            if (r is null || !r.Succeeded)
            {
                foreach (var e in r?.Errors ?? [new IdentityError { Description = "Ce lien n'est plus valable (déjà utilisé ou expiré). Demandez-en un nouveau." }])
                {
                    Erreurs.Ajouter(e.Code.StartsWith("Password", StringComparison.Ordinal) && e.Code != "PasswordMismatch" ? "mot-de-passe" : "lien", e.Description);
                }
            }
            else
            {
                // The owner proved they hold the mailbox: end the pause, and every session opened before
                // (the new security stamp would end them at their next request anyway; this is at once).
                await users.ResetAccessFailedCountAsync(user!);
                await Connexions.LeverPauseAsync(db, user!.Id);
                await sessions.FermerToutesAsync(user.Id);
                await journal.EcrireAsync(Tracabilite.Modification, "compte", user!.Id, "mot de passe réinitialisé", user.Email);
                return RedirectToPage(new { fait = true, u = (string?)null, jeton = (string?)null });
            }
        }

        return Page();
    }

    /// <summary>Shared by the reset and invitation forms: present, confirmed; length and variety are checked by Identity.</summary>
    public static bool ValiderMotDePasse(string? motDePasse, string? confirmation, Erreurs erreurs)
    {
        if (string.IsNullOrEmpty(motDePasse))
        {
            erreurs.Ajouter("mot-de-passe", "Choisissez un mot de passe d'au moins 12 caractères.");
        }
        else if (motDePasse.Length > 200)
        {
            erreurs.Ajouter("mot-de-passe", "Le mot de passe doit compter au plus 200 caractères.");
        }
        else if (motDePasse != confirmation)
        {
            erreurs.Ajouter("confirmation", "Les deux mots de passe ne sont pas identiques.");
        }

        return !erreurs.Any;
    }
}
