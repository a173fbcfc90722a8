
namespace Raccroche.Tests.Unit;

/// <summary>SMS lengths, the day hours messages leave in, the default texts, the templates' checks and the link's token.</summary>
public sealed class MessagesJeuneUnitTests
{
    private const string Lien = "https://raccroche.fr/r/AbCdEfGhIjKlMnOpQrStUv";

    [Fact]
    public void Gsm7_CountsExtensionCharactersTwice_AndFallsBackToUcs2()
    {
        Assert.True(Gsm7.Compatible("Réponds à l'école, déjà !"));
        Assert.Equal(4, Gsm7.Longueur("a€b"));
        Assert.False(Gsm7.Compatible("rappelé·e"));
        Assert.Equal("·", Gsm7.HorsAlphabet("rappelé·e"));
        Assert.Equal(1, Gsm7.Parties(new string('a', 160)));
        Assert.Equal(2, Gsm7.Parties(new string('a', 161)));
        Assert.Equal(2, Gsm7.Parties(new string('ê', 71)));
    }

    [Fact]
    public void DefaultTexts_FitOneGsm7Sms_WithAShortStructureName_AndKeepTuAndVous()
    {
        foreach (var c in ModelesMessages.Champs)
        {
            var texte = ModelesMessages.Remplir(c.Defaut, "Maximilien", "Mission locale de Thiers", Lien);
            Assert.True(Gsm7.Compatible(texte), $"{c.Code}: {Gsm7.HorsAlphabet(texte)}");
            Assert.True(Gsm7.Parties(texte) == 1, $"{c.Code}: {Gsm7.Longueur(texte)} characters");
            Assert.Contains(Lien, texte);
            Assert.Equal(c.Destinataire == DestinataireContact.Jeune, c.Defaut.Contains("Réponds") || c.Defaut.Contains("t'aider"));
        }

        Assert.Equal("Bonjour, ici ML. Formation, emploi : on peut t'aider. Réponds ici : x", ModelesMessages.Remplir(ModelesMessages.Champs[0].Defaut, null, "ML", "x"));
    }

    [Fact]
    public void Templates_NeedTheLink_AndKnownPlaceholdersOnly_AnEmptyOneIsTheDefault()
    {
        var erreurs = new Erreurs();
        Assert.Null(ModelesMessages.Lire(new Dictionary<string, string?> { ["modeleJeune"] = "Salut {prenom}" }, erreurs));
        Assert.Contains("{lien}", erreurs.Pour("modeleJeune"));
        erreurs = new Erreurs();
        Assert.Null(ModelesMessages.Lire(new Dictionary<string, string?> { ["modeleJeune"] = "{nom} : {lien}" }, erreurs));
        Assert.Contains("{nom}", erreurs.Pour("modeleJeune"));
        var lus = ModelesMessages.Lire(new Dictionary<string, string?> { ["modeleJeune"] = "  ", ["modeleResponsable"] = "Bonjour, {structure} : {lien}" }, new Erreurs())!;
        Assert.Null(lus.Jeune);
        Assert.Equal(ModelesMessages.Champs[0].Defaut, lus.Texte(DestinataireContact.Jeune, NatureMessage.Premier));
        Assert.Equal("Bonjour, {structure} : {lien}", lus.Texte(DestinataireContact.ResponsableLegal, NatureMessage.Premier));
    }

    [Fact]
    public void MessagesLeaveBetween8And20ParisTime_OtherwiseAt8()
    {
        // 2 December 2026: Paris is UTC+1. 21:30 Paris → next day 08:00 Paris (07:00 UTC); 06:00 Paris → 08:00 the same day.
        var soir = new DateTime(2026, 12, 2, 20, 30, 0, DateTimeKind.Utc);
        Assert.False(HeuresOuvrees.Ouvert(soir));
        Assert.Equal(new DateTime(2026, 12, 3, 7, 0, 0), HeuresOuvrees.Prochaine(soir));
        Assert.Equal(new DateTime(2026, 12, 2, 7, 0, 0), HeuresOuvrees.Prochaine(new DateTime(2026, 12, 2, 5, 0, 0, DateTimeKind.Utc)));
        var midi = new DateTime(2026, 12, 2, 11, 0, 0, DateTimeKind.Utc);
        Assert.Equal(midi, HeuresOuvrees.Prochaine(midi));
        Assert.True(HeuresOuvrees.Ouvert(new DateTime(2026, 12, 2, 18, 59, 0, DateTimeKind.Utc)));
        Assert.False(HeuresOuvrees.Ouvert(new DateTime(2026, 12, 2, 19, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void Token_Has128RandomBits_InTheUrlSafeAlphabet_AndOnlyItsHashIsKept()
    {
        var jetons = Enumerable.Range(0, 200).Select(_ => LienPersonnel.NouveauJeton()).ToList();
        Assert.All(jetons, j => Assert.True(LienPersonnel.Forme(j), j));
        Assert.Equal(200, jetons.Distinct().Count());
        Assert.Equal(64, LienPersonnel.Empreinte(jetons[0]).Length);
        Assert.NotEqual(LienPersonnel.Empreinte(jetons[0]), LienPersonnel.Empreinte(jetons[1]));
        Assert.False(LienPersonnel.Forme("trop-court"));
        Assert.False(LienPersonnel.Forme("AAAAAAAAAAAAAAAAAAAAA/"));
    }
}
