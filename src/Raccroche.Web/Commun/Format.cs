
namespace Raccroche.Web.Commun;

public static class Format
{
    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>"à 12 km", "à 800 m", "sur place" below 500 m.</summary>
    public static string Distance(double? km) => km switch
    {
        null => "",
        < 0.5 => "sur place",
        < 1 => $"à {Math.Round(km.Value * 1000 / 100) * 100:0} m",
        < 10 => $"à {km.Value.ToString("0.#", Fr)} km",
        _ => $"à {Math.Round(km.Value):0} km",
    };

    /// <summary>A count as French readers write it: "12 345".</summary>
    public static string Nombre(long n) => n.ToString("N0", Fr);

    /// <summary>A share out of 100, one decimal: "42,5 %".</summary>
    public static string Pourcentage(double p) => p.ToString("0.0", Fr) + " %";

    /// <summary>A calendar day: "23 novembre 2026" (an instant is shown by <see cref="HeureParis"/>).</summary>
    public static string Date(DateOnly d) => d.ToString("d MMMM yyyy", Fr);

    public static string Ages(int? min, int? max) => (min, max) switch
    {
        (null, null) => "Sans condition d'âge",
        ({ } a, null) => $"À partir de {a} ans",
        (null, { } b) => $"Jusqu'à {b} ans",
        ({ } a, { } b) => $"De {a} à {b} ans",
    };

    public static string OuiNon(bool? v, string oui, string non, string inconnu = "Non précisé") => v switch
    {
        true => oui,
        false => non,
        null => inconnu,
    };

    public static string Nombre(int n) => n.ToString("N0", Fr);

    /// <summary>A file's size: "840 Ko", "2,4 Mo" (1 Ko = 1024 octets).</summary>
    public static string Taille(long octets) => octets switch
    {
        < 1024 => $"{octets} octets",
        < 1024 * 1024 => $"{Math.Max(1, Math.Round(octets / 1024.0)):0} Ko",
        _ => $"{(octets / (1024.0 * 1024.0)).ToString("0.#", Fr)} Mo",
    };
}
