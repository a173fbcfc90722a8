namespace Raccroche.Web.Commun;

/// <summary>Map tiles: the URL template and attribution are configurable (Map:TileUrl, Map:Attribution).</summary>
public sealed class CarteOptions
{
    public string TileUrl { get; set; } = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
    public string Attribution { get; set; } = "© les contributeurs d'OpenStreetMap";
}
