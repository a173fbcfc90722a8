
namespace Raccroche.Tests.Unit;

/// <summary>Reading SIEI lists: headers and aliases, values, files (CSV in both encodings, XLSX), rows, and matching people across lists.</summary>
public sealed class SieiTests
{
    private static readonly DateOnly Liste = new(2026, 11, 15);

    [Theory]
    [InlineData("Date de naissance", ChampSiei.DateNaissance)]
    [InlineData("DATE_NAISSANCE", ChampSiei.DateNaissance)]
    [InlineData(" date-de-naissance ", ChampSiei.DateNaissance)]
    [InlineData("\uFEFFINE", ChampSiei.Ine)]
    [InlineData("Prénom", ChampSiei.Prenom)]
    [InlineData("PRENOM", ChampSiei.Prenom)]
    [InlineData("Nom de naissance", ChampSiei.NomNaissance)]
    [InlineData("Code INSEE", ChampSiei.CodeInsee)]
    [InlineData("Tél.", ChampSiei.Telephone)]
    [InlineData("E-mail", ChampSiei.Courriel)]
    [InlineData("Téléphone responsable légal", ChampSiei.ResponsableTelephone)]
    [InlineData("RNE", ChampSiei.EtablissementUai)]
    [InlineData("Système de formation", ChampSiei.SystemeFormation)]
    [InlineData("Accompagnement Mission Locale", ChampSiei.ConnuMissionLocale)]
    [InlineData("Date d'entrée", ChampSiei.DateEntree)]
    public void Headers_AreRecognised_WhateverTheCaseAccentsAndPunctuation(string entete, ChampSiei attendu)
    {
        var r = ColonnesSiei.Reconnaitre([entete]);
        Assert.Equal(0, r.Colonnes[attendu]);
    }

    [Fact]
    public void Headers_AComplete_ListIsValid_UnknownColumnsAreListed()
    {
        var r = ColonnesSiei.Reconnaitre(["INE", "Nom", "Prénom", "Date de naissance", "Commune", "Date de sortie", "Remarque interne"]);
        Assert.True(r.Valides, string.Join(" ", r.Erreurs));
        Assert.Equal(["Remarque interne"], r.Ignorees);
    }

    [Theory]
    [InlineData("Situation de santé", "la santé")]
    [InlineData("Handicap", "handicap")]
    [InlineData("Nationalité", "la nationalité")]
    [InlineData("Infractions", "les infractions")]
    [InlineData("Situation familiale", "la situation familiale")]
    public void Headers_ForbiddenData_RefusesTheFile_NamingTheColumn(string entete, string categorie)
    {
        var r = ColonnesSiei.Reconnaitre(["INE", "Commune", "Date de sortie", entete]);
        Assert.False(r.Valides);
        var e = Assert.Single(r.Erreurs);
        Assert.Contains($"« {entete} »", e);
        Assert.Contains("colonne 4", e);
        Assert.Contains(categorie, e);
    }

    [Fact]
    public void Headers_WithoutIdentityCommuneOrExitDate_SayWhatIsMissing()
    {
        var r = ColonnesSiei.Reconnaitre(["Nom", "Prénom", "Classe"]);
        Assert.Contains(r.Erreurs, e => e.Contains("INE", StringComparison.Ordinal) && e.Contains("date de naissance", StringComparison.Ordinal));
        Assert.Contains(r.Erreurs, e => e.Contains("commune", StringComparison.Ordinal));
        Assert.Contains(r.Erreurs, e => e.Contains("date de sortie", StringComparison.Ordinal));
        Assert.Contains("Aucune colonne reconnue", Assert.Single(ColonnesSiei.Reconnaitre(["a", "b"]).Erreurs));
        Assert.Contains("toutes deux", Assert.Single(ColonnesSiei.Reconnaitre(["INE", "Commune", "Date de sortie", "Tel", "Portable"]).Erreurs));
    }

    [Fact]
    public void Headers_ASavedMapping_WinsOverTheAliases()
    {
        var r = ColonnesSiei.Reconnaitre(["N° élève", "Ville", "Fin"], new Dictionary<string, ChampSiei?> { ["n° élève"] = ChampSiei.Ine, ["FIN"] = ChampSiei.DateSortie });
        Assert.True(r.Valides, string.Join(" ", r.Erreurs));
        Assert.Equal(0, r.Colonnes[ChampSiei.Ine]);
        Assert.Equal(2, r.Colonnes[ChampSiei.DateSortie]);
    }

