namespace Raccroche.Tests.Unit;

/// <summary>The check-ins' months as a PSAD types them, their due dates, and what a finding does to the file (decision 0017).</summary>
public sealed class PointsSuiviUnitTests
{
    [Theory]
    [InlineData("1,3,6,12", new[] { 1, 3, 6, 12 })]
    [InlineData(" 2 ; 5  9 ", new[] { 2, 5, 9 })]
    [InlineData("24", new[] { 24 })]
    [InlineData("1, 2, 3, 4, 5, 6", new[] { 1, 2, 3, 4, 5, 6 })]
    public void Months_AreReadWithCommasSemicolonsOrSpaces(string saisi, int[] attendu)
    {
        var erreurs = new Erreurs();
        Assert.Equal(attendu, ReglagesSuivi.LireMois(saisi, erreurs));
        Assert.False(erreurs.Any);
    }

    [Theory]
    [InlineData("", "au moins un mois")]
    [InlineData("3, 3", "en croissant, sans doublon (3 vient après 3)")]
    [InlineData("6, 1", "en croissant")]
    [InlineData("0", "entre 1 et 24")]
    [InlineData("25", "entre 1 et 24 mois après l'entrée (25 ne l'est pas)")]
    [InlineData("1,2,3,4,5,6,7", "6 points au plus (7 saisis)")]
    [InlineData("1, trois", "« trois » n'est pas un nombre de mois")]
    [InlineData("-1", "n'est pas un nombre")]
    public void WrongMonths_GetAFrenchMessageOnTheirField(string saisi, string message)
    {
        var erreurs = new Erreurs();
        Assert.Null(ReglagesSuivi.LireMois(saisi, erreurs));
        Assert.Contains(message, erreurs.Pour(ReglagesSuivi.ChampMoisPoints));
        Assert.StartsWith("Points de suivi : ", erreurs.Pour(ReglagesSuivi.ChampMoisPoints));
    }

    [Fact]
    public void Settings_DefaultToOneThreeSixTwelve_AndTheCheckSeesStoredMonthsOutOfBounds()
    {
        Assert.Equal([1, 3, 6, 12], new ReglagesSuivi().MoisDesPoints());
        Assert.Empty(new ReglagesSuivi().Verifier());
        Assert.Contains(new ReglagesSuivi { MoisPointsSuivi = "12,6" }.Verifier(), e => e.Champ == ReglagesSuivi.ChampMoisPoints);
    }

    [Fact]
    public void Schedule_FallsOnTheSameDayOfTheMonths_LastDayWhenShorter_AndLeavesOutCheckInsTooLate()
    {
        var points = PointsSuivi.Planifier(7, 9, new DateOnly(2026, 1, 31), [1, 3, 6, 12], new DateOnly(2026, 1, 31));
        Assert.Equal([new DateOnly(2026, 2, 28), new DateOnly(2026, 4, 30), new DateOnly(2026, 7, 31), new DateOnly(2027, 1, 31)], points.Select(p => p.Echeance));
        Assert.All(points, p => Assert.True(p.JeuneSuiviId == 7 && p.SolutionId == 9 && p.FaitLe is null && p.AnnuleLe is null));

        // Entered 100 days before it was recorded: the 1-month check-in is 69 days late, the 3-month one 8 days: only it and the later ones.
        var tard = PointsSuivi.Planifier(7, 9, new DateOnly(2026, 1, 1), [1, 3, 6], new DateOnly(2026, 4, 11));
        Assert.Equal([3, 6], tard.Select(p => p.Mois));
        Assert.Equal([1], PointsSuivi.Planifier(7, 9, new DateOnly(2026, 1, 1), [1], new DateOnly(2026, 3, 3)).Select(p => p.Mois));
        Assert.Empty(PointsSuivi.Planifier(7, 9, new DateOnly(2026, 1, 1), [1], new DateOnly(2026, 3, 4)));
    }

    [Fact]
    public void AFinding_ReopensOnlyWhenOut_AndSetsTheMaintainedExitOnlyAtTheLastOrWhenOut()
    {
        var point = new PointSuivi { Id = 1, JeuneSuiviId = 2, SolutionId = 3, Mois = 6 };
        ConstatPoint Plan(ConstatSuivi c, bool dernier, StatutDossier avant = StatutDossier.EnSolution, bool attribue = true) =>
            new(point, c, null, null, dernier, avant, attribue, TypeSolution.Apprentissage);

        Assert.Null(Plan(ConstatSuivi.ToujoursEnSolution, dernier: false).Maintenue);
        Assert.True(Plan(ConstatSuivi.ToujoursEnSolution, dernier: true).Maintenue);
        Assert.True(Plan(ConstatSuivi.AChange, dernier: true).Maintenue);
        Assert.False(Plan(ConstatSuivi.Injoignable, dernier: true).Maintenue);
        Assert.Null(Plan(ConstatSuivi.Injoignable, dernier: false).Maintenue);
        Assert.False(Plan(ConstatSuivi.SortiSansSolution, dernier: false).Maintenue);

        Assert.Equal(StatutDossier.EnSolution, Plan(ConstatSuivi.Injoignable, false).Apres);
        Assert.Equal(StatutDossier.Cloture, Plan(ConstatSuivi.ToujoursEnSolution, true, StatutDossier.Cloture).Apres);
        Assert.Equal(StatutDossier.AContacter, Plan(ConstatSuivi.SortiSansSolution, false, StatutDossier.Cloture).Apres);
        Assert.Equal(StatutDossier.AAttribuer, Plan(ConstatSuivi.SortiSansSolution, false, attribue: false).Apres);

        var lignes = Plan(ConstatSuivi.SortiSansSolution, false, StatutDossier.Cloture).Evenements("X", DateTime.UtcNow).ToList();
        Assert.Equal([NatureEvenement.PointSuivi, NatureEvenement.Reouverture], lignes.Select(l => l.Nature));
        Assert.Equal([NatureEvenement.PointSuivi, NatureEvenement.Statut], Plan(ConstatSuivi.SortiSansSolution, false).Evenements("X", DateTime.UtcNow).Select(l => l.Nature));
        Assert.Single(Plan(ConstatSuivi.ToujoursEnSolution, true).Evenements("X", DateTime.UtcNow));
    }

    [Fact]
    public void TheFollowUpGoesOn_EnSolution_OrClosedAsAPositiveExitOnly()
    {
        Assert.True(PointsSuivi.Suivi(new JeuneSuivi { Statut = StatutDossier.EnSolution }));
        Assert.True(PointsSuivi.Suivi(new JeuneSuivi { Statut = StatutDossier.Cloture, MotifCloture = MotifCloture.SortiePositive }));
        Assert.False(PointsSuivi.Suivi(new JeuneSuivi { Statut = StatutDossier.Cloture, MotifCloture = MotifCloture.Demenagement }));
        Assert.False(PointsSuivi.Suivi(new JeuneSuivi { Statut = StatutDossier.AContacter }));
    }
}
