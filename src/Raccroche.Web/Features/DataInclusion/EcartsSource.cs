using Raccroche.Web.Features.Catalogue;

namespace Raccroche.Web.Features.DataInclusion;

/// <summary>
/// For a sheet its structure took over: the fields where the source's latest import says something else than the sheet.
/// Imports no longer write them; the structure sees them here and decides.
/// </summary>
public static class EcartsSource
{
    public sealed record Ecart(string Champ, string? Source, string? Fiche);

    private static readonly (string Champ, string Libelle, Func<Structure, string?> Lire)[] Champs =
    [
        ("nom", "Nom", s => s.Nom),
        ("siret", "SIRET", s => s.Siret),
        ("description", "Présentation", s => s.Description),
        ("telephone", "Téléphone", s => s.Telephone),
        ("courriel", "Courriel", s => s.Courriel),
        ("site_web", "Site internet", s => s.SiteWeb),
    ];

    public static List<Ecart> De(Structure s)
    {
        if (s.RepriseLe is null || s.ValeursImportees is null)
        {
            return [];
        }

        using var doc = JsonDocument.Parse(s.ValeursImportees);
        var ecarts = new List<Ecart>();
        foreach (var (champ, libelle, lire) in Champs)
        {
            var source = doc.RootElement.TryGetProperty(champ, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var fiche = lire(s);
            if (!string.Equals(Vide(source), Vide(fiche), StringComparison.Ordinal))
            {
                ecarts.Add(new Ecart(libelle, source, fiche));
            }
        }

        return ecarts;
    }

    private static string? Vide(string? x) => string.IsNullOrWhiteSpace(x) ? null : x.Trim();
}
