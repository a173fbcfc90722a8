
namespace Raccroche.Tests.Unit;

public sealed class EcartsTests
{
    [Fact]
    public void Mots_OneWordChanged_KeepsTheRestEqual()
    {
        var s = Ecarts.Mots("Ateliers le mardi matin.", "Ateliers le jeudi matin.");
        Assert.Equal(
            [new(TypeSegment.Egal, "Ateliers le "), new(TypeSegment.Supprime, "mardi "), new(TypeSegment.Ajoute, "jeudi "), new(TypeSegment.Egal, "matin.")],
            s);
    }

    [Fact]
    public void Mots_ReadBack_GiveBothTextsExactly()
    {
        const string avant = "Un parcours de 35 semaines.\n\n- en centre\n- en entreprise";
        const string apres = "Un parcours d'environ 30 semaines.\n\n- en centre\n- en entreprise, avec un tuteur";
        var s = Ecarts.Mots(avant, apres);
        Assert.Equal(avant, string.Concat(s.Where(x => x.Type != TypeSegment.Ajoute).Select(x => x.Texte)));
        Assert.Equal(apres, string.Concat(s.Where(x => x.Type != TypeSegment.Supprime).Select(x => x.Texte)));
    }

    [Fact]
    public void Html_EncodesTheText()
    {
        var html = Ecarts.Html(Ecarts.Mots("Texte", "Texte <script>alert(1)</script>")).Value!;
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Contains("<ins>", html);
    }

    [Fact]
    public void Comparer_ListsOnlyChangedFields_WithOldAndNewValues()
    {
        ChampFiche[] avant = [new("nom", "Nom", "Atelier"), new("age-max", "Âge maximum", "25 ans")];
        ChampFiche[] apres = [new("nom", "Nom", "Atelier"), new("age-max", "Âge maximum", "29 ans")];
        var e = Assert.Single(Ecarts.Comparer(avant, apres));
        Assert.Equal(("Âge maximum", "25 ans", "29 ans"), (e.Libelle, e.Avant, e.Apres));
    }

    [Fact]
    public void Saisie_AgeMinAboveAgeMax_IsRefusedWithAFrenchMessage()
    {
        var e = new Erreurs();
        var saisie = new SaisieDispositif { Nom = "Atelier", Resume = "Résumé", Entrees = ["se-former"], AgeMin = "26", AgeMax = "18", ZoneType = "France" };
        Assert.Null(saisie.Valider(e, new HashSet<int>(), new Raccroche.Web.Features.Communes.RepertoireCommunes([])));
        Assert.Equal("L'âge minimum (26 ans) doit être inférieur ou égal à l'âge maximum (18 ans).", e.Pour("age-min"));
    }

    [Fact]
    public void Saisie_Nettoyer_RemovesControlCharactersAndNormalisesLineBreaks() =>
        Assert.Equal("a\nb\nc", Saisie.Nettoyer("  a\r\nb\0\rc  "));
}
