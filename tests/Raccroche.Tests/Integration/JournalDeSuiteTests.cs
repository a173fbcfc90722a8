using System.Text.RegularExpressions;

namespace Raccroche.Tests.Integration;

/// <summary>
/// Reads a run's log (<see cref="JournalDeSuite"/>) for personal data: every value the tests noted (names, INE, phones,
/// e-mails of young people), and any French phone number or e-mail address at all, whoever it belongs to.
/// </summary>
public static partial class AnalyseJournal
{
    // 06 12 34 56 78, 06.12.34.56.78, 0612345678, +33 6 12 34 56 78 — not inside a longer number (a duration, an id).
    [GeneratedRegex(@"(?<![\d+])(?:\+33\s?|0)[1-9](?:[\s.-]?\d{2}){4}(?!\d)")]
    private static partial Regex Telephone();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex Courriel();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Mot();

    /// <summary>Addresses that are the platform's own (senders, the seed's public structure contacts), not a person's.</summary>
    public static bool AdresseDeLaPlateforme(string adresse) =>
        adresse.EndsWith("@raccroche.example", StringComparison.OrdinalIgnoreCase) || adresse.StartsWith("ne-pas-repondre@", StringComparison.OrdinalIgnoreCase);

    /// <summary>The lines that hold personal data, each with what was found (at most <paramref name="max"/>).</summary>
    public static List<string> Trouver(IEnumerable<string> lignes, IReadOnlyCollection<string> valeurs, int max = 20)
    {
        var mots = new HashSet<string>(valeurs.Where(v => !v.Contains(' ')), StringComparer.OrdinalIgnoreCase);
        var telephones = new HashSet<string>(valeurs.Select(Chiffres).Where(c => c.Length >= 9), StringComparer.Ordinal);
        var expressions = valeurs.Where(v => v.Contains(' ') && Chiffres(v).Length < 9).ToList();
        var trouvees = new List<string>();
        var numero = 0;
        foreach (var ligne in lignes)
        {
            numero++;
            string? quoi = null;
            foreach (Match m in Telephone().Matches(ligne))
            {
                quoi ??= $"téléphone {m.Value}" + (telephones.Contains(Chiffres(m.Value)) ? " (utilisé par un test)" : "");
            }

            foreach (Match m in Courriel().Matches(ligne))
            {
                if (!AdresseDeLaPlateforme(m.Value))
                {
                    quoi ??= $"adresse {m.Value}";
                }
            }

            foreach (Match m in Mot().Matches(ligne))
            {
                if (mots.Contains(m.Value))
                {
                    quoi ??= $"valeur « {m.Value} »";
                }
            }

            foreach (var e in expressions)
            {
                if (ligne.Contains(e, StringComparison.OrdinalIgnoreCase))
                {
                    quoi ??= $"valeur « {e} »";
                }
            }

            if (quoi is not null)
            {
                trouvees.Add($"ligne {numero} : {quoi} : {(ligne.Length > 300 ? ligne[..300] + "…" : ligne)}");
                if (trouvees.Count >= max)
                {
                    break;
                }
            }
        }

        return trouvees;
    }

    private static string Chiffres(string v)
    {
        var c = new string([.. v.Where(char.IsAsciiDigit)]);
        return v.TrimStart().StartsWith("+33", StringComparison.Ordinal) && c.Length == 11 ? "0" + c[2..] : c;
    }
}

public sealed class JournalDeSuiteTests
{
    [Fact]
    public void Scan_FindsNotedValues_AnyPhoneOrAddress_AndNothingInACleanLine()
    {
        string[] valeurs = ["VALMORBRE", "Ysalinefoo", "06 12 34 56 78", "63000012345A"];
        var lignes = new[]
        {
            "Information Microsoft.AspNetCore.Hosting.Diagnostics Request finished GET /pro/suivi/12 200 3.2ms",
            "Warning Raccroche Échec d'envoi du courrier 42 (tentative 2) au serveur smtp.local",
            "Information Request starting GET /pro/suivi?q=valmorbre",
            "Information Demande reçue de Ysalinefoo",
            "Information sms +33 6 12 34 56 78 envoyé",
            "Information relance à jeune.inconnue@exemple.fr",
            "Information INE 63000012345A importé",
            "Information durée 1234567890123 ms, courrier ne-pas-repondre@raccroche.example",
        };
        var trouvees = AnalyseJournal.Trouver(lignes, valeurs);
        Assert.Equal(5, trouvees.Count);
        Assert.Equal(["ligne 3", "ligne 4", "ligne 5", "ligne 6", "ligne 7"], trouvees.Select(t => t[..t.IndexOf(' ', 6)]));
        Assert.Contains("(utilisé par un test)", trouvees[2], StringComparison.Ordinal);
    }

    /// <summary>
    /// The logs of the whole run (test.sh sets RACCROCHE_JOURNAL_SUITE for the suites, then runs this test alone).
    /// Run on its own (no such file), it makes a run of its own: a young person's contact request through a test host
    /// whose log goes to a file, then the same scan, so that the capture and the scan are proven either way.
    /// </summary>
    [Fact]
    [Trait("Category", "JournalDeSuite")]
    public async Task LogsOfTheWholeRun_ContainNoPersonalDataTheTestsUsed()
    {
        var chemin = JournalDeSuite.Chemin;
        Assert.False(chemin is not null && !File.Exists(chemin), $"RACCROCHE_JOURNAL_SUITE names {chemin}, which no test host wrote.");
        var propre = chemin is null;
        if (chemin is null)
        {
            chemin = Path.Combine(Path.GetTempPath(), $"raccroche-journal-{Guid.NewGuid():N}.log");
            Environment.SetEnvironmentVariable("RACCROCHE_JOURNAL_SUITE", chemin);
            try
            {
                await using var f = new SqliteAppFactory();
                await f.InitializeAsync();
                await Soumission.DemandeDeContactAsync(f, "age=17&situation=sorti-sans-diplome&depuis=3-6-mois&classe=lycee&code_commune=63430&souhait=metier-paye&besoins=aucun&rayon_km=",
                    "Ysalinejournal", "ysaline.journal@exemple.fr");
            }
            finally
            {
                Environment.SetEnvironmentVariable("RACCROCHE_JOURNAL_SUITE", null);
            }
        }

        var lignes = File.ReadLines(chemin).ToList();
        var valeurs = File.Exists(JournalDeSuite.CheminValeurs(chemin)) ? File.ReadAllLines(JournalDeSuite.CheminValeurs(chemin)) : [];
        Assert.True(lignes.Count > 0, $"{chemin} is empty: no test host wrote to it.");
        Assert.Contains(lignes, l => l.Contains(" Raccroche.", StringComparison.Ordinal));
        Assert.NotEmpty(valeurs);
        var trouvees = AnalyseJournal.Trouver(lignes, valeurs);
        if (propre)
        {
            File.Delete(chemin);
            File.Delete(JournalDeSuite.CheminValeurs(chemin));
        }

        Assert.True(trouvees.Count == 0,
            $"{trouvees.Count} line(s) of {lignes.Count} in {chemin} hold personal data ({valeurs.Length} values noted):\n" + string.Join('\n', trouvees));
    }
}
