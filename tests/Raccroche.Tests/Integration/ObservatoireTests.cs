using AngleSharp.Html.Dom;
using Raccroche.Web.Features.Observatoire;

namespace Raccroche.Tests.Integration;

/// <summary>
/// The observatory's public pages on both databases: an indicator computed from case files by SQL, its table masked
/// (small counts and the cells that would give them away), the CSV identical to the table, the chart an accessible SVG,
/// unknown indicators and years answered clearly. Each test opens its own PSAD, with files dated in 2023 (no other test
/// writes case files in that year).
/// </summary>
public abstract class ObservatoireTests(AppFactory f)
{
    private const int Annee = 2023;

    /// <summary>A PSAD whose files were opened in March (25, 8 of them in solution), May (4) and July (30).</summary>
    private async Task<string> PsadAsync()
    {
        await using var db = f.CreateDbContext();
        var psad = new Psad { Code = "tob" + Guid.NewGuid().ToString("N")[..10], Nom = "PSAD observée", Territoire = ["63"] };
        db.Psads.Add(psad);
        await db.SaveChangesAsync();
        var livraison = new Livraison { PsadId = psad.Id, Mois = new(Annee, 3, 1), NomFichier = "mars.csv", EmpreinteFichier = Guid.NewGuid().ToString("N"), ImporteeLe = new(Annee, 3, 2, 9, 0, 0, DateTimeKind.Utc), Lignes = 25 };
        db.Livraisons.Add(livraison);
        await db.SaveChangesAsync();
        var n = 0;
        void Ouvrir(int mois, int combien, StatutDossier statut)
        {
            for (var i = 0; i < combien; i++)
            {
                var quand = new DateTime(Annee, mois, 10, 8, 0, 0, DateTimeKind.Utc);
                db.JeunesSuivis.Add(new JeuneSuivi
                {
                    PsadId = psad.Id,
                    Nom = $"Obsnom{n++}",
                    Prenom = "Prénom",
                    Statut = statut,
                    CreeLe = quand,
                    ArriveLe = quand,
                    StatutDepuis = quand,
                    PremiereLivraisonId = livraison.Id,
                    DerniereLivraisonId = livraison.Id,
                });
            }
        }

        Ouvrir(3, 17, StatutDossier.AContacter);
        Ouvrir(3, 8, StatutDossier.EnSolution);
        Ouvrir(5, 4, StatutDossier.AContacter);
        Ouvrir(7, 30, StatutDossier.ContactEnCours);
        await db.SaveChangesAsync();
        return psad.Code;
    }

    private static List<string> Ligne(IHtmlDocument page, string code) =>
        [.. page.QuerySelectorAll("table.observatoire tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent.StartsWith(code + " – ", StringComparison.Ordinal))
            .QuerySelectorAll("td").Select(td => td.TextContent.Trim())];

    [Fact]
    public async Task AnIndicatorPage_MasksSmallCountsAndTheCellsThatWouldGiveThemAway_AndItsCsvIsTheSameTable()
    {
        var code = await PsadAsync();
        var anonyme = Pro.Client(f);
        var page = await Pro.PageAsync(anonyme, $"/observatoire/indicateurs/jeunes-reperes?annee={Annee}");
        var ligne = Ligne(page, code);

        // Each cell is its true value or masked; May (4) is a small count; the year minus the other months would give May,
        // so a second cell of the row is masked too (a non-zero one: a masked zero hides little).
        string[] vrais = ["0", "0", "25", "0", "4", "0", "30", "0", "0", "0", "0", "0", "59"];
        Assert.Equal(vrais.Length, ligne.Count);
        Assert.Equal("< 11", ligne[4]);
        Assert.All(ligne.Zip(vrais), x => Assert.True(x.First == x.Second || x.First == "s" || x.First == "< 11", $"{x.First} shown for {x.Second}"));
        Assert.DoesNotContain("4", ligne);
        Assert.True(ligne.Count(c => c is "s" or "< 11") >= 2, "a secondary mask protects May: " + string.Join(" | ", ligne));
        Assert.Contains(ligne, c => c == "s");

        // The chart is an image with a title and a description; the figures are in the table as well.
        var svg = page.QuerySelector("figure svg")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.All(svg.GetAttribute("aria-labelledby")!.Split(' '), id => Assert.NotNull(page.GetElementById(id)));

        var csv = await anonyme.GetAsync($"/observatoire/indicateurs/jeunes-reperes?handler=Csv&annee={Annee}");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.StartsWith("text/csv", csv.Content.Headers.ContentType!.ToString());
        var octets = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], octets[..3]);
        var lignes = Encoding.UTF8.GetString(octets[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var enCsv = lignes.Select(l => l.Split(';').Select(c => c.Trim('"')).ToList()).Single(c => c[1] == code);
        Assert.Equal(ligne, enCsv[2..]);
    }

    [Fact]
    public async Task ACohortIndicator_ShowsItsRate_OnlyOverTwentyYoungPeopleOrMore()
    {
        var code = await PsadAsync();
        var page = await Pro.PageAsync(Pro.Client(f), $"/observatoire/indicateurs/jeunes-en-solution?annee={Annee}");
        var ligne = Ligne(page, code);

        // 8 in solution out of 59 repérés: 8 is a small count, so neither it nor the rate is published.
        Assert.Equal("< 11", ligne[2]);
        Assert.Equal("nd", ligne[^1]);
        Assert.Contains("Méthode", page.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task TheObservatory_IsPublic_AndAnUnknownIndicatorOrYearIsAnsweredClearly()
    {
        var anonyme = Pro.Client(f);
        var accueil = await Pro.PageAsync(anonyme, "/observatoire");
        Assert.Equal(RegistreIndicateurs.Tous.Count, accueil.QuerySelectorAll("ul.chiffres-cles > li").Length);
        Assert.Contains(accueil.QuerySelectorAll("ul.chiffres-cles a"), a => a.GetAttribute("href") == "/observatoire/indicateurs/jeunes-reperes");

        Assert.Equal(HttpStatusCode.NotFound, (await anonyme.GetAsync("/observatoire/indicateurs/inconnu")).StatusCode);
        var r = await anonyme.GetAsync("/observatoire/indicateurs/jeunes-reperes?annee=1990");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("L'année 1990 n'est pas disponible", (await Pro.Html(r)).QuerySelector("#err-annee")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await anonyme.GetAsync("/observatoire/indicateurs/jeunes-reperes?annee=deux-mille")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ObservatoireSqliteTests(SqliteAppFactory f) : ObservatoireTests(f);

[Collection(PostgresCollection.Name)]
public sealed class ObservatoirePostgresTests(PostgresAppFactory f) : ObservatoireTests(f);
