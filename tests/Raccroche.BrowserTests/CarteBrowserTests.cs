
namespace Raccroche.BrowserTests;

/// <summary>The map of a sheet in Chromium: what a structure types as a place's name is shown as text, never run as HTML.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CarteBrowserTests(BrowserFixture app)
{
    private const string NomPiege = "<a href=\"https://piege.example/\" id=\"lien-du-nom\">Cliquez ici</a><b>gras</b>";

    /// <summary>A structure, place and programme of the test's own, far from the seed's places and suspended, so no other test meets them.</summary>
    private async Task<string> FicheAvecLieuAsync(string nomLieu)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RaccrocheDbContext>();
        var suffixe = Guid.NewGuid().ToString("N")[..8];
        var structure = new Structure
        {
            Slug = $"essai-carte-{suffixe}",
            Nom = $"Structure d'essai carte {suffixe}",
            Type = "association",
            ZoneType = ZoneType.Communes,
            ZoneCodes = ["01001"],
            DateMaj = DateOnly.FromDateTime(DateTime.UtcNow),
        };
        var lieu = new Lieu { Slug = $"lieu-essai-{suffixe}", Structure = structure, Nom = nomLieu, CodeInsee = "01001", CodePostal = "01400", Latitude = 46.153, Longitude = 4.926 };
        var dispositif = new Dispositif
        {
            Slug = $"dispositif-essai-carte-{suffixe}",
            Nom = $"Dispositif d'essai carte {suffixe}",
            Resume = "Fiche créée par un test de la carte.",
            Structure = structure,
            Lieux = [lieu],
            ZoneType = ZoneType.Communes,
            ZoneCodes = ["01001"],
            DateMaj = DateOnly.FromDateTime(DateTime.UtcNow),
            Suspendu = true,
        };
        db.Dispositifs.Add(dispositif);
        await db.SaveChangesAsync();
        return $"/dispositifs/{dispositif.Id}/{dispositif.Slug}";
    }

    [Fact]
    public async Task MapPopup_ShowsAPlaceNamedWithHtmlAsText_AndCreatesNoLinkFromIt()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + await FicheAvecLieuAsync(NomPiege));

        await page.Locator("#carte .leaflet-marker-icon").ClickAsync();
        var bulle = page.Locator("#carte .leaflet-popup-content");
        await Assertions.Expect(bulle).ToBeVisibleAsync();

        Assert.Equal(NomPiege, await bulle.TextContentAsync());
        Assert.Equal(0, await bulle.Locator("a, b").CountAsync());
        Assert.Equal(0, await page.Locator("a[href='https://piege.example/'], #lien-du-nom").CountAsync());
        Assert.Equal(NomPiege, await page.Locator("#carte .leaflet-marker-icon").GetAttributeAsync("title"));
    }
}