    [Theory]
    [InlineData("05/09/2008", 2008, 9, 5)]
    [InlineData("5/9/2008", 2008, 9, 5)]
    [InlineData("2008-09-05", 2008, 9, 5)]
    [InlineData("2008-09-05T00:00:00", 2008, 9, 5)]
    [InlineData("39696", 2008, 9, 5)]
    public void Dates_ReadInTheFormatsOfTheField(string texte, int a, int m, int j) =>
        Assert.Equal(new DateOnly(a, m, j), ValeursSiei.Date(texte).Valeur);

    [Theory]
    [InlineData("31/02/2008")]
    [InlineData("2008/09/05")]
    [InlineData("hier")]
    [InlineData("09-2008")]
    public void Dates_Unreadable_SayTheExpectedFormat(string texte)
    {
        var lu = ValeursSiei.Date(texte);
        Assert.Null(lu.Valeur);
        Assert.Contains("JJ/MM/AAAA", lu.Erreur);
    }

    [Theory]
    [InlineData("06 12 34 56 78", "+33612345678")]
    [InlineData("06.12.34.56.78", "+33612345678")]
    [InlineData("612345678", "+33612345678")]
    [InlineData("+33 6 12 34 56 78", "+33612345678")]
    [InlineData("0033612345678", "+33612345678")]
    [InlineData("04-73-00-00-00", "+33473000000")]
    [InlineData("0692 12 34 56", "+262692123456")]
    [InlineData("0596 12 34 56", "+596596123456")]
    public void Phones_AreNormalisedToE164(string texte, string attendu) =>
        Assert.Equal(attendu, ValeursSiei.Telephone(texte).Valeur);

    [Theory]
    [InlineData("06 12 34")]
    [InlineData("06 12 34 56 78 9")]
    [InlineData("=HYPERLINK(\"x\")")]
    [InlineData("tel: 06")]
    public void Phones_Invalid_AreRefusedWithAMessage(string texte) =>
        Assert.NotNull(ValeursSiei.Telephone(texte).Erreur);

    [Fact]
    public void OtherValues_AreReadOrExplained()
    {
        Assert.Equal("1234567890A", ValeursSiei.Ine(" 1234567890a ").Valeur);
        Assert.NotNull(ValeursSiei.Ine("12345678901").Erreur);
        Assert.Equal("01053", ValeursSiei.CodeInsee("1053").Valeur);
        Assert.Equal("2A004", ValeursSiei.CodeInsee("2a004").Valeur);
        Assert.NotNull(ValeursSiei.CodeInsee("6311").Valeur is null ? "x" : ValeursSiei.CodeInsee("631130").Erreur);
        Assert.Equal("01000", ValeursSiei.CodePostal("1000").Valeur);
        Assert.Equal("0631234X", ValeursSiei.Uai("0631234x").Valeur);
        Assert.Equal("F", ValeursSiei.Sexe("Féminin").Valeur);
        Assert.Equal("M", ValeursSiei.Sexe("1").Valeur);
        Assert.NotNull(ValeursSiei.Sexe("autre").Erreur);
        Assert.Equal("agricole", ValeursSiei.Systeme("Lycée agricole").Valeur);
        Assert.Equal("apprentissage", ValeursSiei.Systeme("CFA").Valeur);
        Assert.Equal(true, ValeursSiei.OuiNon("OUI").Valeur);
        Assert.Equal(false, ValeursSiei.OuiNon("n").Valeur);
        Assert.Null(ValeursSiei.OuiNon("").Valeur);
        Assert.Equal("3", ValeursSiei.Niveau("CAP").Valeur);
        Assert.Equal("4", ValeursSiei.Niveau("niveau 4").Valeur);
        Assert.Equal("infra-3", ValeursSiei.Niveau("sans diplôme").Valeur);
        Assert.Equal("Lefèvre-Dupont", ValeursSiei.Nom("  Lefèvre-Dupont ", "nom").Valeur);
        Assert.Equal("N'Diaye", ValeursSiei.Nom("N'Diaye", "nom").Valeur);
        Assert.NotNull(ValeursSiei.Nom("<script>alert(1)</script>", "nom").Erreur);
        Assert.NotNull(ValeursSiei.Nom("=1+1", "nom").Erreur);
        Assert.NotNull(ValeursSiei.Courriel("pas une adresse").Erreur);

        // Free text is kept as typed (shown inert later), with its spaces folded.
        Assert.Equal("<b>CAP</b> cuisine", ValeursSiei.Texte(" <b>CAP</b>\t cuisine ", 200, "formation").Valeur);
        Assert.NotNull(ValeursSiei.Texte(new string('x', 201), 200, "formation").Erreur);
    }

