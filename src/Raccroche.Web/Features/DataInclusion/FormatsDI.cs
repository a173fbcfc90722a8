using CsvHelper;
using CsvHelper.Configuration;

namespace Raccroche.Web.Features.DataInclusion;

/// <summary>The three file formats of data·inclusion records.</summary>
public enum FormatDI
{
    Json,
    Csv,
    GeoJson,
}

/// <summary>
/// Writing and reading data·inclusion files, record by record (nothing is held beyond the record being written, so an
/// export of any size streams). JSON: an array of objects, every field present (null when empty). CSV: UTF-8 without byte
/// order mark, comma-separated, RFC 4180 quoting, a header of the schema's field names, lists joined by commas (no
/// vocabulary value and no COG code holds one). GeoJSON: a FeatureCollection of Points (EPSG:4326, [longitude, latitude]),
/// a null geometry when the record has no position, every field in <c>properties</c>.
/// </summary>
public static class FormatsDI
{
    public static string Extension(FormatDI f) => f switch { FormatDI.Csv => "csv", FormatDI.GeoJson => "geojson", _ => "json" };

    public static string TypeContenu(FormatDI f) => f switch
    {
        FormatDI.Csv => "text/csv; charset=utf-8",
        FormatDI.GeoJson => "application/geo+json",
        _ => "application/json; charset=utf-8",
    };

    public static void EcrireObjet(Utf8JsonWriter w, EnregistrementDI r)
    {
        w.WriteStartObject();
        EcrireChamps(w, r);
        w.WriteEndObject();
    }

    private static void EcrireChamps(Utf8JsonWriter w, EnregistrementDI r)
    {
        for (var i = 0; i < r.Schema.Champs.Count; i++)
        {
            w.WritePropertyName(r.Schema.Champs[i].Nom);
            switch (r[i])
            {
                case null: w.WriteNullValue(); break;
                case string s: w.WriteStringValue(s); break;
                case double d: w.WriteNumberValue(d); break;
                case long n: w.WriteNumberValue(n); break;
                case List<string> l:
                    w.WriteStartArray();
                    foreach (var x in l)
                    {
                        w.WriteStringValue(x);
                    }

                    w.WriteEndArray();
                    break;
                default: w.WriteNullValue(); break;
            }
        }
    }

