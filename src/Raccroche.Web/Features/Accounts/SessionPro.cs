using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Raccroche.Web.Data;

namespace Raccroche.Web.Features.Accounts;

/// <summary>
/// One signed-in browser. The cookie only names the session; the row decides whether it still
/// lives: closed at sign-out (a copied cookie is then worthless), after <see cref="SessionOptions.InactiviteMinutes"/>
/// without a request, and <see cref="SessionOptions.DureeMaximaleHeures"/> after sign-in whatever happens.
/// Removing an account removes its sessions (cascade).
/// </summary>
public sealed class SessionPro
{
    /// <summary>256 random bits, base64url: unguessable, and the only thing the cookie says about the session.</summary>
    public required string Id { get; set; }
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
public sealed class Sessions(AppDbContext db, TimeProvider clock, IOptions<SessionOptions> options)
{
    public const string Claim = "session";

    /// <summary>A session's last-seen time is written at most this often (not at every request).</summary>
    private static readonly TimeSpan PasEcriture = TimeSpan.FromMinutes(1);

    private SessionOptions O => options.Value;

    public async Task<string> OuvrirAsync(string utilisateurId)
    {
        var maintenant = clock.GetUtcNow().UtcDateTime;

        // The user's finished sessions are of no further use: drop them as a new one opens.
        var expiree = maintenant.AddHours(-O.DureeMaximaleHeures);
        await db.SessionsPro.Where(s => s.UtilisateurId == utilisateurId && (s.FermeeLe != null || s.OuverteLe < expiree)).ExecuteDeleteAsync();
        var session = new SessionPro
        {
            Id = Base64Url(RandomNumberGenerator.GetBytes(32)),
            UtilisateurId = utilisateurId,
            OuverteLe = maintenant,
            VueLe = maintenant,
        };
        db.SessionsPro.Add(session);
        await db.SaveChangesAsync();
        db.Entry(session).State = EntityState.Detached;
        return session.Id;
    }

    /// <summary>True while the principal's session is open, recent and young enough; records that it was seen.</summary>
    public async Task<bool> ValiderAsync(ClaimsPrincipal? principal, CancellationToken ct = default)
    {
        var id = principal?.FindFirstValue(Claim);
        var utilisateur = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null || utilisateur is null)
        {
            return false;
        }

        var s = await db.SessionsPro.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.UtilisateurId == utilisateur, ct);
        var maintenant = clock.GetUtcNow().UtcDateTime;
        if (s is null || s.FermeeLe is not null)
        {
            return false;
        }

        if (maintenant - s.OuverteLe > TimeSpan.FromHours(O.DureeMaximaleHeures) || maintenant - s.VueLe > TimeSpan.FromMinutes(O.InactiviteMinutes))
        {
            await db.SessionsPro.Where(x => x.Id == id).ExecuteUpdateAsync(u => u.SetProperty(x => x.FermeeLe, maintenant), ct);
            return false;
        }

        if (maintenant - s.VueLe >= PasEcriture)
        {
            await db.SessionsPro.Where(x => x.Id == id).ExecuteUpdateAsync(u => u.SetProperty(x => x.VueLe, maintenant), ct);
        }

        return true;
    }

    public async Task FermerAsync(ClaimsPrincipal? principal)
    {
        if (principal?.FindFirstValue(Claim) is { } id)
        {
            var maintenant = clock.GetUtcNow().UtcDateTime;
            await db.SessionsPro.Where(x => x.Id == id && x.FermeeLe == null).ExecuteUpdateAsync(u => u.SetProperty(x => x.FermeeLe, maintenant));
        }
    }

    private static string Base64Url(byte[] octets) =>
        Convert.ToBase64String(octets).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
