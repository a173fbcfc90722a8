namespace Raccroche.Tests.Unit;

/// <summary>The import page's column mapping: what a select per column gives, and the French messages when it does not hold.</summary>
public sealed class CorrespondanceSieiTests
{
    private static IReadOnlyList<ColonneLue> Colonnes(params string[] entetes) => ColonnesSiei.Reconnaitre(entetes).ParColonne;

    [Fact]
    public void Reconnaitre_ListsEveryColumn_WithItsOrigin()
    {
        var r = ColonnesSiei.Reconnaitre(["INE", "N° élève", "Santé", "Ville"], new Dictionary<string, ChampSiei?> { ["ville"] = null });
        Assert.Equal([OrigineColonne.Alias, OrigineColonne.NonReconnue, OrigineColonne.Interdite, OrigineColonne.Correspondance], r.ParColonne.Select(c => c.Origine));
        Assert.Equal(ChampSiei.Ine, r.ParColonne[0].Champ);
        Assert.Null(r.ParColonne[3].Champ);
        Assert.Contains("Ville", r.Ignorees);
        Assert.DoesNotContain(ChampSiei.Commune, r.Colonnes.Keys);
    }

    [Fact]
    public void ASavedIgnore_WinsOverAnAlias()
    {
        var r = ColonnesSiei.Reconnaitre(["INE", "Commune", "Date de sortie", "Téléphone"], new Dictionary<string, ChampSiei?> { ["TELEPHONE"] = null });
        Assert.True(r.Valides);
        Assert.DoesNotContain(ChampSiei.Telephone, r.Colonnes.Keys);
        Assert.Equal(["Téléphone"], r.Ignorees);
    }

    [Fact]
    public void Lire_GivesTheMappingByNormalisedHeader()
    {
        var erreurs = new Erreurs();
        var m = CorrespondanceSiei.Lire(Colonnes("N° élève", "Ville", "Fin", "Remarque"),
            new Dictionary<string, string?> { ["0"] = "Ine", ["1"] = "Commune", ["2"] = "DateSortie", ["3"] = "ignorer" }, erreurs);
        Assert.False(erreurs.Any);
        Assert.Equal(ChampSiei.Ine, m!["n eleve"]);
        Assert.Equal(ChampSiei.DateSortie, m["fin"]);
        Assert.Null(m["remarque"]);
        Assert.True(ColonnesSiei.Reconnaitre(["N° élève", "Ville", "Fin", "Remarque"], m).Valides);
    }

    [Fact]
    public void Lire_TheSameFieldTwice_IsRefusedOnTheSecondColumn()
    {
        var erreurs = new Erreurs();
        var m = CorrespondanceSiei.Lire(Colonnes("INE", "Commune", "Date de sortie", "Fin"),
            new Dictionary<string, string?> { ["0"] = "Ine", ["1"] = "Commune", ["2"] = "DateSortie", ["3"] = "DateSortie" }, erreurs);
        Assert.Null(m);
        Assert.Contains("déjà choisi pour la colonne « Date de sortie »", erreurs.Pour("colonne-3"));
    }

    [Fact]
    public void Lire_ARequiredFieldMissing_OrAnUnknownCode_IsNamedInFrench()
    {
        var erreurs = new Erreurs();
        Assert.Null(CorrespondanceSiei.Lire(Colonnes("Nom", "Prénom", "Ville", "Date de sortie"),
            new Dictionary<string, string?> { ["0"] = "Nom", ["1"] = "Prenom", ["2"] = "Commune", ["3"] = "9" }, erreurs));
        Assert.Contains("Il manque l'identité", erreurs.Pour("correspondance"));
        Assert.Contains("« Date de sortie »", erreurs.Pour("colonne-3"));
    }

    [Fact]
    public void Serialiser_RoundTrips_AndIgnoresUnknownCodes()
    {
        var m = new Dictionary<string, ChampSiei?> { ["fin"] = ChampSiei.DateSortie, ["remarque"] = null };
        Assert.Equal(m, CorrespondanceSiei.Deserialiser(CorrespondanceSiei.Serialiser(m)));
        Assert.Empty(CorrespondanceSiei.Deserialiser("{\"x\":\"Inconnu\"}")!);
    }

    [Fact]
    public void AvancementTexte_PrintsAtMostOnceASecond()
    {
        var horloge = new Raccroche.Tests.Outils.HorlogeFixe(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));
        var sortie = new StringWriter();
        var a = new AvancementTexte(sortie, horloge);
        a.Report(new AvancementImport(PhaseImport.Analyse, 0, 100000));
        a.Report(new AvancementImport(PhaseImport.Analyse, 5000, 100000));
        horloge.Avancer(TimeSpan.FromSeconds(1));
        a.Report(new AvancementImport(PhaseImport.Rapprochement, 40000, 100000));
        var lignes = sortie.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lignes.Length);
        Assert.StartsWith("analyse : 0 / 100", lignes[0]);
        Assert.Matches(@"^rapprochement : 40\s000 / 100\s000 lignes$", lignes[1]);
        Assert.Equal(5000, AvancementImport.Pas(100000));
    }
}
