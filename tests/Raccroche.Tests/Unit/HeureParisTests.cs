
namespace Raccroche.Tests.Unit;

/// <summary>Every way an instant is shown, in winter (UTC+1) and in summer (UTC+2).</summary>
public sealed class HeureParisTests
{
    private static readonly DateTime Hiver = new(2026, 11, 23, 13, 5, 9, DateTimeKind.Utc);
    private static readonly DateTime Ete = new(2026, 3, 29, 12, 5, 0, DateTimeKind.Utc);

    [Fact]
    public void Formats_AreTheOnesThePagesShow()
    {
        Assert.Equal("23 novembre 2026 à 14:05", HeureParis.Date(Hiver));
        Assert.Equal("23 novembre 2026 à 14 h 05", HeureParis.Horodatage(Hiver));
        Assert.Equal("29 mars 2026 à 14 h 05", HeureParis.Horodatage(Ete));
        Assert.Equal("", HeureParis.Horodatage((DateTime?)null));
        Assert.Equal("23/11/2026 14:05:09", HeureParis.Journal(Hiver));
        Assert.Equal("2026-11-23 14:05:09", HeureParis.Tableur(Hiver));
        Assert.Equal("2026-11-23-1405", HeureParis.NomDeFichier(Hiver));
    }

    [Fact]
    public void Jour_IsTheParisDay()
    {
        Assert.Equal(new DateOnly(2026, 11, 24), HeureParis.Jour(new DateTime(2026, 11, 23, 23, 30, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateOnly(2026, 11, 23), HeureParis.Jour(Hiver));
    }
}
