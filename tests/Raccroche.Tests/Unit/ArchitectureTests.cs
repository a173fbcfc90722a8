using System.Reflection;
using System.Reflection.Emit;
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

    /// <summary>Feature → features it names (using directives, @using, qualified names) in the files of its folder, and those its compiled code uses.</summary>
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

        foreach (var (de, vers) in DependancesCompilees())
        {
            if (graphe.TryGetValue(de, out var connus))
            {
                connus.UnionWith(vers);
            }
        }

        return graphe;
    }

    private static readonly Dictionary<short, OpCode> CodesOperation = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(c => (OpCode)c.GetValue(null)!).ToDictionary(o => o.Value);

    private const BindingFlags Tout = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>
    /// Feature → features whose types its compiled code uses, read from the assembly: signatures, base types, and every
    /// type, method and field the IL of its methods names (with their return and generic types). This finds what no using
    /// directive shows: <c>db.Structures</c> in a feature that never names <c>Catalogue</c> still depends on it.
    /// Compiled Razor views are credited to the feature of their folder.
    /// </summary>
    internal static SortedDictionary<string, SortedSet<string>> DependancesCompilees()
    {
        var graphe = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var assemblage = typeof(Raccroche.Web.Donnees.RaccrocheDbContext).Assembly;
        foreach (var type in assemblage.GetTypes())
        {
            var source = FonctionnaliteDe(type);
            if (source is null)
            {
                continue;
            }

            var vers = graphe.TryGetValue(source, out var v) ? v : graphe[source] = new(StringComparer.Ordinal);
            void Noter(Type? t)
            {
                if (t is null)
                {
                    return;
                }

                if (t.HasElementType)
                {
                    Noter(t.GetElementType());
                    return;
                }

                if (t.IsGenericType && !t.IsGenericTypeDefinition)
                {
                    foreach (var a in t.GetGenericArguments())
                    {
                        Noter(a);
                    }
                }

                if (FonctionnaliteDe(t) is { } cible && cible != source && cible != "Shared")
                {
                    vers.Add(cible);
                }
            }

            void NoterMembre(MemberInfo m)
            {
                Noter(m.DeclaringType);
                switch (m)
                {
                    case MethodInfo mi:
                        Noter(mi.ReturnType);
                        foreach (var a in mi.IsGenericMethod ? mi.GetGenericArguments() : [])
                        {
                            Noter(a);
                        }

                        break;
                    case FieldInfo fi:
                        Noter(fi.FieldType);
                        break;
                    case Type t:
                        Noter(t);
                        break;
                }
            }

            Noter(type.BaseType);
            foreach (var i in type.GetInterfaces())
            {
                Noter(i);
            }

            foreach (var c in type.GetFields(Tout))
            {
                Noter(c.FieldType);
            }

            foreach (var p in type.GetProperties(Tout))
            {
                Noter(p.PropertyType);
            }

            foreach (var m in type.GetMethods(Tout).Cast<MethodBase>().Concat(type.GetConstructors(Tout)))
            {
                if (m is MethodInfo mi)
                {
                    Noter(mi.ReturnType);
                }

                foreach (var p in m.GetParameters())
                {
                    Noter(p.ParameterType);
                }

                foreach (var jeton in JetonsIl(m))
                {
                    try
                    {
                        NoterMembre(type.Module.ResolveMember(jeton, type.IsGenericType ? type.GetGenericArguments() : null, m.IsGenericMethod ? m.GetGenericArguments() : null)!);
                    }
                    catch (ArgumentException)
                    {
                        // A token of another generic context (rare): its declaring type is named elsewhere in the signatures.
                    }
                }
            }
        }

        return graphe;
    }

    /// <summary>The feature a type belongs to: its namespace, or for a compiled view the folder in its generated name.</summary>
    private static string? FonctionnaliteDe(Type t)
    {
        const string Prefixe = "Raccroche.Web.Features.";
        if (t.Namespace is { } ns && ns.StartsWith(Prefixe, StringComparison.Ordinal))
        {
            return ns[Prefixe.Length..].Split('.')[0];
        }

        var racine = t;
        while (racine.DeclaringType is not null)
        {
            racine = racine.DeclaringType;
        }

        return racine.Namespace == "AspNetCoreGeneratedDocument" && racine.Name.StartsWith("Features_", StringComparison.Ordinal)
            ? racine.Name.Split('_')[1]
            : null;
    }

    /// <summary>The metadata tokens (types, methods, fields) that a method's IL names.</summary>
    private static IEnumerable<int> JetonsIl(MethodBase m)
    {
        byte[]? il;
        try
        {
            il = m.GetMethodBody()?.GetILAsByteArray();
        }
        catch (BadImageFormatException)
        {
            yield break;
        }

        if (il is null)
        {
            yield break;
        }

        var i = 0;
        while (i < il.Length)
        {
            short valeur = il[i++];
            if (valeur == 0xFE)
            {
                valeur = unchecked((short)(0xFE00 | il[i++]));
            }

            var code = CodesOperation[valeur];
            switch (code.OperandType)
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    yield return BitConverter.ToInt32(il, i);
                    i += 4;
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    i += 1;
                    break;
                case OperandType.InlineVar:
                    i += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    i += 8;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + (4 * BitConverter.ToInt32(il, i));
                    break;
                default:
                    i += 4;
                    break;
            }
        }
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
        var graphe = Dependances();
        var attendu = graphe.ToDictionary(kv => kv.Key, kv => string.Join(", ", kv.Value), StringComparer.Ordinal);

        // On a mismatch, the message carries the table and the picture of the code, to paste into the document.
        var texte = new StringBuilder("| feature | depends on |\n| --- | --- |\n");
        foreach (var (de, vers) in graphe)
        {
            texte.Append("| `").Append(de).Append("` | ").Append(string.Join(", ", vers.Select(v => $"`{v}`"))).Append(" |\n");
        }

        texte.Append("```mermaid\ngraph LR\n");
        foreach (var (de, vers) in graphe)
        {
            foreach (var v in vers)
            {
                texte.Append("    ").Append(de).Append(" --> ").Append(v).Append('\n');
            }
        }

        texte.Append("```\n");
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "raccroche-dependances.md"), texte.ToString());

        var table = Regex.Matches(doc, @"^\| `(\w+)` \| ([^|]*) \|", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => string.Join(", ", Regex.Matches(m.Groups[2].Value, @"`(\w+)`").Select(x => x.Groups[1].Value).Order(StringComparer.Ordinal)), StringComparer.Ordinal);
        Assert.True(attendu.OrderBy(k => k.Key, StringComparer.Ordinal).SequenceEqual(table.OrderBy(k => k.Key, StringComparer.Ordinal)),
            "docs/architecture.md's table is not the code's graph; the code's table and picture are in " + Path.Combine(Path.GetTempPath(), "raccroche-dependances.md"));

        var aretes = Regex.Matches(doc, @"^\s+(\w+) --> (\w+)\s*$", RegexOptions.Multiline).Select(m => $"{m.Groups[1].Value}->{m.Groups[2].Value}").Order(StringComparer.Ordinal).ToList();
        var aretesCode = graphe.SelectMany(kv => kv.Value.Select(v => $"{kv.Key}->{v}")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(aretesCode, aretes);
    }

    [Fact]
    public void ProgramCs_NamesEveryFeature()
    {
        var programme = File.ReadAllText(Path.Combine(Application, "Program.cs"));
        var absentes = Fonctionnalites().Where(f => !Regex.IsMatch(programme, $@"\b{f}\b")).ToList();
        Assert.True(absentes.Count == 0, "Program.cs does not name: " + string.Join(", ", absentes));
    }

    /// <summary>
    /// Hand-written fields that stay so, with the reason: file under Features, a piece of the tag that picks it
    /// (empty: every field of the file).
    /// </summary>
    private static readonly (string Fichier, string Marque, string Raison)[] ChampsEcritsALaMain =
    [
        ("Diagnostic/Recontact.cshtml", "id=\"site\"", "the honeypot, hidden from people and screen readers: it must have no visible label nor hint"),
        ("Decrocheurs/Dossiers.cshtml", "name=\"Selection\"", "one checkbox per table row, named by its aria-label: a label and a block per row would weigh on a long list"),
        ("Diagnostic/Diagnostic.cshtml", "", "one question per page: the label or legend is the page's h1, the hint comes before the field, the field has autofocus and the error is an alert with the fixed id erreur-question"),
    ];

    [GeneratedRegex(@"<(input|select|textarea)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ChampHtml();

    [GeneratedRegex(@"\btype=""(hidden|submit)""", RegexOptions.IgnoreCase)]
    private static partial Regex ChampInvisible();

    [Fact]
    public void Forms_UseTheSharedTagHelpers_ForEveryVisibleField()
    {
        var dossier = Path.Combine(Application, "Features");
        var aLaMain = new List<string>();
        var exceptionsServies = new HashSet<int>();
        foreach (var fichier in Sources(dossier).Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal)))
        {
            var relatif = Path.GetRelativePath(dossier, fichier).Replace(Path.DirectorySeparatorChar, '/');
            foreach (Match m in ChampHtml().Matches(File.ReadAllText(fichier)))
            {
                if (ChampInvisible().IsMatch(m.Value))
                {
                    continue;
                }

                var exception = Array.FindIndex(ChampsEcritsALaMain, e => e.Fichier == relatif && m.Value.Contains(e.Marque, StringComparison.Ordinal));
                if (exception >= 0)
                {
                    exceptionsServies.Add(exception);
                    continue;
                }

                aLaMain.Add($"{relatif}: {m.Value}");
            }
        }

        Assert.True(aLaMain.Count == 0, "Write these fields with <champ> or <choix> (Commun/Formulaires), or list them with a reason in ChampsEcritsALaMain:\n" + string.Join("\n", aLaMain));
        var perimees = ChampsEcritsALaMain.Where((_, i) => !exceptionsServies.Contains(i)).Select(e => e.Fichier).ToList();
        Assert.True(perimees.Count == 0, "These exceptions match no field any more, remove them: " + string.Join(", ", perimees));
    }
}
