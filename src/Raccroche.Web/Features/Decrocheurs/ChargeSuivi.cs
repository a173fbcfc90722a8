namespace Raccroche.Web.Features.Decrocheurs;

/// <summary>A partner structure and the files it has open (assigned, not closed, transferred nor cancelled).</summary>
public sealed record ChargeStructure(int Id, string Nom, int Ouverts);

/// <summary>A référent of a partner structure and the open files they are named on.</summary>
public sealed record ChargeReferent(string Id, string Nom, int StructureId, string Structure, int Ouverts);

public sealed record ChargesOuvertes(IReadOnlyList<ChargeStructure> Structures, IReadOnlyList<ChargeReferent> Referents)
{
    public IEnumerable<Terme> TermesStructures => Structures.Select(s => new Terme(s.Id.ToString(CultureInfo.InvariantCulture), $"{s.Nom} ({s.Ouverts} dossier(s) ouvert(s))"));

    public IEnumerable<Terme> TermesReferents => Referents.Select(r => new Terme(r.Id, $"{r.Nom}, {r.Structure} ({r.Ouverts} dossier(s) ouvert(s))"));
}

/// <summary>
/// The open load shown where a coordinator assigns files: per partner structure and per référent, from one grouped SQL query
/// over the PSADs' open files (the names come from the partner and role tables).
/// </summary>
public sealed class ChargeSuivi(RaccrocheDbContext db)
{
    public async Task<ChargesOuvertes> ChargerAsync(IReadOnlyCollection<int> psads, CancellationToken ct = default)
    {
        var groupes = await db.JeunesSuivis
            .Where(j => psads.Contains(j.PsadId) && j.StructureId != null && j.AnonymiseLe == null
                && j.Statut != StatutDossier.Cloture && j.Statut != StatutDossier.Transfere && j.Statut != StatutDossier.Annule)
            .GroupBy(j => new { j.StructureId, j.ReferentId })
            .Select(g => new { g.Key.StructureId, g.Key.ReferentId, Nombre = g.Count() })
            .ToListAsync(ct);
        var parStructure = groupes.GroupBy(g => g.StructureId!.Value).ToDictionary(g => g.Key, g => g.Sum(x => x.Nombre));
        var parReferent = groupes.Where(g => g.ReferentId != null).GroupBy(g => (g.StructureId!.Value, g.ReferentId!)).ToDictionary(g => g.Key, g => g.Sum(x => x.Nombre));

        var ordre = StringComparer.Create(new("fr-FR"), true);
        var partenaires = await db.Set<PartenairePsad>().Where(p => psads.Contains(p.PsadId))
            .Select(p => new { p.StructureId, p.Structure!.Nom }).Distinct().ToListAsync(ct);
        var ids = partenaires.Select(p => p.StructureId).ToList();
        var referents = await db.HabilitationsSuivi.Where(h => psads.Contains(h.PsadId) && h.Role == RoleSuivi.ReferentSuivi)
            .Join(db.Users, h => h.UtilisateurId, u => u.Id, (h, u) => new { u.Id, u.NomAffiche, u.StructureId })
            .Where(u => u.StructureId != null && ids.Contains(u.StructureId.Value)).Distinct().ToListAsync(ct);
        var noms = partenaires.ToDictionary(p => p.StructureId, p => p.Nom);
        return new ChargesOuvertes(
            [.. partenaires.OrderBy(p => p.Nom, ordre).Select(p => new ChargeStructure(p.StructureId, p.Nom, parStructure.GetValueOrDefault(p.StructureId)))],
            [.. referents.Select(r => new ChargeReferent(r.Id, r.NomAffiche, r.StructureId!.Value, noms[r.StructureId.Value], parReferent.GetValueOrDefault((r.StructureId.Value, r.Id))))
                .OrderBy(r => r.Structure, ordre).ThenBy(r => r.Nom, ordre)]);
    }
}
