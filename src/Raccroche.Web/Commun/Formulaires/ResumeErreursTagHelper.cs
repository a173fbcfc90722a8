using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Raccroche.Web.Commun.Formulaires;

/// <summary>The error summary at the top of a form: a list of links to the fields in error, announced to screen readers.</summary>
[HtmlTargetElement("resume-erreurs", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ResumeErreursTagHelper : TagHelper
{
    public required Erreurs Erreurs { get; set; }
    public string Titre { get; set; } = "Le formulaire contient des erreurs";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!Erreurs.Any)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "error-summary");
        output.Attributes.SetAttribute("role", "alert");
        output.Attributes.SetAttribute("aria-labelledby", "err-titre");
        var c = output.Content;
        c.AppendHtml("<h2 id=\"err-titre\">").Append(Titre).AppendHtml("</h2><ul>");
        foreach (var (champ, messages) in Erreurs.EnDictionnaire())
        {
            c.AppendHtml("<li><a href=\"#").Append(champ).AppendHtml("\">").Append(string.Join(" ", messages)).AppendHtml("</a></li>");
        }

        c.AppendHtml("</ul>");
    }
}
