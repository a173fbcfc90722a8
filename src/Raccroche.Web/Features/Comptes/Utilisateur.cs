
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

/// <summary>The four roles of the professional space.</summary>
public static class Roles
{
    public const string AdminRegional = "admin-regional";
    public const string Coordinateur = "coordinateur";
    public const string AdminStructure = "admin-structure";
    public const string MembreStructure = "membre-structure";

    public static readonly IReadOnlyList<string> Tous = [AdminRegional, Coordinateur, AdminStructure, MembreStructure];

    public static string Libelle(string role) => role switch
    {
        AdminRegional => "Administrateur régional",
        Coordinateur => "Coordinateur de territoire",
        AdminStructure => "Administrateur de structure",
        MembreStructure => "Membre de structure",
        _ => role,
    };

    public static bool DeStructure(string role) => role is AdminStructure or MembreStructure;
}
