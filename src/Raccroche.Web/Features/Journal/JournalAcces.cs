
namespace Raccroche.Web.Features.Journal;

/// <summary>
/// One line of the audit trail: who did what to which personal-data record, when, from where.
/// Append-only: the context refuses to update or delete lines (see RaccrocheDbContext.SaveChanges), on PostgreSQL the
/// app's role may not either (<see cref="DroitsJournal"/>), and each line is chained to the previous one by
/// <see cref="ChainageJournal"/> so that a line changed or removed in the database is found by <c>verifier-journal</c>.
/// </summary>
public sealed class JournalAcces
{
    public long Id { get; set; }
    public DateTime Le { get; set; }
    public string? UtilisateurId { get; set; }
    public required string Utilisateur { get; set; }
    public required string Action { get; set; }
    public required string Ressource { get; set; }
    public string? RessourceId { get; set; }
    public string? Adresse { get; set; }
    public string? Detail { get; set; }

    /// <summary>Position in the chain (1, 2, 3…, unique); null for lines written before the chain existed.</summary>
    public long? Rang { get; set; }

    /// <summary>SHA-256 (hex) of the previous line's <see cref="Empreinte"/> and this line's content.</summary>
    public string? Empreinte { get; set; }

    /// <summary>The previous line's <see cref="Empreinte"/> (64 zeros for the first): the chain can still be checked from
    /// the oldest line kept once retention has purged the ones before it.</summary>
    public string? EmpreintePrecedente { get; set; }
}