    [Fact]
    public void Csv_Utf8WithBom_Semicolons_QuotedCellsOverSeveralLines()
    {
        var csv = "\uFEFFINE;Nom;Prénom;Commune;Date de sortie;Adresse\r\n" +
            "1234567890A;Éloïse;Zoé;Thiers;01/09/2026;\"3 rue des Tests\nbâtiment B\"\r\n" +
            ";;;;;\r\n" +
            "2234567890B;Brun;Léo;Riom;02/09/2026;\"le \"\"Clos\"\"\"\r\n";
        var t = LecteurTableau.Lire(new MemoryStream(new UTF8Encoding(true).GetBytes(csv)));
        Assert.Equal("INE", t.EnTetes[0]);
        Assert.Equal(2, t.Lignes.Count);
        Assert.Equal(2, t.Lignes[0].Numero);
        Assert.Equal("3 rue des Tests\nbâtiment B", t.Lignes[0].Cellule(5));
        Assert.Equal(4, t.Lignes[1].Numero);
        Assert.Equal("le \"Clos\"", t.Lignes[1].Cellule(5));
    }

    [Fact]
    public void Csv_Windows1252_Commas()
    {
        var csv = "INE,Nom,Prénom,Commune,Date de sortie\r\n1234567890A,Lefèvre,Zoé,Saint-Étienne,01/09/2026\r\n";
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var t = LecteurTableau.Lire(new MemoryStream(Encoding.GetEncoding(1252).GetBytes(csv)));
        Assert.Equal("Prénom", t.EnTetes[2]);
        Assert.Equal("Saint-Étienne", t.Lignes[0].Cellule(3));
    }

    [Fact]
    public void Xlsx_IsReadFromItsFirstSheet_DatesAsDates()
    {
        using var m = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(m, new[]
        {
            new Dictionary<string, object> { ["INE"] = "1234567890A", ["Nom"] = "Brun", ["Prénom"] = "Léo", ["Date de naissance"] = new DateTime(2008, 9, 5), ["Commune"] = "Riom", ["Date de sortie"] = new DateTime(2026, 9, 1) },
            new Dictionary<string, object> { ["INE"] = "2234567890B", ["Nom"] = "Roux", ["Prénom"] = "Inès", ["Date de naissance"] = new DateTime(2009, 1, 2), ["Commune"] = "Vichy", ["Date de sortie"] = new DateTime(2026, 10, 1) },
        }, excelType: MiniExcelLibs.ExcelType.XLSX);
        m.Position = 0;
        var t = LecteurTableau.Lire(m);
        Assert.Equal(["INE", "Nom", "Prénom", "Date de naissance", "Commune", "Date de sortie"], t.EnTetes);
        Assert.Equal(2, t.Lignes.Count);
        Assert.Equal(3, t.Lignes[1].Numero);
        var r = AnalyseSiei.Analyser(t, ColonnesSiei.Reconnaitre(t.EnTetes), Liste);
        Assert.Empty(r.Erreurs);
        Assert.Equal(new DateOnly(2008, 9, 5), r.Lignes[0].DateNaissance);
    }

