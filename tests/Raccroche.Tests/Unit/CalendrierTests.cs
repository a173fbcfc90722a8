using Raccroche.Web.Features.Agenda;

namespace Raccroche.Tests.Unit;

/// <summary>The iCalendar writer's text rules (RFC 5545 §3.1 folding, §3.3.11 TEXT escaping) and the French search key.</summary>
public sealed class CalendrierTests
{
    [Fact]
    public void Texte_EscapesBackslashSemicolonCommaAndLineBreaks_AndDropsControlCharacters() =>
        Assert.Equal(@"a\\b\; c\, d\ne\nf", Calendrier.Texte("a\\b; c, d\r\ne\nf\u0007"));

    [Fact]
    public void Plier_KeepsEveryLineWithin75Octets_NeverSplitsACharacter_AndUnfoldsBackToTheLine()
    {
        var ligne = "SUMMARY:" + string.Concat(Enumerable.Repeat("Événement à Chambéry 🎪 ", 12));
        var sb = new StringBuilder();
        Calendrier.Plier(sb, ligne);
        var plie = sb.ToString();
        Assert.EndsWith("\r\n", plie);
        var lignes = plie[..^2].Split("\r\n");
        Assert.True(lignes.Length > 3);
        Assert.All(lignes, l => Assert.InRange(Encoding.UTF8.GetByteCount(l), 1, 75));
        Assert.All(lignes.Skip(1), l => Assert.StartsWith(" ", l));
        Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(plie)));
        Assert.Equal(ligne, plie[..^2].Replace("\r\n ", "", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Les Écoles de l'insertion", " ecole insertion ")]
    [InlineData("Œuvres et bœufs", " oeuvre boeuf ")]
    public void CleRecherche_HoldsTheFoldedStemmedTermsBetweenSpaces(string texte, string cle) =>
        Assert.Equal(cle, TexteFrancais.CleRecherche(texte));

    [Fact]
    public void Slug_IsTheFoldedTitle_Hyphenated_AtMost80Characters()
    {
        Assert.Equal("l-ecole-de-la-2e-chance-a-chambery", TexteFrancais.Slug("L'École de la 2e chance, à Chambéry !"));
        Assert.True(TexteFrancais.Slug(string.Concat(Enumerable.Repeat("mot ", 50))).Length <= 80);
        Assert.Equal("contenu", TexteFrancais.Slug("<>"));
    }
}
