using Raccroche.Web.Features.Communes;

namespace Raccroche.Web.Features.Catalogue;

/// <summary>A validated search over the catalogue. Every filter is optional and they all combine.</summary>
public sealed record RequeteRecherche
{
    public string? Texte { get; init; }
    public string? Entree { get; init; }

    /// <summary>Thématiques or thématique categories; a programme matches if it has any of them.</summary>
    public IReadOnlyList<string> Thematiques { get; init; } = [];
    public int? Age { get; init; }
    public string? Niveau { get; init; }
    public string? Situation { get; init; }
    public Commune? Commune { get; init; }
    public double? RayonKm { get; init; }
    public string? Departement { get; init; }
    public bool Remunere { get; init; }
    public bool Internat { get; init; }
    public bool EntreePermanente { get; init; }
    public bool Gratuit { get; init; }
    public int Page { get; init; } = 1;
    public int Taille { get; init; } = 20;
}

public sealed record DispositifTrouve(DispositifDoc Doc, double Pertinence, double? DistanceKm, LieuDoc? LieuProche);

public sealed record ResultatsRecherche(int Total, IReadOnlyList<DispositifTrouve> Items, Facettes Facettes)
{
    /// <summary>When nothing matched: the query with its unknown words replaced by the nearest known ones ("Vouliez-vous dire").</summary>
    public string? Suggestion { get; init; }
}

// Shown in the OpenAPI document, hence in French.
/// <summary>Nombre de résultats par valeur de chaque filtre, à afficher à côté du filtre.</summary>
public sealed record Facettes(
    IReadOnlyDictionary<string, int> Entrees,
    IReadOnlyDictionary<string, int> Categories,
    IReadOnlyDictionary<string, int> Types,
    int Remunere,
    int Internat,
    int EntreePermanente,
    int Gratuit);
