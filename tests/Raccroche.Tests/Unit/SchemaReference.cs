using Json.Schema;

namespace Raccroche.Tests.Unit;

/// <summary>
/// The reference data·inclusion schema (../shared/reference/data-inclusion-schema-v1, version 1.0.8) read by a real JSON
/// Schema validator (JsonSchema.Net, draft 2020-12, formats asserted), plus the rules upstream checks in code. Tests fail,
/// never skip, when the shared folder is missing.
/// </summary>
public static class SchemaReference
{
    private static readonly Lazy<(JsonSchema Structure, JsonSchema Service)> Schemas = new(() =>
    {
        var dossier = Partage("reference/data-inclusion-schema-v1");
        return (JsonSchema.FromText(File.ReadAllText(Path.Combine(dossier, "structure.json")), baseUri: new Uri("https://raccroche.test/data-inclusion/structure.json")),
            JsonSchema.FromText(File.ReadAllText(Path.Combine(dossier, "service.json")), baseUri: new Uri("https://raccroche.test/data-inclusion/service.json")));
    });

    // One options instance and one evaluation at a time: JsonSchema.Net rebuilds a schema's cached constraints when it
    // is given new options, and evaluations of a shared schema run in parallel then return wrong errors at random
    // (json-everything issue #929; seen here once in CI: a valid record of the ARA directory reported invalid).
    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };
    private static readonly Lock Evaluation = new();

    /// <summary>A file or folder of ../shared (beside the repository).</summary>
    public static string Partage(string chemin)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Raccroche.slnx")))
        {
            dir = dir.Parent;
        }

        var racine = dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
        var p = Path.GetFullPath(Path.Combine(racine, "../shared", chemin));
        Assert.True(File.Exists(p) || Directory.Exists(p), $"Shared file not found: {p} (the shared/ folder must sit beside the repository).");
        return p;
    }

    /// <summary>Every error of one record: the JSON Schema's, then upstream's code rules. Empty when valid.</summary>
    public static List<string> Erreurs(JsonElement enregistrement, bool service, DateOnly aujourdhui)
    {
        var schema = service ? Schemas.Value.Service : Schemas.Value.Structure;
        EvaluationResults r;
        lock (Evaluation)
        {
            r = schema.Evaluate(enregistrement, Options);
        }

        var erreurs = new List<string>();
        if (!r.IsValid)
        {
            erreurs.AddRange((r.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}"));
            if (erreurs.Count == 0)
            {
                erreurs.Add("invalid");
            }
        }

        if (enregistrement.TryGetProperty("date_maj", out var dm) && dm.ValueKind == JsonValueKind.String &&
            DateOnly.TryParseExact(dm.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) &&
            (date < new DateOnly(2000, 1, 1) || date > aujourdhui))
        {
            erreurs.Add($"/date_maj: {date} outside 2000-01-01..today");
        }

        if (enregistrement.TryGetProperty("publics", out var p) && p.ValueKind == JsonValueKind.Array &&
            p.EnumerateArray().Any(x => x.GetString() == "tous-publics") && p.GetArrayLength() > 1)
        {
            erreurs.Add("/publics: tous-publics with others");
        }

        return erreurs;
    }
}
