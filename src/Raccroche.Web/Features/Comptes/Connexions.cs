using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Raccroche.Web.Features.Journal;

namespace Raccroche.Web.Features.Comptes;

/// <summary>What the password step leads to.</summary>
public enum EtapeConnexion
{
    /// <summary>Unknown address, wrong password, or an account pausing after failures: one message for all.</summary>
    Refusee,

    /// <summary>Right password: the authenticator code comes next.</summary>
    CodeDemande,

    /// <summary>Right password, no second factor yet: only its set-up page is open.</summary>
    DoubleFacteurAActiver,
}

/// <summary>
/// Identity's sign-in with Raccroche's rules:
/// <list type="bullet">
/// <item>every sign-in opens a <see cref="SessionPro"/> (its id goes in the cookie) and every sign-out closes it;</item>
/// <item>wrong passwords make the account pause between attempts, longer and longer (never a lock that a
/// stranger can renew: attempts during a pause are not counted, a browser where the owner completed a
/// sign-in before is spared up to 20 failures, and a password reset by e-mail ends the pause);</item>
/// <item>an unknown address costs the same password hash as a known one and gets the same answer.</item>
/// </list>
/// </summary>
public sealed class Connexions(
    UserManager<Utilisateur> users,
    IHttpContextAccessor http,
    IUserClaimsPrincipalFactory<Utilisateur> fabrique,
    IOptions<IdentityOptions> identite,
    ILogger<SignInManager<Utilisateur>> logger,
    IAuthenticationSchemeProvider schemas,
    IUserConfirmation<Utilisateur> confirmation,
    Sessions sessions,
    Tracabilite journal,
    Donnees.RaccrocheDbContext db,
    IDataProtectionProvider protection,
    IOptions<ConnexionOptions> options,
    TimeProvider clock)
    : SignInManager<Utilisateur>(users, http, fabrique, identite, logger, schemas, confirmation)
{
    /// <summary>Failures before the first pause.</summary>
    public const int EchecsAvantPause = 5;

    /// <summary>The owner's browser is spared the pause, but not for ever: past this many failures it pauses too (a shared or stolen browser).</summary>
    public const int EchecsAvantPauseAppareilConnu = 20;

    private const string ButAppareil = "Raccroche.AppareilConnu.v1";
    private static readonly TimeSpan PausePremiere = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PauseMaximale = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan DureeAppareil = TimeSpan.FromDays(180);
    private static string? _hashFactice;

    private IDataProtector Protecteur => protection.CreateProtector(ButAppareil);

    /// <summary>The pause after <paramref name="echecs"/> counted failures: none, then 30 s doubling up to 15 minutes.</summary>
    public static TimeSpan? Pause(int echecs) => echecs < EchecsAvantPause
        ? null
        : TimeSpan.FromTicks(Math.Min(PauseMaximale.Ticks, PausePremiere.Ticks << Math.Min(echecs - EchecsAvantPause, 10)));

    /// <summary>Step one: the e-mail address and the password.</summary>
    public async Task<EtapeConnexion> VerifierMotDePasseAsync(string courriel, string motDePasse)
    {
        var user = courriel.Length is 0 or > 256 || motDePasse.Length > 1000 ? null : await UserManager.FindByEmailAsync(courriel);
        if (user is null)
        {
            HacherPourRien(motDePasse);
            await journal.EcrireAsync(Tracabilite.Connexion, "compte", null, "échec de connexion : adresse inconnue", "anonyme");
            return EtapeConnexion.Refusee;
        }

        // Take the attempt before checking anything: one conditional UPDATE, so that parallel tries are
        // each counted and none slips through a pause that another one is about to set.
        var maintenant = clock.GetUtcNow().UtcDateTime;
        var provisoire = maintenant + PausePremiere;
        var appareilConnu = AppareilConnu(user);
        await EtatConnexion.AssurerAsync(db, user.Id);
        var etat = db.EtatsConnexion.Where(e => e.UtilisateurId == user.Id);
        etat = appareilConnu
            ? etat.Where(e => e.PauseJusquA == null || e.PauseJusquA <= maintenant || e.Echecs < EchecsAvantPauseAppareilConnu)
            : etat.Where(e => e.PauseJusquA == null || e.PauseJusquA <= maintenant);
        var pris = await etat.ExecuteUpdateAsync(u => u
            .SetProperty(e => e.Echecs, e => e.Echecs + 1)
            .SetProperty(e => e.PauseJusquA, e => e.Echecs + 1 >= EchecsAvantPause && (e.PauseJusquA == null || e.PauseJusquA < provisoire) ? provisoire : e.PauseJusquA));
        if (pris == 0)
        {
            HacherPourRien(motDePasse);
            await journal.EcrireAsync(Tracabilite.Connexion, "compte", user.Id, "essai refusé : compte en pause après plusieurs échecs", user.Email);
            return EtapeConnexion.Refusee;
        }

        if (!await UserManager.CheckPasswordAsync(user, motDePasse))
        {
            var echecs = await db.EtatsConnexion.Where(e => e.UtilisateurId == user.Id).Select(e => e.Echecs).FirstAsync();
            if (Pause(echecs) is { } p)
            {
                var fin = maintenant + p;
                await db.EtatsConnexion.Where(e => e.UtilisateurId == user.Id && (e.PauseJusquA == null || e.PauseJusquA < fin))
                    .ExecuteUpdateAsync(u => u.SetProperty(e => e.PauseJusquA, fin));
            }

            await journal.EcrireAsync(Tracabilite.Connexion, "compte", user.Id, "échec de connexion : mot de passe incorrect", user.Email);
            return EtapeConnexion.Refusee;
        }

        await LeverPauseAsync(db, user.Id);

        // What PasswordSignInAsync would check too: an account locked by failed codes, or not allowed to sign in.
        if (await PreSignInCheck(user) is { } bloque)
        {
            await journal.EcrireAsync(Tracabilite.Connexion, "compte", user.Id, bloque.IsLockedOut ? "connexion refusée : compte verrouillé après des codes erronés" : "connexion refusée", user.Email);
            return EtapeConnexion.Refusee;
        }

        var r = await SignInOrTwoFactorAsync(user, isPersistent: false);
        return r.RequiresTwoFactor ? EtapeConnexion.CodeDemande
            : r.Succeeded ? EtapeConnexion.DoubleFacteurAActiver
            : EtapeConnexion.Refusee;
    }

    /// <summary>A right password, or a password reset by e-mail, ends the pause and the count.</summary>
    public static Task LeverPauseAsync(Donnees.RaccrocheDbContext db, string utilisateurId) =>
        db.EtatsConnexion.Where(e => e.UtilisateurId == utilisateurId && (e.Echecs > 0 || e.PauseJusquA != null))
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.Echecs, 0).SetProperty(e => e.PauseJusquA, (DateTime?)null));

    /// <summary>Every sign-in (password only, with the code, after enrolment) replaces the current session by a new one.</summary>
    public override async Task SignInWithClaimsAsync(Utilisateur user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var claims = additionalClaims.ToList();
        await sessions.FermerAsync(Context.User);
        claims.Add(new Claim(Sessions.Claim, await sessions.OuvrirAsync(user)));
        await base.SignInWithClaimsAsync(user, authenticationProperties, claims);
        if (claims.Exists(c => c.Type == "amr" && c.Value == "mfa"))
        {
            RetenirAppareil(user);
        }
    }

    public override async Task SignOutAsync()
    {
        await sessions.FermerAsync(Context.User);
        await base.SignOutAsync();
    }

    /// <summary>
    /// A browser where this account completed both factors within 180 days, since its last password or
    /// second-factor change (the cookie carries a digest of the security stamp, so a reset revokes it).
    /// </summary>
    private bool AppareilConnu(Utilisateur user)
    {
        if (Context.Request.Cookies[options.Value.NomCookieAppareil] is not { Length: > 0 and < 1000 } valeur)
        {
            return false;
        }

        try
        {
            var parts = Protecteur.Unprotect(valeur).Split('|');
            return parts.Length == 3 && parts[0] == user.Id && parts[2] == Sessions.Empreinte(user.SecurityStamp ?? "")
                && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var emis)
                && clock.GetUtcNow().UtcDateTime - new DateTime(emis, DateTimeKind.Utc) < DureeAppareil;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }

    private void RetenirAppareil(Utilisateur user)
    {
        var emis = clock.GetUtcNow().UtcDateTime;
        Context.Response.Cookies.Append(options.Value.NomCookieAppareil,
            Protecteur.Protect(string.Create(CultureInfo.InvariantCulture, $"{user.Id}|{emis.Ticks}|{Sessions.Empreinte(user.SecurityStamp ?? "")}")),
            new CookieOptions
            {
                HttpOnly = true,
                Secure = options.Value.CookiesSecurises || Context.Request.IsHttps,
                SameSite = SameSiteMode.Strict,
                Path = "/",
                Expires = emis + DureeAppareil,
                IsEssential = true,
            });
    }

    /// <summary>Costs what checking a real password costs, so that an unknown address answers as slowly as a known one.</summary>
    private void HacherPourRien(string motDePasse)
    {
        var factice = new Utilisateur { NomAffiche = "", Role = "" };
        _hashFactice ??= UserManager.PasswordHasher.HashPassword(factice, "mot de passe factice de comparaison");
        _ = UserManager.PasswordHasher.VerifyHashedPassword(factice, _hashFactice, motDePasse);
    }
}

/// <summary>Cookie settings shared by the sign-in pieces.</summary>
public sealed class ConnexionOptions
{
    public bool CookiesSecurises { get; set; }
    public string NomCookieAppareil => CookiesSecurises ? "__Host-raccroche.appareil" : "raccroche.appareil";
}
