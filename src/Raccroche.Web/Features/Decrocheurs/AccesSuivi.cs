using Raccroche.Web.Features.Comptes;

namespace Raccroche.Web.Features.Decrocheurs;

/// <summary>How the signed-in professional stands towards one case file.</summary>
public enum PositionDossier
{
    /// <summary>Not theirs: the file does not exist for them (404).</summary>
    Aucune,

    /// <summary>"Je suis ce jeune": identity and who follows the young person, read-only.</summary>
    Declare,

    /// <summary>
    /// A référent of a co-intervenant structure (<see cref="CoIntervention"/>, a partner of the same PSAD): reads what a
    /// référent reads (identity, situation, history, solutions), changes nothing.
    /// </summary>
    CoIntervenant,

    /// <summary>A référent of the structure the file is assigned to: reads everything, records the follow-up.</summary>
    Referent,

    /// <summary>A coordinator of the file's PSAD: everything, plus assignment, arbitration and closure by hand.</summary>
    Coordinateur,
}

/// <summary>
/// The only way to read the young people followed by the PSADs: what the signed-in professional may see, from their
/// follow-up roles (<see cref="HabilitationSuivi"/>) and their structure. A coordinator sees every file of their PSAD; a
/// référent the files assigned to their structure (a partner of the PSAD), and read-only the files their structure co-follows
/// (<see cref="CoIntervention"/>); "je suis ce jeune" opens identity and follow-up group read-only.
/// The regional administrator sees counts only (<see cref="ComptagesAsync"/>). Pages, exports and counts all start here.
/// </summary>
public sealed class AccesSuivi(Habilitations habilitations, RaccrocheDbContext db)
{
    private List<HabilitationSuivi>? _roles;
    private List<int>? _psadsReferent;

    public Habilitations Habilitations => habilitations;

    /// <summary>The follow-up roles of the signed-in account (loaded once per request).</summary>
    public async Task<IReadOnlyList<HabilitationSuivi>> RolesAsync(CancellationToken ct = default)
    {
        if (_roles is not null)
        {
            return _roles;
        }

        var moi = habilitations.UtilisateurId;
        _roles = !habilitations.Connecte || moi is null ? [] : await db.HabilitationsSuivi.AsNoTracking().Where(h => h.UtilisateurId == moi).ToListAsync(ct);
        return _roles;
    }

    public async Task<IReadOnlyList<int>> PsadsCoordonneesAsync(CancellationToken ct = default) =>
        [.. (await RolesAsync(ct)).Where(h => h.Role == RoleSuivi.CoordinateurPsad).Select(h => h.PsadId).Distinct()];

    /// <summary>PSADs where the account is a référent and its structure a partner (a structure that stops being one loses access); read once per request.</summary>
    public async Task<IReadOnlyList<int>> PsadsReferentAsync(CancellationToken ct = default)
    {
        var structure = habilitations.StructureId;
        if (structure is null)
        {
            return [];
        }

        if (_psadsReferent is not null)
        {
            return _psadsReferent;
        }

        var psads = (await RolesAsync(ct)).Where(h => h.Role == RoleSuivi.ReferentSuivi).Select(h => h.PsadId).Distinct().ToList();
        _psadsReferent = psads.Count == 0 ? [] : await db.Set<PartenairePsad>().Where(p => p.StructureId == structure && psads.Contains(p.PsadId)).Select(p => p.PsadId).ToListAsync(ct);
        return _psadsReferent;
    }

    /// <summary>Has any follow-up role (the menu shows "Suivi des décrocheurs").</summary>
    public async Task<bool> ParticipeAsync(CancellationToken ct = default) => (await RolesAsync(ct)).Count > 0;

    public async Task<bool> CoordonneAsync(int psadId, CancellationToken ct = default) => (await PsadsCoordonneesAsync(ct)).Contains(psadId);

    public async Task<bool> PeutExporterAsync(int psadId, CancellationToken ct = default) =>
        (await RolesAsync(ct)).Any(h => h.PsadId == psadId && h.PeutExporter);

    /// <summary>The files this professional handles (and may change): their PSADs' files for a coordinator, their structure's for a référent.</summary>
    public async Task<IQueryable<JeuneSuivi>> DossiersTraitesAsync(CancellationToken ct = default)
    {
        var coordonnees = await PsadsCoordonneesAsync(ct);
        var referent = await PsadsReferentAsync(ct);
        var structure = habilitations.StructureId;
        if (coordonnees.Count == 0 && referent.Count == 0)
        {
            return db.JeunesSuivis.Where(j => false);
        }

        return Traites(db, coordonnees, referent, structure);
    }

    /// <summary>
    /// The files handled by a professional who coordinates <paramref name="coordonnees"/> and is a référent of
    /// <paramref name="structure"/> in <paramref name="referent"/> (the rule of <see cref="DossiersTraitesAsync"/>, also the benchmark's).
    /// </summary>
    /// <remarks>
    /// Only the branches the professional has are written: an <c>OR</c> with an empty branch turns PostgreSQL's index-only
    /// scan of the lists' index into a bitmap scan visiting one heap block per file (222 ms instead of 12 for a PSAD of
    /// 26,000 files, docs/benchmarks.md).
    /// </remarks>
    public static IQueryable<JeuneSuivi> Traites(RaccrocheDbContext db, IReadOnlyList<int> coordonnees, IReadOnlyList<int> referent, int? structure)
    {
        var identifies = db.JeunesSuivis.Where(j => j.AnonymiseLe == null);
        return (coordonnees.Count, referent.Count) switch
        {
            ( > 0, 0) => identifies.Where(j => coordonnees.Contains(j.PsadId)),
            (0, > 0) => identifies.Where(j => referent.Contains(j.PsadId) && j.StructureId == structure),
            ( > 0, > 0) => identifies.Where(j => coordonnees.Contains(j.PsadId) || (referent.Contains(j.PsadId) && j.StructureId == structure)),
            _ => identifies.Where(j => false),
        };
    }

