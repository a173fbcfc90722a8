using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace Raccroche.Web.Commun;

/// <summary>
/// Renders sheet descriptions: Markdown with raw HTML disabled (a typed script is shown as text),
/// links limited to http(s), mailto and tel, and no images (pages stay light for mobile data).
/// </summary>
public static class Markdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .Build();

    public static HtmlString Html(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return HtmlString.Empty;
        }

        var doc = Markdig.Markdown.Parse(markdown, Pipeline);
        foreach (var link in doc.Descendants<LinkInline>())
        {
            link.IsImage = false;
            if (!LienSur(link.Url))
            {
                link.Url = "";
            }
        }

        foreach (var auto in doc.Descendants<AutolinkInline>())
        {
            if (!auto.IsEmail && !LienSur(auto.Url))
            {
                auto.Url = "";
            }
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(doc);
        return new HtmlString(writer.ToString());
    }

    private static bool LienSur(string? url) =>
        url is not null && (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ||
                            url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ||
                            url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ||
                            url.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) ||
                            (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)));
}
