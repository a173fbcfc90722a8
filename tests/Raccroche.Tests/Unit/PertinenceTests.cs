using Xunit.Abstractions;

namespace Raccroche.Tests.Unit;

/// <summary>
/// The relevance set (Unit/Pertinence/requetes.tsv) run against the shipped catalogue: hit@3 (one of the
/// expected sheets among the first three results) and MRR (over the first ten), per kind of query.
/// </summary>
public sealed class PertinenceTests(ITestOutputHelper sortie)
{
    private const double SeuilHitA3 = 0.90;
    private const double SeuilControle = 0.80;

    private sealed record Requete(int Ligne, string Texte, string Nature, string[] Attendues);

    private static List<Requete> Lire(string fichier = "requetes.tsv")
    {
        var chemin = Path.Combine(AppContext.BaseDirectory, "Unit", "Pertinence", fichier);
        return [.. File.ReadAllLines(chemin)
            .Select((l, i) => (l, i))
            .Where(x => x.l.Length > 0 && !x.l.StartsWith('#'))
            .Select(x =>
            {
                var c = x.l.Split('\t');
                Assert.True(c.Length == 3, $"{fichier} ligne {x.i + 1} : trois colonnes attendues, {c.Length} trouvées.");
                return new Requete(x.i + 1, c[0], c[1], c[2].Split(',', StringSplitOptions.TrimEntries));
            })];
    }

    [Fact]
    public void EveryExpectedSheet_ExistsInTheCatalogue()
    {
        var slugs = CatalogueDeReference.Index.Documents.Select(d => d.Slug).ToHashSet();
        var inconnues = Lire().Concat(Lire("controle.tsv")).SelectMany(r => r.Attendues.Where(a => !slugs.Contains(a)).Select(a => $"ligne {r.Ligne} : {a}")).ToList();
        Assert.Empty(inconnues);
    }

    [Fact]
    public void TheSet_HasAtLeastSixtyQueries_OfEveryKind()
    {
        var requetes = Lire();
        Assert.True(requetes.Count >= 60, $"{requetes.Count} requêtes");
        Assert.Equal(requetes.Count, requetes.Select(r => r.Texte).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        foreach (var nature in new[] { "faute", "accent", "acronyme", "paraphrase", "pluriel", "synonyme" })
        {
            Assert.Contains(requetes, r => r.Nature == nature);
        }
    }

    [Fact]
    public void HitAt3_IsAtLeastNinetyPercent() => Mesurer("requetes.tsv", SeuilHitA3);

    [Fact]
    public void HeldOutSet_HitAt3_IsAtLeastEightyPercent() => Mesurer("controle.tsv", SeuilControle);

    private void Mesurer(string fichier, double seuil)
    {
        var index = CatalogueDeReference.Index;
        var lignes = new List<(Requete R, int Rang, string[] Premiers)>();
        foreach (var r in Lire(fichier))
        {
            var resultat = index.Rechercher(new RequeteRecherche { Texte = r.Texte, Taille = 10 });
            var slugs = resultat.Items.Select(h => h.Doc.Slug).ToArray();
            var rang = Array.FindIndex(slugs, s => r.Attendues.Contains(s)) + 1;
            lignes.Add((r, rang, slugs.Take(3).ToArray()));
        }

        var hit = lignes.Count(l => l.Rang is >= 1 and <= 3) / (double)lignes.Count;
        var mrr = lignes.Sum(l => l.Rang > 0 ? 1.0 / l.Rang : 0) / lignes.Count;
        var rapport = new StringBuilder();
        rapport.AppendLine(CultureInfo.InvariantCulture, $"{fichier} : hit@3 = {hit:P1}, MRR = {mrr:F3} sur {lignes.Count} requêtes");
        foreach (var g in lignes.GroupBy(l => l.R.Nature).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            rapport.AppendLine(CultureInfo.InvariantCulture,
                $"  {g.Key}: {g.Count(l => l.Rang is >= 1 and <= 3)}/{g.Count()}");
        }

        foreach (var l in lignes.Where(l => l.Rang is 0 or > 3))
        {
            rapport.AppendLine(CultureInfo.InvariantCulture,
                $"  manquée (ligne {l.R.Ligne}) « {l.R.Texte} » : rang {(l.Rang == 0 ? "absent" : l.Rang)}, premiers = {string.Join(", ", l.Premiers)}");
        }

        sortie.WriteLine(rapport.ToString());
        File.WriteAllText(Path.Combine(Path.GetTempPath(), $"raccroche-pertinence-{Path.GetFileNameWithoutExtension(fichier)}.txt"), rapport.ToString());
        Assert.True(hit >= seuil, rapport.ToString());
    }
}
