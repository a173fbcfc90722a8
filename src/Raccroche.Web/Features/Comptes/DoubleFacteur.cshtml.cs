using Raccroche.Web.Features.Journal;
using Raccroche.Web.Infrastructure;

namespace Raccroche.Web.Features.Comptes;

/// <summary>
/// Setting up the second factor (TOTP, RFC 6238), mandatory for every account: the key as a QR code
/// and as text, a code to prove the app works, then one-time recovery codes shown once.
/// </summary>
[Authorize(Policy = ComptesSetup.PolitiqueConnecte)]
[EnableRateLimiting(LimitesDebit.Connexion)]
public sealed class DoubleFacteurModel(UserManager<Utilisateur> users, SignInManager<Utilisateur> signIn, Tracabilite journal) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    public string Cle { get; private set; } = "";
    public string Svg { get; private set; } = "";
    public IReadOnlyList<string>? CodesSecours { get; private set; }
    public Erreurs Erreurs { get; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/Comptes/Connexion");
        }

        if (user.TwoFactorEnabled)
        {
            if (User.HasClaim("amr", "mfa"))
            {
                return Redirect("/pro");
            }

            await signIn.SignOutAsync();
            return RedirectToPage("/Comptes/Connexion");
        }

        await PreparerCleAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/Comptes/Connexion");
        }

        if (user.TwoFactorEnabled)
        {
            return Redirect("/pro");
        }

        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal);
        if (code.Length != 6 || !code.All(char.IsAsciiDigit)
            || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            Erreurs.Ajouter("code", code.Length == 0
                ? "Saisissez le code à 6 chiffres affiché par votre application."
                : "Ce code ne correspond pas. Vérifiez que l'heure de votre téléphone est à jour et saisissez le code affiché maintenant.");
            await PreparerCleAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        CodesSecours = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 8) ?? []];
        await journal.EcrireAsync(Tracabilite.Modification, "compte", user.Id, "double facteur activé", user.Email);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa")]);
        return Page();
    }

    private async Task PreparerCleAsync(Utilisateur user)
    {
        var cle = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(cle))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            cle = await users.GetAuthenticatorKeyAsync(user) ?? "";

            // A new key changes the security stamp, which ends the sessions opened before it: this one
            // goes on under a fresh session (the others are right to end).
            await signIn.RefreshSignInAsync(user);
        }

        var groupes = new StringBuilder();
        for (var i = 0; i < cle.Length; i += 4)
        {
            groupes.Append(cle.AsSpan(i, Math.Min(4, cle.Length - i))).Append(' ');
        }

        Cle = groupes.ToString().TrimEnd().ToLowerInvariant();
        var uri = $"otpauth://totp/Raccroche:{Uri.EscapeDataString(user.Email ?? user.UserName ?? "")}?secret={cle}&issuer=Raccroche&digits=6";
        Svg = Qr.Svg(uri, 5);
    }
}
