using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Raccroche.Tests.Integration;

/// <summary>
/// The breakdown by sex and the school years on both databases. Files of the sex test are opened in 2024 (no other test
/// writes case files that year, so the region's rows by sex are this test's); the school-year test reads only its own
/// PSAD's row, in 2025-2026.
/// </summary>
public abstract class ObservatoireSexeAnneeScolaireTests(AppFactory f)
{
    /// <summary>A PSAD with files opened on the 10th of the given months: so many per sex (null: not given).</summary>
    private async Task<string> PsadAsync(params (int Annee, int Mois, string? Sexe, int Combien)[] fichiers)
    {
        await using var db = f.CreateDbContext();
        var psad = new Psad { Code = "tos" + Guid.NewGuid().ToString("N")[..10], Nom = "PSAD par sexe", Territoire = ["63"] };
        db.Psads.Add(psad);
        await db.SaveChangesAsync();
        var livraison = new Livraison { PsadId = psad.Id, Mois = new(fichiers[0].Annee, fichiers[0].Mois, 1), NomFichier = "liste.csv", EmpreinteFichier = Guid.NewGuid().ToString("N"), ImporteeLe = new(fichiers[0].Annee, fichiers[0].Mois, 2, 9, 0, 0, DateTimeKind.Utc), Lignes = fichiers.Sum(x => x.Combien) };
        db.Livraisons.Add(livraison);
        await db.SaveChangesAsync();
        var n = 0;
        foreach (var (annee, mois, sexe, combien) in fichiers)
        {
            for (var i = 0; i < combien; i++)
            {
                var quand = new DateTime(annee, mois, 10, 8, 0, 0, DateTimeKind.Utc);
                db.JeunesSuivis.Add(new JeuneSuivi
                {
                    PsadId = psad.Id,
                    Nom = $"Sexenom{n++}",
                    Prenom = "Prénom",
                    Sexe = sexe,
                    Statut = StatutDossier.AContacter,
                    CreeLe = quand,
                    ArriveLe = quand,
                    StatutDepuis = quand,
                    PremiereLivraisonId = livraison.Id,
                    DerniereLivraisonId = livraison.Id,
                });
            }
        }

        await db.SaveChangesAsync();
        return psad.Code;
    }

    private static IElement Ligne(IHtmlDocument page, string debut) =>
        page.QuerySelectorAll("table.observatoire tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent.StartsWith(debut, StringComparison.Ordinal));

    private static List<string> Cellules(IElement tr) => [.. tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim())];

