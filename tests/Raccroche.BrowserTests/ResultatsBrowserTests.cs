using Raccroche.Web.Features.Resultats;

namespace Raccroche.BrowserTests;

/// <summary>
/// The programmes' outcomes in Chromium: a professional follows the menu to the list, opens a programme's breakdowns and
/// its sheet; axe-core on each, and no page wider than a 320 px phone (the tables scroll inside their region).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ResultatsBrowserTests(BrowserFixture app)
{
    /// <summary>Twelve young people of a new PSAD entered a new programme; their 3-month check-in found them still in it (under 20: no published retention, so the diagnostic's order elsewhere in the suite is unchanged).</summary>
    private async Task<FicheTest> ProgrammeAvecResultatsAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RaccrocheDbContext>();
        var fiche = await FicheTest.CreerAsync(db);
        var code = "tb" + Guid.NewGuid().ToString("N")[..12];
        var psad = new Psad { Code = code, Nom = "PSAD du navigateur " + code, Territoire = ["63"] };
        db.Psads.Add(psad);
        await db.SaveChangesAsync();
        var livraison = new Livraison { PsadId = psad.Id, Mois = new DateOnly(2026, 2, 1), NomFichier = "liste.csv", EmpreinteFichier = Guid.NewGuid().ToString("N"), ImporteeLe = DateTime.UtcNow };
        db.Livraisons.Add(livraison);
        await db.SaveChangesAsync();
        var quand = new DateTime(2026, 3, 15, 10, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 12; i++)
        {
            var j = new JeuneSuivi
            {
                PsadId = psad.Id,
                Sexe = i % 2 == 0 ? "F" : "M",
                DateNaissance = new DateOnly(2007, 4, 2),
                Statut = StatutDossier.EnSolution,
                CreeLe = quand,
                ArriveLe = quand,
                StatutDepuis = quand,
                PremiereLivraisonId = livraison.Id,
                DerniereLivraisonId = livraison.Id,
            };
            db.JeunesSuivis.Add(j);
            await db.SaveChangesAsync();
            var s = new SolutionSuivi
            {
                JeuneSuiviId = j.Id,
                DispositifId = fiche.DispositifId,
                Type = TypeSolution.FormationProfessionnelle,
                Statut = StatutSolution.Entree,
                EntreeLe = new DateOnly(2026, 3, 20),
                CreeLe = quand,
                StatutDepuis = quand,
                Auteur = "test",
            };
            db.SolutionsSuivi.Add(s);
            await db.SaveChangesAsync();
            db.PointsSuivi.Add(new PointSuivi { JeuneSuiviId = j.Id, SolutionId = s.Id, Mois = 3, Echeance = new DateOnly(2026, 6, 20), FaitLe = quand.AddMonths(3), Constat = ConstatSuivi.ToujoursEnSolution, Auteur = "test" });
        }

        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<ResultatsDispositifs>().CalculerAsync();
        return fiche;
    }

    private static async Task SansDefilementAsync(IPage page)
    {
        var largeur = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(largeur <= 320, $"{page.Url} is {largeur}px wide on a 320px screen");
    }

    [Fact]
    public async Task Professional_FollowsTheMenuToTheOutcomes_ThenAProgrammeAndItsSheet_NoAxeViolation_At320Px()
    {
        var fiche = await ProgrammeAvecResultatsAsync();
        var compte = await ProBrowser.CreerCompteAsync(app, Roles.MembreStructure, "ml-63");
        var page = await app.NewPageAsync(width: 320, height: 700);
        await ProBrowser.ConnecterAsync(app, page, compte);

        await page.GetByRole(AriaRole.Link, new() { Name = "Résultats des dispositifs" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Résultats des dispositifs", Level = 1 })).ToBeVisibleAsync();
        await Axe.AucuneViolation(page);
        await SansDefilementAsync(page);

        await page.GotoAsync($"{app.BaseUrl}/pro/resultats/{fiche.DispositifId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Résultats : {fiche.DispositifNom}", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "Ensemble" })).ToContainTextAsync("12");
        await Axe.AucuneViolation(page);
        await SansDefilementAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "fiche du dispositif" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Résultats pour les jeunes suivis" })).ToBeVisibleAsync();
        await Axe.AucuneViolation(page);
    }
}
