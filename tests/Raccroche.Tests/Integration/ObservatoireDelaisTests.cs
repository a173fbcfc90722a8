using AngleSharp.Html.Dom;
using Raccroche.Web.Features.Observatoire;

namespace Raccroche.Tests.Integration;

/// <summary>
/// The delay indicators on both databases: the median and third quartile computed by SQL from the files' first attempt,
/// entretien and solution, shown from 20 files, the numbers of files masked like counts, the CSV the same table, the
/// département breakdown drawn as a map. Files are opened in 2025 in Corse (no other test writes files there that year);
/// each test reads its own PSAD's row.
/// </summary>
public abstract class ObservatoireDelaisTests(AppFactory f)
{
    /// <summary>A PSAD whose files were opened on 10 March 2025 in Ajaccio; for each, the days to its first attempt, entretien and solution (null: not reached).</summary>
    private async Task<string> PsadAsync(params (int? Tentative, int? Entretien, int? Solution, int Combien)[] fichiers)
    {
        await using var db = f.CreateDbContext();
        var psad = new Psad { Code = "tod" + Guid.NewGuid().ToString("N")[..10], Nom = "PSAD des délais", Territoire = ["2A"] };
        db.Psads.Add(psad);
        await db.SaveChangesAsync();
        var livraison = new Livraison { PsadId = psad.Id, Mois = new(2025, 3, 1), NomFichier = "mars.csv", EmpreinteFichier = Guid.NewGuid().ToString("N"), ImporteeLe = new(2025, 3, 10, 7, 0, 0, DateTimeKind.Utc), Lignes = fichiers.Sum(x => x.Combien) };
        db.Livraisons.Add(livraison);
        await db.SaveChangesAsync();
        var ouverture = new DateTime(2025, 3, 10, 8, 0, 0, DateTimeKind.Utc);
        var n = 0;
        foreach (var (tentative, entretien, solution, combien) in fichiers)
        {
            for (var i = 0; i < combien; i++)
            {
                var j = new JeuneSuivi
                {
                    PsadId = psad.Id,
                    Nom = $"Delainom{n++}",
                    Prenom = "Prénom",
                    CodeInsee = "2A004",
                    Statut = StatutDossier.ContactEnCours,
                    CreeLe = ouverture,
                    ArriveLe = ouverture,
                    StatutDepuis = ouverture,
                    PremiereLivraisonId = livraison.Id,
                    DerniereLivraisonId = livraison.Id,
                };
                db.JeunesSuivis.Add(j);
                await db.SaveChangesAsync();
                if (tentative is { } t)
                {
                    // A later attempt too: only the first counts.
                    db.TentativesContact.Add(new TentativeContact { JeuneSuiviId = j.Id, Quand = ouverture.AddDays(t + 20), Canal = CanalContact.Sms, Destinataire = DestinataireContact.Jeune, Issue = IssueTentative.Joint, Auteur = "test" });
                    db.TentativesContact.Add(new TentativeContact { JeuneSuiviId = j.Id, Quand = ouverture.AddDays(t).AddHours(6), Canal = CanalContact.Telephone, Destinataire = DestinataireContact.Jeune, Issue = IssueTentative.PasDeReponse, Auteur = "test" });
                }

                if (entretien is { } e)
                {
                    db.EntretiensSituation.Add(new EntretienSituation { JeuneSuiviId = j.Id, Date = DateOnly.FromDateTime(ouverture).AddDays(e), Niveau = "3", Auteur = "test", EnregistreLe = ouverture.AddDays(e) });
                }

                if (solution is { } s)
                {
                    db.SolutionsSuivi.Add(new SolutionSuivi { JeuneSuiviId = j.Id, Type = TypeSolution.Apprentissage, Statut = StatutSolution.Entree, EntreeLe = DateOnly.FromDateTime(ouverture).AddDays(s), CreeLe = ouverture, StatutDepuis = ouverture, Auteur = "test" });
                }
            }
        }

        await db.SaveChangesAsync();
        return psad.Code;
    }

