using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Raccroche.Web.Commun.Formulaires;

/// <summary>
/// A group of checkboxes (or radio buttons) in a fieldset with its legend, hint and error:
/// <c>&lt;choix id="publics" nom="Saisie.Publics" legende="Publics" termes="..." valeurs="..." multiple="true"/&gt;</c>.
/// The fieldset carries the id so that the error summary's link leads to it.
/// </summary>
[HtmlTargetElement("choix", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ChoixTagHelper : TagHelper
{
    public required string Id { get; set; }
    public required string Nom { get; set; }
    public required string Legende { get; set; }
    public required IEnumerable<Terme> Termes { get; set; }
    public IEnumerable<string?> Valeurs { get; set; } = [];

    /// <summary>The chosen value of a radio group (null or empty: the empty option).</summary>
    public string? Valeur { get; set; }
    public bool Multiple { get; set; }
    public string? Erreur { get; set; }
    public string? Aide { get; set; }

    /// <summary>Large tappable cards (the public forms' <c>choices</c>/<c>choice</c>) rather than a compact list.</summary>
    public bool Cartes { get; set; }

    /// <summary>Each option's id as <c>{prefixe}-{value}</c> rather than <c>{id}-{index}</c>.</summary>
    public string? Prefixe { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        Erreur = string.IsNullOrEmpty(Erreur) ? null : Erreur;
        Aide = string.IsNullOrEmpty(Aide) ? null : Aide;
        var cochees = (Multiple ? Valeurs : [Valeur]).Select(v => v ?? "").ToHashSet(StringComparer.Ordinal);
        output.TagName = "fieldset";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", Cartes ? "choices" : "checks");
        output.Attributes.SetAttribute("id", Id);
        var decrit = string.Join(' ', new[] { Aide is null ? null : $"aide-{Id}", Erreur is null ? null : $"err-{Id}" }.Where(x => x is not null));
        if (decrit.Length > 0)
        {
            output.Attributes.SetAttribute("aria-describedby", decrit);
        }

        var c = output.Content;
        c.AppendHtml("<legend>").Append(Legende).AppendHtml("</legend>");
        if (Aide is not null)
        {
            c.AppendHtml($"<p class=\"hint\" id=\"aide-{Id}\">").Append(Aide).AppendHtml("</p>");
        }

        if (Erreur is not null)
        {
            c.AppendHtml($"<p class=\"field-error\" id=\"err-{Id}\">").Append(Erreur).AppendHtml("</p>");
        }

        var i = 0;
        foreach (var t in Termes)
        {
            var id = Prefixe is null ? $"{Id}-{i}" : $"{Prefixe}-{t.Valeur}";
            i++;
            c.AppendHtml($"<div{(Cartes ? " class=\"choice\"" : "")}><input type=\"{(Multiple ? "checkbox" : "radio")}\" id=\"{id}\" name=\"").Append(Nom).AppendHtml("\" value=\"").Append(t.Valeur).AppendHtml("\"");
            if (cochees.Contains(t.Valeur))
            {
                c.AppendHtml(" checked");
            }

            c.AppendHtml($"><label for=\"{id}\">").Append(t.Libelle).AppendHtml("</label></div>");
        }
    }
}
