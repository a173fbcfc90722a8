using AngleSharp.Html.Dom;
using Raccroche.Web.Features.DataInclusion;

namespace Raccroche.Tests.Integration.DataInclusion;

/// <summary>
/// Importing data·inclusion files on both databases: the dry run's statuses, the refusal of a file with an invalid
/// record, leaving it out on request, re-importing (nothing changes), a newer file (updates, "plus dans la source"),
/// proposed duplicates; and the real file of the region's public offices through the administrator's page, down to
/// the directory, the map and the diagnostic of a Cantal commune. Synthetic records use a source of their own ("t-…").
/// </summary>
public abstract class ImportDataInclusionTests(AppFactory f)
{
    private static string Source() => "t-" + Guid.NewGuid().ToString("N")[..10];

    private static Dictionary<string, object?> Structure(string source, string id, string nom, string codeInsee, double lat, double lon, string? siret = null, string? site = null, string date = "2024-05-06") => new()
    {
        ["source"] = source,
        ["id"] = $"{source}--{id}",
        ["nom"] = nom,
        ["date_maj"] = date,
        ["siret"] = siret,
        ["site_web"] = site,
        ["adresse"] = "1 place de la Mairie",
        ["code_postal"] = null,
        ["code_insee"] = codeInsee,
        ["latitude"] = lat,
        ["longitude"] = lon,
        ["reseaux_porteurs"] = new[] { "mission-locale" },
        ["courriel"] = "contact@exemple.fr",
    };

