
namespace Raccroche.Web.Features.Comptes;

/// <summary>
/// What the signed-in professional may see and do, from their role, structure and territory.
/// A member sees their structure's requests and drafts; a coordinator the requests routed for their
/// territory and validates the sheets of the structures with a place in it; the regional administrator validates sheets and reads the audit trail but sees
/// no young person's data.
/// </summary>
public sealed class Habilitations(IHttpContextAccessor http, RaccrocheDbContext db)
{
    private HashSet<int>? _territoire;

    /// <summary>The unit of work the visibility queries of each feature start from (see <c>VisibiliteDemandes</c>).</summary>
    internal RaccrocheDbContext Db => db;

    private ClaimsPrincipal Principal => http.HttpContext?.User ?? new ClaimsPrincipal();

    public bool Connecte => Principal.HasClaim("amr", "mfa");
    public string? UtilisateurId => Principal.FindFirstValue(ClaimTypes.NameIdentifier);
    public string Nom => Principal.FindFirstValue(ComptesSetup.ClaimNom) ?? Principal.Identity?.Name ?? "inconnu";
    public string? Courriel => Principal.FindFirstValue(ClaimTypes.Email) ?? Principal.Identity?.Name;
    public string? Role => Principal.FindFirstValue(ClaimTypes.Role);
    public int? StructureId => int.TryParse(Principal.FindFirstValue(ComptesSetup.ClaimStructure), out var s) ? s : null;
    public IReadOnlyList<string> Territoire => Principal.FindFirstValue(ComptesSetup.ClaimTerritoire)?.Split(',') ?? [];

    public bool EstAdminRegional => Connecte && Role == Roles.AdminRegional;
    public bool EstCoordinateur => Connecte && Role == Roles.Coordinateur;
    public bool EstDeStructure => Connecte && Roles.DeStructure(Role ?? "") && StructureId is not null;
    public bool EstAdminStructure => Connecte && Role == Roles.AdminStructure && StructureId is not null;

    /// <summary>The observatory's editors: they publish news items and events, and decide on what structures propose.</summary>
    public bool EstEditeur => Connecte && Role == Roles.Editeur;

    /// <summary>Structures a coordinator covers: one of their places lies in a département or commune of the territory.</summary>
    public async Task<HashSet<int>> StructuresDuTerritoireAsync(CancellationToken ct = default)
    {
        if (_territoire is not null)
        {
            return _territoire;
        }

        var codes = Territoire.ToList();
        _territoire = codes.Count == 0 || !EstCoordinateur ? [] : (await (
            from l in db.Lieux
            join c in db.Communes on l.CodeInsee equals c.CodeInsee
            where codes.Contains(c.Departement) || codes.Contains(c.CodeInsee)
            select l.StructureId).Distinct().ToListAsync(ct)).ToHashSet();
        return _territoire;
    }

    /// <summary>May edit the sheets of a structure: its own members.</summary>
    public bool PeutEditer(int structureId) => EstDeStructure && StructureId == structureId;

    /// <summary>May publish the sheets of a structure: the regional administrator, or the coordinator of its territory.</summary>
    public async Task<bool> PeutValiderAsync(int structureId, CancellationToken ct = default) =>
        EstAdminRegional || (EstCoordinateur && (await StructuresDuTerritoireAsync(ct)).Contains(structureId));
}
