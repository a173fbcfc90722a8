using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Raccroche.Web.Commun.Formulaires;

/// <summary>
/// One labelled form field with its hint and its error, wired for screen readers:
/// <c>&lt;champ id="courriel" nom="Saisie.Courriel" libelle="E-mail" type="email" valeur="..." erreur="..."/&gt;</c>.
/// Values are HTML-encoded by the tag helper runtime.
/// </summary>
[HtmlTargetElement("champ", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ChampTagHelper : TagHelper
{
    public required string Id { get; set; }
    public required string Nom { get; set; }
    public required string Libelle { get; set; }
    public string Type { get; set; } = "text";
    public string? Valeur { get; set; }
    public string? Erreur { get; set; }
    public string? Aide { get; set; }
    public string? Autocomplete { get; set; }
    public int? Max { get; set; }
    public bool Requis { get; set; }
    public int Lignes { get; set; } = 4;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        // Razor turns erreur="@null" into an empty string.
        Erreur = string.IsNullOrEmpty(Erreur) ? null : Erreur;
        Aide = string.IsNullOrEmpty(Aide) ? null : Aide;
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "field");
        var decrit = string.Join(' ', new[] { Aide is null ? null : $"aide-{Id}", Erreur is null ? null : $"err-{Id}" }.Where(x => x is not null));
        var c = output.Content;
        c.AppendHtml($"<label for=\"{Id}\">").Append(Libelle);
        if (!Requis && Type != "password")
        {
            c.AppendHtml(" <span class=\"hint\">(facultatif)</span>");
        }

        c.AppendHtml("</label>");
        var attributs = $" id=\"{Id}\" name=\"{Nom}\"" +
            (Max is { } m ? $" maxlength=\"{m}\"" : "") +
            (Autocomplete is { } a ? $" autocomplete=\"{a}\"" : "") +
            (Requis ? " required" : "") +
            (decrit.Length > 0 ? $" aria-describedby=\"{decrit}\"" : "") +
            (Erreur is null ? "" : " aria-invalid=\"true\"");
        if (Type == "textarea")
        {
            c.AppendHtml($"<textarea{attributs} rows=\"{Lignes}\">").Append(Valeur ?? "").AppendHtml("</textarea>");
        }
        else
        {
            c.AppendHtml($"<input type=\"{Type}\"{attributs} value=\"");
            c.Append(Type == "password" ? "" : Valeur ?? "");
            c.AppendHtml("\">");
        }

        if (Aide is not null)
        {
            c.AppendHtml($"<p class=\"hint\" id=\"aide-{Id}\">").Append(Aide).AppendHtml("</p>");
        }

        if (Erreur is not null)
        {
            c.AppendHtml($"<p class=\"field-error\" id=\"err-{Id}\">").Append(Erreur).AppendHtml("</p>");
        }
    }
}
