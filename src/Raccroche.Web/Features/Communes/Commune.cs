namespace Raccroche.Web.Features.Communes;

/// <summary>A current French commune (code officiel géographique).</summary>
public sealed class Commune
{
    public required string CodeInsee { get; set; }
    public required string Nom { get; set; }

    /// <summary>Postcodes joined with '|' (a commune can have several, a postcode several communes).</summary>
    public string CodesPostaux { get; set; } = "";
    public required string Departement { get; set; }
    public required string Region { get; set; }
    public string? Epci { get; set; }
    public int? Population { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }

    /// <summary>True when the position was estimated from neighbouring communes rather than read from a source.</summary>
    public bool PositionEstimee { get; set; }

    public IEnumerable<string> ListeCodesPostaux() =>
        CodesPostaux.Split('|', StringSplitOptions.RemoveEmptyEntries);
}
