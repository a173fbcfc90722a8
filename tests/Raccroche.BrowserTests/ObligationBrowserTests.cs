namespace Raccroche.BrowserTests;

/// <summary>
/// The obligation de formation in Chromium at 360 px: a référent notes a minor's obligation unmet, finds the minor on the
/// OF work list, produces the convocation and reaches its letter; the letter pages fit the screen. axe-core on each page
/// (with script: axe needs it). Invented names only.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ObligationBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task AReferent_NotesTheObligationUnmet_FindsTheMinorOnTheOfList_AndPrintsTheConvocation_NoAxeViolation()
    {
        var code = "to" + Guid.NewGuid().ToString("N")[..10];
        var referent = await ProBrowser.CreerCompteAsync(app, Roles.MembreStructure, "ml-63");
        var aujourdhui = DateTime.UtcNow;
        var ine = $"09{(code.GetHashCode() & 0x7FFFFFF) % 100_000_000:D8}D";
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RaccrocheDbContext>();
            var ml = await db.Structures.Where(s => s.Slug == "ml-63").Select(s => s.Id).SingleAsync();
            var psad = new Psad
            {
                Code = code,
                Nom = "PSAD obligation " + code,
                Territoire = ["63"],
                Partenaires = [new() { StructureId = ml }],
                EnTete = new() { Adresse = "Maison des services\n12 rue des Tilleuls\n63600 Ambert", Courriel = "psad@exemple.fr" },
            };
            db.Psads.Add(psad);
            await db.SaveChangesAsync();
            Assert.True((await scope.ServiceProvider.GetRequiredService<EquipeSuivi>().AccorderAsync(psad.Id, referent.Courriel, RoleSuivi.ReferentSuivi, false, false, "test")).Reussi);
            var csv = "INE;Nom;Prénom;Date de naissance;Commune;Code INSEE;Date de sortie;Nom responsable légal;Prénom responsable légal\r\n" +
                $"{ine};Tanmirel;Lina;{aujourdhui.AddYears(-17).AddDays(-40):dd/MM/yyyy};Ambert;63003;{aujourdhui.AddDays(-60):dd/MM/yyyy};Tanmirel;Sacha\r\n";
            var rapport = await scope.ServiceProvider.GetRequiredService<ImportSiei>()
                .ExecuterAsync(code, null, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), "liste.csv", false, false, "test");
            Assert.True(rapport.Importe, rapport.Resume());

            // Assigned to the mission locale (the coordinator's step, covered by SuiviBrowserTests).
            await db.JeunesSuivis.Where(j => j.PsadId == psad.Id).ExecuteUpdateAsync(u => u.SetProperty(j => j.StructureId, ml).SetProperty(j => j.Statut, StatutDossier.AContacter));
        }

        var page = await app.NewPageAsync(width: 360, height: 740);
        await ProBrowser.ConnecterAsync(app, page, referent);
        await page.GotoAsync(app.BaseUrl + "/pro/decrocheurs");
        await page.GetByRole(AriaRole.Link, new() { Name = "Lina TANMIREL" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Lina TANMIREL");

        // The young person left her pathway: by keyboard, "non satisfaite".
        await page.Locator("#obligationStatut").GetByLabel("Non satisfaite", new() { Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.GetByRole(AriaRole.Button, new() { Name = "Noter l'obligation" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForLoadStateAsync();
        await Assertions.Expect(page.Locator("#obligation + dl")).ToContainTextAsync("Convoquer le jeune et son responsable légal");
        await Axe.AucuneViolation(page);

        // The OF work list shows her, due today.
        await page.GotoAsync(app.BaseUrl + "/pro/decrocheurs");
        await page.GetByRole(AriaRole.Link, new() { Name = "Obligation de formation des 16-17 ans : étapes dues" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("Lina TANMIREL");
        await Assertions.Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync(HeureParis.Jour(aujourdhui).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await Axe.AucuneViolation(page);
        await AuPlus360Async(page);

        // Produce the convocation (a meeting in ten days), which opens the letter to print.
        await page.GetByRole(AriaRole.Link, new() { Name = "Lina TANMIREL" }).ClickAsync();
        await page.Locator("#convocationRendezVous").FillAsync(HeureParis.Locale(aujourdhui.AddDays(10)).ToString("yyyy-MM-dd'T'14:00", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Produire la convocation" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/pro/decrocheurs/[0-9]+/lettres/convocation$"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("convocation");
        await Assertions.Expect(page.Locator("article.lettre")).ToContainTextAsync("12 rue des Tilleuls");
        await Assertions.Expect(page.Locator("article.lettre")).ToContainTextAsync("Sacha TANMIREL, son responsable légal");
        await Axe.AucuneViolation(page);
        await AuPlus360Async(page);

        // Printed, the site's navigation is gone and the letter stays.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".site-header")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".lettre-actions")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("article.lettre")).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        await page.GotoAsync(page.Url.Replace("/convocation", "/information", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("article.lettre")).ToContainTextAsync("obligation de formation");
        await Axe.AucuneViolation(page);
        await AuPlus360Async(page);
    }

    private static async Task AuPlus360Async(IPage page)
    {
        var largeur = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(largeur <= 360, $"{page.Url} scrolls sideways at 360 px ({largeur} px)");
    }
}
