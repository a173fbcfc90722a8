using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Raccroche.Web.Data;
using Raccroche.Web.Features.Contact;
using Raccroche.Web.Features.Search;
using Raccroche.Web.Infrastructure;

namespace Raccroche.Web.Features.Accounts;

/// <summary>Asks for a reset link by e-mail. The answer is the same whether the account exists or not.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimiting.Connexion)]
public sealed class MotDePasseOublieModel(UserManager<Utilisateur> users, AppDbContext db, Invitations invitations, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Courriel { get; set; }
    public bool Envoye { get; private set; }
    public Erreurs Erreurs { get; } = new();

    public void OnGet(bool envoye = false) => Envoye = envoye;

    public async Task<IActionResult> OnPostAsync()
    {
        var courriel = Courriel?.Trim() ?? "";
        if (courriel.Length is 0 or > 256 || !System.Net.Mail.MailAddress.TryCreate(courriel, out _))
        {
            Erreurs.Ajouter("courriel", "Indiquez une adresse e-mail valide (ex. prenom.nom@structure.fr).");
            return Page();
        }

        if (await users.FindByEmailAsync(courriel) is { } user)
        {
            var jeton = await users.GeneratePasswordResetTokenAsync(user);
            var lien = $"{invitations.UrlPublique}/pro/mot-de-passe/nouveau?u={Uri.EscapeDataString(user.Id)}&jeton={Uri.EscapeDataString(jeton)}";
            db.MessagesSortants.Add(Courrier.Preparer(courriel, "Réinitialiser votre mot de passe Raccroche",
                $"Bonjour,\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable 2 heures) :\n{lien}\n\n" +
                "Si vous n'avez rien demandé, ignorez ce message : votre mot de passe actuel reste valable.\n\nL'équipe Raccroche",
                clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
        }

        return RedirectToPage(new { envoye = true });
    }
}