    /// <summary>Writes every record in one format to <paramref name="flux"/>, flushing as it goes; returns the count.</summary>
    public static async Task<int> EcrireAsync(Stream flux, FormatDI format, SchemaDI schema, IAsyncEnumerable<EnregistrementDI> enregistrements, CancellationToken ct = default)
    {
        var n = 0;
        if (format == FormatDI.Csv)
        {
            await using var texte = new StreamWriter(flux, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
            await using var csv = new CsvWriter(texte, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\r\n" });
            foreach (var c in schema.Champs)
            {
                csv.WriteField(c.Nom);
            }

            await csv.NextRecordAsync();
            await foreach (var r in enregistrements.WithCancellation(ct))
            {
                for (var i = 0; i < schema.Champs.Count; i++)
                {
                    csv.WriteField(Cellule(r[i]));
                }

                await csv.NextRecordAsync();
                n++;
            }

            return n;
        }

        await using var w = new Utf8JsonWriter(flux, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        if (format == FormatDI.GeoJson)
        {
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WritePropertyName("features");
        }

        w.WriteStartArray();
        await foreach (var r in enregistrements.WithCancellation(ct))
        {
            if (format == FormatDI.GeoJson)
            {
                EcrireEntite(w, r);
            }
            else
            {
                EcrireObjet(w, r);
            }

            if (++n % 500 == 0)
            {
                await w.FlushAsync(ct);
            }
        }

        w.WriteEndArray();
        if (format == FormatDI.GeoJson)
        {
            w.WriteEndObject();
        }

        await w.FlushAsync(ct);
        return n;
    }

    private static void EcrireEntite(Utf8JsonWriter w, EnregistrementDI r)
    {
        w.WriteStartObject();
        w.WriteString("type", "Feature");
        w.WritePropertyName("geometry");
        if (r.Nombre("latitude") is { } lat && r.Nombre("longitude") is { } lon)
        {
            w.WriteStartObject();
            w.WriteString("type", "Point");
            w.WriteStartArray("coordinates");
            w.WriteNumberValue(lon);
            w.WriteNumberValue(lat);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        else
        {
            w.WriteNullValue();
        }

        w.WriteStartObject("properties");
        EcrireChamps(w, r);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static string? Cellule(object? v) => v switch
    {
        null => null,
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        long n => n.ToString(CultureInfo.InvariantCulture),
        List<string> l => string.Join(',', l),
        _ => null,
    };

    /// <summary>The format of an uploaded file, from its first significant character and its name.</summary>
    public static FormatDI Deviner(ReadOnlySpan<byte> debut, string nom)
    {
        foreach (var b in debut)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF)
            {
                continue;
            }

            return b switch
            {
                (byte)'[' => FormatDI.Json,
                (byte)'{' => FormatDI.GeoJson,
                _ => FormatDI.Csv,
            };
        }

        return nom.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? FormatDI.Csv : FormatDI.Json;
    }

    /// <summary>
    /// Reads a file of structures and/or services (a service has <c>structure_id</c>). JSON: an array, or an object with
    /// <c>items</c> (a page of our API) or <c>features</c> (GeoJSON). A record that is not an object is reported at its rank.
    /// </summary>
    public static IEnumerable<LuDI> Lire(Stream flux, string nomFichier)
    {
        var tete = new byte[64];
        var lus = flux.Read(tete, 0, tete.Length);
        var reste = new MemoryStream();
        reste.Write(tete, 0, lus);
        flux.CopyTo(reste);
        reste.Position = 0;
        var format = Deviner(tete.AsSpan(0, lus), nomFichier);
        return format == FormatDI.Csv ? LireCsv(reste) : LireJson(reste);
    }

    private static IEnumerable<LuDI> LireJson(Stream flux)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(flux, new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            return [new LuDI(0, null, $"Le fichier n'est pas du JSON valide (ligne {(e.LineNumber ?? 0) + 1}).")];
        }

        return Elements(doc);
    }

    private static IEnumerable<LuDI> Elements(JsonDocument doc)
    {
        using (doc)
        {
            var racine = doc.RootElement;
            var geo = false;
            if (racine.ValueKind == JsonValueKind.Object)
            {
                if (racine.TryGetProperty("features", out var f))
                {
                    racine = f;
                    geo = true;
                }
                else if (racine.TryGetProperty("items", out var it))
                {
                    racine = it;
                }
            }

            if (racine.ValueKind != JsonValueKind.Array)
            {
                yield return new LuDI(0, null, "Un tableau d'enregistrements (ou une FeatureCollection GeoJSON) est attendu.");
                yield break;
            }

            var rang = 0;
            foreach (var e in racine.EnumerateArray())
            {
                rang++;
                var objet = e;
                JsonElement? geometrie = null;
                if (geo)
                {
                    if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("properties", out objet))
                    {
                        yield return new LuDI(rang, null, "Chaque Feature doit avoir des « properties ».");
                        continue;
                    }

                    if (e.TryGetProperty("geometry", out var g) && g.ValueKind == JsonValueKind.Object)
                    {
                        geometrie = g;
                    }
                }

                if (objet.ValueKind != JsonValueKind.Object)
                {
                    yield return new LuDI(rang, null, "Un objet JSON est attendu pour chaque enregistrement.");
                    continue;
                }

                var schema = objet.TryGetProperty("structure_id", out _) ? SchemaDI.Service : SchemaDI.Structure;
                var r = new EnregistrementDI(schema);
                for (var i = 0; i < schema.Champs.Count; i++)
                {
                    if (objet.TryGetProperty(schema.Champs[i].Nom, out var v))
                    {
                        r[i] = EnregistrementDI.DepuisJson(schema.Champs[i], v);
                    }
                }

                if (geometrie is { } pt && r["latitude"] is null && r["longitude"] is null &&
                    pt.TryGetProperty("coordinates", out var co) && co.ValueKind == JsonValueKind.Array && co.GetArrayLength() >= 2 &&
                    co[0].ValueKind == JsonValueKind.Number && co[1].ValueKind == JsonValueKind.Number)
                {
                    r["longitude"] = co[0].GetDouble();
                    r["latitude"] = co[1].GetDouble();
                }

                yield return new LuDI(rang, r, null);
            }
        }
    }

    private static IEnumerable<LuDI> LireCsv(Stream flux)
    {
        using var texte = new StreamReader(flux, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(texte, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            BadDataFound = null,
            MissingFieldFound = null,
        });
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } entetes)
        {
            yield return new LuDI(0, null, "Le fichier CSV n'a pas de ligne d'en-tête.");
            yield break;
        }

        var noms = entetes.Select(h => h.Trim()).ToArray();
        var schema = noms.Contains("structure_id") ? SchemaDI.Service : SchemaDI.Structure;
        var colonnes = schema.Champs.Select(c => Array.IndexOf(noms, c.Nom)).ToArray();
        var ligne = 1;
        while (csv.Read())
        {
            ligne++;
            var r = new EnregistrementDI(schema);
            for (var i = 0; i < schema.Champs.Count; i++)
            {
                if (colonnes[i] >= 0)
                {
                    r[i] = EnregistrementDI.DepuisTexte(schema.Champs[i], csv.GetField(colonnes[i]));
                }
            }

            yield return new LuDI(ligne, r, null);
        }
    }
}

/// <summary>One record read from a file (its rank, or its line in a CSV), or why it could not be read.</summary>
public sealed record LuDI(int Rang, EnregistrementDI? Enregistrement, string? Erreur);
