
namespace Raccroche.Web.Features.Journal;

/// <summary>
/// One line of the audit trail: who did what to which personal-data record, when, from where.
/// Append-only: the context refuses to update or delete lines (see RaccrocheDbContext.SaveChanges).
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
}
