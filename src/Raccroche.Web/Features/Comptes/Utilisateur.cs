
namespace Raccroche.Web.Features.Comptes;

/// <summary>
/// A professional's account. One role per account; a structure for structure roles, a territory
/// (département codes or commune INSEE codes) for coordinators.
/// </summary>
public sealed class Utilisateur : IdentityUser
{
    public required string NomAffiche { get; set; }
    public required string Role { get; set; }
    public int? StructureId { get; set; }
    public Catalogue.Structure? Structure { get; set; }
    public List<string> Territoire { get; set; } = [];
    public DateTime CreeLe { get; set; }
}

/// <summary>An invitation sent by e-mail: accepted once, before it expires, by whoever holds the link.</summary>
public sealed class Invitation
{
    public int Id { get; set; }
    public required string Courriel { get; set; }
    public required string Role { get; set; }
    public int? StructureId { get; set; }
    public Catalogue.Structure? Structure { get; set; }
    public List<string> Territoire { get; set; } = [];

    /// <summary>SHA-256 of the token in the link: the token itself is never stored.</summary>
    public required string JetonHash { get; set; }
    public DateTime CreeLe { get; set; }
    public DateTime ExpireLe { get; set; }
    public string? InviteParId { get; set; }
    public DateTime? AccepteeLe { get; set; }
}
