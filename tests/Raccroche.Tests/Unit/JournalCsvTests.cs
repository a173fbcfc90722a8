
namespace Raccroche.Tests.Unit;

public sealed class JournalCsvTests
{
    [Theory]
    [InlineData(null, "\"\"")]
    [InlineData("", "\"\"")]
    [InlineData("lecture", "\"lecture\"")]
    [InlineData("a;b", "\"a;b\"")]
    [InlineData("dit \"oui\"", "\"dit \"\"oui\"\"\"")]
    [InlineData("deux\nlignes", "\"deux\nlignes\"")]
    [InlineData("=1+1", "\"'=1+1\"")]
    [InlineData("+33 6 12", "\"'+33 6 12\"")]
    [InlineData("-2", "\"'-2\"")]
    [InlineData("@SOMME(A1)", "\"'@SOMME(A1)\"")]
    [InlineData("\tcaché", "\"'\tcaché\"")]
    [InlineData("\r=1+1", "\"'\r=1+1\"")]
    [InlineData("=HYPERLINK(\"x\";\"y\")", "\"'=HYPERLINK(\"\"x\"\";\"\"y\"\")\"")]
    [InlineData("a=b", "\"a=b\"")]
    [InlineData("\"=1+1", "\"\"\"=1+1\"")]
    public void Cellule_QuotesEveryCellAndNeutralisesFormulas(string? valeur, string attendu) => Assert.Equal(attendu, JournalCsv.Cellule(valeur));

    [Fact]
    public void Ligne_IsInParisTime_SemicolonSeparated_EveryCellQuoted_CrLfTerminated()
    {
        var ligne = JournalCsv.Ligne(new JournalAcces
        {
            Le = new DateTime(2025, 7, 14, 10, 0, 0, DateTimeKind.Utc),
            Utilisateur = "admin@region.test",
            Action = Tracabilite.Lecture,
            Ressource = "demande",
            RessourceId = "42",
        });
        Assert.Equal("\"2025-07-14 12:00:00\";\"admin@region.test\";\"\";\"lecture\";\"demande\";\"42\";\"\";\"\"\r\n", ligne);
    }

    [Fact]
    public void Ligne_NeutralisesAFormulaInEveryColumn_NotOnlyTheFirst()
    {
        var ligne = JournalCsv.Ligne(new JournalAcces
        {
            Le = new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc),
            Utilisateur = "=cmd|' /C calc'!A0",
            UtilisateurId = "+1",
            Action = "-lecture",
            Ressource = "@demande",
            RessourceId = "\t7",
            Adresse = "\r192.0.2.1",
            Detail = "=HYPERLINK(\"http://mal.example\")",
        });

        var cellules = ligne[..^2].Split(';');
        Assert.Equal(8, cellules.Length);
        Assert.All(cellules, c => Assert.Matches("^\".*\"$", c));
        Assert.All(cellules.Skip(1), c => Assert.StartsWith("\"'", c));
        Assert.Equal("\"'=HYPERLINK(\"\"http://mal.example\"\")\"", cellules[7]);
    }

    [Fact]
    public void Entete_IsQuotedLikeTheRows()
    {
        Assert.Equal("\"Date (heure de Paris)\";\"Utilisateur\";\"Identifiant utilisateur\";\"Action\";\"Ressource\";\"Identifiant ressource\";\"Adresse IP\";\"Détail\"", JournalCsv.Entete);
    }

    [Fact]
    public void Filtres_DatesAreFrenchDays_AuIsInclusive()
    {
        var erreurs = new Erreurs();
        var r = new FiltresJournal { Du = "01/01/2025", Au = "2025-01-31", Utilisateur = "  Admin " }.Valider(erreurs);
        Assert.False(erreurs.Any);
        Assert.Equal("Admin", r!.Utilisateur);

        // Midnight in Paris is 23:00 UTC the day before in winter.
        Assert.Equal(new DateTime(2024, 12, 31, 23, 0, 0), HeureParis.DebutDuJour(r.Du!.Value));
        Assert.Equal(new DateTime(2025, 7, 13, 22, 0, 0), HeureParis.DebutDuJour(new DateOnly(2025, 7, 14)));
        Assert.Equal("utilisateur contient Admin, du 01/01/2025, au 31/01/2025", r.Description());
    }
}
