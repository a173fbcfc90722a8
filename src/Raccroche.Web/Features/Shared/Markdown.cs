using Markdig;
using Microsoft.AspNetCore.Html;

namespace Raccroche.Web.Features.Shared;

/// <summary>Renders sheet descriptions: Markdown with raw HTML disabled, so a typed script is shown as text.</summary>
public static class Markdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .Build();

    public static HtmlString Html(string? markdown) =>
        new(string.IsNullOrWhiteSpace(markdown) ? "" : Markdig.Markdown.ToHtml(markdown, Pipeline));
}
