
namespace Raccroche.Tests.Integration;

[Collection(SqliteCollection.Name)]
public sealed class OrientationApiTests(SqliteAppFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<(HttpStatusCode, JsonElement)> Post(string json)
    {
        var r = await _client.PostAsync("/api/v1/orientation", new StringContent(json, Encoding.UTF8, "application/json"));
        return (r.StatusCode, JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement);
    }

    [Fact]
    public async Task Orientation_ChatbotKnowingOnlyAgeAndCommune_GetsProposalsAndCompetentStructures()
    {
        var (status, json) = await Post("""{"age": 17, "code_commune": "63430"}""");
        Assert.Equal(HttpStatusCode.OK, status);
        var propositions = json.GetProperty("groupes").EnumerateArray().SelectMany(g => g.GetProperty("propositions").EnumerateArray()).ToList();
        Assert.InRange(propositions.Count, 1, 8);
        Assert.All(propositions, p =>
        {
            Assert.True(p.GetProperty("id").GetInt32() > 0);
            Assert.False(string.IsNullOrEmpty(p.GetProperty("nom").GetString()));
            Assert.StartsWith("Tu as 17 ans", p.GetProperty("raisons")[0].GetString());
        });
        var types = json.GetProperty("structures_competentes").EnumerateArray().Select(s => s.GetProperty("type").GetString()).ToList();
        Assert.Contains("mission-locale", types);
        Assert.Contains("cio", types);
        Assert.Contains("mlds", types);
    }

    [Fact]
    public async Task Orientation_FullAnswers_GroupsByEntryWithTheWishFirst()
    {
        var (status, json) = await Post("""{"age": 19, "situation": "sorti-sans-diplome", "depuis_mois": 6, "niveau": "sans-diplome", "code_commune": "69123", "souhait": "formation", "besoins": ["argent"], "rayon_km": 30}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("se-former", json.GetProperty("groupes")[0].GetProperty("entree").GetString());
    }

    [Theory]
    [InlineData("""{"code_commune": "63430"}""", "age")]
    [InlineData("""{"age": 9, "code_commune": "63430"}""", "age")]
    [InlineData("""{"age": 17}""", "code_commune")]
    [InlineData("""{"age": 17, "code_commune": "00000"}""", "code_commune")]
    [InlineData("""{"age": 17, "code_commune": "63430", "situation": "astronaute"}""", "situation")]
    [InlineData("""{"age": 17, "code_commune": "63430", "niveau": "bac"}""", "niveau")]
    [InlineData("""{"age": 17, "code_commune": "63430", "souhait": "dormir"}""", "souhait")]
    [InlineData("""{"age": 17, "code_commune": "63430", "besoins": ["argent", "yacht"]}""", "besoins")]
    [InlineData("""{"age": 17, "code_commune": "63430", "rayon_km": 0}""", "rayon_km")]
    [InlineData("""{"age": 17, "code_commune": "63430", "depuis_mois": -1}""", "depuis_mois")]
    [InlineData("""[1, 2]""", "corps")]
    [InlineData("""{pas du json""", "corps")]
    public async Task Orientation_BadValues_Return400NamingTheField(string body, string champ)
    {
        var (status, json) = await Post(body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotEmpty(json.GetProperty("errors").GetProperty(champ).EnumerateArray());
    }

    [Theory]
    [InlineData("""{"age": "dix-sept", "code_commune": "63430"}""", "age", "age doit être un nombre entier.")]
    [InlineData("""{"age": 17, "code_commune": 63430}""", "code_commune", "code_commune doit être une chaîne de caractères.")]
    [InlineData("""{"age": 17, "code_commune": "63430", "besoins": "argent"}""", "besoins", "besoins doit être une liste dont chaque élément est une chaîne de caractères.")]
    [InlineData("""{"age": 17, "code_commune": "63430", "rayon_km": true}""", "rayon_km", "rayon_km doit être un nombre.")]
    [InlineData("""{"age": 17""", "corps", "Le corps de la requête n'est pas un JSON valide (ligne 1, position 11).")]
    [InlineData("", "corps", "Le corps de la requête n'est pas un JSON valide (ligne 1, position 1).")]
    [InlineData("null", "corps", "Le corps de la requête doit être un objet JSON, pas null.")]
    public async Task Orientation_MalformedOrMistypedBody_GetsTheSameFrenchValidationProblem(string body, string champ, string message)
    {
        var (status, json) = await Post(body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("La requête contient des paramètres invalides.", json.GetProperty("title").GetString());
        Assert.Equal(message, Assert.Single(json.GetProperty("errors").GetProperty(champ).EnumerateArray()).GetString());
    }

    [Fact]
    public async Task Orientation_NumbersSentAsStrings_AreStillRead()
    {
        var (status, _) = await Post("""{"age": "17", "code_commune": "63430", "rayon_km": "30"}""");
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task OpenApi_DocumentsOrientation()
    {
        var json = JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json")).RootElement;
        Assert.True(json.GetProperty("paths").TryGetProperty("/api/v1/orientation", out var path));
        Assert.Contains("sorti-sans-diplome", path.GetProperty("post").GetProperty("description").GetString());
        Assert.Equal("#/components/schemas/DemandeOrientation", path.GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());

        // Only what the endpoint requires is listed as required.
        var schemas = json.GetProperty("components").GetProperty("schemas");
        Assert.Equal(["age", "code_commune"], schemas.GetProperty("DemandeOrientation").GetProperty("required").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(["prenom", "creneau", "consentement", "reponses"], schemas.GetProperty("DemandeContactDto").GetProperty("required").EnumerateArray().Select(x => x.GetString()));
        Assert.False(schemas.GetProperty("DemandeContactDto").GetProperty("properties").TryGetProperty("site_web", out _), "the honeypot stays undocumented");
    }
}
