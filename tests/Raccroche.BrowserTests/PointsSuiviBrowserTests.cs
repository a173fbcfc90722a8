namespace Raccroche.BrowserTests;

/// <summary>
/// The check-ins after a solution in Chromium: the young person's link page at 320 px, answered by keyboard with JavaScript
/// and by touch without it (an error comes back beside its field); a référent's check-in on the case file that reopens it.
/// axe-core on every page, no horizontal scrolling. Invented names only.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PointsSuiviBrowserTests(BrowserFixture app)
{
    private sealed record Cas(int Dossier, long Point, string Jeton, string Code);

    /// <summary>A file "en solution" entered a month ago, its check-in due today and the question's link, written straight to the database.</summary>
    private async Task<Cas> CasAsync(string? referent = null)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RaccrocheDbContext>();
        var code = "tps" + Guid.NewGuid().ToString("N")[..10];
        var ml = await db.Structures.Where(s => s.Slug == "ml-63").Select(s => s.Id).SingleAsync();
        var psad = new Psad { Code = code, Nom = "PSAD points " + code, Territoire = ["63"], Partenaires = [new() { StructureId = ml }] };
        db.Psads.Add(psad);
        await db.SaveChangesAsync();
        if (referent is not null)
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<EquipeSuivi>().AccorderAsync(psad.Id, referent, RoleSuivi.ReferentSuivi, false, false, "test")).Reussi);
        }

        var maintenant = DateTime.UtcNow;
        var aujourdhui = HeureParis.Jour(maintenant);
        var livraison = new Livraison { PsadId = psad.Id, Mois = new DateOnly(aujourdhui.Year, aujourdhui.Month, 1), NomFichier = "liste.csv", EmpreinteFichier = Guid.NewGuid().ToString("N"), ImporteeLe = maintenant };
        db.Livraisons.Add(livraison);
        await db.SaveChangesAsync();
        var dossier = new JeuneSuivi
        {
            PsadId = psad.Id,
            Nom = "Varlenic",
            Prenom = "Noa",
            CreeLe = maintenant,
            StatutDepuis = maintenant,
            ArriveLe = maintenant.AddMonths(-2),
            Statut = StatutDossier.EnSolution,
            StructureId = ml,
            PremiereLivraisonId = livraison.Id,
            DerniereLivraisonId = livraison.Id,
        };
        db.JeunesSuivis.Add(dossier);
        await db.SaveChangesAsync();
        var solution = new SolutionSuivi
        {
            JeuneSuiviId = dossier.Id,
            HorsCatalogue = "CAP cuisine",
            Type = TypeSolution.FormationInitiale,
            Statut = StatutSolution.Entree,
            EntreeLe = aujourdhui.AddMonths(-1),
            CreeLe = maintenant,
            StatutDepuis = maintenant,
            Auteur = "test",
        };
        db.SolutionsSuivi.Add(solution);
        await db.SaveChangesAsync();
        var points = PointsSuivi.Planifier(dossier.Id, solution.Id, aujourdhui.AddMonths(-1), [1, 3], aujourdhui);
        db.PointsSuivi.AddRange(points);
        await db.SaveChangesAsync();
        var jeton = LienDeTest.Ajouter(db, dossier.Id, maintenant, MessagesJeune.AuteurPointSuivi, NatureMessage.PointSuivi, points[0].Id);
        await db.SaveChangesAsync();
        return new Cas(dossier.Id, points[0].Id, jeton, code);
    }

    private async Task<PointSuivi> PointAsync(long id)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RaccrocheDbContext>().PointsSuivi.AsNoTracking().SingleAsync(p => p.Id == id);
    }

    private async Task<JeuneSuivi> DossierAsync(int id)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RaccrocheDbContext>().JeunesSuivis.AsNoTracking().SingleAsync(j => j.Id == id);
    }

    private static async Task SansDefilementAsync(IPage page, int largeur)
    {
        var reelle = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(reelle <= largeur, $"{page.Url} scrolls sideways at {largeur} px ({reelle} px)");
    }

    [Fact]
    public async Task CheckInLink_At320px_ByKeyboard_WithJavaScript_NoAxeViolation()
    {
        var cas = await CasAsync();
        var page = await app.NewPageAsync(width: 320, height: 640);
        await page.GotoAsync(app.BaseUrl + "/r/" + cas.Jeton);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Où en es-tu ?");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Noa");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("CAP cuisine");
        await Axe.AucuneViolation(page);
        await SansDefilementAsync(page, 320);

        // Keyboard only: Tab into the answers, tick the first, Tab to the button, send.
        for (var i = 0; i < 25 && !await page.EvaluateAsync<bool>("document.activeElement?.name === 'ReponsePoint'"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.GetByLabel("Oui, j'y suis toujours")).ToBeCheckedAsync();
        for (var i = 0; i < 10 && !await page.EvaluateAsync<bool>("document.activeElement?.textContent?.trim() === 'Envoyer ma réponse'"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(app.BaseUrl + "/r/merci?point=toujours");
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("Bonne continuation");
        await Axe.AucuneViolation(page);
        var point = await PointAsync(cas.Point);
        Assert.Equal((ConstatSuivi.ToujoursEnSolution, true), (point.Constat, point.ParJeune));

        // Done once: the link is spent.
        await page.GotoAsync(app.BaseUrl + "/r/" + cas.Jeton);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Ce lien n'est pas ou plus valable");
    }

    [Fact]
    public async Task CheckInLink_At320px_WithoutJavaScript_JaiChange_NeedsAFewWords()
    {
        var cas = await CasAsync();
        var page = await app.NewPageAsync(width: 320, height: 640, javaScript: false);
        await page.GotoAsync(app.BaseUrl + "/r/" + cas.Jeton);
        await page.GetByLabel("J'ai changé : je fais autre chose").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma réponse" }).ClickAsync();
        await Assertions.Expect(page.Locator("#err-precisionPoint")).ToContainTextAsync("Dis-nous en quelques mots");
        await Assertions.Expect(page.GetByLabel("J'ai changé : je fais autre chose")).ToBeCheckedAsync();
        Assert.Null((await PointAsync(cas.Point)).FaitLe);
        await SansDefilementAsync(page, 320);

        await page.GetByLabel("Si tu as changé : pour quoi ?").FillAsync("Un apprentissage en boulangerie");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma réponse" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Réponse envoyée, merci");
        var point = await PointAsync(cas.Point);
        Assert.Equal((ConstatSuivi.AChange, "Un apprentissage en boulangerie"), (point.Constat, point.Precision));
    }

    [Fact]
    public async Task AReferent_RecordsSortiSansSolution_OnTheCaseFile_TheFileReopensAsAPriority_NoAxeViolation()
    {
        var referent = await ProBrowser.CreerCompteAsync(app, Roles.MembreStructure, "ml-63");
        var cas = await CasAsync(referent.Courriel);
        var page = await app.NewPageAsync(width: 360, height: 740);
        await ProBrowser.ConnecterAsync(app, page, referent);
        await page.GotoAsync(app.BaseUrl + "/pro/decrocheurs?onglet=points-suivi");
        await Assertions.Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("Point de suivi à 1 mois dû le");
        await Axe.AucuneViolation(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Noa VARLENIC" }).ClickAsync();
        await Assertions.Expect(page.Locator("#point-a-faire")).ToContainTextAsync("Faire le point de suivi à 1 mois");
        await Axe.AucuneViolation(page);
        await SansDefilementAsync(page, 360);

        // By keyboard: the finding, then the button.
        await page.Locator("#constat").GetByLabel("Sorti·e sans solution").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Locator("#precisionPoint").FillAsync("a quitté le CAP en janvier");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le point de suivi" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForLoadStateAsync();
        await Assertions.Expect(page.Locator("p .status").First).ToHaveTextAsync("À contacter");
        await Assertions.Expect(page.GetByLabel("Alertes")).ToContainTextAsync(Drapeaux.SortiSansSolution);
        await Assertions.Expect(page.Locator("#points-suivi ~ .table-scroll")).ToContainTextAsync("Sorti·e sans solution : a quitté le CAP en janvier");
        await Assertions.Expect(page.Locator("#points-suivi + p")).ToContainTextAsync("Sortie positive maintenue : non");
        await Axe.AucuneViolation(page);

        var dossier = await DossierAsync(cas.Dossier);
        Assert.Equal((StatutDossier.AContacter, (bool?)false), (dossier.Statut, dossier.SortieMaintenue));
        Assert.Equal(ConstatSuivi.SortiSansSolution, (await PointAsync(cas.Point)).Constat);
        Assert.Equal(HeureParis.Jour(DateTime.UtcNow).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), HeureParis.Jour((await PointAsync(cas.Point)).FaitLe!.Value).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
    }
}
