using Raccroche.Web.Donnees.Initiales;
using Raccroche.Web.Features.Observatoire;
using Raccroche.Web.Features.Partenaires;
using Raccroche.Web.Features.Ressources;

namespace Raccroche.Tests.Unit;

/// <summary>What the partners and resources hold alone: the PDF check, the offered file name, sizes, the definitions' links and the seed file.</summary>
public sealed class RessourcesUnitTests
{
    [Theory]
    [InlineData("%PDF-1.7\n", true)]
    [InlineData("%PDF-", true)]
    [InlineData("%PDF", false)]
    [InlineData(" %PDF-1.4", false)]
    [InlineData("<html>", false)]
    [InlineData("", false)]
    public void EstPdf_LooksAtTheContentsFirstBytes(string debut, bool pdf) =>
        Assert.Equal(pdf, StockageRessources.EstPdf(Encoding.ASCII.GetBytes(debut)));

    [Theory]
    [InlineData("rapport.pdf", "rapport.pdf")]
    [InlineData("C:\\Users\\x\\étude \"finale\".PDF", "étude finale.PDF")]
    [InlineData("../../etc/passwd", "passwd.pdf")]
    [InlineData("", "document.pdf")]
    [InlineData("a\u0001b.pdf", "ab.pdf")]
    public void NomPropre_KeepsTheNameWithoutFoldersQuotesOrControls(string nom, string attendu) =>
        Assert.Equal(attendu, StockageRessources.NomPropre(nom));

    [Theory]
    [InlineData(500, "500 octets")]
    [InlineData(2048, "2 Ko")]
    [InlineData(2_621_440, "2,5 Mo")]
    public void Taille_IsWrittenTheFrenchWay(long octets, string attendu) => Assert.Equal(attendu, Format.Taille(octets));

    [Fact]
    public void Definitions_LinkOnlyIndicatorsOfTheRegistry_AndProgrammesOfTheSeed()
    {
        var slugs = CatalogueInitial.Embarque().Dispositifs.Select(d => d.Id).ToHashSet();
        Assert.All(Definitions.Toutes, d =>
        {
            Assert.All(d.Indicateurs, c => Assert.True(RegistreIndicateurs.Trouver(c) is not null, $"{d.Ancre}: {c}"));
            Assert.All(d.Dispositifs, s => Assert.True(slugs.Contains(s), $"{d.Ancre}: {s}"));
            Assert.Matches("^[a-z0-9-]+$", d.Ancre);
        });
        Assert.Equal(Definitions.Toutes.Count, Definitions.Toutes.Select(d => d.Ancre).Distinct().Count());
    }

    [Fact]
    public void Seed_NamesKnownProgrammesKindsAndThemes_AndNoPerson()
    {
        var seed = PartenairesInitiaux.Embarques();
        var catalogue = CatalogueInitial.Embarque();
        var dispositifs = catalogue.Dispositifs.Select(d => d.Id).ToHashSet();
        var structures = catalogue.Structures.Select(s => s.Id).ToHashSet();
        Assert.All(seed.Partenaires, p =>
        {
            Assert.NotNull(ValeursFermees.Lire<NaturePartenaire>(p.Nature));
            Assert.All(p.Dispositifs, s => Assert.Contains(s, dispositifs));
            Assert.All(p.Structures, s => Assert.Contains(s, structures));
            Assert.True(p.Presentation.Length <= Partenaire.LongueurPresentation, p.Nom);
        });
        Assert.All(seed.Ressources, r =>
        {
            Assert.NotNull(ValeursFermees.Lire<NatureRessource>(r.Nature));
            Assert.All(r.Themes, t => Assert.True(Raccroche.Web.Features.Veille.Etiquettes.Themes.Contient(t), t));
            Assert.True(r.Resume.Length <= Ressource.LongueurResume, r.Titre);
        });

        // Structure-level addresses only: none of the seed pages' named people (their first names in an address) is kept.
        using var flux = typeof(PartenairesInitiaux).Assembly.GetManifestResourceStream("Raccroche.Seed.partenaires.json")!;
        var texte = new StreamReader(flux).ReadToEnd();
        foreach (var personne in new[] { "thomas", "justine", "javon", "chalayer", "magnier", "derian", "girard", "torres", "caltran", "naudin", "maingues", "bayard", "saux", "château", "benbouza" })
        {
            Assert.DoesNotContain(personne, texte, StringComparison.OrdinalIgnoreCase);
        }
    }
}
