using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Authorization;

namespace Raccroche.Web.Features.Comptes;

/// <summary>
/// Accounts of the professional space: ASP.NET Core Identity over the app's EF context, a cookie
/// that carries the role, structure and territory, two-factor mandatory for every page under /pro,
/// and the Data Protection key ring kept in the database so several instances share it.
/// </summary>
public static class ComptesSetup
{
    public const string PolitiquePro = "pro";
    public const string PolitiqueConnecte = "connecte";
    public const string ClaimStructure = "structure";
    public const string ClaimTerritoire = "territoire";
    public const string ClaimNom = "nom";

    /// <summary>The Items key of a session that could not be checked because the database was unavailable.</summary>
    private const string SessionNonVerifiee = "raccroche.session-non-verifiee";

    /// <summary>
    /// After authentication: a request whose session could not be checked (database unavailable) goes no further than
    /// the error page (503), which the exception handler then renders with the posted form kept.
    /// </summary>
    public static IApplicationBuilder UseSessionsVerifiees(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Items[SessionNonVerifiee] is Exception e && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e).Throw();
        }

        return next(context);
    });

    public static IServiceCollection AddComptes(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        ProtectionCles.Configurer(services.AddDataProtection(), config, env);
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<Utilisateur>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedEmail = false;
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.Password.RequiredUniqueChars = 5;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.Tokens.AuthenticatorIssuer = "Raccroche";
                o.Tokens.AuthenticatorTokenProvider = CodeTotpUnique.Nom;
            })
            .AddEntityFrameworkStores<RaccrocheDbContext>()
            .AddUserStore<StockageComptes>()
            .AddSignInManager<Connexions>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<CodeTotpUnique>(CodeTotpUnique.Nom)
            .AddErrorDescriber<ErreursIdentite>()
            .AddClaimsPrincipalFactory<FabriqueIdentite>();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(2));
        services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((o, clock) =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(5);
            o.TimeProvider = clock;

            // The principal rebuilt from the database knows nothing of how the user signed in: keep
            // the second factor (only if it was there) and the session id, or the "pro" policy fails.
            o.OnRefreshingPrincipal = ctx =>
            {
                var identite = ctx.NewPrincipal?.Identities.FirstOrDefault();
                foreach (var c in ctx.CurrentPrincipal?.Claims.Where(c => (c.Type == "amr" && c.Value == "mfa") || c.Type == Sessions.Claim).ToList() ?? [])
                {
                    if (identite is not null && !identite.HasClaim(c.Type, c.Value))
                    {
                        identite.AddClaim(new Claim(c.Type, c.Value));
                    }
                }

                return Task.CompletedTask;
            };
        });

        var securise = config.GetValue("Securite:CookiesSecurises", !env.IsDevelopment());
        var session = config.GetSection("Session").Get<SessionOptions>() ?? new SessionOptions();
        services.Configure<SessionOptions>(config.GetSection("Session"));
        services.Configure<ConnexionOptions>(o => o.CookiesSecurises = securise);
        foreach (var schema in new[] { IdentityConstants.ApplicationScheme, IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme })
        {
            services.AddOptions<CookieAuthenticationOptions>(schema).Configure<TimeProvider>((o, clock) => o.TimeProvider = clock);
        }

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/pro/connexion";
            o.LogoutPath = "/pro/deconnexion";

            // __Host-: sent only over HTTPS, to this host alone, for the whole site (no Domain, Path=/).
            o.Cookie.Name = securise ? "__Host-raccroche.pro" : "raccroche.pro";
            o.Cookie.Path = "/";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = securise ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

            // The browser forgets an idle cookie; the server-side session (Sessions) is what decides.
            o.ExpireTimeSpan = TimeSpan.FromMinutes(session.InactiviteMinutes);
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = async ctx =>
            {
                try
                {
                    if (!await ctx.HttpContext.RequestServices.GetRequiredService<Sessions>().ValiderAsync(ctx.Principal, ctx.HttpContext.RequestAborted))
                    {
                        ctx.RejectPrincipal();
                        await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                        return;
                    }

                    await SecurityStampValidator.ValidatePrincipalAsync(ctx);
                }
                catch (Exception e) when (Transactions.EstPassagere(e))
                {
                    // The session cannot be checked: the request fails with the 503 page (UseSessionsVerifiees), which
                    // may show this person the form they posted; the cookie stays, so nobody is signed out by an outage.
                    ctx.HttpContext.Items[SessionNonVerifiee] = e;
                }
            };
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                // Signed in with a password only: the next step is to set up (or use) the second factor.
                // Signed in with two factors but outside one's reach: 404, as for someone else's record
                // (decision 0009), so that no answer tells what exists.
                if (ctx.HttpContext.User.HasClaim("amr", "mfa"))
                {
                    ctx.Response.StatusCode = StatusCodes.Status404NotFound;
                }
                else
                {
                    ctx.Response.Redirect("/pro/double-facteur");
                }

                return Task.CompletedTask;
            };
        });
        var prefixe = securise ? "__Host-" : "";
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = prefixe + "raccroche.2fa";
            o.Cookie.Path = "/";
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = securise ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, o =>
        {
            o.Cookie.Name = prefixe + "raccroche.2fa-appareil";
            o.Cookie.Path = "/";
            o.Cookie.SecurePolicy = securise ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        services.Configure<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>(o =>
        {
            o.Cookie.Name = prefixe + "raccroche.af";
            o.Cookie.Path = "/";
            o.Cookie.SecurePolicy = securise ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(PolitiqueConnecte, p => p.RequireAuthenticatedUser())
            .AddPolicy(PolitiquePro, p => p.RequireAuthenticatedUser().RequireClaim("amr", "mfa"));
        services.AddScoped<Sessions>();
        services.AddScoped<Habilitations>();
        services.AddScoped<Invitations>();
        services.AddScoped<GestionComptes>();
        return services;
    }

    /// <summary>Every page whose route starts with /pro requires a signed-in professional with two factors, unless marked [AllowAnonymous] or [Authorize] with its own policy.</summary>
    public static void ProtegerEspacePro(this Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions o) =>
        o.Conventions.Add(new ConventionEspacePro());

    private sealed class ConventionEspacePro : IPageApplicationModelConvention
    {
        public void Apply(PageApplicationModel model)
        {
            var t = model.ActionDescriptor.AttributeRouteInfo?.Template ?? model.ActionDescriptor.ViewEnginePath;
            var pro = t.TrimStart('/') is { } r && (r == "pro" || r.StartsWith("pro/", StringComparison.Ordinal));
            var propre = model.HandlerTypeAttributes.Any(a => a is IAllowAnonymous or IAuthorizeData);
            if (pro && !propre)
            {
                model.Filters.Add(new AuthorizeFilter(PolitiquePro));
            }
        }
    }
}

/// <summary>Puts the role, structure, territory and display name in the cookie.</summary>
public sealed class FabriqueIdentite(UserManager<Utilisateur> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Utilisateur>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Utilisateur user)
    {
        var id = await base.GenerateClaimsAsync(user);
        id.AddClaim(new Claim(ClaimTypes.Role, user.Role));
        id.AddClaim(new Claim(ComptesSetup.ClaimNom, user.NomAffiche));
        if (user.StructureId is { } s)
        {
            id.AddClaim(new Claim(ComptesSetup.ClaimStructure, s.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (user.Territoire.Count > 0)
        {
            id.AddClaim(new Claim(ComptesSetup.ClaimTerritoire, string.Join(',', user.Territoire)));
        }

        return id;
    }
}

/// <summary>Identity's messages in French.</summary>
public sealed class ErreursIdentite : IdentityErrorDescriber
{
    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = $"Un compte existe déjà pour l'adresse {email}." };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"Un compte existe déjà pour l'adresse {userName}." };
    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = $"L'adresse « {email} » n'est pas valide." };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = $"L'identifiant « {userName} » n'est pas valide." };
    public override IdentityError InvalidToken() => new() { Code = nameof(InvalidToken), Description = "Ce lien n'est plus valable (déjà utilisé ou expiré). Demandez-en un nouveau." };
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "Mot de passe incorrect." };
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"Le mot de passe doit compter au moins {length} caractères." };
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"Le mot de passe doit contenir au moins {uniqueChars} caractères différents." };
    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "L'opération n'a pas pu aboutir." };
    public override IdentityError ConcurrencyFailure() => new() { Code = nameof(ConcurrencyFailure), Description = "Le compte a été modifié entre-temps : rechargez la page." };
    public override IdentityError UserLockoutNotEnabled() => new() { Code = nameof(UserLockoutNotEnabled), Description = "Le verrouillage n'est pas activé pour ce compte." };
}
