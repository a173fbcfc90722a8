using System.IO.Compression;

namespace Raccroche.Web.Features.Communes;

/// <summary>
/// Reads the generated commune file (tools/communes, <c>;</c>-separated, gzip):
/// code_insee;nom;codes_postaux;departement;region;epci;population;latitude;longitude;estime
/// </summary>
public static class CommunesCsv
{
    public const string EnTete = "code_insee;nom;codes_postaux;departement;region;epci;population;latitude;longitude;estime";

    public static List<Commune> LireEmbarque()
    {
        using var s = typeof(CommunesCsv).Assembly.GetManifestResourceStream("Raccroche.Seed.communes.csv.gz")
            ?? throw new InvalidOperationException("communes.csv.gz is not embedded.");
        using var gz = new GZipStream(s, CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        return Lire(reader);
    }

    public static List<Commune> Lire(TextReader reader)
    {
        var header = reader.ReadLine();
        if (header != EnTete)
        {
            throw new InvalidDataException($"Unexpected commune file header: '{header}'.");
        }

        var result = new List<Commune>(36_000);
        var ligne = 1;
        while (reader.ReadLine() is { } line)
        {
            ligne++;
            if (line.Length == 0)
            {
                continue;
            }

            var f = line.Split(';');
            if (f.Length != 10)
            {
                throw new InvalidDataException($"Commune file line {ligne}: {f.Length} fields instead of 10.");
            }

            result.Add(new Commune
            {
                CodeInsee = f[0],
                Nom = f[1],
                CodesPostaux = f[2],
                Departement = f[3],
                Region = f[4],
                Epci = f[5].Length == 0 ? null : f[5],
                Population = f[6].Length == 0 ? null : int.Parse(f[6], CultureInfo.InvariantCulture),
                Latitude = double.Parse(f[7], CultureInfo.InvariantCulture),
                Longitude = double.Parse(f[8], CultureInfo.InvariantCulture),
                PositionEstimee = f[9] == "1",
            });
        }

        return result;
    }
}
