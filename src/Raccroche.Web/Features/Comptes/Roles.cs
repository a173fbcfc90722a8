namespace Raccroche.Web.Features.Comptes;

/// <summary>
/// The five roles of the professional space, a closed list. Constants rather than a closed enum: the role
/// travels as an Identity role claim and <c>[Authorize(Roles = ...)]</c> needs a compile-time string, so an
/// enum would still need these strings beside it. Every use names a constant (never a literal); a role
/// read from a form is checked against <see cref="Tous"/>.
/// </summary>
public static class Roles
{
    public const string AdminRegional = "admin-regional";
    public const string Coordinateur = "coordinateur";
    public const string AdminStructure = "admin-structure";
    public const string MembreStructure = "membre-structure";

    /// <summary>The observatory's team: writes and publishes the news watch and the agenda, moderates what structures propose.</summary>
    public const string Editeur = "editeur";

    public static readonly IReadOnlyList<string> Tous = [AdminRegional, Coordinateur, AdminStructure, MembreStructure, Editeur];

    public static string Libelle(string role) => role switch
    {
        AdminRegional => "Administrateur régional",
        Coordinateur => "Coordinateur de territoire",
        AdminStructure => "Administrateur de structure",
        MembreStructure => "Membre de structure",
        Editeur => "Éditeur de l'observatoire",
        _ => role,
    };

    public static bool DeStructure(string role) => role is AdminStructure or MembreStructure;
}
