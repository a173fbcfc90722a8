using Raccroche.Web.Features.Courriers;
using Raccroche.Web.Infrastructure;

namespace Raccroche.Web.Features.Comptes;

/// <summary>Asks for a reset link by e-mail. The answer is the same whether the account exists or not.</summary>
[AllowAnonymous]
[EnableRateLimiting(LimitesDebit.Connexion)]
public sealed class MotDePasseOublieModel(UserManager<Utilisateur> users, RaccrocheDbContext db, Invitations invitations, Journal.Tracabilite journal, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Courriel { get; set; }
    public bool Envoye { get; private set; }
    public Erreurs Erreurs { get; } = new();

    public void OnGet(bool envoye = false) => Envoye = envoye;

    public async Task<IActionResult> OnPostAsync()
    {
        var courriel = Courriel?.Trim() ?? "";
        if (!Saisie.EstCourriel(courriel, 256))
        {
            Erreurs.Ajouter("courriel", "Indiquez une adresse e-mail valide (ex. prenom.nom@structure.fr).");
            return Page();
        }

        var user = await users.FindByEmailAsync(courriel);
        journal.Ajouter(Journal.Tracabilite.Connexion, "compte", user?.Id,
            user is null ? "demande de réinitialisation du mot de passe : adresse inconnue" : "demande de réinitialisation du mot de passe", user?.Email ?? "anonyme");
        if (user?.Email is { } adresse)
        {
            var jeton = await users.GeneratePasswordResetTokenAsync(user);
            var lien = $"{invitations.UrlPublique}/pro/mot-de-passe/nouveau?u={Uri.EscapeDataString(user.Id)}&jeton={Uri.EscapeDataString(jeton)}";
            // To the address of the account, never to the typed one: lookups ignore case (and Unicode
            // folds "ı" into "I"), so the typed address may be someone else's that only looks the same.
            db.MessagesSortants.Add(Courrier.Preparer(adresse, "Réinitialiser votre mot de passe Raccroche",
                $"Bonjour,\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable 2 heures) :\n{lien}\n\n" +
                "Si vous n'avez rien demandé, ignorez ce message : votre mot de passe actuel reste valable.\n\nL'équipe Raccroche",
                clock.GetUtcNow().UtcDateTime));
        }

        await db.SaveChangesAsync();

        return RedirectToPage(new { envoye = true });
    }
}
