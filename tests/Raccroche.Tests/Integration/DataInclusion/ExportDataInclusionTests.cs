using Raccroche.Tests.Unit;
using Raccroche.Web.Features.DataInclusion;

namespace Raccroche.Tests.Integration.DataInclusion;

/// <summary>
/// The catalogue in data·inclusion v1 on both databases: every record the API gives validates against the reference
/// schema (a real validator) and upstream's code rules, with modes consistent with contacts; pages and filters as the
/// national API; ETag, CORS and the vocabularies.
/// </summary>
public abstract class ExportDataInclusionTests(AppFactory f)
{
    private readonly HttpClient _client = f.CreateClient();

    private async Task<JsonElement> Get(string url)
    {
        var r = await _client.GetAsync(url);
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"{url}: {r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
    }

    private static List<JsonElement> Items(JsonElement page) => [.. page.GetProperty("items").EnumerateArray()];

    [Fact]
    public async Task EveryExportedRecord_ValidatesAgainstTheReferenceSchema_WithModesBackedByContacts()
    {
        await f.AttendreCatalogueAsync();
        var aujourdhui = DateOnly.FromDateTime(DateTime.UtcNow);
        var structures = Items(await Get("/api/v1/data-inclusion/structures?size=10000"));
        var services = Items(await Get("/api/v1/data-inclusion/services?size=10000"));
        await using var db = f.CreateDbContext();
        Assert.Equal(await db.Structures.CountAsync(s => s.SourceDonnees == null || s.RepriseLe != null), structures.Count);
        var attendus = (await db.Dispositifs.Where(d => !d.Suspendu && d.SourceDonnees == null && (d.Structure!.SourceDonnees == null || d.Structure.RepriseLe != null)).Select(d => d.Lieux.Count).ToListAsync()).Sum(n => Math.Max(1, n));
        Assert.Equal(attendus, services.Count);

        Assert.All(structures, s =>
        {
            Assert.Empty(SchemaReference.Erreurs(s, service: false, aujourdhui));
            Assert.Equal("raccroche", s.GetProperty("source").GetString());
            Assert.Matches(@"^raccroche--structure-\d+$", s.GetProperty("id").GetString());
        });
        var idsStructures = structures.Select(s => s.GetProperty("id").GetString()).ToHashSet();
        Assert.All(services, s =>
        {
            Assert.Empty(SchemaReference.Erreurs(s, service: true, aujourdhui));
            Assert.Matches(@"^raccroche--service-\d+(-lieu-\d+)?$", s.GetProperty("id").GetString());
            Assert.Contains(s.GetProperty("structure_id").GetString(), idsStructures);
            var modes = s.GetProperty("modes_mobilisation") is { ValueKind: JsonValueKind.Array } m ? m.EnumerateArray().Select(x => x.GetString()).ToList() : [];
            bool Rempli(string champ) => s.GetProperty(champ).ValueKind != JsonValueKind.Null;
            Assert.True(!modes.Contains("telephoner") || Rempli("telephone"));
            Assert.True(!modes.Contains("envoyer-un-courriel") || Rempli("courriel"));
            Assert.True(!modes.Contains("utiliser-lien-mobilisation") || Rempli("lien_mobilisation"));
            Assert.True(!modes.Contains("se-presenter") || Rempli("code_insee"));
        });

        // Zones and review dates come from the sheets: E2C Rhône's zone and date, as COG codes.
        var e2c = await db.Dispositifs.Include(d => d.Lieux).FirstAsync(d => d.Slug == "e2c-rhone");
        var service = services.First(s => s.GetProperty("id").GetString()!.StartsWith($"raccroche--service-{e2c.Id}", StringComparison.Ordinal));
        Assert.Equal(CorrespondanceDI.DateMaj(e2c.DateMaj), service.GetProperty("date_maj").GetString());
        var zone = service.GetProperty("zone_eligibilite").EnumerateArray().Select(x => x.GetString()).ToList();
        Assert.Equal(e2c.ZoneType == ZoneType.Region ? 12 : e2c.ZoneCodes.Count, zone.Count);
    }

