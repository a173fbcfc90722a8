using System.Xml.Linq;

namespace Raccroche.Web.Features.Observatoire;

/// <summary>One bar of a chart: its label, its value (null: masked or not available, drawn as a marker, not a bar).</summary>
public sealed record Barre(string Libelle, long? Valeur, string Texte);

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
        var max = Math.Max(1, barres.Max(b => b.Valeur ?? 0));
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

    private static XAttribute Attr(string nom, double valeur) => new(nom, Math.Round(valeur, 1).ToString(CultureInfo.InvariantCulture));
}
