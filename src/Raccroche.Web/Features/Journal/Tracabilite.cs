
namespace Raccroche.Web.Features.Journal;

/// <summary>
/// Writes audit lines in the caller's unit of work: a write of personal data and its audit line are
/// saved together, or not at all. Reads are recorded with <see cref="EcrireAsync"/>.
/// </summary>
public sealed class Tracabilite(RaccrocheDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    public const string Lecture = "lecture";
    public const string Creation = "creation";
    public const string Modification = "modification";
    public const string Export = "export";
    public const string Anonymisation = "anonymisation";
    public const string Connexion = "connexion";

    /// <summary>Adds a line to the context; the caller's SaveChanges writes it with the data.</summary>
    public void Ajouter(string action, string ressource, string? ressourceId, string? detail = null, string? utilisateur = null)
    {
        var ctx = http.HttpContext;
        var user = ctx?.User;
        db.Journal.Add(new JournalAcces
        {
            Le = clock.GetUtcNow().UtcDateTime,
            UtilisateurId = user?.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value,
            Utilisateur = utilisateur ?? user?.Identity?.Name ?? "système",
            Action = action,
            Ressource = ressource,
            RessourceId = ressourceId,
            Adresse = ctx?.Connection.RemoteIpAddress?.ToString(),
            Detail = detail is { Length: > 500 } ? detail[..500] : detail,
        });
    }

    /// <summary>Adds a line and saves at once (reads, sign-ins).</summary>
    public async Task EcrireAsync(string action, string ressource, string? ressourceId, string? detail = null, string? utilisateur = null, CancellationToken ct = default)
    {
        Ajouter(action, ressource, ressourceId, detail, utilisateur);
        await db.SaveChangesAsync(ct);
    }
}