    private static List<string> Ligne(IHtmlDocument page, string debut) =>
        [.. page.QuerySelectorAll("table.delais tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent.StartsWith(debut, StringComparison.Ordinal)).QuerySelectorAll("td").Select(td => td.TextContent.Trim())];

    [Fact]
    public async Task TheDelayToTheFirstAttempt_IsTheMedianAndThirdQuartileOfTheFilesDays_ShownFromTwentyFiles()
    {
        // 8 files reached in 2 days, 6 in 5, 11 in 30, 4 never tried: 25 files, the 13th at 5 days, the 19th at 30.
        var code = await PsadAsync((2, null, null, 8), (5, null, null, 6), (30, null, null, 11), (null, null, null, 4));
        var petite = await PsadAsync((1, null, null, 12));
        var anonyme = Pro.Client(f);
        var page = await Pro.PageAsync(anonyme, "/observatoire/indicateurs/delai-premiere-tentative?annee=2025");
        Assert.Equal(["25", "5 j", "30 j"], Ligne(page, code + " – "));

        // 12 files: counted, but a median over fewer than 20 is not shown.
        Assert.Equal(["12", "nd", "nd"], Ligne(page, petite + " – "));
        Assert.Contains("Méthode", page.QuerySelector("main")!.TextContent);
        var svg = page.QuerySelector("figure svg")!;
        Assert.Equal("img", svg.GetAttribute("role"));

        var csv = await anonyme.GetAsync("/observatoire/indicateurs/delai-premiere-tentative?handler=Csv&annee=2025");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lignes = Encoding.UTF8.GetString((await csv.Content.ReadAsByteArrayAsync())[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["25", "5", "30"], lignes.Select(l => l.Split(';').Select(c => c.Trim('"')).ToList()).Single(c => c[1] == code)[2..]);
    }

    [Fact]
    public async Task TheDelaysToTheEntretienAndTheSolution_CountOnlyTheFilesThatReachedThem_AndASmallNumberOfFilesIsMasked()
    {
        // 21 files with an entretien (10 after 7 days, 11 after 14) and a solution after 40 days for 3 of them.
        var code = await PsadAsync((1, 7, 40, 3), (1, 7, null, 7), (1, 14, null, 11));
        var anonyme = Pro.Client(f);
        Assert.Equal(["21", "14 j", "14 j"], Ligne(await Pro.PageAsync(anonyme, "/observatoire/indicateurs/delai-entretien?annee=2025"), code + " – "));

        var solution = Ligne(await Pro.PageAsync(anonyme, "/observatoire/indicateurs/delai-solution?annee=2025"), code + " – ");
        Assert.Equal(["< 11", "nd", "nd"], solution);
    }

    [Fact]
    public async Task TheDelaysByDepartement_AreDrawnAsAMap_AndASchoolYearIsItsOwnCohort()
    {
        await PsadAsync((3, null, null, 22));
        var anonyme = Pro.Client(f);
        var page = await Pro.PageAsync(anonyme, "/observatoire/indicateurs/delai-premiere-tentative?annee=2025&ventilation=departement");
        Assert.NotNull(page.QuerySelector("svg.carte"));
        Assert.StartsWith("2A – Corse-du-Sud", page.QuerySelectorAll("table.delais tbody th").Select(th => th.TextContent).Single(t => t.StartsWith("2A", StringComparison.Ordinal)));

        // March 2025 is in the school year 2024-2025, not 2025-2026.
        var scolaire = await Pro.PageAsync(anonyme, "/observatoire/indicateurs/delai-premiere-tentative?annee=2025&calendrier=scolaire&ventilation=departement");
        Assert.DoesNotContain(scolaire.QuerySelectorAll("table.delais tbody th"), th => th.TextContent.StartsWith("2A", StringComparison.Ordinal));

        var ailleurs = await Pro.PageAsync(anonyme, "/observatoire/indicateurs/delai-premiere-tentative?annee=2025&territoire=departement-63");
        Assert.Contains("publiés pour la région", ailleurs.QuerySelector("#err-territoire")!.TextContent);
        var accueil = await Pro.PageAsync(anonyme, "/observatoire");
        Assert.Contains(accueil.QuerySelectorAll("ul.chiffres-cles a"), a => a.GetAttribute("href") == "/observatoire/indicateurs/delai-solution");
        Assert.True(RegistreIndicateurs.Tous.Count(i => i.Comptage == Comptage.Delai) == 3);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ObservatoireDelaisSqliteTests(SqliteAppFactory f) : ObservatoireDelaisTests(f);

[Collection(PostgresCollection.Name)]
public sealed class ObservatoireDelaisPostgresTests(PostgresAppFactory f) : ObservatoireDelaisTests(f);
