using System.Text.Json.Serialization;

namespace Raccroche.Web.Features.Catalogue;

/// <summary>The shape of Donnees/Initiales/catalogue.json (snake_case, like the data·inclusion files).</summary>
public sealed record CatalogueInitial(List<StructureSeed> Structures, List<DispositifSeed> Dispositifs)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static CatalogueInitial Lire(Stream stream) =>
        JsonSerializer.Deserialize<CatalogueInitial>(stream, Json) ?? throw new InvalidOperationException("catalogue.json is empty.");

    public static CatalogueInitial Embarque()
    {
        using var s = typeof(CatalogueInitial).Assembly.GetManifestResourceStream("Raccroche.Seed.catalogue.json")
            ?? throw new InvalidOperationException("catalogue.json is not embedded.");
        return Lire(s);
    }
}

public sealed record ZoneSeed(string Type, List<string> Codes)
{
    public ZoneType ZoneType => Type switch
    {
        "france" => ZoneType.France,
        "region" => ZoneType.Region,
        "departements" => ZoneType.Departements,
        "epci" => ZoneType.Epci,
        "communes" => ZoneType.Communes,
        _ => throw new InvalidOperationException($"Unknown zone type '{Type}'."),
    };
}

public sealed record LieuSeed(
    string Id, string Nom, string? Adresse, string? CodePostal, string CodeInsee,
    string? Horaires, bool? AccessiblePmr, string? Telephone, string? Courriel,
    double? Latitude = null, double? Longitude = null);

public sealed record StructureSeed(
    string Id, string Nom, string Type, string? ReseauPorteur, string? Siret, string? SiteWeb,
    string Description, string? Courriel, string? Telephone, ZoneSeed ZoneCompetence, List<LieuSeed> Lieux);

public sealed record DispositifSeed(
    string Id, string Nom, string Resume, string Description,
    List<string> Entrees, List<string> Thematiques, [property: JsonPropertyName("type")] string? TypeService, List<string> Publics,
    int? AgeMin, int? AgeMax, List<string> Niveaux, List<string> Situations, string? ConditionsAcces,
    int? DureeSemaines, int? HeuresHebdo, bool? Internat, bool? Remunere, string? RemunerationDetail,
    string? Frais, bool? EntreePermanente, int? Capacite, List<string> ModesMobilisation,
    List<string> PersonnesMobilisatrices, bool PrescriptionProfessionnel, string? LienMobilisation,
    ZoneSeed Zone, string Structure, List<string> Lieux, DateOnly DateMaj, string? Source, bool Suspendu = false)
{
    /// <summary>The zone under the names of <see cref="Dispositif"/>, so that the seed is copied by <see cref="ChampsDispositif"/>.</summary>
    [JsonIgnore] public ZoneType ZoneType => Zone.ZoneType;

    [JsonIgnore] public List<string> ZoneCodes => Zone.Codes;
}