    private async Task<RapportDI> ImporterAsync(object enregistrements, bool essai = false, bool ignorer = false)
    {
        using var scope = f.Services.CreateScope();
        await using var flux = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(enregistrements));
        return await scope.ServiceProvider.GetRequiredService<ImportDataInclusion>().ExecuterAsync([("test.json", flux)], essai, ignorer, "test");
    }

    [Fact]
    public async Task DryRun_ThenRefusal_ThenLeavingTheInvalidOut_ThenReimports_AndANewerFile()
    {
        var src = Source();
        var siret = "9" + Guid.NewGuid().ToString("N").Where(char.IsAsciiDigit).Concat("0000000000000").Take(13).Aggregate("", (a, c) => a + c);
        // In the Lozère, which the region's real file does not cover: the estimated zones below are these two offices' alone.
        var a = Structure(src, "a", "Mission locale test A", "48095", 44.5216, 3.4998, siret);
        var b = Structure(src, "b", "Mission locale test B", "48080", 44.7273, 3.8554);
        var c = Structure(src, "c", "Structure test C", "48095", 44.52, 3.50, site: "pas une adresse");
        var s = new Dictionary<string, object?>
        {
            ["source"] = src,
            ["id"] = $"{src}--s1",
            ["structure_id"] = $"{src}--a",
            ["nom"] = "Accompagnement test",
            ["description"] = "Un accompagnement vers la formation. Sur rendez-vous.",
            ["date_maj"] = "2025-01-02",
            ["thematiques"] = new[] { "se-former--trouver-sa-formation" },
            ["publics"] = new[] { "jeunes" },
            ["modes_mobilisation"] = new[] { "envoyer-un-courriel" },
            ["courriel"] = "contact@exemple.fr",
            ["zone_eligibilite"] = new[] { "48" },
            ["code_insee"] = "48095",
            ["adresse"] = "1 place de la Mairie",
        };

        var essai = await ImporterAsync(new[] { a, b, c, s }, essai: true);
        Assert.Equal(4, essai.Enregistrements);
        Assert.Equal(3, essai.Crees);
        var invalide = Assert.Single(essai.Invalides);
        Assert.Equal(($"{src}--c", "site_web"), (invalide.Id, invalide.Champ));
        Assert.Equal([StatutImport.ACreer, StatutImport.ACreer, StatutImport.Invalide, StatutImport.ACreer], essai.Lignes.OrderBy(l => l.Id).Select(l => l.Statut));
        await using (var db = f.CreateDbContext())
        {
            Assert.Equal(0, await db.Structures.CountAsync(x => x.SourceDonnees == src));
        }

        var refus = await ImporterAsync(new[] { a, b, c, s });
        Assert.False(refus.Importe);
        Assert.Contains("refusé", refus.Resume());
        await using (var db = f.CreateDbContext())
        {
            Assert.Equal(0, await db.Structures.CountAsync(x => x.SourceDonnees == src));
        }

        var fait = await ImporterAsync(new[] { a, b, c, s }, ignorer: true);
        Assert.True(fait.Importe);
        await using (var db = f.CreateDbContext())
        {
            var importees = await db.Structures.Include(x => x.Lieux).Where(x => x.SourceDonnees == src).OrderBy(x => x.IdSource).ToListAsync();
            Assert.Equal([$"{src}--a", $"{src}--b"], importees.Select(x => x.IdSource));
            Assert.All(importees, x => Assert.Equal(("mission-locale", new DateOnly(2024, 5, 6), 1), (x.Type, x.DateMaj, x.Lieux.Count)));
            Assert.Equal("48095", importees[0].Lieux[0].CodeInsee);
            var service = await db.Dispositifs.SingleAsync(d => d.SourceDonnees == src);
            Assert.Equal((importees[0].Id, "Un accompagnement vers la formation", ZoneType.Departements), (service.StructureId, service.Resume, service.ZoneType));
            Assert.Equal(["48"], service.ZoneCodes);

            // Two missions locales in the Lozère share its communes: each the nearest to it (Florac is nearer Mende).
            Assert.True(importees.All(x => x.ZoneEstimee && x.ZoneType == ZoneType.Communes));
            Assert.Contains("48095", importees[0].ZoneCodes);
            Assert.Contains("48061", importees[0].ZoneCodes);
            Assert.Contains("48080", importees[1].ZoneCodes);
            Assert.Equal(f.Services.GetRequiredService<InstantaneCatalogue>().Communes.Toutes.Count(x => x.Departement == "48"), importees.Sum(x => x.ZoneCodes.Count));
        }

        var encore = await ImporterAsync(new[] { a, b, c, s }, ignorer: true);
        Assert.Equal((0, 0, 3), (encore.Crees, encore.MisAJour, encore.Inchanges));

        var aBis = new Dictionary<string, object?>(a) { ["nom"] = "Mission locale test A (nouveau nom)", ["date_maj"] = "2025-03-04" };
        var nouveau = await ImporterAsync(new object[] { aBis, s });
        Assert.Equal((0, 1, 1), (nouveau.Crees, nouveau.MisAJour, nouveau.Inchanges));
        await using (var db = f.CreateDbContext())
        {
            var importees = await db.Structures.Where(x => x.SourceDonnees == src).OrderBy(x => x.IdSource).ToListAsync();
            Assert.Equal(("Mission locale test A (nouveau nom)", new DateOnly(2025, 3, 4), false), (importees[0].Nom, importees[0].DateMaj, importees[0].PlusDansLaSource));
            Assert.True(importees[1].PlusDansLaSource);
            Assert.Equal("Mission locale test B", importees[1].Nom);
        }

        // A record coming back clears the flag.
        var retour = await ImporterAsync(new object[] { aBis, b, s });
        Assert.Equal(1, retour.MisAJour);
        await using (var db = f.CreateDbContext())
        {
            Assert.False(await db.Structures.Where(x => x.SourceDonnees == src).AnyAsync(x => x.PlusDansLaSource));
        }

        // Another producer's record with the same SIRET, or the same name a few metres from a place: proposed, not merged.
        var autre = Source();
        await using (var db = f.CreateDbContext())
        {
            var lyon = await db.Lieux.Include(l => l.Structure).FirstAsync(l => l.Structure!.Slug == "ml-lyon");
            var doublons = await ImporterAsync(new object[]
            {
                Structure(autre, "x", "Autre nom", "48095", 44.5, 3.4, siret),
                Structure(autre, "y", lyon.Structure!.Nom.ToUpperInvariant(), lyon.CodeInsee, lyon.Latitude + 0.0005, lyon.Longitude),
                Structure(autre, "z", lyon.Structure!.Nom, lyon.CodeInsee, lyon.Latitude + 0.01, lyon.Longitude),
            }, essai: true);
            Assert.Equal(2, doublons.DoublonsProposes.Count);
            Assert.Contains(doublons.DoublonsProposes, d => d.Id == $"{autre}--x" && d.Raison.Contains("SIRET"));
            Assert.Contains(doublons.DoublonsProposes, d => d.Id == $"{autre}--y" && d.StructureExistante == lyon.StructureId);
            Assert.Equal(3, doublons.Crees);
        }
    }

    [Fact]
    public async Task ATakenOverSheet_IsNoLongerWrittenByImports_AndItsMembersSeeWhatTheSourceSaysDifferently()
    {
        var src = Source();
        // In the Aveyron, away from the other tests' offices.
        var a = Structure(src, "a", "Mission locale test reprise", "12202", 44.35, 2.57);
        Assert.True((await ImporterAsync(new[] { a })).Importe);
        await using (var db = f.CreateDbContext())
        {
            Assert.Equal(1, await db.Structures.Where(x => x.SourceDonnees == src).ExecuteUpdateAsync(u => u.SetProperty(x => x.RepriseLe, DateTimeOffset.UtcNow)));
        }

        var nouveau = new Dictionary<string, object?>(a) { ["nom"] = "Mission locale test renommée par la source", ["telephone"] = "+33400000000" };
        var r = await ImporterAsync(new[] { nouveau });
        Assert.Equal(1, r.MisAJour);
        Structure s;
        await using (var db = f.CreateDbContext())
        {
            s = await db.Structures.AsNoTracking().SingleAsync(x => x.SourceDonnees == src);
        }

        Assert.Equal(("Mission locale test reprise", null), (s.Nom, s.Telephone));
        Assert.Contains("renommée par la source", s.ValeursImportees);
        var membre = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.MembreStructure, s.Slug));
        var page = await Pro.PageAsync(membre, $"/pro/fiches/structure/{s.Id}");
        var lignes = page.QuerySelectorAll("table.conflits tbody tr").Select(tr => string.Join("|", tr.QuerySelectorAll("td").Select(td => td.TextContent))).ToList();
        Assert.Contains("Nom|Mission locale test renommée par la source|Mission locale test reprise", lignes);
        Assert.Contains("Téléphone|+33400000000|(vide)", lignes);

        // A taken-over sheet is published again by Raccroche, under its own id.
        await f.AttendreCatalogueAsync();
        var export = JsonDocument.Parse(await f.CreateClient().GetStringAsync("/api/v1/data-inclusion/structures?size=10000")).RootElement;
        Assert.Contains(export.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == $"raccroche--structure-{s.Id}");
    }

    [Fact]
    public async Task AReportsJson_HasExactlyTheAgreedFields()
    {
        var rapport = await ImporterAsync(new[] { Structure(Source(), "a", "Structure test", "48095", 44.5, 3.5, site: "ftp//x") }, essai: true);
        var json = JsonDocument.Parse(JsonSerializer.Serialize(rapport, RapportDI.Json)).RootElement;
        Assert.Equal(["enregistrements", "crees", "mis_a_jour", "inchanges", "invalides", "doublons_proposes"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["id", "champ", "message"], json.GetProperty("invalides")[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task BadFiles_AreReportedNotThrown()
    {
        using var scope = f.Services.CreateScope();
        var import = scope.ServiceProvider.GetRequiredService<ImportDataInclusion>();
        foreach (var contenu in new[] { "{ pas du json", "{\"a\": 1}", "[1, \"x\"]", "source,id\n" })
        {
            await using var flux = new MemoryStream(Encoding.UTF8.GetBytes(contenu));
            var r = await import.ExecuterAsync([("f.json", flux)], essai: false, ignorerInvalides: false, "test");
            Assert.False(r.Importe);
            Assert.False(string.IsNullOrWhiteSpace(r.Resume()));
        }
    }

    /// <summary>The page's upload form, posted as a browser does (multipart, antiforgery token read from the page).</summary>
    private static async Task<IHtmlDocument> VerifierAsync(HttpClient client, byte[] fichier, string nom)
    {
        var page = await Pro.PageAsync(client, "/pro/data-inclusion/import");
        var form = page.QuerySelector("form[enctype='multipart/form-data']")!;
        var jeton = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var champ = form.QuerySelector("input[type=file]")!.GetAttribute("name")!;
        using var contenu = new MultipartFormDataContent
        {
            { new StringContent(jeton), "__RequestVerificationToken" },
            { new ByteArrayContent(fichier), champ, nom },
        };
        var r = await client.PostAsync(form.GetAttribute("action"), contenu);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return await Pro.Html(r);
    }

    private static async Task<IHtmlDocument> ImporterPageAsync(HttpClient client, IHtmlDocument page, bool ecarter)
    {
        var form = page.QuerySelector("form[action*='handler=Importer']")!;
        var champs = form.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, ((IHtmlInputElement)i).Value)).ToList();
        if (ecarter)
        {
            champs.Add(new(form.QuerySelector("input[type=checkbox]")!.GetAttribute("name")!, "true"));
        }

        var r = await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(champs));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return await Pro.Html(r);
    }

    [Fact]
    public async Task TheRealFile_IsCheckedThenImported_AndItsMissionsLocalesServeTheDiagnostic()
    {
        const string Source = "annuaire-service-public";
        var fichier = await File.ReadAllBytesAsync(Unit.SchemaReference.Partage("data/annuaire-ara-2016.data-inclusion.json"));
        var admin = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.AdminRegional));

        var essai = await VerifierAsync(admin, fichier, "annuaire-ara-2016.data-inclusion.json");
        var statut = essai.QuerySelector("[role=status]")!.TextContent;
        Assert.Contains("384 enregistrement(s) : 383 à créer, 0 à mettre à jour, 0 inchangé(s), 1 invalide(s)", statut);
        var ligne = Assert.Single(essai.QuerySelectorAll("table.erreurs tbody tr"));
        Assert.Equal(["annuaire-service-public--pif-42163-01", "site_web"], ligne.QuerySelectorAll("td").Take(2).Select(td => td.TextContent));
        Assert.Contains("Source : Annuaire de l'administration (DILA, service-public.fr), Licence Ouverte 2.0", essai.Body!.TextContent);

        var refus = await ImporterPageAsync(admin, essai, ecarter: false);
        Assert.Contains("refusé", refus.QuerySelector("[role=status]")!.TextContent);
        await using (var db = f.CreateDbContext())
        {
            Assert.Equal(0, await db.Structures.CountAsync(s => s.SourceDonnees == Source));
        }

        var fin = await ImporterPageAsync(admin, essai, ecarter: true);
        Assert.Contains("Import terminé", fin.QuerySelector("[role=status]")!.TextContent);
        await f.AttendreCatalogueAsync();
        await using var lecture = f.CreateDbContext();
        var importees = await lecture.Structures.AsNoTracking().Include(s => s.Lieux).Where(s => s.SourceDonnees == Source).ToListAsync();
        Assert.Equal(383, importees.Count);
        Assert.All(importees, s => Assert.Single(s.Lieux));
        Assert.Equal(132, importees.Count(s => s.Type == "mission-locale"));
        Assert.True(importees.Count(s => s.Type == "cio") >= 59);

        // The directory and the sheet: source, licence, "à vérifier" with the date, the place on the map.
        var aurillac = importees.Single(s => s.IdSource == "annuaire-service-public--mission_locale-15014-01");
        var fiche = await Pro.PageAsync(Pro.Client(f), $"/structures/{aurillac.Id}");
        var texte = fiche.Body!.TextContent;
        Assert.Contains("Source : Annuaire de l'administration (DILA, service-public.fr), Licence Ouverte 2.0", texte);
        Assert.Contains("À vérifier", texte);
        Assert.Contains(Format.Date(aurillac.DateMaj), texte);
        Assert.NotNull(fiche.QuerySelector("#carte"));
        Assert.NotNull(fiche.QuerySelector(".places li[data-lat][data-lon]"));
        var annuaire = JsonDocument.Parse(await f.CreateClient().GetStringAsync("/api/v1/structures?code_commune=15014&type=mission-locale&taille=5")).RootElement;
        Assert.Contains(annuaire.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt32() == aurillac.Id && i.GetProperty("competente").GetBoolean());

        // A Cantal commune without an office: the diagnostic names the real mission locale nearest to it (estimated zone).
        var communes = f.Services.GetRequiredService<InstantaneCatalogue>().Communes;
        var riom = communes.ParCode("15162")!;
        var missions = importees.Where(s => s.Type == "mission-locale" && s.Lieux[0].CodeInsee.StartsWith("15", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, missions.Count);
        var attendue = missions.MinBy(s => Distances.DistanceKm(riom.Latitude, riom.Longitude, s.Lieux[0].Latitude, s.Lieux[0].Longitude))!;
        Assert.Contains("15162", attendue.ZoneCodes);
        Assert.True(attendue.ZoneEstimee);
        var r = await f.CreateClient().PostAsync("/api/v1/orientation", new StringContent("""{"age": 19, "code_commune": "15162"}""", Encoding.UTF8, "application/json"));
        var orientation = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
        var ml = orientation.GetProperty("structures_competentes").EnumerateArray().Single(s => s.GetProperty("type").GetString() == "mission-locale");
        Assert.Equal(attendue.Nom, ml.GetProperty("nom").GetString());

        // The same file again changes nothing.
        var encore = await ImporterPageAsync(admin, await VerifierAsync(admin, fichier, "annuaire.json"), ecarter: true);
        Assert.Contains("0 créé(s), 0 mis à jour, 383 inchangé(s)", encore.QuerySelector("[role=status]")!.TextContent);
    }
}

// Their own databases: the real file's 383 structures become the competent entry points of many communes, which would
// change the routing the other tests of a shared collection rely on.
public sealed class ImportDataInclusionSqliteTests(SqliteAppFactory f) : ImportDataInclusionTests(f), IClassFixture<SqliteAppFactory>;

public sealed class ImportDataInclusionPostgresTests(PostgresAppFactory f) : ImportDataInclusionTests(f), IClassFixture<PostgresAppFactory>;
