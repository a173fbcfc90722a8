using Raccroche.Web.Features.Communes;

namespace Raccroche.Web.Features.DataInclusion;

/// <summary>
/// Structures about to be created that look like one already in the directory (from another source or written here):
/// the same SIRET, or else the same normalised name in the same commune less than 200 m away. They are proposed to the
/// administrator in the report; nothing is merged.
/// </summary>
public static class Doublons
{
    public const double DistanceMaxKm = 0.2;

    public static async Task ProposerAsync(RaccrocheDbContext db, IReadOnlyList<EnregistrementDI> nouvelles, RepertoireCommunes communes, RapportDI rapport, CancellationToken ct)
    {
        if (nouvelles.Count == 0)
        {
            return;
        }

        var existantes = await db.Structures.AsNoTracking()
            .Select(s => new Existante(s.Id, s.Nom, s.Siret, s.SourceDonnees, s.Lieux.Select(l => new Position(l.CodeInsee, l.Latitude, l.Longitude)).ToList()))
            .ToListAsync(ct);
        var parSiret = existantes.Where(e => e.Siret is { Length: 14 }).ToLookup(e => e.Siret!);
        var parNom = existantes.ToLookup(e => Cle(e.Nom));
        foreach (var r in nouvelles)
        {
            var source = r.Texte("source");
            if (r.Texte("siret") is { } siret && parSiret[siret].FirstOrDefault(e => e.Source != source) is { } memeSiret)
            {
                rapport.DoublonsProposes.Add(new DoublonDI(r.Id, memeSiret.Id, memeSiret.Nom, $"même SIRET ({siret})"));
                continue;
            }

            var commune = ImportDataInclusion.CommuneDe(r.Texte("code_insee"), r.Texte("code_postal"), r.Texte("commune"), r.Nombre("latitude"), r.Nombre("longitude"), communes);
            if (commune is null || r.Nombre("latitude") is not { } lat || r.Nombre("longitude") is not { } lon)
            {
                continue;
            }

            var proche = parNom[Cle(r.Texte("nom")!)].Where(e => e.Source != source)
                .Select(e => (e, km: e.Lieux.Where(l => l.CodeInsee == commune.CodeInsee).Select(l => Distances.DistanceKm(lat, lon, l.Latitude, l.Longitude)).DefaultIfEmpty(double.MaxValue).Min()))
                .Where(x => x.km < DistanceMaxKm).OrderBy(x => x.km).FirstOrDefault();
            if (proche.e is { } e)
            {
                rapport.DoublonsProposes.Add(new DoublonDI(r.Id, e.Id, e.Nom, $"même nom dans la même commune, à {Math.Round(proche.km * 1000)} m"));
            }
        }
    }

    /// <summary>The name folded (accents, case, punctuation): "Mission Locale d'Aurillac" and "MISSION LOCALE D’AURILLAC" meet.</summary>
    public static string Cle(string nom) =>
        string.Join(' ', new string([.. TexteFrancais.Replier(nom).Select(c => char.IsLetterOrDigit(c) ? c : ' ')]).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private sealed record Position(string CodeInsee, double Latitude, double Longitude);

    private sealed record Existante(int Id, string Nom, string? Siret, string? Source, List<Position> Lieux);
}
