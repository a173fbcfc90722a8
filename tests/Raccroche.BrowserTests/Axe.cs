using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace Raccroche.BrowserTests;

/// <summary>axe-core in the page, limited to the WCAG 2.1 A and AA rules; any violation fails with its details.</summary>
public static class Axe
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    public static async Task AucuneViolation(IPage page)
    {
        var result = await page.RunAxe(Wcag21AA);
        var details = string.Join("\n", result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} → {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}"));
        Assert.True(result.Violations.Length == 0, $"axe-core violations on {page.Url}:\n{details}");
    }
}
