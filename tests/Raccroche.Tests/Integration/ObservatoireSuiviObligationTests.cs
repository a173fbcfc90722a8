using AngleSharp.Html.Dom;

namespace Raccroche.Tests.Integration;

/// <summary>
/// The registry's follow-up and obligation de formation indicators on both databases, on files opened in June 2025 in a
/// PSAD of the test's own (only its row is read): check-ins at 3 months and what they found, "sortie positive maintenue",
/// minors by the obligation's status and the transmissions, with their rates. Values worked out by hand in the comments.
/// </summary>
public abstract class ObservatoireSuiviObligationTests(AppFactory f)
{
    private async Task<string> PsadAsync()
    {
        await using var db = f.CreateDbContext();
        var psad = new Psad { Code = "tof" + Guid.NewGuid().ToString("N")[..10], Nom = "PSAD du suivi", Territoire = ["63"] };
        db.Psads.Add(psad);
        await db.SaveChangesAsync();
        var livraison = new Livraison { PsadId = psad.Id, Mois = new(2025, 6, 1), NomFichier = "juin.csv", EmpreinteFichier = Guid.NewGuid().ToString("N"), ImporteeLe = new(2025, 6, 10, 7, 0, 0, DateTimeKind.Utc), Lignes = 55 };
        db.Livraisons.Add(livraison);
        await db.SaveChangesAsync();
        var ouverture = new DateTime(2025, 6, 10, 8, 0, 0, DateTimeKind.Utc);
        var n = 0;
        JeuneSuivi Jeune(DateOnly naissance, StatutObligation obligation, DateTime? transmission, bool? maintenue)
        {
            var j = new JeuneSuivi
            {
                PsadId = psad.Id,
                Nom = $"Suivinom{n++}",
                Prenom = "Prénom",
                DateNaissance = naissance,
                ObligationStatut = obligation,
                TransmissionLe = transmission,
                SortieMaintenue = maintenue,
                Statut = StatutDossier.EnSolution,
                CreeLe = ouverture,
                ArriveLe = ouverture,
                StatutDepuis = ouverture,
                PremiereLivraisonId = livraison.Id,
                DerniereLivraisonId = livraison.Id,
            };
            db.JeunesSuivis.Add(j);
            return j;
        }

        // 30 minors (16 on opening day; one turns 18 the day after, still a minor): 12 satisfied, 3 not satisfied and
        // transmitted, 15 not checked.
        for (var i = 0; i < 30; i++)
        {
            var naissance = i == 0 ? new DateOnly(2007, 6, 11) : new DateOnly(2009, 1, 1);
            var (statut, transmission) = i < 12 ? (StatutObligation.Satisfaite, (DateTime?)null) : i < 15 ? (StatutObligation.NonSatisfaite, ouverture.AddMonths(3)) : (StatutObligation.NonVerifiee, null);
            Jeune(naissance, statut, transmission, null);
        }

        // 25 adults (one turned 18 on opening day) in a solution: the check-in at 3 months done for all, 20 still in a
        // solution (16 the same, 4 another), 5 out of it; their last check-in held for the same 20.
        var adultes = Enumerable.Range(0, 25).Select(i => Jeune(i == 0 ? new DateOnly(2007, 6, 10) : new DateOnly(2000, 3, 1), StatutObligation.NonVerifiee, null, i < 20)).ToList();
        await db.SaveChangesAsync();
        foreach (var (j, i) in adultes.Select((j, i) => (j, i)))
        {
            var solution = new SolutionSuivi { JeuneSuiviId = j.Id, Type = TypeSolution.Apprentissage, Statut = StatutSolution.Entree, EntreeLe = new DateOnly(2025, 7, 1), CreeLe = ouverture, StatutDepuis = ouverture, Auteur = "test" };
            db.SolutionsSuivi.Add(solution);
            await db.SaveChangesAsync();
            var constat = i < 16 ? ConstatSuivi.ToujoursEnSolution : i < 20 ? ConstatSuivi.AChange : ConstatSuivi.SortiSansSolution;
            db.PointsSuivi.Add(new PointSuivi { JeuneSuiviId = j.Id, SolutionId = solution.Id, Mois = 3, Echeance = new DateOnly(2025, 10, 1), FaitLe = new DateTime(2025, 10, 2, 9, 0, 0, DateTimeKind.Utc), Constat = constat, Auteur = "test" });
            db.PointsSuivi.Add(new PointSuivi { JeuneSuiviId = j.Id, SolutionId = solution.Id, Mois = 6, Echeance = new DateOnly(2026, 1, 1) });
        }

        await db.SaveChangesAsync();
        return psad.Code;
    }

    private static List<string> Ligne(IHtmlDocument page, string code) =>
        [.. page.QuerySelectorAll("table.observatoire tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent.StartsWith(code + " – ", StringComparison.Ordinal))
            .QuerySelectorAll("td").Select(td => td.TextContent.Trim())];

    [Fact]
    public async Task TheFollowUpIndicators_CountTheCheckInsDoneAndWhatTheyFound_WithTheirRates()
    {
        var code = await PsadAsync();
        var anonyme = Pro.Client(f);
        async Task<List<string>> Lire(string indicateur) => Ligne(await Pro.PageAsync(anonyme, $"/observatoire/indicateurs/{indicateur}?annee=2025"), code);

        // June is column 5, the year 12, the rate 13.
        var faits = await Lire("points-3-mois");
        Assert.Equal("25", faits[5]);
        var positifs = await Lire("en-solution-3-mois");
        Assert.Equal(["20", "20", "80,0 %"], new[] { positifs[5], positifs[12], positifs[13] });
        Assert.Equal("0", (await Lire("points-6-mois"))[5]);
        var maintenue = await Lire("sortie-positive-maintenue");
        Assert.Equal(["20", "80,0 %"], maintenue[12..]);
        Assert.Equal("25", (await Lire("sorties-suivies"))[12]);
    }

    [Fact]
    public async Task TheObligationIndicators_CountMinorsOnTheOpeningDayByStatus_AndMaskTheSmallOnes()
    {
        var code = await PsadAsync();
        var anonyme = Pro.Client(f);
        async Task<List<string>> Lire(string indicateur) => Ligne(await Pro.PageAsync(anonyme, $"/observatoire/indicateurs/{indicateur}?annee=2025"), code);

        Assert.Equal("30", (await Lire("mineurs-reperes"))[12]);
        Assert.Equal(["12", "40,0 %"], (await Lire("obligation-satisfaite"))[12..]);
        Assert.Equal(["15", "50,0 %"], (await Lire("obligation-non-verifiee"))[12..]);
        var nonSatisfaite = await Lire("obligation-non-satisfaite");
        Assert.Equal(["< 11", "< 11", "nd"], new[] { nonSatisfaite[5], nonSatisfaite[12], nonSatisfaite[13] });
        Assert.Equal("< 11", (await Lire("obligation-transmissions"))[12]);
        Assert.Equal("0", (await Lire("obligation-exemptee"))[12]);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ObservatoireSuiviObligationSqliteTests(SqliteAppFactory f) : ObservatoireSuiviObligationTests(f);

[Collection(PostgresCollection.Name)]
public sealed class ObservatoireSuiviObligationPostgresTests(PostgresAppFactory f) : ObservatoireSuiviObligationTests(f);