    [Fact]
    public async Task Pages_HaveTheNationalApisShape_AndFiltersKeepOnlyWhatTheySay()
    {
        await f.AttendreCatalogueAsync();
        var tout = Items(await Get("/api/v1/data-inclusion/services?size=10000")).Select(s => s.GetProperty("id").GetString()).ToList();
        var page = await Get("/api/v1/data-inclusion/services?size=5&page=2");
        Assert.Equal(tout.Count, page.GetProperty("total").GetInt32());
        Assert.Equal(2, page.GetProperty("page").GetInt32());
        Assert.Equal(5, page.GetProperty("size").GetInt32());
        Assert.Equal((tout.Count + 4) / 5, page.GetProperty("pages").GetInt32());
        Assert.Equal(tout.Skip(5).Take(5), Items(page).Select(s => s.GetProperty("id").GetString()));
        Assert.Equal(1000, (await Get("/api/v1/data-inclusion/structures")).GetProperty("size").GetInt32());

        var rhone = Items(await Get("/api/v1/data-inclusion/services?code_departement=69&size=10000"));
        Assert.NotEmpty(rhone);
        Assert.All(rhone, s => Assert.StartsWith("69", s.GetProperty("code_insee").GetString()));
        var formation = Items(await Get("/api/v1/data-inclusion/services?thematiques=se-former--trouver-sa-formation&publics=jeunes&size=10000"));
        Assert.NotEmpty(formation);
        Assert.All(formation, s =>
        {
            Assert.Contains("se-former--trouver-sa-formation", s.GetProperty("thematiques").EnumerateArray().Select(x => x.GetString()));
            Assert.Contains("jeunes", s.GetProperty("publics").EnumerateArray().Select(x => x.GetString()));
        });
        var ml = Items(await Get("/api/v1/data-inclusion/structures?reseaux_porteurs=mission-locale&size=10000"));
        await using var db = f.CreateDbContext();
        Assert.Equal(await db.Structures.CountAsync(s => (s.SourceDonnees == null || s.RepriseLe != null) && (s.ReseauPorteur == "mission-locale" || (s.ReseauPorteur == null && s.Type == "mission-locale"))), ml.Count);
        Assert.All(ml, s => Assert.Contains("mission-locale", s.GetProperty("reseaux_porteurs").EnumerateArray().Select(x => x.GetString())));
        Assert.Equal(0, (await Get("/api/v1/data-inclusion/structures?date_maj_apres=2999-01-01")).GetProperty("total").GetInt32());
        var commune = Items(await Get("/api/v1/data-inclusion/structures?code_commune=69123&size=10000"));
        Assert.NotEmpty(commune);
    }

    [Theory]
    [InlineData("size=10001", "size")]
    [InlineData("page=0", "page")]
    [InlineData("thematiques=pas-une-thematique", "thematiques")]
    [InlineData("code_departement=999", "code_departement")]
    [InlineData("code_commune=00000", "code_commune")]
    [InlineData("date_maj_apres=31/01/2026", "date_maj_apres")]
    public async Task BadParameters_GetAFrenchProblemOnTheirField(string requete, string champ)
    {
        var r = await _client.GetAsync($"/api/v1/data-inclusion/services?{requete}");
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var erreurs = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(erreurs.TryGetProperty(champ, out var messages), erreurs.ToString());
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
    }

    [Fact]
    public async Task Pages_CarryAnETag_OpenToAnyOriginForGet()
    {
        await f.AttendreCatalogueAsync();
        using var get = new HttpRequestMessage(HttpMethod.Get, "/api/v1/data-inclusion/structures?size=3");
        get.Headers.Add("Origin", "https://ailleurs.example");
        var r = await _client.SendAsync(get);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("*", r.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var etag = r.Headers.ETag!;
        using var encore = new HttpRequestMessage(HttpMethod.Get, "/api/v1/data-inclusion/structures?size=3");
        encore.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await _client.SendAsync(encore)).StatusCode);

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/data-inclusion/services");
        preflight.Headers.Add("Origin", "https://ailleurs.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "if-none-match");
        var p = await _client.SendAsync(preflight);
        Assert.True(p.IsSuccessStatusCode, p.StatusCode.ToString());
        Assert.Equal("*", p.Headers.GetValues("Access-Control-Allow-Origin").Single());

        // The rest of the API stays closed to other origins.
        using var autre = new HttpRequestMessage(HttpMethod.Get, "/api/v1/communes/15014");
        autre.Headers.Add("Origin", "https://ailleurs.example");
        Assert.False((await _client.SendAsync(autre)).Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Vocabularies_AreServedAsTheSchemaHasThem()
    {
        var th = await Get("/api/v1/data-inclusion/doc/thematiques");
        Assert.Equal(Vocabulaire.Thematiques.Termes.Count, th.GetArrayLength());
        Assert.Contains(th.EnumerateArray(), t => t.GetProperty("value").GetString() == "se-former--trouver-sa-formation" && t.GetProperty("label").GetString()!.Length > 0);
        foreach (var v in SchemaDI.Vocabulaires.Keys)
        {
            Assert.True((await Get($"/api/v1/data-inclusion/doc/{v}")).GetArrayLength() > 0);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/v1/data-inclusion/doc/inconnu")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ExportDataInclusionSqliteTests(SqliteAppFactory f) : ExportDataInclusionTests(f);

[Collection(PostgresCollection.Name)]
public sealed class ExportDataInclusionPostgresTests(PostgresAppFactory f) : ExportDataInclusionTests(f);
