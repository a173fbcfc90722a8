using System.Security.Cryptography;

namespace Raccroche.Web.Features.Comptes;

/// <summary>
/// One signed-in browser. The cookie only names the session; the row decides whether it still
/// lives: closed at sign-out (a copied cookie is then worthless), after <see cref="SessionOptions.InactiviteMinutes"/>
/// without a request, <see cref="SessionOptions.DureeMaximaleHeures"/> after sign-in whatever happens,
/// and as soon as the account's security stamp changes (new password, second factor reset...).
/// Removing an account removes its sessions (cascade).
/// </summary>
public sealed class SessionPro
{
    /// <summary>SHA-256 (hex) of the id in the cookie (256 random bits): a read of the table cannot forge a cookie.</summary>
    public required string Id { get; set; }

    /// <summary>SHA-256 (hex) of the account's security stamp at sign-in.</summary>
    public required string EmpreinteTampon { get; set; }
    public required string UtilisateurId { get; set; }
    public DateTime OuverteLe { get; set; }
    public DateTime VueLe { get; set; }
    public DateTime? FermeeLe { get; set; }
}

/// <summary>Session lifetimes (section "Session").</summary>
public sealed class SessionOptions
{
    public int InactiviteMinutes { get; set; } = 30;
    public int DureeMaximaleHeures { get; set; } = 8;
}

/// <summary>Opens, checks and closes <see cref="SessionPro"/> rows.</summary>
public sealed class Sessions(RaccrocheDbContext db, TimeProvider clock, IOptions<SessionOptions> options)
{
    public const string Claim = "session";

    /// <summary>A session's last-seen time is written at most this often (not at every request).</summary>
    private static readonly TimeSpan PasEcriture = TimeSpan.FromMinutes(1);

    private SessionOptions O => options.Value;

    public async Task<string> OuvrirAsync(Utilisateur utilisateur)
    {
        var maintenant = clock.GetUtcNow().UtcDateTime;

        // Finished sessions are of no further use: each sign-in sweeps them (all accounts; the table stays small).
        var expiree = maintenant.AddHours(-O.DureeMaximaleHeures);
        await db.SessionsPro.Where(s => s.FermeeLe != null || s.OuverteLe < expiree).ExecuteDeleteAsync();
        var id = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        db.SessionsPro.Add(new SessionPro
        {
            Id = Empreinte(id),
            EmpreinteTampon = Empreinte(utilisateur.SecurityStamp ?? ""),
            UtilisateurId = utilisateur.Id,
            OuverteLe = maintenant,
            VueLe = maintenant,
        });
        await db.SaveChangesAsync();
        foreach (var e in db.ChangeTracker.Entries<SessionPro>().ToList())
        {
            e.State = EntityState.Detached;
        }

        return id;
    }

    /// <summary>Closes every session of an account (password reset, second factor reset).</summary>
    public Task FermerToutesAsync(string utilisateurId)
    {
        var maintenant = clock.GetUtcNow().UtcDateTime;
        return db.SessionsPro.Where(x => x.UtilisateurId == utilisateurId && x.FermeeLe == null).ExecuteUpdateAsync(u => u.SetProperty(x => x.FermeeLe, maintenant));
    }

    public static string Empreinte(string valeur) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(valeur)));

    /// <summary>True while the principal's session is open, recent and young enough; records that it was seen.</summary>
    public async Task<bool> ValiderAsync(ClaimsPrincipal? principal, CancellationToken ct = default)
    {
        var id = principal?.FindFirstValue(Claim);
        var utilisateur = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null || utilisateur is null)
        {
            return false;
        }

        var empreinte = Empreinte(id);
        var s = await (
            from x in db.SessionsPro.AsNoTracking()
            join u in db.Users on x.UtilisateurId equals u.Id
            where x.Id == empreinte && x.UtilisateurId == utilisateur
            select new { x.OuverteLe, x.VueLe, x.FermeeLe, x.EmpreinteTampon, u.SecurityStamp }).FirstOrDefaultAsync(ct);
        var maintenant = clock.GetUtcNow().UtcDateTime;
        if (s is null || s.FermeeLe is not null)
        {
            return false;
        }

        if (s.EmpreinteTampon != Empreinte(s.SecurityStamp ?? ""))
        {
            await db.SessionsPro.Where(x => x.Id == empreinte).ExecuteUpdateAsync(u => u.SetProperty(x => x.FermeeLe, maintenant), ct);
            return false;
        }

        if (maintenant - s.OuverteLe > TimeSpan.FromHours(O.DureeMaximaleHeures) || maintenant - s.VueLe > TimeSpan.FromMinutes(O.InactiviteMinutes))
        {
            await db.SessionsPro.Where(x => x.Id == empreinte).ExecuteUpdateAsync(u => u.SetProperty(x => x.FermeeLe, maintenant), ct);
            return false;
        }

        if (maintenant - s.VueLe >= PasEcriture)
        {
            await db.SessionsPro.Where(x => x.Id == empreinte).ExecuteUpdateAsync(u => u.SetProperty(x => x.VueLe, maintenant), ct);
        }

        return true;
    }

    public async Task FermerAsync(ClaimsPrincipal? principal)
    {
        if (principal?.FindFirstValue(Claim) is { } id)
        {
            var maintenant = clock.GetUtcNow().UtcDateTime;
            var empreinte = Empreinte(id);
            await db.SessionsPro.Where(x => x.Id == empreinte && x.FermeeLe == null).ExecuteUpdateAsync(u => u.SetProperty(x => x.FermeeLe, maintenant));
        }
    }
}
