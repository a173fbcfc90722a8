
namespace Raccroche.Tests.Unit;

/// <summary>Builds small, explicit test data: each test states the programmes and communes it relies on.</summary>
internal static class Fabrique
{
    public static readonly Commune Thiers = Commune("63430", "Thiers", "63300", "63", "84", "200071389", 45.856, 3.547, 11_500);
    public static readonly Commune Clermont = Commune("63113", "Clermont-Ferrand", "63000|63100", "63", "84", "246300701", 45.777, 3.087, 147_000);
    public static readonly Commune Lyon = Commune("69123", "Lyon", "69001|69002|69003|69009", "69", "84", "200046977", 45.758, 4.835, 520_000);
    public static readonly Commune SaintEtienne = Commune("42218", "Saint-Étienne", "42000|42100", "42", "84", "244200770", 45.434, 4.390, 173_000);
    public static readonly Commune Paris = Commune("75056", "Paris", "75001|75015", "75", "11", "200054781", 48.857, 2.352, 2_100_000);
    public static readonly Commune LePuy = Commune("43157", "Le Puy-en-Velay", "43000", "43", "84", "200073419", 45.043, 3.885, 19_000);
    public static readonly Commune SaintMartinA = Commune("38421", "Saint-Martin-d'Hères", "38400", "38", "84", "253800825", 45.167, 5.765, 38_000);
    public static readonly Commune BeaulieuA = Commune("07029", "Beaulieu", "07460", "07", "84", null, 44.35, 4.25, 450);
    public static readonly Commune BeaulieuB = Commune("15016", "Beaulieu", "15270", "15", "84", null, 45.45, 2.53, 120);

    public static RepertoireCommunes Communes { get; } = new([Thiers, Clermont, Lyon, SaintEtienne, Paris, LePuy, SaintMartinA, BeaulieuA, BeaulieuB]);

    public static Commune Commune(string code, string nom, string cps, string dep, string reg, string? epci, double lat, double lon, int pop) => new()
    {
        CodeInsee = code,
        Nom = nom,
        CodesPostaux = cps,
        Departement = dep,
        Region = reg,
        Epci = epci,
        Latitude = lat,
        Longitude = lon,
        Population = pop,
    };

    private static int _id;

    public static Dispositif Dispositif(string nom, string resume = "Un dispositif de test.", Action<Dispositif>? regler = null, params Commune[] lieux)
    {
        var id = Interlocked.Increment(ref _id);
        var structure = new Structure { Id = id, Slug = $"s{id}", Nom = "Structure " + nom, Type = "association" };
        var d = new Dispositif
        {
            Id = id,
            Slug = $"d{id}",
            Nom = nom,
            Resume = resume,
            Entrees = ["se-former"],
            Structure = structure,
            StructureId = structure.Id,
            ZoneType = ZoneType.France,
            Lieux = [.. lieux.Select((c, i) => new Lieu
            {
                Id = (id * 100) + i,
                Slug = $"l{id}-{i}",
                Nom = "Lieu de " + c.Nom,
                CodeInsee = c.CodeInsee,
                Latitude = c.Latitude,
                Longitude = c.Longitude,
            })],
        };
        regler?.Invoke(d);
        return d;
    }

    public static CatalogueIndex Index(params Dispositif[] dispositifs) => CatalogueIndex.Construire(dispositifs, Communes, 1);

    public static List<string> Noms(ResultatsRecherche r) => [.. r.Items.Select(h => h.Doc.Nom)];
}
