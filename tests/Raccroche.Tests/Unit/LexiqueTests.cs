using static Raccroche.Tests.Unit.Fabrique;

namespace Raccroche.Tests.Unit;

public sealed class LexiqueTests
{
    private static Lexique Lire(string texte, out List<string> erreurs) => Lexique.Lire(new StringReader(texte), out erreurs);

    [Fact]
    public void ShippedLexicon_ReadsWithoutError_AndCoversTheFieldsWords()
    {
        using var s = typeof(Lexique).Assembly.GetManifestResourceStream("Raccroche.Vocabulary.lexique.txt")!;
        var lexique = Lexique.Lire(new StreamReader(s), out var erreurs);
        Assert.Empty(erreurs);
        foreach (var (forme, attendu) in new[]
        {
            ("2e", "deuxieme"), ("deuxieme", "seconde"), ("bac", "baccalaureat"), ("fle", "français langue étrangère"),
            ("garantie jeune", "contrat engagement jeune"), ("alternance", "apprentissage"), ("apprentissage", "contrat professionnalisation"),
            ("pjj", "justice"), ("e2c", "ecole 2e chance"), ("epide", "etablissement insertion emploi"), ("cej", "contrat engagement jeune"),
            ("mlds", "mission lutte contre decrochage scolaire"), ("cio", "centre information orientation"), ("qpv", "quartier prioritaire"),
            ("smv", "service militaire volontaire"), ("rqth", "handicap"), ("dix sept", "17"),
        })
        {
            // Both sides as the search normalises them ("mlds" → "mld", "francais" → "francai").
            var equivalents = lexique.Equivalents(string.Join(' ', TexteFrancais.Termes(forme)));
            Assert.True(equivalents.Any(e => string.Join(' ', e) == string.Join(' ', TexteFrancais.Termes(attendu))),
                $"{forme} → {string.Join(" | ", equivalents.Select(e => string.Join(' ', e)))}");
        }
    }

    [Fact]
    public void OneWayArrow_SearchesTheRight_NotTheOtherWayRound()
    {
        var lexique = Lire("garantie jeunes > contrat d'engagement jeune = CEJ", out var erreurs);
        Assert.Empty(erreurs);
        Assert.Contains(lexique.Equivalents("garantie jeune"), e => e is ["cej"]);
        Assert.Contains(lexique.Equivalents("cej"), e => string.Join(' ', e) == "contrat engagement jeune");
        Assert.DoesNotContain(lexique.Equivalents("cej"), e => string.Join(' ', e) == "garantie jeune");
    }

    [Theory]
    [InlineData("x = = y", "ligne 1 : forme vide")]
    [InlineData("seul", "ligne 1 : un groupe a au moins deux formes")]
    [InlineData("a > b > c", "ligne 1 : un seul « > »")]
    [InlineData("# commentaire\nle = bac", "ligne 2 : « le » ne contient que des mots vides")]
    public void FaultyLine_IsReportedWithItsNumber_InFrench(string texte, string message)
    {
        Lire(texte, out var erreurs);
        Assert.Contains(erreurs, e => e.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Phrase_TypedWithOneWordEquivalents_IsFound()
    {
        var lexique = Lire("2e = deuxieme\ne2c = école de la 2e chance", out _);
        var clause = Assert.Single(lexique.Analyser("École de la deuxième chance"));
        Assert.Equal(3, clause.Longueur);
        Assert.Contains(clause.Alternatives, a => a.Termes is ["e2c"] && a.Facteur == Lexique.FacteurSynonyme);
        Assert.Contains(clause.Alternatives, a => a.Termes is ["ecole", "deuxieme", "chance"] && a.Facteur == 1f);
    }

    [Fact]
    public void IntentWords_AreOptional_UnlessThereIsNothingElse()
    {
        var lexique = Lire("facultatifs: veux passer\nbac = baccalaureat", out _);
        Assert.Equal([("veu", true), ("passer", true), ("bac", false)], lexique.Analyser("veux passer le bac").Select(c => (c.Forme, c.Facultative)));
        Assert.All(lexique.Analyser("veux passer"), c => Assert.False(c.Facultative));
    }

    [Fact]
    public void ExactMatch_RanksAboveSynonym()
    {
        var index = Index(
            Dispositif("Ma 2e chance", "Un site d'orientation"),
            Dispositif("Ma seconde chance", "Un site d'orientation"));
        Assert.Equal(["Ma seconde chance", "Ma 2e chance"], Noms(index.Rechercher(new RequeteRecherche { Texte = "seconde chance" })));
        Assert.Equal(["Ma 2e chance", "Ma seconde chance"], Noms(index.Rechercher(new RequeteRecherche { Texte = "2e chance" })));
    }

    [Fact]
    public void Verb_FindsItsNoun_ThroughTheStem()
    {
        var index = Index(Dispositif("Atelier vélo", "Réparation de cycles"), Dispositif("Théâtre", "Jouer ensemble"));
        Assert.Equal(["Atelier vélo"], Noms(index.Rechercher(new RequeteRecherche { Texte = "réparer" })));
    }

    [Fact]
    public void OptionalIntentWord_DoesNotExclude_ButRanksTheSheetThatHasIt()
    {
        var index = Index(
            Dispositif("Lycée de la Nouvelle Chance", "Préparer un CAP en deux ans"),
            Dispositif("CAP en candidat libre", "Passer son CAP seul"));
        Assert.Equal(["CAP en candidat libre", "Lycée de la Nouvelle Chance"], Noms(index.Rechercher(new RequeteRecherche { Texte = "je veux passer un CAP" })));
    }

    [Fact]
    public void NoResult_SuggestsTheNearestIndexedWord()
    {
        var index = Index(Dispositif("Mentorat étudiant", "Un étudiant accompagne un jeune"));
        var r = index.Rechercher(new RequeteRecherche { Texte = "Mantorrat étudiant" });
        Assert.Equal(0, r.Total);
        Assert.Equal("mentorat étudiant", r.Suggestion);
        Assert.Null(index.Rechercher(new RequeteRecherche { Texte = "mentorat" }).Suggestion);
        Assert.Null(index.Rechercher(new RequeteRecherche { Texte = "xylophone" }).Suggestion);
    }

    [Theory]
    [InlineData("repasser", "repass")]
    [InlineData("repassage", "repass")]
    [InlineData("former", "form")]
    [InlineData("formation", "form")]
    [InlineData("formateur", "form")]
    [InlineData("accompagnement", "accompagn")]
    [InlineData("accompagner", "accompagn")]
    [InlineData("cap", "cap")]
    [InlineData("lycee", "lyce")]
    public void Stem_JoinsVerbAndNounForms(string mot, string racine) => Assert.Equal(racine, TexteFrancais.Racine(mot));

    [Fact]
    public void AgeAsked_NoSheetOutsideItIsReturned()
    {
        var index = Index(
            Dispositif("Formation des 16-25 ans", regler: d => (d.AgeMin, d.AgeMax) = (16, 25)),
            Dispositif("Formation des 12-16 ans", regler: d => (d.AgeMin, d.AgeMax) = (12, 16)),
            Dispositif("Formation pour tous"));
        Assert.Equal(["Formation des 16-25 ans", "Formation pour tous"], Noms(index.Rechercher(new RequeteRecherche { Texte = "formation", Age = 20 })).Order().ToList());
    }
}
