using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Raccroche.Web.Data;
using Raccroche.Web.Features.Contact;

namespace Raccroche.Web.Features.Accounts;

/// <summary>
/// What the signed-in professional may see and do, from their role, structure and territory.
/// A member sees their structure's requests and drafts; a coordinator the requests routed for their
/// territory and validates the sheets of the structures with a place in it; the regional administrator validates sheets and reads the audit trail but sees
/// no young person's data.
/// </summary>
public sealed class Habilitations(IHttpContextAccessor http, AppDbContext db)
{
    private HashSet<int>? _territoire;

    private ClaimsPrincipal Principal => http.HttpContext?.User ?? new ClaimsPrincipal();

    public bool Connecte => Principal.HasClaim("amr", "mfa");
    public string? UtilisateurId => Principal.FindFirstValue(ClaimTypes.NameIdentifier);
    public string Nom => Principal.FindFirstValue(AccountsSetup.ClaimNom) ?? Principal.Identity?.Name ?? "inconnu";
    public string? Courriel => Principal.FindFirstValue(ClaimTypes.Email) ?? Principal.Identity?.Name;
    public string? Role => Principal.FindFirstValue(ClaimTypes.Role);
    public int? StructureId => int.TryParse(Principal.FindFirstValue(AccountsSetup.ClaimStructure), out var s) ? s : null;
    public IReadOnlyList<string> Territoire => Principal.FindFirstValue(AccountsSetup.ClaimTerritoire)?.Split(',') ?? [];

    public bool EstAdminRegional => Connecte && Role == Roles.AdminRegional;
    public bool EstCoordinateur => Connecte && Role == Roles.Coordinateur;
    public bool EstDeStructure => Connecte && Roles.DeStructure(Role ?? "") && StructureId is not null;
    public bool EstAdminStructure => Connecte && Role == Roles.AdminStructure && StructureId is not null;

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

    /// <summary>
    /// Requests received that this professional handles: for a member, those of their structure; for a coordinator,
    /// those routed for a commune of their territory (the request's own commune or département, whatever the receiving
    /// structure's places). A request without a known commune is seen by its structure's members only. Every read of
    /// requests (inbox, request page, figures, dashboard) starts here.
    /// </summary>
    public IQueryable<DemandeContact> DemandesRecues()
    {
        if (EstDeStructure)
        {
            var s = StructureId!.Value;
            return db.DemandesContact.Where(d => d.StructureId == s);
        }

        var codes = EstCoordinateur ? Territoire.Where(c => c.Length > 0).ToList() : [];
        return codes.Count == 0
            ? db.DemandesContact.Where(d => false)
            : db.DemandesContact.Where(d => (d.Departement != null && codes.Contains(d.Departement)) || (d.CodeCommune != null && codes.Contains(d.CodeCommune)));
    }

    /// <summary>Referrals this professional's structure sent (a coordinator: those they sent themselves). The sent page shows their status only.</summary>
    public IQueryable<DemandeContact> DemandesEnvoyees()
    {
        if (EstDeStructure)
        {
            var s = StructureId!.Value;
            return db.DemandesContact.Where(d => d.StructureOrigineId == s);
        }

        var moi = UtilisateurId;
        return EstCoordinateur && moi is not null ? db.DemandesContact.Where(d => d.EmetteurId == moi) : db.DemandesContact.Where(d => false);
    }

    /// <summary>Requests this professional may open: received (see <see cref="DemandesRecues"/>), or sent by their own structure.</summary>
    public IQueryable<DemandeContact> DemandesVisibles()
    {
        var recues = DemandesRecues();
        if (!EstDeStructure)
        {
            return recues;
        }

        var propre = StructureId!.Value;
        return db.DemandesContact.Where(d => d.StructureId == propre || d.StructureOrigineId == propre);
    }

    /// <summary>May change the status of a request: members of the receiving structure only.</summary>
    public bool PeutTraiter(DemandeContact d) => EstDeStructure && d.StructureId == StructureId;

    /// <summary>May edit the sheets of a structure: its own members.</summary>
    public bool PeutEditer(int structureId) => EstDeStructure && StructureId == structureId;

    /// <summary>May publish the sheets of a structure: the regional administrator, or the coordinator of its territory.</summary>
    public async Task<bool> PeutValiderAsync(int structureId, CancellationToken ct = default) =>
        EstAdminRegional || (EstCoordinateur && (await StructuresDuTerritoireAsync(ct)).Contains(structureId));
}
