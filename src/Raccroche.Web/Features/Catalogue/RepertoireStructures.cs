using System.Collections.Frozen;
using Raccroche.Web.Features.Communes;

namespace Raccroche.Web.Features.Catalogue;

public sealed class StructureDoc
{
    public required int Id { get; init; }
    public required string Slug { get; init; }
    public required string Nom { get; init; }
    public required string Type { get; init; }
    public string? Courriel { get; init; }
    public string? Telephone { get; init; }
    public string? SiteWeb { get; init; }
    public ZoneType ZoneType { get; init; }
    public required FrozenSet<string> ZoneCodes { get; init; }
    public required LieuDoc[] Lieux { get; init; }
    public required string[] TermesNom { get; init; }
}

public sealed record RequeteStructures(string? Texte, string? Type, Commune? Commune, double? RayonKm, string? Departement, int Page = 1, int Taille = 20);

public sealed record StructureTrouvee(StructureDoc Doc, double? DistanceKm, LieuDoc? LieuProche, bool Competente);

/// <summary>
/// The directory of structures (missions locales, CIO, PSAD...) held in memory next to the search index:
/// near a commune, the structures competent for it come first, then the others by distance.
/// </summary>
public sealed class RepertoireStructures
{
    private readonly StructureDoc[] _docs;
    private readonly FrozenDictionary<int, StructureDoc> _parId;
    private readonly FrozenDictionary<string, StructureDoc[]> _parType;

    public RepertoireStructures(IEnumerable<Structure> structures, RepertoireCommunes communes)
    {
        _docs = [.. structures.Select(s => new StructureDoc
        {
            Id = s.Id,
            Slug = s.Slug,
            Nom = s.Nom,
            Type = s.Type,
            Courriel = s.Courriel,
            Telephone = s.Telephone,
            SiteWeb = s.SiteWeb,
            ZoneType = s.ZoneType,
            ZoneCodes = s.ZoneCodes.ToFrozenSet(StringComparer.Ordinal),
            Lieux = [.. s.Lieux.Select(l => new LieuDoc(l.Id, l.Nom, l.CodeInsee, communes.ParCode(l.CodeInsee)?.Departement ?? "",
                communes.ParCode(l.CodeInsee)?.Nom ?? "", l.Latitude, l.Longitude))],
            TermesNom = [.. TexteFrancais.Termes(s.Nom + " " + string.Join(' ', s.Lieux.Select(l => communes.ParCode(l.CodeInsee)?.Nom)))],
        })];
        _parId = _docs.ToFrozenDictionary(d => d.Id);
        _parType = _docs.GroupBy(d => d.Type, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The structures of one type, in the directory's order (the orientation looks up four types per profile).</summary>
    internal IReadOnlyList<StructureDoc> DuType(string type) => _parType.GetValueOrDefault(type) ?? [];

    public int Count => _docs.Length;

    public StructureDoc? Structure(int id) => _parId.GetValueOrDefault(id);

    public (int Total, List<StructureTrouvee> Items) Rechercher(RequeteStructures q)
    {
        var termes = string.IsNullOrWhiteSpace(q.Texte) ? [] : TexteFrancais.Termes(q.Texte);
        var hits = new List<StructureTrouvee>();
        foreach (var d in _docs)
        {
            if (q.Type is not null && d.Type != q.Type)
            {
                continue;
            }

            if (termes.Count > 0 && !termes.All(t => d.TermesNom.Any(n => n.StartsWith(t, StringComparison.Ordinal))))
            {
                continue;
            }

            if (q.Departement is not null && !d.Lieux.Any(l => l.Departement == q.Departement) &&
                !(d.ZoneType == ZoneType.Departements && d.ZoneCodes.Contains(q.Departement)))
            {
                continue;
            }

            double? distance = null;
            LieuDoc? proche = null;
            var competente = false;
            if (q.Commune is { } c)
            {
                competente = d.ZoneType != ZoneType.France && Zones.Couvre(d.ZoneType, d.ZoneCodes, c);
                foreach (var l in d.Lieux)
                {
                    var km = Distances.DistanceKm(c.Latitude, c.Longitude, l.Latitude, l.Longitude);
                    if (distance is null || km < distance)
                    {
                        distance = km;
                        proche = l;
                    }
                }

                if (q.RayonKm is { } r && !competente && (distance is null || distance > r))
                {
                    continue;
                }
            }

            hits.Add(new StructureTrouvee(d, distance, proche, competente));
        }

        var tries = hits
            .OrderByDescending(h => h.Competente)
            .ThenBy(h => h.DistanceKm ?? double.MaxValue)
            .ThenBy(h => h.Doc.Nom, StringComparer.Ordinal)
            .Skip((q.Page - 1) * q.Taille)
            .Take(q.Taille)
            .ToList();
        return (hits.Count, tries);
    }
}
