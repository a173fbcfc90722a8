using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Raccroche.Tests.Unit;

public sealed class RetentionRulesTests
{
    [Theory]
    [InlineData("""{"age":19,"code_commune":"63430","commune":"Thiers","besoins":["argent"]}""", """{"departement":"63"}""")]
    [InlineData("""{"code_commune":"2A004"}""", """{"departement":"2A"}""")]
    [InlineData("""{"code_commune":"97411"}""", """{"departement":"974"}""")]
    [InlineData("""{"age":19}""", "{}")]
    [InlineData("""{"code_commune":12}""", "{}")]
    [InlineData("pas du json", "{}")]
    [InlineData("[]", "{}")]
    [InlineData(null, "{}")]
    public void ReponsesAnonymes_KeepOnlyTheDepartement(string? reponses, string attendu) =>
        Assert.Equal(attendu, Retention.ReponsesAnonymes(reponses));

    private static RetentionOptions Options(Dictionary<string, string?> reglages)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(reglages).Build();
        return new ServiceCollection().AddLogging().AddRetention(config).BuildServiceProvider()
            .GetRequiredService<IOptions<RetentionOptions>>().Value;
    }

    [Fact]
    public void Options_Defaults()
    {
        var o = Options([]);
        Assert.Equal((true, 24, 12, 24, 30, 60), (o.Active, o.IntervalleHeures, o.MoisApresCloture, o.MoisSansActivite, o.CourriersJours, o.JournalMois));
    }

    [Fact]
    public void Options_AuditTrailMustOutliveTheData()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Options(new() { ["Retention:JournalMois"] = "24" }));
        Assert.Contains("JournalMois", ex.Message);
        Assert.Throws<OptionsValidationException>(() => Options(new() { ["Retention:MoisApresCloture"] = "0" }));
    }
}
