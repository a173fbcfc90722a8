using Raccroche.Web.Features.Comptes;

namespace Raccroche.Web.Features.Demandes;

/// <summary>
/// The only way to read contact requests and referrals: what the signed-in professional may see, from
/// their role, structure and territory (<see cref="Habilitations"/>). Pages, exports, figures and the
/// dashboard all start from one of these queries.
/// </summary>
public static class VisibiliteDemandes
{
    /// <summary>
    /// Requests received that this professional handles: for a member, those of their structure; for a coordinator,
    /// those routed for a commune of their territory (the request's own commune or département, whatever the receiving
    /// structure's places). A request without a known commune is seen by its structure's members only. Every read of
    /// requests (inbox, request page, figures, dashboard) starts here.
    /// </summary>
    public static IQueryable<DemandeContact> DemandesRecues(this Habilitations h)
    {
        if (h.EstDeStructure)
        {
            var s = h.StructureId!.Value;
            return h.Db.DemandesContact.Where(d => d.StructureId == s);
        }

        var codes = h.EstCoordinateur ? h.Territoire.Where(c => c.Length > 0).ToList() : [];
        return codes.Count == 0
            ? h.Db.DemandesContact.Where(d => false)
            : h.Db.DemandesContact.Where(d => (d.Departement != null && codes.Contains(d.Departement)) || (d.CodeCommune != null && codes.Contains(d.CodeCommune)));
    }

    /// <summary>Referrals this professional's structure sent (a coordinator: those they sent themselves). The sent page shows their status only.</summary>
    public static IQueryable<DemandeContact> DemandesEnvoyees(this Habilitations h)
    {
        if (h.EstDeStructure)
        {
            var s = h.StructureId!.Value;
            return h.Db.DemandesContact.Where(d => d.StructureOrigineId == s);
        }

        var moi = h.UtilisateurId;
        return h.EstCoordinateur && moi is not null ? h.Db.DemandesContact.Where(d => d.EmetteurId == moi) : h.Db.DemandesContact.Where(d => false);
    }

    /// <summary>Requests this professional may open: received (see <see cref="DemandesRecues"/>), or sent by their own structure.</summary>
    public static IQueryable<DemandeContact> DemandesVisibles(this Habilitations h)
    {
        var recues = h.DemandesRecues();
        if (!h.EstDeStructure)
        {
            return recues;
        }

        var propre = h.StructureId!.Value;
        return h.Db.DemandesContact.Where(d => d.StructureId == propre || d.StructureOrigineId == propre);
    }

    /// <summary>May change the status of a request: members of the receiving structure only.</summary>
    public static bool PeutTraiter(this Habilitations h, DemandeContact d) => h.EstDeStructure && d.StructureId == h.StructureId;

    /// <summary>
    /// Requests counted on the figures page: the regional administrator counts every request of the region
    /// (counts only, never a young person's data); everyone else counts what they receive.
    /// </summary>
    public static IQueryable<DemandeContact> DemandesComptees(this Habilitations h) =>
        h.EstAdminRegional ? h.Db.DemandesContact : h.DemandesRecues();
}