    [Fact]
    public async Task TheBreakdownBySex_CountsEachSex_MasksTheSmallOne_AndItsTotalIsTheRegionsRow()
    {
        await PsadAsync((2024, 3, "F", 30), (2024, 3, "M", 4), (2024, 3, null, 12));
        var anonyme = Pro.Client(f);
        var page = await Pro.PageAsync(anonyme, "/observatoire/indicateurs/jeunes-reperes?annee=2024&ventilation=sexe");
        var femmes = Cellules(Ligne(page, "femmes"));
        var hommes = Cellules(Ligne(page, "hommes"));
        var inconnus = Cellules(Ligne(page, "sexe non renseigné"));

        // March: 30 women, 4 men (secret), 12 not given; the region's 46 is published by the PSAD table, so a second cell of
        // March is masked (46 − 30 − 12 would give the men).
        Assert.Equal("< 11", hommes[2]);
        Assert.Contains(new[] { femmes[2], inconnus[2] }, c => c == "s");
        Assert.DoesNotContain(page.QuerySelectorAll("table.observatoire td"), td => td.TextContent.Trim() == "4");
        var parPsad = await Pro.PageAsync(anonyme, "/observatoire/indicateurs/jeunes-reperes?annee=2024");
        Assert.Equal(Cellules(parPsad.QuerySelector("table.observatoire tr.total")!), Cellules(page.QuerySelector("table.observatoire tr.total")!));

        var csv = await anonyme.GetAsync("/observatoire/indicateurs/jeunes-reperes?handler=Csv&annee=2024&ventilation=sexe");
        var lignes = Encoding.UTF8.GetString((await csv.Content.ReadAsByteArrayAsync())[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(hommes, lignes.Select(l => l.Split(';').Select(c => c.Trim('"')).ToList()).Single(c => c[0] == "hommes")[2..]);
    }

    [Fact]
    public async Task ASchoolYear_RunsFromSeptemberToAugust_AndShowsEachMonthAsTheCalendarYearShowsIt()
    {
        var code = await PsadAsync((2025, 10, "F", 25), (2026, 1, "M", 30), (2026, 2, "F", 3), (2026, 9, "F", 40));
        var anonyme = Pro.Client(f);
        var page = await Pro.PageAsync(anonyme, "/observatoire/indicateurs/jeunes-reperes?annee=2025&calendrier=scolaire");
        Assert.Equal(["sept.", "oct.", "nov.", "déc.", "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "Année"],
            page.QuerySelectorAll("table.observatoire thead th").Skip(1).Select(th => th.TextContent.Trim()));
        Assert.Contains("2025-2026", page.QuerySelector("table.observatoire caption")!.TextContent);
        var ligne = Cellules(Ligne(page, code + " – "));

        // October 2025 and January-February 2026 are in it, September 2026 is not; February is a small count.
        Assert.Equal("25", ligne[1]);
        Assert.Equal("< 11", ligne[5]);
        Assert.Equal("0", ligne[0]);
        Assert.DoesNotContain("3", ligne);

        // Each month shows what the calendar year shows: neither can be subtracted from the other.
        var civile2025 = Cellules(Ligne(await Pro.PageAsync(anonyme, "/observatoire/indicateurs/jeunes-reperes?annee=2025"), code + " – "));
        var civile2026 = Cellules(Ligne(await Pro.PageAsync(anonyme, "/observatoire/indicateurs/jeunes-reperes?annee=2026"), code + " – "));
        Assert.Equal([.. civile2025[8..12], .. civile2026[..8]], ligne[..12]);

        // The quarters of the school year: September-November, December-February, March-May, June-August.
        var trimestres = await Pro.PageAsync(anonyme, "/observatoire/indicateurs/jeunes-reperes?annee=2025&calendrier=scolaire&periode=trimestre");
        Assert.Equal(["sept.-nov.", "déc.-févr.", "mars-mai", "juin-août", "Année"], trimestres.QuerySelectorAll("table.observatoire thead th").Skip(1).Select(th => th.TextContent.Trim()));
        var parTrimestre = Cellules(Ligne(trimestres, code + " – "));
        Assert.Equal("25", parTrimestre[0]);
        Assert.Equal("0", parTrimestre[2]);

        var csv = await anonyme.GetAsync("/observatoire/indicateurs/jeunes-reperes?handler=Csv&annee=2025&calendrier=scolaire");
        Assert.Contains("jeunes-reperes-2025-2026", csv.Content.Headers.ContentDisposition!.ToString());
        var lignes = Encoding.UTF8.GetString((await csv.Content.ReadAsByteArrayAsync())[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ligne, lignes.Select(l => l.Split(';').Select(c => c.Trim('"')).ToList()).Single(c => c[1] == code)[2..]);

        var faux = await Pro.PageAsync(anonyme, "/observatoire/indicateurs/jeunes-reperes?calendrier=lunaire");
        Assert.NotNull(faux.QuerySelector("#err-calendrier"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ObservatoireSexeAnneeScolaireSqliteTests(SqliteAppFactory f) : ObservatoireSexeAnneeScolaireTests(f);

[Collection(PostgresCollection.Name)]
public sealed class ObservatoireSexeAnneeScolairePostgresTests(PostgresAppFactory f) : ObservatoireSexeAnneeScolaireTests(f);
