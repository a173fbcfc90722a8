using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Raccroche.Web.Commun.Formulaires;

/// <summary>
/// One labelled form field with its hint and its error, wired for screen readers:
/// <c>&lt;champ id="courriel" nom="Saisie.Courriel" libelle="E-mail" type="email" valeur="..." erreur="..."/&gt;</c>.
/// Values are HTML-encoded by the tag helper runtime. <c>type="checkbox"</c> renders a consent box (box, then
/// label; ticked when <c>valeur</c> is "true"); <c>decrit</c> adds the ids of hints written elsewhere.
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
    public string? Inputmode { get; set; }

    /// <summary>Ids of other hints describing the field (a hint shared by two fields), read before its own.</summary>
    public string? Decrit { get; set; }

    /// <summary>The id of the hint (<c>aide-{id}</c> unless said), for a hint other fields refer to.</summary>
    public string? AideId { get; set; }

    /// <summary>Whether the label says "(facultatif)"; by default, when the field is not required.</summary>
    public bool? Facultatif { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        // Razor turns erreur="@null" into an empty string.
        Erreur = string.IsNullOrEmpty(Erreur) ? null : Erreur;
        Aide = string.IsNullOrEmpty(Aide) ? null : Aide;
        var aideId = AideId ?? $"aide-{Id}";
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", Type == "checkbox" ? "consent" : "field");
        var decrit = string.Join(' ', new[] { Decrit, Aide is null ? null : aideId, Erreur is null ? null : $"err-{Id}" }.Where(x => !string.IsNullOrEmpty(x)));
        var c = output.Content;
        var attributs = $" id=\"{Id}\" name=\"{Nom}\"" +
            (Max is { } m ? $" maxlength=\"{m}\"" : "") +
            (Autocomplete is { } a ? $" autocomplete=\"{a}\"" : "") +
            (Inputmode is { } im ? $" inputmode=\"{im}\"" : "") +
            (Requis ? " required" : "") +
            (decrit.Length > 0 ? $" aria-describedby=\"{decrit}\"" : "") +
            (Erreur is null ? "" : " aria-invalid=\"true\"");
        if (Type == "checkbox")
        {
            c.AppendHtml($"<input type=\"checkbox\"{attributs} value=\"true\"{(Valeur == "true" ? " checked" : "")}>");
            c.AppendHtml($"<label for=\"{Id}\">").Append(Libelle).AppendHtml("</label>");
        }
        else
        {
            c.AppendHtml($"<label for=\"{Id}\">").Append(Libelle);
            if (Facultatif ?? (!Requis && Type != "password"))
            {
                c.AppendHtml(" <span class=\"hint\">(facultatif)</span>");
            }

            c.AppendHtml("</label>");
        }

        if (Type == "textarea")
        {
            c.AppendHtml($"<textarea{attributs} rows=\"{Lignes}\">").Append(Valeur ?? "").AppendHtml("</textarea>");
        }
        else if (Type != "checkbox")
        {
            c.AppendHtml($"<input type=\"{Type}\"{attributs} value=\"");
            c.Append(Type == "password" ? "" : Valeur ?? "");
            c.AppendHtml("\">");
        }

        if (Aide is not null)
        {
            c.AppendHtml($"<p class=\"hint\" id=\"{aideId}\">").Append(Aide).AppendHtml("</p>");
        }

        if (Erreur is not null)
        {
            c.AppendHtml($"<p class=\"field-error\" id=\"err-{Id}\">").Append(Erreur).AppendHtml("</p>");
        }
    }
}
