namespace Raccroche.Web.Features.DataInclusion;

/// <summary>
/// One data·inclusion record (a structure or a service): a value per field of its <see cref="SchemaDI"/>, typed as the
/// schema says (<c>string</c>, <c>double</c>, <c>long</c>, <c>List&lt;string&gt;</c>, null), or a
/// <see cref="ValeurInvalide"/> where a file held something else.
/// </summary>
public sealed class EnregistrementDI
{
    private readonly object?[] _valeurs;

    public EnregistrementDI(SchemaDI schema)
    {
        Schema = schema;
        _valeurs = new object?[schema.Champs.Count];
    }

    public SchemaDI Schema { get; }

    public object? this[int i]
    {
        get => _valeurs[i];
        set => _valeurs[i] = value;
    }

    public object? this[string champ]
    {
        get => Schema.Index(champ) is >= 0 and var i ? _valeurs[i] : null;
        set => _valeurs[Schema.Index(champ) is >= 0 and var i ? i : throw new ArgumentException($"No field {champ} in {Schema.Nom}.")] = value;
    }

    public string? Texte(string champ) => this[champ] as string;

    public double? Nombre(string champ) => this[champ] as double?;

    public long? Entier(string champ) => this[champ] as long?;

    public List<string> Liste(string champ) => this[champ] as List<string> ?? [];

    /// <summary>The record's own id, or the text found in its place (for the report), or "".</summary>
    public string Id => this["id"] as string ?? "";

    /// <summary>Every field's error, in the schema's order.</summary>
    public IEnumerable<(string Champ, string Message)> Erreurs(DateOnly aujourdhui)
    {
        for (var i = 0; i < _valeurs.Length; i++)
        {
            if (SchemaDI.Controler(Schema.Champs[i], _valeurs[i], aujourdhui) is { } m)
            {
                yield return (Schema.Champs[i].Nom, m);
            }
        }
    }

    /// <summary>
    /// A stable text of the record (the JSON our files write), what "inchangé" compares: two reads of the same record give
    /// the same text whatever the file's format.
    /// </summary>
    public string Empreinte()
    {
        using var m = new MemoryStream();
        using (var w = new Utf8JsonWriter(m, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            FormatsDI.EcrireObjet(w, this);
        }

        return Encoding.UTF8.GetString(m.ToArray());
    }

    /// <summary>Types a value read from a text cell (CSV): empty is null, lists are comma-separated or a JSON array.</summary>
    public static object? DepuisTexte(ChampDI c, string? cellule)
    {
        var s = cellule?.Trim();
        if (string.IsNullOrEmpty(s))
        {
            return null;
        }

        switch (c.Genre)
        {
            case GenreChampDI.Nombre:
                return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : new ValeurInvalide($"Un nombre est attendu (ici « {s} »), avec un point décimal.");
            case GenreChampDI.Entier:
                return long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : new ValeurInvalide($"Un nombre entier est attendu (ici « {s} »).");
            case GenreChampDI.Liste when s.StartsWith('['):
                try
                {
                    using var doc = JsonDocument.Parse(s);
                    return DepuisJson(c, doc.RootElement);
                }
                catch (JsonException)
                {
                    return new ValeurInvalide("Liste illisible : des valeurs séparées par des virgules, ou un tableau JSON, sont attendues.");
                }

            case GenreChampDI.Liste:
                return s.Split(',').Select(x => x.Trim()).Where(x => x.Length > 0).ToList();
            default:
                return cellule;
        }
    }

    /// <summary>Types a JSON value as its field expects.</summary>
    public static object? DepuisJson(ChampDI c, JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        switch (c.Genre)
        {
            case GenreChampDI.Texte:
                return e.ValueKind == JsonValueKind.String ? e.GetString() : new ValeurInvalide("Un texte est attendu.");
            case GenreChampDI.Nombre:
                return e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out var d) ? d : new ValeurInvalide("Un nombre est attendu.");
            case GenreChampDI.Entier:
                return e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var n) ? n : new ValeurInvalide("Un nombre entier est attendu.");
            default:
                if (e.ValueKind != JsonValueKind.Array)
                {
                    return new ValeurInvalide("Une liste de valeurs est attendue.");
                }

                var l = new List<string>();
                foreach (var x in e.EnumerateArray())
                {
                    if (x.ValueKind != JsonValueKind.String)
                    {
                        return new ValeurInvalide("Une liste de textes est attendue.");
                    }

                    l.Add(x.GetString()!);
                }

                return l;
        }
    }
}
