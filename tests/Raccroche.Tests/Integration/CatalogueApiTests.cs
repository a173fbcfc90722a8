
namespace Raccroche.Tests.Integration;

/// <summary>The catalogue API through the real HTTP pipeline; run once per database provider.</summary>
public abstract class CatalogueApiTests(AppFactory factory)
{
    protected HttpClient Client { get; } = factory.CreateClient();

    protected static async Task<JsonElement> Json(HttpResponseMessage r) =>
        JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task Search_Typo_FindsEpide()
    {
        var json = await Json(await Client.GetAsync("/api/v1/dispositifs?q=epyde"));
        Assert.Contains(json.GetProperty("items").EnumerateArray(), i => i.GetProperty("nom").GetString()!.Contains("EPIDE", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Search_FieldWords_FindTheSheets_AndNoResultSuggests()
    {
        var e2c = await Json(await Client.GetAsync("/api/v1/dispositifs?q=" + Uri.EscapeDataString("école deuxième chance")));
        Assert.Contains(e2c.GetProperty("items").EnumerateArray().Take(3), i => i.GetProperty("nom").GetString()!.Contains("2e chance", StringComparison.Ordinal));
        Assert.False(e2c.TryGetProperty("suggestion", out var s) && s.ValueKind == JsonValueKind.String);

        var rien = await Json(await Client.GetAsync("/api/v1/dispositifs?q=mantorrat"));
        Assert.Equal(0, rien.GetProperty("total").GetInt32());
        Assert.Equal("mentorat", rien.GetProperty("suggestion").GetString());
    }

    [Fact]
    public async Task Search_ByCommuneAndRadius_ReturnsOnlyNearbyPlaces()
    {
        var r = await Client.GetAsync("/api/v1/dispositifs?code_commune=63430&rayon_km=30&taille=100");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var json = await Json(r);
        var items = json.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, i =>
        {
            var d = i.GetProperty("distance_km");
            Assert.True(d.ValueKind == JsonValueKind.Null || d.GetDouble() <= 30, $"{i.GetProperty("nom")} is at {d}");
        });
        Assert.Contains(items, i => i.GetProperty("distance_km").ValueKind == JsonValueKind.Number);
    }

    [Fact]
    public async Task Search_ResponseShape_HasTotalItemsAndSnakeCaseFields()
    {
        var json = await Json(await Client.GetAsync("/api/v1/dispositifs?age=17&niveau=sans-diplome&entree=se-former"));
        Assert.True(json.GetProperty("total").GetInt32() > 0);
        var first = json.GetProperty("items")[0];
        foreach (var field in new[] { "id", "nom", "resume", "entrees", "distance_km", "age_min", "age_max", "url" })
        {
            Assert.True(first.TryGetProperty(field, out _), $"missing {field}");
        }

        Assert.All(json.GetProperty("items").EnumerateArray(), i =>
            Assert.Contains("se-former", i.GetProperty("entrees").EnumerateArray().Select(e => e.GetString())));
        Assert.True(json.GetProperty("facettes").GetProperty("entrees").GetProperty("se-former").GetInt32() > 0);
    }

    [Theory]
    [InlineData("code_commune=99999", "code_commune")]
    [InlineData("code_commune=63430&rayon_km=0", "rayon_km")]
    [InlineData("code_commune=63430&rayon_km=-5", "rayon_km")]
    [InlineData("code_commune=63430&rayon_km=201", "rayon_km")]
    [InlineData("code_commune=63430&rayon_km=loin", "rayon_km")]
    [InlineData("rayon_km=30", "rayon_km")]
    [InlineData("age=9", "age")]
    [InlineData("age=100", "age")]
    [InlineData("age=dix-sept", "age")]
    [InlineData("taille=101", "taille")]
    [InlineData("page=0", "page")]
    [InlineData("niveau=bac", "niveau")]
    [InlineData("entree=travailler", "entree")]
    [InlineData("thematiques=cuisine", "thematiques")]
    [InlineData("situation=astronaute", "situation")]
    [InlineData("departement=100", "departement")]
    [InlineData("remunere=peut-etre", "remunere")]
    public async Task Search_BadInput_Returns400NamingTheFieldInFrench(string query, string champ)
    {
        var r = await Client.GetAsync("/api/v1/dispositifs?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        var json = await Json(r);
        var messages = json.GetProperty("errors").GetProperty(champ).EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.Matches("[a-zé]{3,} ", m.ToLowerInvariant()));
        Assert.Contains(messages[0], json.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Search_OverlongText_Returns400()
    {
        var r = await Client.GetAsync("/api/v1/dispositifs?q=" + new string('a', 201));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("200", (await Json(r)).GetProperty("errors").GetProperty("q")[0].GetString());
    }

    [Fact]
    public async Task GetDispositif_ReturnsTheWholeSheet()
    {
        var id = (await Json(await Client.GetAsync("/api/v1/dispositifs?q=ecole+2e+chance"))).GetProperty("items")[0].GetProperty("id").GetInt32();
        var json = await Json(await Client.GetAsync($"/api/v1/dispositifs/{id}"));
        Assert.Equal(id, json.GetProperty("id").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("description").GetString()));
        Assert.True(json.GetProperty("structure").TryGetProperty("nom", out _));
        Assert.True(json.GetProperty("zone").TryGetProperty("type", out _));
    }

    [Fact]
    public async Task GetDispositif_Unknown_Returns404ProblemDetails()
    {
        var r = await Client.GetAsync("/api/v1/dispositifs/999999");
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        Assert.Contains("999999", (await Json(r)).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/v1/dispositifs/abc")]
    [InlineData("/api/v1/inconnu")]
    public async Task UnknownApiRoute_Returns404ProblemDetails(string url)
    {
        var r = await Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Communes_Lookup_IgnoresAccentsAndSaint()
    {
        var json = await Json(await Client.GetAsync("/api/v1/communes?q=st%20etienne"));
        Assert.Equal("42218", json[0].GetProperty("code_insee").GetString());
        var thiers = await Json(await Client.GetAsync("/api/v1/communes/63430"));
        Assert.Equal("Thiers", thiers.GetProperty("nom").GetString());
        Assert.Contains("63300", thiers.GetProperty("codes_postaux").EnumerateArray().Select(e => e.GetString()));
        Assert.InRange(thiers.GetProperty("latitude").GetDouble(), 45.8, 45.9);
        Assert.True(thiers.TryGetProperty("position_estimee", out _));
    }

    [Fact]
    public async Task Communes_Unknown_Returns404AndEmptyQueryReturns400()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/api/v1/communes/00000")).StatusCode);
        var r = await Client.GetAsync("/api/v1/communes?q=");
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.True((await Json(r)).GetProperty("errors").TryGetProperty("q", out _));
    }

    [Fact]
    public async Task Structures_NearThiers_CompetentOnesFirst()
    {
        var json = await Json(await Client.GetAsync("/api/v1/structures?code_commune=63430&type=mission-locale"));
        var items = json.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.True(items[0].GetProperty("competente").GetBoolean());
        Assert.All(items, i => Assert.Equal("mission-locale", i.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task CatalogueReads_CarryETag_AndAnswer304WhenUnchanged()
    {
        var first = await Client.GetAsync("/api/v1/dispositifs?q=mission");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.Contains("max-age", first.Headers.CacheControl!.ToString());
        var req = new HttpRequestMessage(HttpMethod.Get, "/api/v1/dispositifs?q=mission");
        req.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await Client.SendAsync(req)).StatusCode);
    }

    [Fact]
    public async Task CatalogueChange_RebuildsIndex_AndChangesETag()
    {
        var before = (await Client.GetAsync("/api/v1/dispositifs?q=zorglubisme")).Headers.ETag;
        await using (var db = factory.CreateDbContext())
        {
            var structure = await db.Structures.FirstAsync();
            db.Dispositifs.Add(new Dispositif
            {
                Slug = "test-zorglub-" + Guid.NewGuid().ToString("N")[..8],
                Nom = "Atelier zorglubisme",
                Resume = "Un dispositif créé par le test.",
                StructureId = structure.Id,
                Entrees = ["reflechir-projet"],
                DateMaj = new DateOnly(2026, 1, 1),
            });
            await db.SaveChangesAsync();
        }

        await factory.AttendreCatalogueAsync();
        var r = await Client.GetAsync("/api/v1/dispositifs?q=zorglubisme");
        Assert.NotEqual(before, r.Headers.ETag);
        Assert.Equal(1, (await Json(r)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task OpenApi_DocumentsTheCatalogueEndpoints()
    {
        var json = await Json(await Client.GetAsync("/openapi/v1.json"));
        var paths = json.GetProperty("paths");
        foreach (var p in new[] { "/api/v1/dispositifs", "/api/v1/dispositifs/{id}", "/api/v1/structures", "/api/v1/communes", "/api/v1/communes/{codeInsee}" })
        {
            Assert.True(paths.TryGetProperty(p, out _), $"{p} missing from the OpenAPI document");
        }

        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/api/docs")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteCatalogueApiTests(SqliteAppFactory f) : CatalogueApiTests(f);

[Collection(PostgresCollection.Name)]
public sealed class PostgresCatalogueApiTests(PostgresAppFactory f) : CatalogueApiTests(f);
