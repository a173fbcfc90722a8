using Raccroche.Web.Features.DataInclusion;

namespace Raccroche.Tests.Unit;

/// <summary>The data·inclusion mapping both ways, the CSV list fields, the importer's checks against a real validator, the duplicate key.</summary>
public sealed class DataInclusionTests
{
    private static readonly DateOnly Aujourdhui = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public void CatalogueVocabularies_AreTheSchemasEnums_SoTheyPassBothWaysUnchanged()
    {
        var service = JsonDocument.Parse(File.ReadAllText(Path.Combine(SchemaReference.Partage("reference/data-inclusion-schema-v1"), "service.json"))).RootElement.GetProperty("$defs");
        var structure = JsonDocument.Parse(File.ReadAllText(Path.Combine(SchemaReference.Partage("reference/data-inclusion-schema-v1"), "structure.json"))).RootElement.GetProperty("$defs");
        static List<string> Enum(JsonElement defs, string nom) => [.. defs.GetProperty(nom).GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal)];
        static List<string> Valeurs(Liste l) => [.. l.Termes.Select(t => t.Valeur).Order(StringComparer.Ordinal)];
        Assert.Equal(Enum(service, "Thematique"), Valeurs(Vocabulaire.Thematiques));
        Assert.Equal(Enum(service, "Public"), Valeurs(Vocabulaire.Publics));
        Assert.Equal(Enum(service, "TypeService"), Valeurs(Vocabulaire.TypesService));
        Assert.Equal(Enum(service, "Frais"), Valeurs(Vocabulaire.Frais));
        Assert.Equal(Enum(service, "ModeAccueil"), Valeurs(Vocabulaire.ModesAccueil));
        Assert.Equal(Enum(service, "ModeMobilisation"), Valeurs(Vocabulaire.ModesMobilisation));
        Assert.Equal(Enum(service, "PersonneMobilisatrice"), Valeurs(Vocabulaire.PersonnesMobilisatrices));
        Assert.Equal(Enum(structure, "ReseauPorteur"), Valeurs(Vocabulaire.ReseauxPorteurs));
        Assert.Equal(SchemaDI.Vocabulaires.Keys.Order(StringComparer.Ordinal), Directory.GetFiles(Path.Combine(SchemaReference.Partage("reference/data-inclusion-schema-v1"), "extra"), "*.json")
            .Select(f => Path.GetFileNameWithoutExtension(f)!).Where(n => n != "typologies-de-services").Order(StringComparer.Ordinal)!);
    }

    [Theory]
    [InlineData("mission-locale", "mission-locale")]
    [InlineData("e2c", "ecoles-de-la-deuxieme-chance")]
    [InlineData("epide", "epide")]
    public void StructureKinds_GoOutAsTheirNetwork_AndComeBackFromIt(string type, string reseau)
    {
        Assert.Equal(reseau, CorrespondanceDI.ReseauDuType(type));
        Assert.Equal(type, CorrespondanceDI.TypeDe([reseau], "Un nom quelconque"));
    }

    [Theory]
    [InlineData("Centre d’information et d’orientation (CIO) d’Ambérieu-en-Bugey", "cio")]
    [InlineData("Centre d'information et d'orientation de Saint-Flour", "cio")]
    [InlineData("Point information jeunesse de Maurs", "autre")]
    public void AStructureWithoutNetwork_IsACioByItsName_ElseOther(string nom, string type) => Assert.Equal(type, CorrespondanceDI.TypeDe([], nom));

    [Fact]
    public void KindsWithoutANetworkOfTheSchema_HaveNone() => Assert.All(new[] { "cio", "mlds", "psad", "lycee", "autre" }, t => Assert.Null(CorrespondanceDI.ReseauDuType(t)));

    [Fact]
    public void Zones_GoOutAsCogCodes_AndComeBack()
    {
        Assert.Equal(["france"], CorrespondanceDI.ZoneEligibilite(ZoneType.France, [], _ => []));
        Assert.Equal(["01", "03"], CorrespondanceDI.ZoneEligibilite(ZoneType.Region, ["84"], r => r == "84" ? ["03", "01"] : []));
        Assert.Equal(["15", "43"], CorrespondanceDI.ZoneEligibilite(ZoneType.Departements, ["15", "43"], _ => []));
        static string Texte((ZoneType Type, List<string> Codes) z) => $"{z.Type}:{string.Join(',', z.Codes)}";
        Assert.Equal("France:", Texte(ImportDataInclusion.Zone(["france"])));
        Assert.Equal("Departements:15,43", Texte(ImportDataInclusion.Zone(["15", "43"])));
        Assert.Equal("Epci:200066637", Texte(ImportDataInclusion.Zone(["200066637"])));
        Assert.Equal("Communes:15014", Texte(ImportDataInclusion.Zone(["15014"])));
    }

    [Fact]
    public async Task CsvListFields_AreJoinedByCommas_AndReadBackEitherWay()
    {
        var r = new EnregistrementDI(SchemaDI.Service)
        {
            ["source"] = "t-source",
            ["id"] = "t-source--1",
            ["structure_id"] = "t-source--s1",
            ["nom"] = "Un service, avec une virgule",
            ["description"] = "Une description \"entre guillemets\"\nsur deux lignes.",
            ["date_maj"] = "2026-01-02",
            ["thematiques"] = new List<string> { "se-former--trouver-sa-formation", "mobilite--preparer-un-permis" },
            ["latitude"] = 45.1,
            ["longitude"] = 2.5,
            ["nombre_semaines"] = 12L,
        };
        using var m = new MemoryStream();
        await FormatsDI.EcrireAsync(m, FormatDI.Csv, SchemaDI.Service, Un(r));
        var texte = Encoding.UTF8.GetString(m.ToArray());
        Assert.Contains("\"se-former--trouver-sa-formation,mobilite--preparer-un-permis\"", texte);
        m.Position = 0;
        var relu = Assert.Single(FormatsDI.Lire(m, "services.csv")).Enregistrement!;
        Assert.Equal(r.Empreinte(), relu.Empreinte());

        var csv = "source,id,structure_id,nom,description,date_maj,publics\nt,t--1,t--s,Nom court,Description assez longue,2026-01-02,\"[\"\"jeunes\"\",\"\"femmes\"\"]\"\n";
        var json = Assert.Single(FormatsDI.Lire(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "x.csv")).Enregistrement!;
        Assert.Equal(["jeunes", "femmes"], json.Liste("publics"));
    }

    [Fact]
    public void TheImportersChecks_AgreeWithARealValidator_OnTheRealFile()
    {
        var chemin = SchemaReference.Partage("data/annuaire-ara-2016.data-inclusion.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(chemin));
        var invalides = doc.RootElement.EnumerateArray()
            .Select(e => (Id: e.GetProperty("id").GetString()!, Erreurs: SchemaReference.Erreurs(e, service: false, Aujourdhui)))
            .Where(x => x.Erreurs.Count > 0).ToList();
        var parValidateur = invalides.Select(x => x.Id).ToList();
        Assert.True(parValidateur is ["annuaire-service-public--pif-42163-01"],
            "the validator's errors: " + string.Join(" | ", invalides.Select(x => $"{x.Id}: {string.Join("; ", x.Erreurs)}")));
        var lus = FormatsDI.Lire(File.OpenRead(chemin), "annuaire.json").ToList();
        Assert.Equal(384, lus.Count);
        var parImport = lus.Where(l => l.Enregistrement!.Erreurs(Aujourdhui).Any()).Select(l => l.Enregistrement!.Id).ToList();
        Assert.Equal(["annuaire-service-public--pif-42163-01"], parValidateur);
        Assert.Equal(parValidateur, parImport);
        var (champ, message) = Assert.Single(lus.Single(l => l.Enregistrement!.Id == parImport[0]).Enregistrement!.Erreurs(Aujourdhui));
        Assert.Equal("site_web", champ);
        Assert.Contains("lapacaudière", message);
    }

    [Theory]
    [InlineData("https://exemple.fr/a?b=c#d", true, true)]
    [InlineData("http://www.famillesrurales.org/lapacaudi%C3%A8re", true, true)]
    [InlineData("http://www.famillesrurales.org/lapacaudière", false, true)]
    [InlineData("www.exemple.fr", false, true)]
    [InlineData("http://exemple.fr/un espace", false, false)]
    public void Urls_AreCheckedLikeTheValidator(string url, bool valide, bool commeLeValidateur)
    {
        Assert.Equal(valide, SchemaDI.UrlValide(url));
        if (!commeLeValidateur)
        {
            return;
        }

        var json = JsonDocument.Parse(JsonSerializer.Serialize(new Dictionary<string, string> { ["source"] = "t", ["id"] = "t--1", ["nom"] = "Nom", ["date_maj"] = "2026-01-01", ["site_web"] = url })).RootElement;
        Assert.Equal(valide, SchemaReference.Erreurs(json, service: false, Aujourdhui).Count == 0);
    }

    [Fact]
    public void UpstreamCodeRules_AreChecked()
    {
        var c = SchemaDI.Service.Champ("publics")!;
        Assert.NotNull(SchemaDI.Controler(c, new List<string> { "tous-publics", "jeunes" }, Aujourdhui));
        Assert.Null(SchemaDI.Controler(c, new List<string> { "tous-publics" }, Aujourdhui));
        var d = SchemaDI.Service.Champ("date_maj")!;
        Assert.NotNull(SchemaDI.Controler(d, Aujourdhui.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Aujourdhui));
        Assert.NotNull(SchemaDI.Controler(d, "1999-12-31", Aujourdhui));
        Assert.Null(SchemaDI.Controler(d, "2000-01-01", Aujourdhui));
    }

    [Theory]
    [InlineData("Mission locale d'Aurillac", "MISSION LOCALE D’AURILLAC")]
    [InlineData("Centre d'information et d'orientation (CIO) - Aurillac", "centre d information et d orientation cio aurillac")]
    public void DuplicateKey_FoldsCaseAccentsAndPunctuation(string a, string b) => Assert.Equal(Doublons.Cle(a), Doublons.Cle(b));

    private static async IAsyncEnumerable<EnregistrementDI> Un(EnregistrementDI r)
    {
        await Task.CompletedTask;
        yield return r;
    }
}
