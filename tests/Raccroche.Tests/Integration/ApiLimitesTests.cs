
namespace Raccroche.Tests.Integration;

/// <summary>No request to the public API can make the server read, or answer, much: bodies are capped at 16 KB.</summary>
[Collection(SqliteCollection.Name)]
public sealed class ApiLimitesTests(SqliteAppFactory f)
{
    public static readonly TheoryData<string, bool> Envois = new()
    {
        { "/api/v1/orientation", true },
        { "/api/v1/orientation", false },
        { "/api/v1/demandes-de-contact", true },
        { "/api/v1/demandes-de-contact", false },
    };

    [Theory]
    [MemberData(nameof(Envois))]
    public async Task PublicPost_OneMegabyteBody_Gets413ProblemDetailsInFrench(string url, bool longueurAnnoncee)
    {
        var corps = Encoding.UTF8.GetBytes("{\"age\": 17, \"code_commune\": \"63430\", \"message\": \"" + new string('x', 1024 * 1024) + "\"}");
        HttpContent contenu = longueurAnnoncee
            ? new ByteArrayContent(corps)
            : new StreamContent(new FluxSansLongueur(corps)); // sent chunked: the limit cannot rely on Content-Length
        contenu.Headers.ContentType = new("application/json");

        var r = await f.CreateClient().PostAsync(url, contenu);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType!.MediaType);
        var json = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(413, json.GetProperty("status").GetInt32());
        Assert.Equal("Requête trop volumineuse", json.GetProperty("title").GetString());
        Assert.Contains("16 Ko", json.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Orientation_BodyJustUnderTheLimit_IsStillRead()
    {
        var corps = "{\"age\": 17, \"code_commune\": \"63430\"" + new string(' ', 16 * 1024 - 40) + "}";
        Assert.True(Encoding.UTF8.GetByteCount(corps) <= 16 * 1024);
        var r = await f.CreateClient().PostAsync("/api/v1/orientation", new StringContent(corps, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
    }

    [Fact]
    public async Task OpenApi_DocumentsThe413()
    {
        var json = JsonDocument.Parse(await f.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;
        foreach (var chemin in new[] { "/api/v1/orientation", "/api/v1/demandes-de-contact" })
        {
            Assert.True(json.GetProperty("paths").GetProperty(chemin).GetProperty("post").GetProperty("responses").TryGetProperty("413", out _), chemin);
        }
    }

    /// <summary>A stream whose length is unknown, so HttpClient cannot send a Content-Length.</summary>
    private sealed class FluxSansLongueur(byte[] octets) : MemoryStream(octets)
    {
        public override bool CanSeek => false;
    }
}

/// <summary>
/// Behind the body cap, the validation itself stays small: here the cap is raised so that 20,000
/// invalid items reach it, and they still get one sentence for the field.
/// </summary>
public sealed class ApiGrandesListesTests : IAsyncLifetime
{
    private readonly SqliteAppFactory _factory = new();

    public async Task InitializeAsync()
    {
        _factory.Reglages["Api:TailleMaxCorpsKo"] = "1024";
        await _factory.InitializeAsync();
    }

    public async Task DisposeAsync() => await ((IAsyncLifetime)_factory).DisposeAsync();

    private static string Besoins(int n) => "[" + string.Join(",", Enumerable.Range(0, n).Select(i => $"\"besoin-{i}\"")) + "]";

    [Theory]
    [InlineData("/api/v1/orientation", "{\"age\": 17, \"code_commune\": \"63430\", \"besoins\": BESOINS}", "besoins")]
    [InlineData("/api/v1/demandes-de-contact", "{\"prenom\": \"Sacha\", \"courriel\": \"sacha@exemple.fr\", \"creneau\": \"matin\", \"consentement\": true, \"reponses\": {\"age\": 19, \"code_commune\": \"42218\", \"besoins\": BESOINS}}", "reponses.besoins")]
    public async Task TwentyThousandInvalidNeeds_Get400UnderTenKilobytes_NamingTheFieldOnce(string url, string modele, string champ)
    {
        var corps = modele.Replace("BESOINS", Besoins(20_000), StringComparison.Ordinal);
        Assert.True(corps.Length > 200_000);

        var r = await _factory.CreateClient().PostAsync(url, new StringContent(corps, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var octets = await r.Content.ReadAsByteArrayAsync();
        Assert.True(octets.Length < 10 * 1024, $"{octets.Length} bytes");
        var erreurs = JsonDocument.Parse(octets).RootElement.GetProperty("errors");
        var message = Assert.Single(erreurs.GetProperty(champ).EnumerateArray()).GetString();
        Assert.Contains("8 au plus", message);
    }

    [Fact]
    public async Task ManyUnknownNeeds_WithinTheCap_AreNamedInOneSentence()
    {
        var r = await _factory.CreateClient().PostAsync("/api/v1/orientation", new StringContent(
            "{\"age\": 17, \"code_commune\": \"63430\", \"besoins\": [\"argent\", \"yacht\", \"jet\", \"yacht\"]}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var message = Assert.Single(JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").GetProperty("besoins").EnumerateArray()).GetString();
        Assert.Equal("Ces besoins n'existent pas : « yacht », « jet ». Valeurs possibles : argent, logement, sante, mobilite, numerique, francais, handicap, justice.", message);
    }
}

/// <summary>The orientation API is rate limited per address like the contact endpoint, with its own budget.</summary>
public sealed class OrientationRateLimitTests : IAsyncLifetime
{
    private readonly SqliteAppFactory _factory = new();

    public async Task InitializeAsync()
    {
        _factory.Reglages["RateLimiting:OrientationParFenetre"] = "2";
        await _factory.InitializeAsync();
    }

    public async Task DisposeAsync() => await ((IAsyncLifetime)_factory).DisposeAsync();

    [Fact]
    public async Task Orientation_ThirdCallInTheWindow_Gets429InFrench_AndTheContactBudgetIsUntouched()
    {
        var client = _factory.CreateClient();
        var statuts = new List<HttpStatusCode>();
        HttpResponseMessage? derniere = null;
        for (var i = 0; i < 3; i++)
        {
            derniere = await client.PostAsync("/api/v1/orientation", new StringContent("{\"age\": 17, \"code_commune\": \"63430\"}", Encoding.UTF8, "application/json"));
            statuts.Add(derniere.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuts);
        var json = JsonDocument.Parse(await derniere!.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Trop de demandes", json.GetProperty("title").GetString());
        Assert.NotNull(derniere.Headers.RetryAfter);

        var contact = await client.PostAsync("/api/v1/demandes-de-contact", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, contact.StatusCode);
    }
}
