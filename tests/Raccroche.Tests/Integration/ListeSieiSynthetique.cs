
namespace Raccroche.Tests.Integration;

/// <summary>A young person of a synthetic SIEI list: invented names (syllables put together), never a real person's.</summary>
public sealed record JeuneFictif(string Ine, string Nom, string Prenom, DateOnly Naissance, string Commune, string CodeInsee, DateOnly Sortie, string Telephone);

/// <summary>
/// Writes SIEI lists as a RIO export looks (";" CSV, French headers, JJ/MM/AAAA dates), from a seeded
/// random source so that a test gets the same file every time. Names are made of syllables, so no
/// real person can be named.
/// </summary>
public static class ListeSieiSynthetique
{
    private static readonly string[] Syllabes = ["val", "mor", "bre", "lin", "cor", "tan", "gui", "rel", "fon", "das", "mi", "ro", "sel", "ven", "bar", "lo"];
    private static readonly string[] Prenoms = ["Alix", "Noa", "Lou", "Sacha", "Eden", "Milo", "Lina", "Ilan", "Nélia", "Timéo", "Inès", "Yanis"];
    private static readonly (string Nom, string Code)[] Communes = [("Thiers", "63430"), ("Riom", "63300"), ("Issoire", "63178"), ("Ambert", "63003"), ("Clermont-Ferrand", "63113")];

    public static List<JeuneFictif> Jeunes(int nombre, int graine, DateOnly liste)
    {
        var r = new Random(graine);
        var jeunes = new List<JeuneFictif>(nombre);
        for (var i = 0; i < nombre; i++)
        {
            var nom = Capitaliser(Syllabes[r.Next(Syllabes.Length)] + Syllabes[r.Next(Syllabes.Length)] + Syllabes[r.Next(Syllabes.Length)]);
            var (commune, code) = Communes[r.Next(Communes.Length)];
            jeunes.Add(new JeuneFictif(
                Ine: string.Create(CultureInfo.InvariantCulture, $"{graine % 100:D2}{i:D8}{(char)('A' + (i % 26))}"),
                Nom: nom,
                Prenom: Prenoms[r.Next(Prenoms.Length)],
                Naissance: liste.AddYears(-17 - r.Next(0, 4)).AddDays(-r.Next(0, 360)),
                Commune: commune,
                CodeInsee: code,
                Sortie: liste.AddDays(-r.Next(100, 300)),
                Telephone: string.Create(CultureInfo.InvariantCulture, $"06 {r.Next(10, 99)} {r.Next(10, 99)} {r.Next(10, 99)} {r.Next(10, 99)}")));
        }

        foreach (var j in jeunes)
        {
            JournalDeSuite.NoterValeurs(j.Nom, j.Prenom, j.Ine, j.Telephone);
        }

        return jeunes;
    }

    public static string Csv(IEnumerable<JeuneFictif> jeunes, bool avecIne = true, IEnumerable<string>? lignesEnPlus = null)
    {
        var sb = new StringBuilder();
        sb.Append(avecIne ? "INE;" : "").Append("Nom;Prénom;Date de naissance;Commune;Code INSEE;Téléphone;Date de sortie;Système de formation\r\n");
        foreach (var j in jeunes)
        {
            if (avecIne)
            {
                sb.Append(j.Ine).Append(';');
            }

            sb.Append(CultureInfo.InvariantCulture, $"{j.Nom};{j.Prenom};{j.Naissance:dd/MM/yyyy};{j.Commune};{j.CodeInsee};{j.Telephone};{j.Sortie:dd/MM/yyyy};scolaire\r\n");
        }

        foreach (var l in lignesEnPlus ?? [])
        {
            sb.Append(l).Append("\r\n");
        }

        return sb.ToString();
    }

    public static MemoryStream Flux(string csv) => new(new UTF8Encoding(true).GetBytes(csv));

    private static string Capitaliser(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}
