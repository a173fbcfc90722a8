using System.Diagnostics;

namespace Raccroche.Tests.Integration.Flux;

/// <summary>
/// Validates a document against RFC 4287's RELAX NG schema (<c>atom.rnc</c>, Appendix B) with Debian's jing, a real
/// RELAX NG validator (test.sh installs it). A missing jing fails the test: it is never skipped.
/// </summary>
public static class Jing
{
    public const string Chemin = "/usr/bin/jing";

    public static async Task<(int Code, string Sortie)> ValiderAtomAsync(string xml)
    {
        Assert.True(File.Exists(Chemin), "jing is not installed (Debian package 'jing'; test.sh installs it).");
        var schema = Path.Combine(AppContext.BaseDirectory, "Integration", "Flux", "atom.rnc");
        var fichier = Path.Combine(Path.GetTempPath(), $"raccroche-flux-{Guid.NewGuid():N}.xml");
        await File.WriteAllTextAsync(fichier, xml);
        try
        {
            using var p = Process.Start(new ProcessStartInfo(Chemin, ["-c", schema, fichier])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var sortie = await p.StandardOutput.ReadToEndAsync();
            var erreurs = await p.StandardError.ReadToEndAsync();
            await p.WaitForExitAsync();

            // The Debian wrapper warns on stderr about optional jars; jing's own findings are on stdout.
            return (p.ExitCode, sortie + string.Join('\n', erreurs.Split('\n').Where(l => !l.StartsWith("[warning]", StringComparison.Ordinal))));
        }
        finally
        {
            File.Delete(fichier);
        }
    }

    /// <summary>Fails with jing's messages unless the document is a valid Atom document.</summary>
    public static async Task AssertValideAsync(string xml)
    {
        var (code, sortie) = await ValiderAtomAsync(xml);
        Assert.True(code == 0, $"jing refuses the feed:\n{sortie}\n{xml[..Math.Min(xml.Length, 3000)]}");
    }
}