    [Theory]
    [InlineData(new byte[0], "vide")]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x00, 0x01 }, "ni un CSV ni un classeur")]
    [InlineData(new byte[] { (byte)'P', (byte)'K', 3, 4, 0, 0, 0 }, "ne peut pas être lu")]
    public void Files_ThatAreNotTables_AreRefusedInFrench(byte[] octets, string message)
    {
        var e = Assert.Throws<FichierIlisibleException>(() => LecteurTableau.Lire(new MemoryStream(octets)));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Rows_EveryFaultyValueIsReportedWithItsLineAndColumn_Under16sAreNeverKept()
    {
        var csv = "INE;Nom;Prénom;Date de naissance;Commune;Date de sortie;Tél\n" +
            "1234567890A;Brun;Léo;05/09/2008;Riom;01/09/2026;06 12 34 56 78\n" +
            "XX;Roux;Inès;31/02/2008;Vichy;01/09/2026;123\n" +
            ";Petit;Noé;01/01/2012;Thiers;01/09/2026;\n" +
            ";Martin;;05/09/2008;;;\n";
        var t = LecteurTableau.Lire(new MemoryStream(Encoding.UTF8.GetBytes(csv)));
        var r = AnalyseSiei.Analyser(t, ColonnesSiei.Reconnaitre(t.EnTetes), Liste);
        Assert.Single(r.Lignes);
        Assert.Equal("+33612345678", r.Lignes[0].Telephone);
        Assert.Contains(r.Erreurs, e => e is { Ligne: 3, Champ: "INE" });
        Assert.Contains(r.Erreurs, e => e is { Ligne: 3, Champ: "Date de naissance" });
        Assert.Contains(r.Erreurs, e => e is { Ligne: 3, Champ: "Tél" });
        Assert.Equal([4], r.MoinsDe16Ans);
        Assert.Contains(r.Erreurs, e => e.Ligne == 4 && e.Message.Contains("Moins de 16 ans", StringComparison.Ordinal));
        Assert.Contains(r.Erreurs, e => e is { Ligne: 5, Champ: "INE" } && e.Message.Contains("prénom", StringComparison.Ordinal));
        Assert.Contains(r.Erreurs, e => e is { Ligne: 5, Champ: "commune" });
        Assert.Contains(r.Erreurs, e => e is { Ligne: 5, Champ: "Date de sortie" });
        Assert.Equal(new HashSet<int> { 3, 4, 5 }, r.LignesEnErreur);
    }

    private static LigneSiei Ligne(string? ine, string? nom, string? prenom, DateOnly? naissance, string? nomNaissance = null, string? lieu = null) =>
        new() { Ine = ine, Nom = nom, Prenom = prenom, DateNaissance = naissance, NomNaissance = nomNaissance, LieuNaissance = lieu };

    private static readonly PersonneConnue Zoe = new(1, "1234567890A", "Lefèvre-Dupont", null, "Zoé", new DateOnly(2008, 3, 4), "Clermont-Ferrand");
    private static readonly PersonneConnue Lea = new(2, null, "Martin", "Garnier", "Léa", new DateOnly(2008, 7, 15), null);

    [Fact]
    public void Matching_ByIne_First()
    {
        var r = new Rapprochement([Zoe, Lea]).Chercher(Ligne("1234567890A", "Autre", "Nom", new DateOnly(2001, 1, 1)));
        Assert.Equal((IssueRapprochement.Rapproche, 1), (r.Issue, r.PersonneId));
    }

    [Theory]
    [InlineData("LEFEVRE DUPONT", "zoe")]
    [InlineData("lefèvre  dupont", "ZOÉ")]
    [InlineData("Lefevre-Dupont", "Zoe")]
    public void Matching_ByNamesAndBirthDate_FoldsAccentsHyphensAndCase(string nom, string prenom)
    {
        var r = new Rapprochement([Zoe, Lea]).Chercher(Ligne(null, nom, prenom, new DateOnly(2008, 3, 4)));
        Assert.Equal((IssueRapprochement.Rapproche, 1), (r.Issue, r.PersonneId));
    }

    [Fact]
    public void Matching_UsageOrBirthName_EitherSide()
    {
        var m = new Rapprochement([Zoe, Lea]);
        Assert.Equal(2, m.Chercher(Ligne(null, "Garnier", "Léa", new DateOnly(2008, 7, 15))).PersonneId);
        Assert.Equal(2, m.Chercher(Ligne(null, "Dupuis", "Léa", new DateOnly(2008, 7, 15), nomNaissance: "Martin")).PersonneId);
    }

    [Theory]
    [InlineData(2008, 4, 3, "inversés")]
    [InlineData(2008, 3, 5, "un jour près")]
    [InlineData(2007, 3, 4, "un an près")]
    public void Matching_ABirthDateThatLooksMistyped_GoesToArbitration(int a, int m, int j, string raison)
    {
        var r = new Rapprochement([Zoe]).Chercher(Ligne(null, "Lefèvre-Dupont", "Zoé", new DateOnly(a, m, j)));
        Assert.Equal(IssueRapprochement.AArbitrer, r.Issue);
        Assert.Null(r.PersonneId);
        Assert.Equal([1], r.Candidats);
        Assert.Contains(raison, r.Raison);
    }

    [Fact]
    public void Matching_NeverOnNameAlone_AndDoubtsAreArbitrated()
    {
        var m = new Rapprochement([Zoe, Lea]);
        Assert.Equal(IssueRapprochement.Nouveau, m.Chercher(Ligne(null, "Lefèvre-Dupont", "Zoé", new DateOnly(2010, 11, 20))).Issue);
        Assert.Equal(IssueRapprochement.Nouveau, m.Chercher(Ligne(null, "Lefèvre-Dupont", "Zoé", null)).Issue);

        // A one-letter typo, another INE, another birth place: a person decides.
        Assert.Equal(IssueRapprochement.AArbitrer, m.Chercher(Ligne(null, "Lefevre-Dupond", "Zoé", new DateOnly(2008, 3, 4))).Issue);
        Assert.Equal(IssueRapprochement.AArbitrer, m.Chercher(Ligne("9999999999Z", "Lefèvre-Dupont", "Zoé", new DateOnly(2008, 3, 4))).Issue);
        Assert.Equal(IssueRapprochement.AArbitrer, m.Chercher(Ligne(null, "Lefèvre-Dupont", "Zoé", new DateOnly(2008, 3, 4), lieu: "Lyon")).Issue);

        // Two files fit: never pick one.
        var deux = new Rapprochement([Zoe, Zoe with { Id = 3, Ine = null, LieuNaissance = null }]);
        var r = deux.Chercher(Ligne(null, "Lefèvre-Dupont", "Zoé", new DateOnly(2008, 3, 4)));
        Assert.Equal(IssueRapprochement.AArbitrer, r.Issue);
        Assert.Equal([1, 3], r.Candidats.Order());
    }

    [Fact]
    public void Matching_APersonAddedDuringTheImport_IsFoundByTheNextRows()
    {
        var m = new Rapprochement([]);
        var ligne = Ligne(null, "Brun", "Léo", new DateOnly(2008, 9, 5));
        Assert.Equal(IssueRapprochement.Nouveau, m.Chercher(ligne).Issue);
        m.Ajouter(new PersonneConnue(7, null, "Brun", null, "Léo", new DateOnly(2008, 9, 5), null));
        Assert.Equal(7, m.Chercher(ligne).PersonneId);
    }

    [Theory]
    [InlineData("MARTIN", "MARTIN", true)]
    [InlineData("MARTIN", "MARTINE", true)]
    [InlineData("MARTIN", "MRATIN", true)]
    [InlineData("MARTIN", "MARTON", true)]
    [InlineData("MARTIN", "MORTON", false)]
    [InlineData("LEO", "LEA", false)]
    public void OneTypo_IsOneEditOrOneSwap(string a, string b, bool attendu) =>
        Assert.Equal(attendu, Rapprochement.UneFaute(a, b));
}

public sealed class TelephoneNationalTests
{
    [Theory]
    [InlineData("+33612345678", "0612345678")]
    [InlineData("+262692123456", "0692123456")]
    [InlineData("+590690123456", "0690123456")]
    [InlineData(null, null)]
    public void E164_IsWrittenBackTheNationalWay(string? e164, string? national) =>
        Assert.Equal(national, ValeursSiei.TelephoneNational(e164));

    [Fact]
    public void EveryPhoneTheSieiReaderAccepts_ReadsBackAsOneTheReferralAccepts()
    {
        // Every French mobile prefix 0600…0799, overseas ones included (0692, 0690...): the referral form accepts the result.
        for (var prefixe = 600; prefixe < 800; prefixe++)
        {
            var brut = $"0{prefixe}123456";
            var lu = ValeursSiei.Telephone(brut).Valeur;
            Assert.Equal(brut, Recontact.NormaliserTelephone(ValeursSiei.TelephoneNational(lu)));
        }
    }
}
