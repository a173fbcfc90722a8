using Raccroche.Web.Features.Communes;

namespace Raccroche.Web.Features.Catalogue;

/// <summary>Whether a territory (a programme's zone, a structure's competence) covers a commune or a département.</summary>
public static class Zones
{
    public static bool Couvre(ZoneType type, IReadOnlyCollection<string> codes, Commune commune) => type switch
    {
        ZoneType.France => true,
        ZoneType.Region => codes.Contains(commune.Region),
        ZoneType.Departements => codes.Contains(commune.Departement),
        ZoneType.Epci => commune.Epci is not null && codes.Contains(commune.Epci),
        ZoneType.Communes => codes.Contains(commune.CodeInsee),
        _ => false,
    };

    public static string Decrire(ZoneType type, IReadOnlyCollection<string> codes, RepertoireCommunes communes) => type switch
    {
        ZoneType.France => "Toute la France",
        ZoneType.Region => codes.Count == 1 && codes.Contains("84") ? "Région Auvergne-Rhône-Alpes" : $"Régions {string.Join(", ", codes)}",
        ZoneType.Departements => (codes.Count == 1 ? "Département " : "Départements ") +
            string.Join(", ", codes.Select(c => Departements.Nom(c) is { } n ? $"{n} ({c})" : c)),
        ZoneType.Epci => codes.Count == 1 ? "Une intercommunalité" : $"{codes.Count} intercommunalités",
        ZoneType.Communes => string.Join(", ", codes.Take(8).Select(c => communes.ParCode(c)?.Nom ?? c)) + (codes.Count > 8 ? "…" : ""),
        _ => "",
    };
}
