
namespace Raccroche.Web.Features.Communes;

/// <summary>
/// Imports an official commune file with coordinates (INSEE / La Poste CSV, ';' or ',' separated)
/// and overrides the positions of the communes it names. All or nothing: a single malformed line
/// and nothing is written; the report lists every faulty line.
/// Recognised columns: the INSEE code (code_commune_insee, code_insee, code_commune), and either
/// latitude + longitude or a "coordonnees_gps" column holding "lat, lon".
/// </summary>
public sealed class ImportCommunes(RaccrocheDbContext db)
{
    public async Task<RapportImport> ImportAsync(Stream stream, CancellationToken ct = default)
    {
        using var reader = new StreamReader(stream);
        var premiere = await reader.ReadLineAsync(ct) ?? "";
        var separateur = premiere.Count(c => c == ';') >= premiere.Count(c => c == ',') ? ";" : ",";
        var entetes = Csv.Champs(premiere, separateur[0]).Select(h => h.Trim().Trim('"', '#', '\uFEFF').ToLowerInvariant()).ToArray();
        var rapport = new RapportImport();
        var iCode = Array.FindIndex(entetes, h => h is "code_commune_insee" or "code_insee" or "code_commune" or "codgeo" or "com");
        var iLat = Array.FindIndex(entetes, h => h is "latitude" or "lat");
        var iLon = Array.FindIndex(entetes, h => h is "longitude" or "lon" or "lng");
        var iGps = Array.FindIndex(entetes, h => h is "coordonnees_gps" or "coordonnees_geographiques");
        if (iCode < 0 || ((iLat < 0 || iLon < 0) && iGps < 0))
        {
            rapport.Erreurs.Add(new ErreurLigne(1, "En-tête : il faut une colonne de code INSEE (code_commune_insee) et des coordonnées (latitude et longitude, ou coordonnees_gps)."));
            return rapport;
        }

        var positions = new Dictionary<string, (double Lat, double Lon)>(StringComparer.Ordinal);
        var ligne = 1;
        while (await reader.ReadLineAsync(ct) is { } texte)
        {
            ligne++;
            if (texte.Length == 0)
            {
                continue;
            }

            var champs = Csv.Champs(texte, separateur[0]);
            var code = champs.ElementAtOrDefault(iCode)?.Trim() ?? "";
            if (code.Length == 4 && code.All(char.IsAsciiDigit))
            {
                code = "0" + code; // spreadsheets drop the leading zero of Ain, Aisne...
            }

            string? lat, lon;
            if (iLat >= 0 && iLon >= 0)
            {
                lat = champs.ElementAtOrDefault(iLat);
                lon = champs.ElementAtOrDefault(iLon);
            }
            else
            {
                var gps = (champs.ElementAtOrDefault(iGps) ?? "").Split(',', 2);
                lat = gps.ElementAtOrDefault(0);
                lon = gps.ElementAtOrDefault(1);
            }

            if (code.Length != 5)
            {
                rapport.Erreurs.Add(new ErreurLigne(ligne, $"Code INSEE « {code} » invalide : il doit compter 5 caractères."));
                continue;
            }

            if (string.IsNullOrWhiteSpace(lat) && string.IsNullOrWhiteSpace(lon))
            {
                rapport.SansCoordonnees++;
                continue;
            }

            if (!double.TryParse(lat?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var la) || la is < -90 or > 90 ||
                !double.TryParse(lon?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var lo) || lo is < -180 or > 180)
            {
                rapport.Erreurs.Add(new ErreurLigne(ligne, $"Coordonnées « {lat} ; {lon} » illisibles pour la commune {code}."));
                continue;
            }

            // La Poste lists a commune once per postcode: the first position wins.
            positions.TryAdd(code, (la, lo));
        }

        if (rapport.Erreurs.Count > 0)
        {
            return rapport;
        }

        return await db.EnTransactionAsync(async tx =>
        {
            var communes = await db.Communes.ToListAsync(ct);
            foreach (var c in communes)
            {
                if (positions.Remove(c.CodeInsee, out var p))
                {
                    rapport.Remplacees += c.PositionEstimee ? 1 : 0;
                    rapport.MisesAJour++;
                    c.Latitude = p.Lat;
                    c.Longitude = p.Lon;
                    c.PositionEstimee = false;
                }
            }

            rapport.Inconnues = positions.Count;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return rapport;
        }, ct);
    }
}

public sealed record ErreurLigne(int Ligne, string Message);

public sealed class RapportImport
{
    public List<ErreurLigne> Erreurs { get; } = [];
    public int MisesAJour { get; set; }
    public int Remplacees { get; set; }
    public int Inconnues { get; set; }
    public int SansCoordonnees { get; set; }

    public string Resume() => Erreurs.Count > 0
        ? $"Import refusé, rien n'a été écrit : {Erreurs.Count} ligne(s) en erreur.\n" +
          string.Join('\n', Erreurs.Select(e => $"  ligne {e.Ligne} : {e.Message}"))
        : $"Import terminé : {MisesAJour} communes mises à jour dont {Remplacees} positions estimées remplacées ; " +
          $"{Inconnues} codes inconnus ignorés (anciennes communes, communes déléguées) ; {SansCoordonnees} lignes sans coordonnées.";
}

/// <summary>Splits one CSV line, honouring double quotes ("a;b" stays one field, "" is a quote).</summary>
public static class Csv
{
    public static List<string> Champs(string ligne, char separateur)
    {
        var champs = new List<string>();
        var sb = new System.Text.StringBuilder();
        var entreGuillemets = false;
        for (var i = 0; i < ligne.Length; i++)
        {
            var c = ligne[i];
            if (entreGuillemets)
            {
                if (c == '"' && i + 1 < ligne.Length && ligne[i + 1] == '"')
                {
                    sb.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    entreGuillemets = false;
                }
                else
                {
                    sb.Append(c);
                }
            }
            else if (c == '"')
            {
                entreGuillemets = true;
            }
            else if (c == separateur)
            {
                champs.Add(sb.ToString());
                sb.Clear();
            }
            else
            {
                sb.Append(c);
            }
        }

        champs.Add(sb.ToString());
        return champs;
    }
}
