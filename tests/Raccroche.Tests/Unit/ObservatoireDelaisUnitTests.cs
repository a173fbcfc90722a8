using Raccroche.Web.Features.Observatoire;

namespace Raccroche.Tests.Unit;

/// <summary>The delays' quantiles and the school year's calendar, on values worked out by hand.</summary>
public sealed class ObservatoireDelaisUnitTests
{
    [Fact]
    public void TheMedianAndThirdQuartile_AreReadByNearestRank_FromTheDistribution()
    {
        // 8 files at 2 days, 6 at 5, 11 at 30 (25 files): the 13th is at 5 days, the 19th at 30.
        (int, long)[] distribution = [(30, 11), (2, 8), (5, 6)];
        Assert.Equal(5, CalculDelais.Quantile(distribution, 0.5));
        Assert.Equal(30, CalculDelais.Quantile(distribution, 0.75));

        // 1, 2, 9, 30: the 2nd of 4 is 2, the 3rd is 9; one file: its own delay; none: nothing.
        Assert.Equal(2, CalculDelais.Quantile([(1, 1), (2, 1), (9, 1), (30, 1)], 0.5));
        Assert.Equal(9, CalculDelais.Quantile([(1, 1), (2, 1), (9, 1), (30, 1)], 0.75));
        Assert.Equal(4, CalculDelais.Quantile([(4, 1)], 0.5));
        Assert.Null(CalculDelais.Quantile([], 0.5));
    }

    [Theory]
    [InlineData(0, "sept.", 8)]
    [InlineData(3, "déc.", 11)]
    [InlineData(4, "janv.", 0)]
    [InlineData(11, "août", 7)]
    public void ASchoolYear_StartsInSeptember(int colonne, string nom, int moisCivil)
    {
        Assert.Equal(nom, Grille.NomColonne(colonne, Calendrier.Scolaire));
        Assert.Equal(moisCivil, Grille.MoisCivil(colonne));
        Assert.Equal(colonne >= 4, Grille.AnneeSuivante(colonne));
    }

    [Fact]
    public void ASchoolYear_IsNamedByItsTwoYears_AndADayBelongsToTheOneStartingTheSeptemberBefore()
    {
        Assert.Equal("2025-2026", Grille.NomAnnee(2025, Calendrier.Scolaire));
        Assert.Equal("2025", Grille.NomAnnee(2025, Calendrier.Civil));
        Assert.Equal(2025, Grille.AnneeScolaire(new DateOnly(2025, 9, 1)));
        Assert.Equal(2024, Grille.AnneeScolaire(new DateOnly(2025, 8, 31)));
        Assert.Equal("juin-août", Grille.NomColonne(Grille.Mois + 3, Calendrier.Scolaire));
    }

    [Fact]
    public void TheDelayQuery_CountsWholeDaysFromTheOpeningDay_OnEachDatabase()
    {
        var debut = new DateOnly(2025, 9, 1);
        var sqlite = CalculDelais.Requete(false, Etape.PremiereTentative, Ventilation.Psad, debut, debut.AddYears(1));
        Assert.Contains("julianday(substr(MIN(e.\"Quand\"), 1, 10))", sqlite);
        Assert.Contains("'2025-09-01 00:00:00'", sqlite);
        Assert.Contains("'2026-09-01 00:00:00'", sqlite);
        var postgres = CalculDelais.Requete(true, Etape.Solution, Ventilation.Departement, debut, debut.AddYears(1));
        Assert.Contains("e.\"EntreeLe\" IS NOT NULL", postgres);
        Assert.Contains("TIMESTAMPTZ '2025-09-01 00:00:00+00'", postgres);
    }
}
