
namespace Raccroche.Web.Features.Comptes;

/// <summary>Sign-out is a POST (with the antiforgery token); GET shows a button.</summary>
[Authorize(Policy = ComptesSetup.PolitiqueConnecte)]
public sealed class DeconnexionModel(SignInManager<Utilisateur> signIn, Journal.Tracabilite journal) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // The session row is closed too: a copy of the cookie is worthless from now on.
        await journal.EcrireAsync(Journal.Tracabilite.Connexion, "compte", User.FindFirstValue(ClaimTypes.NameIdentifier), "déconnexion");
        await signIn.SignOutAsync();
        return Redirect("/pro/connexion");
    }
}
