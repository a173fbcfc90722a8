using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Raccroche.Web.Features.Accounts;

/// <summary>Sign-out is a POST (with the antiforgery token); GET shows a button.</summary>
[Authorize(Policy = AccountsSetup.PolitiqueConnecte)]
public sealed class DeconnexionModel(SignInManager<Utilisateur> signIn, Audit.Journal journal) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // The session row is closed too: a copy of the cookie is worthless from now on.
        await journal.EcrireAsync(Audit.Journal.Connexion, "compte", User.FindFirstValue(ClaimTypes.NameIdentifier), "déconnexion");
        await signIn.SignOutAsync();
        return Redirect("/pro/connexion");
    }
}