    /// <summary>The PSADs whose files the professional handles (coordinated, or partner of their structure as a référent).</summary>
    public async Task<IReadOnlyList<int>> PsadsTraitesAsync(CancellationToken ct = default) =>
        [.. (await PsadsCoordonneesAsync(ct)).Concat(await PsadsReferentAsync(ct)).Distinct()];

    /// <summary>Where the professional stands towards a file; <see cref="PositionDossier.Aucune"/> for a file they may not know exists.</summary>
    public async Task<PositionDossier> PositionAsync(JeuneSuivi j, CancellationToken ct = default)
    {
        if (j.AnonymiseLe is not null)
        {
            return PositionDossier.Aucune;
        }

        if ((await PsadsCoordonneesAsync(ct)).Contains(j.PsadId))
        {
            return PositionDossier.Coordinateur;
        }

        if (!(await PsadsReferentAsync(ct)).Contains(j.PsadId))
        {
            return PositionDossier.Aucune;
        }

        if (j.StructureId is { } s && s == habilitations.StructureId)
        {
            return PositionDossier.Referent;
        }

        var structure = habilitations.StructureId;
        if (await db.CoInterventions.AnyAsync(c => c.JeuneSuiviId == j.Id && c.StructureId == structure && c.FinLe == null, ct))
        {
            return PositionDossier.CoIntervenant;
        }

        var moi = habilitations.UtilisateurId;
        return await db.SuivisDeclares.AnyAsync(d => d.UtilisateurId == moi && d.JeuneSuiviId == j.Id, ct) ? PositionDossier.Declare : PositionDossier.Aucune;
    }

    /// <summary>
    /// The INE, the birth date and the legal guardian's contacts: for those who handle the file and its co-intervenants (who
    /// follow the young person too), not for a "je suis ce jeune" reader.
    /// </summary>
    public static bool VoitDonneesSensibles(PositionDossier p) => p is PositionDossier.Referent or PositionDossier.Coordinateur or PositionDossier.CoIntervenant;

    /// <summary>Handles the file: changes its status, assignment, closure, messages and letters (a co-intervenant does not).</summary>
    public static bool Traite(PositionDossier p) => p is PositionDossier.Referent or PositionDossier.Coordinateur;

    /// <summary>
    /// The files the référent's structure co-follows (a running <see cref="CoIntervention"/>), in the PSADs where the account
    /// is a référent and its structure a partner; read-only. A file assigned to the structure itself is among its own files instead.
    /// </summary>
    public async Task<IQueryable<JeuneSuivi>> DossiersCoSuivisAsync(CancellationToken ct = default)
    {
        var referent = await PsadsReferentAsync(ct);
        return habilitations.StructureId is { } structure && referent.Count > 0 ? CoSuivis(db, referent, structure) : db.JeunesSuivis.Where(j => false);
    }

    /// <summary>The rule of <see cref="DossiersCoSuivisAsync"/> for a référent of <paramref name="structure"/> in <paramref name="referent"/>.</summary>
    public static IQueryable<JeuneSuivi> CoSuivis(RaccrocheDbContext db, IReadOnlyList<int> referent, int structure) =>
        db.JeunesSuivis.Where(j => j.AnonymiseLe == null && referent.Contains(j.PsadId) && j.StructureId != structure
            && db.CoInterventions.Any(c => c.JeuneSuiviId == j.Id && c.StructureId == structure && c.FinLe == null));

    /// <summary>
    /// A référent of the PSAD whose structure does not handle the file may find it (by INE, or by names and birth date, never
    /// by name alone) to declare "je suis ce jeune".
    /// </summary>
    public async Task<IQueryable<JeuneSuivi>> DossiersDeclarablesAsync(CancellationToken ct = default)
    {
        var referent = await PsadsReferentAsync(ct);
        var structure = habilitations.StructureId;
        return referent.Count == 0 ? db.JeunesSuivis.Where(j => false) : db.JeunesSuivis.Where(j => j.AnonymiseLe == null && referent.Contains(j.PsadId) && j.StructureId != structure);
    }

    /// <summary>Counts per PSAD and status, with no young person in them: the regional administrator's view.</summary>
    public async Task<IReadOnlyList<ComptageStatut>> ComptagesAsync(CancellationToken ct = default) => !habilitations.EstAdminRegional ? [] :
        await db.JeunesSuivis.GroupBy(j => new { j.PsadId, j.Statut }).Select(g => new ComptageStatut(g.Key.PsadId, g.Key.Statut, g.Count())).ToListAsync(ct);
}

public sealed record ComptageStatut(int PsadId, StatutDossier Statut, int Nombre);
