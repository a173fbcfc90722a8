using CsvHelper;
using CsvHelper.Configuration;

namespace Raccroche.Web.Features.Decrocheurs;

/// <summary>A file read as a table: its header line and its rows, each with its line number in the file.</summary>
public sealed record Tableau(IReadOnlyList<string> EnTetes, IReadOnlyList<LigneTableau> Lignes);

/// <summary>One row: the line a person sees in their spreadsheet (the header is line 1) and its cells.</summary>
public sealed record LigneTableau(int Numero, IReadOnlyList<string> Cellules)
{
    public string? Cellule(int colonne) => colonne < Cellules.Count ? Cellules[colonne] : null;
}

/// <summary>Why a file could not be read as a table at all.</summary>
public sealed class FichierIlisibleException(string message) : Exception(message);

/// <summary>
/// Reads CSV (";" or ",", UTF-8 with or without BOM, or Windows-1252, quoted fields over several lines)
/// and XLSX (first sheet) by their content, not their name. Refuses, with a French sentence, what is
/// empty, too large, or neither.
/// </summary>
public static class LecteurTableau
{
    public const long TailleMaximale = 50L * 1024 * 1024;

    static LecteurTableau() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Tableau Lire(Stream flux) => Lire(Octets(flux));

    /// <summary>The whole file, refused past <see cref="TailleMaximale"/> without reading further.</summary>
    public static byte[] Octets(Stream flux)
    {
        using var memoire = new MemoryStream();
        var tampon = new byte[81920];
        int lus;
        while ((lus = flux.Read(tampon, 0, tampon.Length)) > 0)
        {
            Ajouter(memoire, tampon, lus);
        }

        return memoire.ToArray();
    }

    /// <inheritdoc cref="Octets(Stream)"/>
    public static async Task<byte[]> OctetsAsync(Stream flux, CancellationToken ct)
    {
        using var memoire = new MemoryStream();
        var tampon = new byte[81920];
        int lus;
        while ((lus = await flux.ReadAsync(tampon, ct)) > 0)
        {
            Ajouter(memoire, tampon, lus);
        }

        return memoire.ToArray();
    }

    private static void Ajouter(MemoryStream memoire, byte[] tampon, int lus)
    {
        if (memoire.Length + lus > TailleMaximale)
        {
            throw new FichierIlisibleException("Le fichier dépasse 50 Mo : découpez-le (par exemple par mois) avant de l'importer.");
        }

        memoire.Write(tampon, 0, lus);
    }

    public static Tableau Lire(byte[] octets)
    {
        if (octets.Length == 0 || octets.All(b => b is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t'))
        {
            throw new FichierIlisibleException("Le fichier est vide.");
        }

        // XLSX is a ZIP archive: "PK\x03\x04".
        if (octets.Length > 4 && octets[0] == 'P' && octets[1] == 'K' && octets[2] == 3 && octets[3] == 4)
        {
            return Xlsx(octets);
        }

        if (Array.IndexOf(octets, (byte)0) >= 0)
        {
            throw new FichierIlisibleException("Ce fichier n'est ni un CSV ni un classeur XLSX : enregistrez la liste au format CSV (séparateur « ; ») ou XLSX.");
        }

        return Csv(Decoder(octets));
    }

    /// <summary>UTF-8 when the bytes are valid UTF-8 (BOM or not), else Windows-1252 (what Excel writes in France).</summary>
    public static string Decoder(byte[] octets)
    {
        var debut = octets.Length >= 3 && octets[0] == 0xEF && octets[1] == 0xBB && octets[2] == 0xBF ? 3 : 0;
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(octets, debut, octets.Length - debut);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252).GetString(octets);
        }
    }

    private static Tableau Csv(string texte)
    {
        var premiere = texte.AsSpan(0, Math.Max(0, texte.IndexOfAny(['\r', '\n']) is var i and >= 0 ? i : texte.Length));
        var separateur = premiere.Count(';') >= premiere.Count(',') ? ";" : ",";
        if (premiere.Count(';') == 0 && premiere.Count(',') == 0 && premiere.Count('\t') > 0)
        {
            separateur = "\t";
        }

        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = separateur,
            HasHeaderRecord = false,
            BadDataFound = null,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
            TrimOptions = TrimOptions.None,

            // One string per distinct cell value: communes, schools, trainings, dates repeat across a list's rows.
            CacheFields = true,
        };
        using var lecteur = new CsvReader(new StringReader(texte), config);
        var lignes = new List<LigneTableau>();
        IReadOnlyList<string>? entetes = null;
        while (lecteur.Read())
        {
            // The record's number, as a spreadsheet shows it (header = 1), even when a quoted cell spans lines.
            var numero = lecteur.Parser.Row;
            var cellules = lecteur.Parser.Record ?? [];
            if (entetes is null)
            {
                entetes = cellules;
                continue;
            }

            if (cellules.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            lignes.Add(new LigneTableau(numero, cellules));
        }

        return new Tableau(entetes ?? [], lignes);
    }

    private static Tableau Xlsx(byte[] octets)
    {
        List<IDictionary<string, object?>> lignesBrutes;
        try
        {
            using var m = new MemoryStream(octets);
            lignesBrutes = MiniExcelLibs.MiniExcel.Query(m, useHeaderRow: false, excelType: MiniExcelLibs.ExcelType.XLSX)
                .Select(r => (IDictionary<string, object?>)r).ToList();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new FichierIlisibleException("Ce classeur XLSX ne peut pas être lu (fichier abîmé ou protégé par un mot de passe) : enregistrez-le de nouveau, ou au format CSV.");
        }

        if (lignesBrutes.Count == 0)
        {
            throw new FichierIlisibleException("La première feuille du classeur est vide.");
        }

        // MiniExcel names columns A, B, C...; rows are numbered as in the spreadsheet when read in order.
        var colonnes = lignesBrutes[0].Keys.ToList();
        // One string per distinct cell value, as the CSV reader does (repeated communes, schools, trainings).
        var uniques = new ChainesUniques();
        string Texte(object? v) => uniques.Une(v switch
        {
            null => "",
            DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            double x => x.ToString(CultureInfo.InvariantCulture),
            decimal x => x.ToString(CultureInfo.InvariantCulture),
            bool b => b ? "oui" : "non",
            _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
        });
        var entetes = colonnes.Select(c => Texte(lignesBrutes[0][c])).ToList();
        var lignes = new List<LigneTableau>();
        for (var i = 1; i < lignesBrutes.Count; i++)
        {
            var cellules = colonnes.Select(c => lignesBrutes[i].TryGetValue(c, out var v) ? Texte(v) : "").ToList();
            if (!cellules.All(string.IsNullOrWhiteSpace))
            {
                lignes.Add(new LigneTableau(i + 1, cellules));
            }
        }

        return new Tableau(entetes, lignes);
    }
}
