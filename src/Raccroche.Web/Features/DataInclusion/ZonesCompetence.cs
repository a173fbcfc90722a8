using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Communes;

namespace Raccroche.Web.Features.DataInclusion;

/// <summary>
/// The competence zone of imported missions locales and CIO, which data·inclusion does not give: each commune of a
/// département goes to the nearest office of the same kind in that département (from the commune's centre to the
/// office's place). The zone is a list of communes, marked estimated; the diagnostic and the directory then name, for a
/// commune, the office that serves it rather than a département-wide stand-in (a list of communes ranks first).
/// </summary>
public static class ZonesCompetence
{
    public static readonly string[] Types = ["mission-locale", "cio"];

    public static async Task EstimerAsync(RaccrocheDbContext db, RepertoireCommunes communes, CancellationToken ct)
    {
        var bureaux = await db.Structures.Include(s => s.Lieux).Where(s => s.ZoneEstimee && Types.Contains(s.Type)).AsSplitQuery().ToListAsync(ct);
        if (bureaux.Count == 0)
        {
            return;
        }

        var parDepartement = communes.Toutes.GroupBy(c => c.Departement, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var zones = Estimer(bureaux, communes, parDepartement);
        foreach (var s in bureaux)
        {
            var codes = zones.GetValueOrDefault(s.Id) ?? [];
            if (s.ZoneType != ZoneType.Communes || !s.ZoneCodes.SequenceEqual(codes))
            {
                (s.ZoneType, s.ZoneCodes) = (ZoneType.Communes, codes);
            }
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Office id → the communes it serves, sorted.</summary>
    public static Dictionary<int, List<string>> Estimer(IEnumerable<Structure> bureaux, RepertoireCommunes communes, IReadOnlyDictionary<string, List<Commune>> parDepartement)
    {
        var resultat = new Dictionary<int, List<string>>();
        var places = bureaux.SelectMany(s => s.Lieux.Select(l => (Structure: s, Lieu: l, Departement: communes.ParCode(l.CodeInsee)?.Departement)))
            .Where(x => x.Departement is not null).ToList();
        foreach (var groupe in places.GroupBy(x => (x.Structure.Type, x.Departement!)))
        {
            foreach (var c in parDepartement.GetValueOrDefault(groupe.Key.Item2) ?? [])
            {
                var proche = groupe.MinBy(x => (Distances.DistanceKm(c.Latitude, c.Longitude, x.Lieu.Latitude, x.Lieu.Longitude), x.Structure.Id));
                if (!resultat.TryGetValue(proche.Structure.Id, out var l))
                {
                    resultat[proche.Structure.Id] = l = [];
                }

                l.Add(c.CodeInsee);
            }
        }

        foreach (var l in resultat.Values)
        {
            l.Sort(StringComparer.Ordinal);
        }

        return resultat;
    }
}
