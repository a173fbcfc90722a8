
namespace Raccroche.Tests.Unit;

public sealed class TexteFrancaisTests
{
    [Theory]
    [InlineData("École", "ecole")]
    [InlineData("CŒUR", "coeur")]
    [InlineData("Saint-Étienne", "saint etienne")]
    [InlineData("l’insertion", "l'insertion")]
    public void Replier_RemovesAccentsCaseAndPunctuation(string texte, string attendu) =>
        Assert.Equal(attendu, TexteFrancais.Replier(texte));

    [Fact]
    public void Termes_DropsElisionsAndStopWords()
    {
        Assert.Equal(["ecole", "metier"], TexteFrancais.Termes("L'École des Métiers"));
        Assert.Equal(["insertion", "emploi"], TexteFrancais.Termes("d’insertion dans l'emploi"));
        Assert.Equal(["aujourdhui"], TexteFrancais.Termes("aujourd'hui"));
    }

    [Theory]
    [InlineData("jeunes", "jeune")]
    [InlineData("locaux", "local")]
    [InlineData("travaux", "traval")]
    [InlineData("stress", "stress")]
    [InlineData("bus", "bus")]
    [InlineData("e2c", "e2c")]
    public void Raciner_StripsLightPlurals(string mot, string attendu) =>
        Assert.Equal(attendu, TexteFrancais.Raciner(mot));

    [Fact]
    public void Termes_SingularAndPluralMatch() =>
        Assert.Equal(TexteFrancais.Termes("les formations qualifiantes"), TexteFrancais.Termes("formation qualifiante"));

    [Theory]
    [InlineData("epide", "epyde", 1)]
    [InlineData("epide", "epdie", 1)] // transposition counts as one edit
    [InlineData("epide", "epid", 1)]
    [InlineData("epide", "eepide", 1)]
    [InlineData("epide", "apyde", 2)]
    [InlineData("mission", "mission", 0)]
    public void Distance_CountsEditsUpToTheBound(string a, string b, int attendu) =>
        Assert.Equal(attendu, Math.Min(TexteFrancais.Distance(a, b, 1), 2));
}
