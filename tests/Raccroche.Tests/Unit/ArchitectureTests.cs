using System.Text.RegularExpressions;

namespace Raccroche.Tests.Unit;

/// <summary>
/// The layout rules of docs/architecture.md, read from the source tree: feature folders and namespaces
/// agree, shared code does not reach into features, features do not depend on each other in a cycle, and
/// the dependency table and picture of the architecture document are the ones the code has.
/// </summary>
public sealed partial class ArchitectureTests
{
    private static readonly string Racine = TrouverRacine();
    private static readonly string Application = Path.Combine(Racine, "src", "Raccroche.Web");

    private static string TrouverRacine()
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d is not null && !File.Exists(Path.Combine(d.FullName, "Raccroche.slnx")))
        {
            d = d.Parent;
        }

        return d?.FullName ?? throw new InvalidOperationException("Raccroche.slnx not found above " + AppContext.BaseDirectory);
    }

    private static IEnumerable<string> Sources(string dossier) =>
        Directory.EnumerateFiles(dossier, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                     && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                     && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static IReadOnlyList<string> Fonctionnalites() =>
        [.. Directory.GetDirectories(Path.Combine(Application, "Features")).Select(Path.GetFileName).OfType<string>()
            .Where(n => n != "Shared").Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"Raccroche\.Web\.Features\.(\w+)|(?<![\w.])Features\.(\w+)\.")]
    private static partial Regex ReferenceFonctionnalite();

    /// <summary>Feature → features it names (using directives, @using, qualified names), from the files of its folder.</summary>
    internal static SortedDictionary<string, SortedSet<string>> Dependances()
    {
        var graphe = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var f in Fonctionnalites())
        {
            var vers = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var fichier in Sources(Path.Combine(Application, "Features", f)))
            {
                foreach (Match m in ReferenceFonctionnalite().Matches(File.ReadAllText(fichier)))
                {
                    var cible = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value;
                    if (cible != f && cible != "Shared")
                    {
                        vers.Add(cible);
                    }
                }
            }

            graphe[f] = vers;
        }

        return graphe;
    }

    [Fact]
    public void EveryFeatureFolder_HasTheNamespaceOfItsName()
    {
        var fautes = new List<string>();
        foreach (var f in Fonctionnalites())
        {
            foreach (var fichier in Sources(Path.Combine(Application, "Features", f)).Where(x => x.EndsWith(".cs", StringComparison.Ordinal)))
            {
                var ns = Regex.Match(File.ReadAllText(fichier), @"^namespace ([\w.]+);", RegexOptions.Multiline).Groups[1].Value;
                if (ns != $"Raccroche.Web.Features.{f}")
                {
                    fautes.Add($"{Path.GetRelativePath(Racine, fichier)}: {ns}");
                }
            }
        }

        Assert.Empty(fautes);
    }

    [Fact]
    public void SharedCode_DoesNotDependOnAnyFeature()
    {
        var fautes = Sources(Path.Combine(Application, "Commun")).Concat(Sources(Path.Combine(Application, "Donnees")).Where(f => !f.EndsWith("RaccrocheDbContext.cs", StringComparison.Ordinal)))
            .Where(f => !f.Contains("Initiales", StringComparison.Ordinal))
            .Where(f => ReferenceFonctionnalite().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(Racine, f))
            .ToList();
        Assert.Empty(fautes);
    }

    [Fact]
    public void Features_DependOnEachOtherWithoutACycle()
    {
        var graphe = Dependances();
        var cycles = new List<string>();
        var etat = new Dictionary<string, int>(StringComparer.Ordinal);
        var chemin = new Stack<string>();

        void Visiter(string n)
        {
            etat[n] = 1;
            chemin.Push(n);
            foreach (var m in graphe.GetValueOrDefault(n) ?? [])
            {
                if (etat.GetValueOrDefault(m) == 1)
                {
                    cycles.Add(string.Join(" → ", chemin.Reverse().SkipWhile(x => x != m).Append(m)));
                }
                else if (etat.GetValueOrDefault(m) == 0)
                {
                    Visiter(m);
                }
            }

            chemin.Pop();
            etat[n] = 2;
        }

        foreach (var n in graphe.Keys.Where(n => etat.GetValueOrDefault(n) == 0))
        {
            Visiter(n);
        }

        Assert.Empty(cycles);
    }

    [Fact]
    public void ArchitectureDocument_TableAndPicture_AreTheDependenciesOfTheCode()
    {
        var document = File.ReadAllText(Path.Combine(Racine, "docs", "architecture.md"));
        var debut = document.IndexOf("### Who depends on whom", StringComparison.Ordinal);
        Assert.True(debut >= 0, "docs/architecture.md has no section \"### Who depends on whom\"");
        var fin = document.IndexOf("\n## ", debut, StringComparison.Ordinal);
        var doc = fin < 0 ? document[debut..] : document[debut..fin];
        var attendu = Dependances().ToDictionary(kv => kv.Key, kv => string.Join(", ", kv.Value), StringComparer.Ordinal);

        var table = Regex.Matches(doc, @"^\| `(\w+)` \| ([^|]*) \|", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => string.Join(", ", Regex.Matches(m.Groups[2].Value, @"`(\w+)`").Select(x => x.Groups[1].Value).Order(StringComparer.Ordinal)), StringComparer.Ordinal);
        Assert.Equal(attendu.OrderBy(k => k.Key, StringComparer.Ordinal), table.OrderBy(k => k.Key, StringComparer.Ordinal));

        var aretes = Regex.Matches(doc, @"^\s+(\w+) --> (\w+)\s*$", RegexOptions.Multiline).Select(m => $"{m.Groups[1].Value}->{m.Groups[2].Value}").Order(StringComparer.Ordinal).ToList();
        var aretesCode = Dependances().SelectMany(kv => kv.Value.Select(v => $"{kv.Key}->{v}")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(aretesCode, aretes);
    }

    [Fact]
    public void ProgramCs_NamesEveryFeature()
    {
        var programme = File.ReadAllText(Path.Combine(Application, "Program.cs"));
        var absentes = Fonctionnalites().Where(f => !Regex.IsMatch(programme, $@"\b{f}\b")).ToList();
        Assert.True(absentes.Count == 0, "Program.cs does not name: " + string.Join(", ", absentes));
    }
}
