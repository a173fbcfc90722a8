using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Raccroche.Web.Commun.Formulaires;

/// <summary>
/// One labelled form field with its hint and its error, wired for screen readers:
/// <c>&lt;champ id="courriel" nom="Saisie.Courriel" libelle="E-mail" type="email" valeur="..." erreur="..."/&gt;</c>.
/// Values are HTML-encoded by the tag helper runtime. <c>type</c> is an input type (text, email, tel, search,
/// number, date, file, password...), <c>textarea</c>, <c>select</c> (options from <c>termes</c>, an empty first
/// option when <c>vide</c> gives its label) or <c>checkbox</c> (box, then label; ticked when <c>valeur</c> is
/// "true"); <c>decrit</c> adds the ids of hints written elsewhere. Content between the tags (a list of candidate
/// communes, a second error) is written at the end of the field.
/// </summary>
[HtmlTargetElement("champ")]
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

    /// <summary>The maximum length (<c>maxlength</c>).</summary>
    public int? Max { get; set; }
    public bool Requis { get; set; }
    public int Lignes { get; set; } = 4;
    public string? Inputmode { get; set; }

    /// <summary>The lowest and highest values of a number or a date (<c>min</c>, <c>max</c>).</summary>
    public string? Mini { get; set; }
    public string? Maxi { get; set; }

    /// <summary>An example shown in the empty field (<c>placeholder</c>).</summary>
    public string? Exemple { get; set; }

    /// <summary>The file types a file field takes (<c>accept</c>).</summary>
    public string? Accepte { get; set; }

    /// <summary>The largest file a file field takes, in bytes: site.js refuses a larger one before it is sent (<c>data-taille-max</c>).</summary>
    public long? TailleMax { get; set; }

    /// <summary>Whether site.js suggests communes as one types (<c>data-commune-autocomplete</c>).</summary>
    public bool Communes { get; set; }
    public bool Autofocus { get; set; }

    /// <summary>The options of a select.</summary>
    public IEnumerable<Terme> Termes { get; set; } = [];

    /// <summary>The label of a select's empty first option; none when null.</summary>
    public string? Vide { get; set; }

    /// <summary>Ids of other hints describing the field (a hint shared by two fields), read before its own.</summary>
    public string? Decrit { get; set; }

    /// <summary>The id of the hint (<c>aide-{id}</c> unless said), for a hint other fields refer to.</summary>
    public string? AideId { get; set; }

    /// <summary>Whether the label says "(facultatif)"; by default, when the field is not required.</summary>
    public bool? Facultatif { get; set; }

    /// <summary>The label's note when the field is optional, "(facultatif)" unless said.</summary>
    public string Precision { get; set; } = "(facultatif)";

    /// <summary>The class of the field's block, <c>field</c> (<c>consent</c> for a checkbox) unless said; empty: none.</summary>
    public string? Classe { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        // Razor turns erreur="@null" into an empty string.
        Erreur = string.IsNullOrEmpty(Erreur) ? null : Erreur;
        Aide = string.IsNullOrEmpty(Aide) ? null : Aide;
        var enfants = await output.GetChildContentAsync();
        var aideId = AideId ?? $"aide-{Id}";
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        var classe = Classe ?? (Type == "checkbox" ? "consent" : "field");
        if (classe.Length > 0)
        {
            output.Attributes.SetAttribute("class", classe);
        }

        var decrit = string.Join(' ', new[] { Decrit, Aide is null ? null : aideId, Erreur is null ? null : $"err-{Id}" }.Where(x => !string.IsNullOrEmpty(x)));
        var c = output.Content;
        var attributs = $" id=\"{Id}\" name=\"{Nom}\"" +
            (Max is { } m ? $" maxlength=\"{m}\"" : "") +
            (Mini is { Length: > 0 } mi ? $" min=\"{mi}\"" : "") +
            (Maxi is { Length: > 0 } ma ? $" max=\"{ma}\"" : "") +
            (Autocomplete is { } a ? $" autocomplete=\"{a}\"" : "") +
            (Inputmode is { } im ? $" inputmode=\"{im}\"" : "") +
            (Accepte is { } ac ? $" accept=\"{ac}\"" : "") +
            (TailleMax is { } tm ? $" data-taille-max=\"{tm}\"" : "") +
            (Communes ? " data-commune-autocomplete" : "") +
            (Autofocus ? " autofocus" : "") +
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
                c.AppendHtml(" <span class=\"hint\">").Append(Precision).AppendHtml("</span>");
            }

            c.AppendHtml("</label>");
        }

        if (Type == "textarea")
        {
            c.AppendHtml($"<textarea{attributs} rows=\"{Lignes}\">").Append(Valeur ?? "").AppendHtml("</textarea>");
        }
        else if (Type == "select")
        {
            c.AppendHtml($"<select{attributs}>");
            if (Vide is not null)
            {
                c.AppendHtml("<option value=\"\">").Append(Vide).AppendHtml("</option>");
            }

            foreach (var t in Termes)
            {
                c.AppendHtml("<option value=\"").Append(t.Valeur).AppendHtml(t.Valeur == Valeur ? "\" selected>" : "\">").Append(t.Libelle).AppendHtml("</option>");
            }

            c.AppendHtml("</select>");
        }
        else if (Type != "checkbox")
        {
            c.AppendHtml($"<input type=\"{Type}\"{attributs}");
            if (Type is not ("password" or "file") && !string.IsNullOrEmpty(Valeur))
            {
                c.AppendHtml(" value=\"").Append(Valeur).AppendHtml("\"");
            }

            if (Exemple is not null)
            {
                c.AppendHtml(" placeholder=\"").Append(Exemple).AppendHtml("\"");
            }

            c.AppendHtml(">");
        }

        if (Aide is not null)
        {
            c.AppendHtml($"<p class=\"hint\" id=\"{aideId}\">").Append(Aide).AppendHtml("</p>");
        }

        if (Erreur is not null)
        {
            c.AppendHtml($"<p class=\"field-error\" id=\"err-{Id}\">").Append(Erreur).AppendHtml("</p>");
        }

        c.AppendHtml(enfants);
    }
}
