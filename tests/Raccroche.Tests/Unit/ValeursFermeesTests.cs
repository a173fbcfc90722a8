
namespace Raccroche.Tests.Unit;

/// <summary>Closed lists: each value is declared once (enum member + stored string + label), nothing else can be stored.</summary>
public sealed class ValeursFermeesTests
{
    [Fact]
    public void EveryClosedList_DeclaresEachMemberOnce_WithDistinctStrings()
    {
        var types = ValeursFermees.Types(typeof(RaccrocheDbContext).Assembly).ToList();
        Assert.Contains(typeof(StatutDemande), types);
        Assert.Contains(typeof(OrigineDemande), types);
        foreach (var type in types)
        {
            var membres = Enum.GetNames(type);
            var codes = type.GetFields().Where(f => f.IsStatic)
                .Select(f => f.GetCustomAttributes(typeof(ValeurAttribute), false).Cast<ValeurAttribute>().SingleOrDefault()).ToList();
            Assert.All(codes, c => Assert.NotNull(c));
            Assert.Equal(membres.Length, codes.Select(c => c!.Code).Distinct(StringComparer.Ordinal).Count());
            Assert.All(codes, c => Assert.False(string.IsNullOrWhiteSpace(c!.Libelle)));
        }
    }

    [Fact]
    public void StoredStrings_AreTheHistoricalOnes_AndAnUnknownOneIsRefused()
    {
        Assert.Equal(["nouvelle", "prise-en-charge", "jeune-contacte", "rendez-vous", "entre", "reoriente", "sans-suite"],
            ValeursFermees.Toutes<StatutDemande>().Select(s => s.Code()));
        Assert.Equal(["jeune", "professionnel", "reorientation"], ValeursFermees.Toutes<OrigineDemande>().Select(o => o.Code()));
        Assert.Equal(StatutDemande.PriseEnCharge, ValeursFermees.Lire<StatutDemande>("prise-en-charge"));
        Assert.Null(ValeursFermees.Lire<StatutDemande>("pris-en-charge"));

        var conversion = new ConversionFermee<StatutDemande>();
        Assert.Equal("sans-suite", conversion.ConvertToProvider(StatutDemande.SansSuite));
        Assert.Throws<InvalidOperationException>(() => conversion.ConvertFromProvider("pris-en-charge"));
        Assert.Throws<ArgumentOutOfRangeException>(() => ((StatutDemande)42).Code());
    }
}
