using System.Xml.Linq;

namespace Raccroche.Web.Features.Observatoire;

/// <summary>One bar of a chart: its label, its value (null: masked or not available, drawn as a marker, not a bar).</summary>
public sealed record Barre(string Libelle, long? Valeur, string Texte);

/// <summary>A département of a map: its code, name, value (null: masked or not available) and what its cell shows.</summary>
public sealed record ZoneCarte(string Code, string Nom, long? Valeur, string Texte);

/// <summary>
/// Charts drawn on the server as SVG: no chart library in the browser, printable, readable without JavaScript. Each chart is
/// an image with a title and a description (<c>role="img"</c>, <c>aria-labelledby</c>); the same figures are always in the
/// HTML table next to it. Built as XML, so every text is escaped.
/// </summary>
public static class Graphiques
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static string Barres(string id, string titre, string description, IReadOnlyList<Barre> barres)
    {
        const int largeur = 640, hauteur = 260, gauche = 48, bas = 40, haut = 16;
        var max = Math.Max(1, barres.Select(b => b.Valeur ?? 0).DefaultIfEmpty(0).Max());
        var pas = (double)(largeur - gauche - 8) / Math.Max(1, barres.Count);
        var echelle = (double)(hauteur - bas - haut) / max;
        var svg = new XElement(Svg + "svg",
            new XAttribute("viewBox", $"0 0 {largeur} {hauteur}"),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", $"{id}-titre {id}-desc"),
            new XAttribute("class", "graphique"),
            new XElement(Svg + "title", new XAttribute("id", $"{id}-titre"), titre),
            new XElement(Svg + "desc", new XAttribute("id", $"{id}-desc"), description),
            new XElement(Svg + "line", Attr("x1", gauche), Attr("y1", hauteur - bas), Attr("x2", largeur - 4), Attr("y2", hauteur - bas), new XAttribute("class", "axe")),
            new XElement(Svg + "text", Attr("x", gauche - 6), Attr("y", haut + 4), new XAttribute("text-anchor", "end"), new XAttribute("class", "graduation"), Format.Nombre(max)),
            new XElement(Svg + "text", Attr("x", gauche - 6), Attr("y", hauteur - bas), new XAttribute("text-anchor", "end"), new XAttribute("class", "graduation"), "0"));
        for (var i = 0; i < barres.Count; i++)
        {
            var b = barres[i];
            var x = gauche + (i * pas) + (pas * 0.15);
            var l = pas * 0.7;
            if (b.Valeur is { } v)
            {
                var h = v * echelle;
                svg.Add(new XElement(Svg + "rect", Attr("x", x), Attr("y", hauteur - bas - h), Attr("width", l), Attr("height", h), new XAttribute("class", "barre")));
            }

            svg.Add(new XElement(Svg + "text", Attr("x", x + (l / 2)), Attr("y", hauteur - bas - 4 - ((b.Valeur ?? 0) * echelle)), new XAttribute("text-anchor", "middle"), new XAttribute("class", "etiquette"), b.Texte));
            svg.Add(new XElement(Svg + "text", Attr("x", x + (l / 2)), Attr("y", hauteur - bas + 16), new XAttribute("text-anchor", "middle"), new XAttribute("class", "graduation"), b.Libelle));
        }

        return svg.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>
    /// A choropleth of départements drawn as tiles: each département is a square at the mean position of its communes
    /// (<paramref name="positions"/>, latitude and longitude), coloured by its class among five of equal counts (darker:
    /// more); a masked or empty one has a hatched tile. A schematic map: no boundary data needed, readable at 320 px,
    /// each tile titled with its name and figure. Overseas départements are in the table only (they would shrink the rest).
    /// </summary>
    public static string Carte(string id, string titre, string description, IReadOnlyList<ZoneCarte> zones, IReadOnlyDictionary<string, (double Latitude, double Longitude)> positions)
    {
        const int largeur = 640, hauteur = 480, marge = 40;
        var places = zones.Where(z => positions.ContainsKey(z.Code) && !z.Code.StartsWith("97", StringComparison.Ordinal))
            .Select(z => (Zone: z, X: positions[z.Code].Longitude * Math.Cos(46.5 * Math.PI / 180), Y: -positions[z.Code].Latitude)).ToList();
        var svg = new XElement(Svg + "svg",
            new XAttribute("viewBox", $"0 0 {largeur} {hauteur}"),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", $"{id}-titre {id}-desc"),
            new XAttribute("class", "graphique carte"),
            new XElement(Svg + "title", new XAttribute("id", $"{id}-titre"), titre),
            new XElement(Svg + "desc", new XAttribute("id", $"{id}-desc"), description));
        if (places.Count == 0)
        {
            return svg.ToString(SaveOptions.DisableFormatting);
        }

        var (minX, maxX, minY, maxY) = (places.Min(p => p.X), places.Max(p => p.X), places.Min(p => p.Y), places.Max(p => p.Y));
        var echelle = Math.Min((largeur - (2 * marge)) / Math.Max(maxX - minX, 0.5), (hauteur - (2 * marge) - 30) / Math.Max(maxY - minY, 0.5));

        // Tiles as large as the closest two centres allow, so that they do not overlap.
        var proche = places.Count < 2 ? 80.0 : places.SelectMany((a, i) => places.Skip(i + 1).Select(b => Math.Max(Math.Abs(a.X - b.X), Math.Abs(a.Y - b.Y)) * echelle)).Min();
        var cote = Math.Clamp(proche * 0.92, 26, 80);
        var valeurs = places.Where(p => p.Zone.Valeur is > 0).Select(p => p.Zone.Valeur!.Value).Order().ToList();
        int Classe(long v) => valeurs.Count == 0 ? 0 : Math.Min(4, 5 * valeurs.Count(x => x < v) / valeurs.Count);
        foreach (var (zone, x, y) in places)
        {
            var cx = marge + ((x - minX) * echelle) + ((largeur - (2 * marge) - ((maxX - minX) * echelle)) / 2);
            var cy = marge + ((y - minY) * echelle);
            var classe = zone.Valeur is { } v && v > 0 ? $"tuile classe-{Classe(v)}" : "tuile vide";
            svg.Add(new XElement(Svg + "g", new XAttribute("class", classe),
                new XElement(Svg + "title", $"{zone.Nom} : {zone.Texte}"),
                new XElement(Svg + "rect", Attr("x", cx - (cote / 2)), Attr("y", cy - (cote / 2)), Attr("width", cote), Attr("height", cote), Attr("rx", 4)),
                new XElement(Svg + "text", Attr("x", cx), Attr("y", cy - 2), new XAttribute("text-anchor", "middle"), new XAttribute("class", "code"), zone.Code),
                new XElement(Svg + "text", Attr("x", cx), Attr("y", cy + 12), new XAttribute("text-anchor", "middle"), new XAttribute("class", "etiquette"), zone.Texte)));
        }

        // The legend: the five classes from light to dark, and the hatched tile.
        var legende = new XElement(Svg + "g", new XAttribute("class", "legende-carte"));
        for (var c = 0; c < 5; c++)
        {
            legende.Add(new XElement(Svg + "rect", Attr("x", marge + (c * 28)), Attr("y", hauteur - 26), Attr("width", 24), Attr("height", 14), new XAttribute("class", $"tuile classe-{c}")));
        }

        legende.Add(new XElement(Svg + "text", Attr("x", marge + 146), Attr("y", hauteur - 15), new XAttribute("class", "graduation"), "moins → plus"));
        legende.Add(new XElement(Svg + "rect", Attr("x", marge + 250), Attr("y", hauteur - 26), Attr("width", 24), Attr("height", 14), new XAttribute("class", "tuile vide")));
        legende.Add(new XElement(Svg + "text", Attr("x", marge + 280), Attr("y", hauteur - 15), new XAttribute("class", "graduation"), "aucun ou masqué"));
        svg.Add(legende);
        return svg.ToString(SaveOptions.DisableFormatting);
    }

    private static XAttribute Attr(string nom, double valeur) => new(nom, Math.Round(valeur, 1).ToString(CultureInfo.InvariantCulture));
}
