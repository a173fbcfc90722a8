
namespace Raccroche.Tests.Unit;

public sealed class CommuneDirectoryTests
{
    private readonly RepertoireCommunes _communes = Fabrique.Communes;

    [Theory]
    [InlineData("saint etienne")]
    [InlineData("St-Etienne")]
    [InlineData("ST ÉTIENNE")]
    [InlineData("saint-étienne")]
    public void Rechercher_IgnoresAccentsCaseHyphensAndSaintAbbreviation(string saisie) =>
        Assert.Equal("42218", _communes.Rechercher(saisie).First().CodeInsee);

    [Theory]
    [InlineData("Puy-en-Velay")]
    [InlineData("le puy en velay")]
    [InlineData("puy")]
    public void Rechercher_IgnoresLeadingArticle(string saisie) =>
        Assert.Equal("43157", _communes.Rechercher(saisie).First().CodeInsee);

    [Fact]
    public void Rechercher_ByPostcode_FindsTheCommune()
    {
        Assert.Equal("63430", _communes.Rechercher("63300").Single().CodeInsee);
        Assert.Equal("69123", _communes.Rechercher("69009").Single().CodeInsee);
    }

    [Fact]
    public void Rechercher_ByPostcodePrefix_ListsCommunesOfThatArea() =>
        Assert.Equal(["63113", "63430"], _communes.Rechercher("63").Select(c => c.CodeInsee).Order().ToList());

    [Fact]
    public void Rechercher_ByPrefix_RanksExactNameFirstThenPopulation()
    {
        var r = _communes.Rechercher("saint");
        Assert.Equal(["Saint-Étienne", "Saint-Martin-d'Hères"], r.Select(c => c.Nom).ToList());
    }

    [Fact]
    public void Resoudre_Homonyms_ReturnsAllCandidatesAndNoChoice()
    {
        var r = _communes.Resoudre("Beaulieu");
        Assert.Null(r.Commune);
        Assert.Equal(2, r.Candidats.Count);
    }

    [Fact]
    public void Resoudre_LabelWithPostcode_PicksTheRightHomonym()
    {
        var r = _communes.Resoudre("Beaulieu (15270)");
        Assert.Equal("15016", r.Commune?.CodeInsee);
    }

    [Fact]
    public void Resoudre_Unknown_ReturnsNothing() => Assert.Empty(_communes.Resoudre("Xyzville").Candidats);

    [Fact]
    public void Libelle_ShowsNameAndFirstPostcode() => Assert.Equal("Clermont-Ferrand (63000)", RepertoireCommunes.Libelle(Fabrique.Clermont));
}
