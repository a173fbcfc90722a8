using AngleSharp.Dom;
using Raccroche.Web.Features.Resultats;

namespace Raccroche.Tests.Integration;

/// <summary>
/// The programmes' outcomes on both databases (issue 11, §4): counts computed by hand on data each test builds (its own two
/// PSADs and two programmes), small counts masked on the programme's sheet, its page and the CSV, rates only from 20
/// check-ins, the matcher's retention figures, the feedback to schools of origin (PSAD coordinators only, audited), who
/// sees what, and the sex and school of origin the SIEI import now keeps.
/// </summary>
public abstract class ResultatsTests(AppFactory f) : IAsyncLifetime
{
    private static readonly DateTime Proposition = new(2026, 3, 15, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Entree = new(2026, 3, 20);
    private const string Uai1 = "0639001A", Uai2 = "0639002B", UaiQ = "0699003C";

    private int _p, _q;
    private string _codeP = "", _codeQ = "";
    private FicheTest _a = null!, _b = null!;

    /// <summary>
    /// Programme A: 43 young people proposed it. 40 of PSAD P entered it (20 women then 20 men, i = 0…39; born in 2007 when
    /// i mod 10 &lt; 7, else in 2009; "sans diplôme" when i is even, else "niveau 3"); 3 of PSAD Q (2 women, 1 man, born in
    /// 2007, "sans diplôme") did not. Check-ins: at 3 months the 40 done, all still in A; at 6 months the 40 done, still in A
    /// when i mod 4 ≠ 3 (30), another solution when i mod 8 = 3 (5), left without one when i mod 8 = 7 (5); at 12 months
    /// i &lt; 12 done, still in A. Programme B: 5 women of P, born in 2007, 3 entered, no check-in. Files i &lt; 25 name
    /// school 1, the others school 2; i = 22…24 are back "à contacter", the others "en solution"; Q's three name a third
    /// school. One of P's files (i = 39) is anonymised: it still counts.
    /// </summary>
    public async Task InitializeAsync()
    {
        _a = await FicheTest.CreerAsync(f);
        _b = await FicheTest.CreerAsync(f);
        await using var db = f.CreateDbContext();
        var ml = await db.Structures.Where(s => s.Slug == "ml-63").Select(s => s.Id).SingleAsync();
        _codeP = "tp" + Guid.NewGuid().ToString("N")[..12];
        _codeQ = "tq" + Guid.NewGuid().ToString("N")[..12];
        var p = new Psad { Code = _codeP, Nom = "PSAD P " + _codeP, Territoire = ["63"], Partenaires = [new() { StructureId = ml }] };
        var q = new Psad { Code = _codeQ, Nom = "PSAD Q " + _codeQ, Territoire = ["69"] };
        db.Psads.AddRange(p, q);
        await db.SaveChangesAsync();
        (_p, _q) = (p.Id, q.Id);
        var livraisons = new[] { p, q }.Select(x => new Livraison { PsadId = x.Id, Mois = new DateOnly(2026, 2, 1), NomFichier = "liste.csv", EmpreinteFichier = Guid.NewGuid().ToString("N"), ImporteeLe = Proposition }).ToList();
        db.Livraisons.AddRange(livraisons);
        await db.SaveChangesAsync();

        JeuneSuivi Jeune(int psad, string sexe, int annee, string? uai, StatutDossier statut) => new()
        {
            PsadId = psad,
            Nom = "Fictif",
            Prenom = "Jeune",
            Sexe = sexe,
            DateNaissance = new DateOnly(annee, 5, 20),
            EtablissementUai = uai,
            Statut = statut,
            CreeLe = Proposition,
            ArriveLe = Proposition,
            StatutDepuis = Proposition,
            PremiereLivraisonId = livraisons[psad == _p ? 0 : 1].Id,
            DerniereLivraisonId = livraisons[psad == _p ? 0 : 1].Id,
        };

        var jeunesP = Enumerable.Range(0, 40).Select(i => Jeune(_p, i < 20 ? "F" : "M", i % 10 < 7 ? 2007 : 2009, i < 25 ? Uai1 : Uai2,
            i is >= 22 and <= 24 ? StatutDossier.AContacter : StatutDossier.EnSolution)).ToList();
        var jeunesQ = new[] { "F", "F", "M" }.Select(s => Jeune(_q, s, 2007, UaiQ, StatutDossier.AContacter)).ToList();
        var jeunesB = Enumerable.Range(0, 5).Select(_ => Jeune(_p, "F", 2007, null, StatutDossier.SolutionProposee)).ToList();
        db.JeunesSuivis.AddRange([.. jeunesP, .. jeunesQ, .. jeunesB]);
        await db.SaveChangesAsync();

        void Entretien(JeuneSuivi j, string niveau, int jour) => db.EntretiensSituation.Add(new EntretienSituation
        {
            JeuneSuiviId = j.Id,
            Date = new DateOnly(2026, 3, jour),
            Situation = SituationEntretien.SansActivite,
            Niveau = niveau,
            Auteur = "test",
            EnregistreLe = new DateTime(2026, 3, jour, 9, 0, 0, DateTimeKind.Utc),
        });

        // The first young person told "niveau 4" at a first entretien, then "sans diplôme": the latest one counts.
        Entretien(jeunesP[0], "niveau-4", 1);
        for (var i = 0; i < 40; i++)
        {
            Entretien(jeunesP[i], i % 2 == 0 ? "sans-diplome" : "niveau-3", 10);
        }

        jeunesQ.ForEach(j => Entretien(j, "sans-diplome", 10));
        jeunesB.ForEach(j => Entretien(j, "niveau-3", 10));
        await db.SaveChangesAsync();

        SolutionSuivi Solution(JeuneSuivi j, int dispositif, bool entre) => new()
        {
            JeuneSuiviId = j.Id,
            DispositifId = dispositif,
            Type = TypeSolution.FormationProfessionnelle,
            Statut = entre ? StatutSolution.Entree : StatutSolution.Proposee,
            EntreeLe = entre ? Entree : null,
            CreeLe = Proposition,
            StatutDepuis = Proposition,
            Auteur = "test",
        };

        var solutionsP = jeunesP.Select(j => Solution(j, _a.DispositifId, true)).ToList();
        db.SolutionsSuivi.AddRange(solutionsP);
        db.SolutionsSuivi.AddRange(jeunesQ.Select(j => Solution(j, _a.DispositifId, false)));
        db.SolutionsSuivi.AddRange(jeunesB.Select((j, i) => Solution(j, _b.DispositifId, i < 3)));
        await db.SaveChangesAsync();

        PointSuivi Point(int i, int mois, ConstatSuivi constat) => new()
        {
            JeuneSuiviId = jeunesP[i].Id,
            SolutionId = solutionsP[i].Id,
            Mois = mois,
            Echeance = Entree.AddMonths(mois),
            FaitLe = Proposition.AddMonths(mois),
            Constat = constat,
            Auteur = "test",
        };

        for (var i = 0; i < 40; i++)
        {
            db.PointsSuivi.Add(Point(i, 3, ConstatSuivi.ToujoursEnSolution));
            db.PointsSuivi.Add(Point(i, 6, i % 4 != 3 ? ConstatSuivi.ToujoursEnSolution : i % 8 == 3 ? ConstatSuivi.AChange : ConstatSuivi.SortiSansSolution));
            if (i < 12)
            {
                db.PointsSuivi.Add(Point(i, 12, ConstatSuivi.ToujoursEnSolution));
            }
        }

        // A check-in not done yet, and one at a month the outcomes do not count: neither counts.
        db.PointsSuivi.Add(new PointSuivi { JeuneSuiviId = jeunesB[0].Id, SolutionId = (await db.SolutionsSuivi.FirstAsync(s => s.JeuneSuiviId == jeunesB[0].Id)).Id, Mois = 3, Echeance = Entree.AddMonths(3) });
        db.PointsSuivi.Add(Point(0, 1, ConstatSuivi.ToujoursEnSolution));
        await db.SaveChangesAsync();

        var anonyme = await db.JeunesSuivis.SingleAsync(j => j.Id == jeunesP[39].Id);
        ConservationSuivi.Anonymiser(anonyme, DateTime.UtcNow);
        await db.SaveChangesAsync();

        await CalculerAsync();
    }

    /// <summary>Puts the snapshot back to nothing, in the host's memory too: the next classes' matcher must not see these figures.</summary>
    public async Task DisposeAsync()
    {
        await using (var db = f.CreateDbContext())
        {
            await db.CalculsResultats.ExecuteDeleteAsync();
        }

        using var scope = f.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ResultatsDispositifs>().ActuelAsync();
    }

    private async Task CalculerAsync()
    {
        using var scope = f.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ResultatsDispositifs>().CalculerAsync();
    }

    private async Task<HttpClient> ProfessionnelAsync() => await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.MembreStructure, "e2c-rhone"));

    private async Task<CompteTest> SuiviAsync(int psad, RoleSuivi role)
    {
        var compte = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-63");
        using var scope = f.Services.CreateScope();
        var r = await scope.ServiceProvider.GetRequiredService<EquipeSuivi>().AccorderAsync(psad, compte.Courriel, role, false, parAdminRegional: role == RoleSuivi.CoordinateurPsad, "test");
        Assert.True(r.Reussi);
        return compte;
    }

    /// <summary>The cells of the row headed <paramref name="ligne"/> in the table whose caption ends with <paramref name="legende"/>: each cell's count, and its rate if any.</summary>
    private static List<(string Valeur, string? Taux)> Ligne(IDocument page, string legende, string ligne)
    {
        var table = page.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")!.TextContent.Trim().EndsWith(legende, StringComparison.Ordinal));
        var tr = table.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == ligne);
        return [.. tr.QuerySelectorAll("td").Select(td => (td.ChildNodes.OfType<IText>().First().Text.Trim(), td.QuerySelector(".hint")?.TextContent.Trim()))];
    }

    private static string[] Valeurs(List<(string Valeur, string? Taux)> cellules) => [.. cellules.Select(c => c.Valeur)];

    [Fact]
    public async Task ProgrammePage_GivesTheCountsComputedByHand_MaskingSmallOnesAndWhatWouldGiveThemAway()
    {
        var page = await Pro.PageAsync(await ProfessionnelAsync(), $"/pro/resultats/{_a.DispositifId}");

        // Proposed, entered; at 3, 6 and 12 months: done, still in A, in another solution.
        var ensemble = Ligne(page, "ensemble", "Ensemble");
        Assert.Equal(["43", "40", "40", "40", "0", "40", "30", "< 11", "12", "12", "0"], Valeurs(ensemble));
        Assert.Equal("100,0 %", ensemble[3].Taux);  // 40 of 40 at 3 months
        Assert.Equal("100,0 % en solution", ensemble[4].Taux);
        Assert.Equal("75,0 %", ensemble[6].Taux);   // 30 of 40 at 6 months
        Assert.Null(ensemble[7].Taux);               // "in a solution" would give away the 5 in another one
        Assert.Null(ensemble[9].Taux);               // 12 check-ins at 12 months: under 20, no rate

        // By sex: 22 women (20 of P, 2 of Q), 21 men; at 6 months 15 and 15 still in A, 3 and 2 elsewhere.
        Assert.Equal(["22", "20", "20", "20", "0", "20", "15", "< 11", "12", "12", "0"], Valeurs(Ligne(page, "sexe", "Femmes")));
        Assert.Equal(["21", "20", "20", "20", "0", "20", "15", "< 11", "0", "0", "0"], Valeurs(Ligne(page, "sexe", "Hommes")));

        // By age (year of the proposal minus the birth year): 31 aged 19, 12 aged 17. At 6 months 22 and 8 still in A: the 8
        // is masked, and so is the 22 (30 − 22 would give it).
        Assert.Equal(["31", "28", "28", "28", "0", "28", "s", "< 11", "< 11", "< 11", "0"], Valeurs(Ligne(page, "âge atteint dans l'année de la proposition", "18 à 20 ans")));
        Assert.Equal(["12", "12", "12", "12", "0", "12", "< 11", "< 11", "< 11", "< 11", "0"], Valeurs(Ligne(page, "âge atteint dans l'année de la proposition", "Moins de 18 ans")));
        Assert.Equal("0", Valeurs(Ligne(page, "âge atteint dans l'année de la proposition", "21 à 25 ans"))[0]);

        // By diploma (the latest entretien: the first young person's earlier "niveau 4" does not count).
        var diplome = "diplôme le plus élevé";
        Assert.Equal(["23", "20", "20", "20", "0", "20", "s", "0"], Valeurs(Ligne(page, diplome, "Sans diplôme"))[..8]);
        Assert.Equal(["20", "20", "20", "20", "0", "20", "< 11", "< 11"], Valeurs(Ligne(page, diplome, "Niveau 3 (CAP, BEP)"))[..8]);
        Assert.Equal("0", Valeurs(Ligne(page, diplome, "Niveau 4 (baccalauréat)"))[0]);

        // By PSAD: Q's 3 are masked, and so is P's 40 (43 − 40 would give them); nobody of Q entered (0 is shown).
        var territoire = "territoire (psad)";
        Assert.Equal(["< 11", "0"], Valeurs(Ligne(page, territoire, $"{_codeQ} – PSAD Q {_codeQ}"))[..2]);
        Assert.Equal(["s", "40"], Valeurs(Ligne(page, territoire, $"{_codeP} – PSAD P {_codeP}"))[..2]);
        Assert.Contains("Un jeune sorti sans solution à un point n'a plus de point ensuite", page.Body!.TextContent);
    }

    [Fact]
    public async Task Sheet_ShowsTheOutcomesBlockToProfessionalsOnly_WithSmallCountsMaskedAndNoRateUnderTwenty()
    {
        var publique = await Pro.PageAsync(Pro.Client(f), $"/dispositifs/{_a.DispositifId}/{_a.DispositifSlug}");
        Assert.Null(publique.GetElementById("resultats"));
        Assert.DoesNotContain("/pro/resultats", publique.Body!.InnerHtml);

        var client = await ProfessionnelAsync();
        var bloc = (await Pro.PageAsync(client, $"/dispositifs/{_a.DispositifId}/{_a.DispositifSlug}")).GetElementById("resultats")!.ParentElement!;
        Assert.Equal(["43 jeune(s)", "40"], bloc.QuerySelectorAll("dd").Take(2).Select(d => d.TextContent.Trim()));
        var a = bloc.TextContent;
        Assert.Contains("toujours dedans : 30 (75,0 %) ; en solution ailleurs : < 11 ; sur 40 point(s) de suivi faits", a);
        Assert.Contains("toujours dedans : 12 ; en solution ailleurs : 0 ; sur 12 point(s)", a); // 12 months: count shown, rate not

        var b = (await Pro.PageAsync(client, $"/dispositifs/{_b.DispositifId}/{_b.DispositifSlug}")).GetElementById("resultats")!.ParentElement!;
        Assert.Equal(["< 11 jeune(s)", "< 11"], b.QuerySelectorAll("dd").Take(2).Select(d => d.TextContent.Trim()));
        Assert.DoesNotContain("%", b.TextContent);
        Assert.Contains($"/pro/resultats/{_b.DispositifId}", b.InnerHtml);
    }

    [Fact]
    public async Task Csv_OfEveryProgrammeAndOfOne_UsesTheProjectsConventions_IsMaskedLikeThePages_AndIsAudited()
    {
        var client = await ProfessionnelAsync();
        var r = await client.GetAsync("/pro/resultats?handler=Csv");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("text/csv", r.Content.Headers.ContentType!.MediaType);
        var octets = await r.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], octets[..3]);
        var lignes = Encoding.UTF8.GetString(octets[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("\"dispositif\";\"nom\";\"structure\";\"proposé à (jeunes)\";\"entrés\";\"points faits à 3 mois\"", lignes[0]);
        var a = lignes.Single(l => l.StartsWith($"\"{_a.DispositifId}\";", StringComparison.Ordinal));
        Assert.EndsWith("\"43\";\"40\";\"40\";\"40\";\"0\";\"100,0 %\";\"100,0 %\";\"40\";\"30\";\"< 11\";\"75,0 %\";\"nd\";\"12\";\"12\";\"0\";\"nd\";\"nd\"", a);
        var b = lignes.Single(l => l.StartsWith($"\"{_b.DispositifId}\";", StringComparison.Ordinal));
        Assert.Contains("\"< 11\";\"< 11\";\"0\";\"0\";\"0\";\"nd\";\"nd\"", b);

        var detail = Encoding.UTF8.GetString(await client.GetByteArrayAsync($"/pro/resultats/{_a.DispositifId}?handler=Csv")).Split("\r\n");
        Assert.Contains(detail, l => l.StartsWith($"\"Territoire (PSAD)\";\"{_q}\";", StringComparison.Ordinal) && l.Contains("\"< 11\";\"0\";", StringComparison.Ordinal));
        Assert.Contains(detail, l => l.StartsWith($"\"Territoire (PSAD)\";\"{_p}\";", StringComparison.Ordinal) && l.Contains("\"s\";\"40\";", StringComparison.Ordinal));

        await using var db = f.CreateDbContext();
        Assert.Contains(await db.Journal.Where(j => j.Ressource == "resultats-dispositifs" && j.Action == Tracabilite.Export).Select(j => j.RessourceId).ToListAsync(),
            id => id == _a.DispositifId.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task ListPage_ShowsEveryProgrammeProposed_ForAnyProfessional_AndNothingToTheAnonymous()
    {
        var anonyme = await Pro.Client(f).GetAsync("/pro/resultats");
        Assert.Equal(HttpStatusCode.Redirect, anonyme.StatusCode);
        Assert.StartsWith("https://localhost/pro/connexion", anonyme.Headers.Location!.ToString());

        var page = await Pro.PageAsync(await ProfessionnelAsync(), "/pro/resultats");
        var ligne = page.QuerySelectorAll("tbody tr").Single(tr => tr.QuerySelector("a")!.GetAttribute("href") == $"/pro/resultats/{_a.DispositifId}");
        Assert.Equal(["43", "40"], ligne.QuerySelectorAll("td").Take(2).Select(td => td.TextContent.Trim()));
        Assert.Null(page.QuerySelector("a[href='/pro/resultats/etablissements']")); // no PSAD coordinated: no feedback to schools
    }

    [Fact]
    public async Task Matcher_ReadsTheSixMonthRetentionOfTheProfile_OnlyWhereItIsPublished()
    {
        using var scope = f.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ResultatsDispositifs>().ActuelAsync();
        var maintiens = scope.ServiceProvider.GetRequiredService<InstantaneMaintiens>().Actuel;
        await using var db = f.CreateDbContext();
        var commune = await db.Communes.AsNoTracking().FirstAsync(c => c.CodeInsee == "63113");

        // Aged 19 without a diploma: 16 check-ins for that diploma (under 20), so the age band's 22 of 28 (8 in 10).
        var signal = maintiens.Signal(_a.DispositifId, new Profil { Age = 19, Commune = commune, Niveau = "sans-diplome" });
        Assert.Equal(new SignalMaintien(22, 28, AvecDiplome: false), signal);
        Assert.Equal("8 jeunes sur 10 de ton âge y étaient encore après 6 mois.", signal!.RaisonJeune);

        // Aged 17: 8 of 12, both too small; programme B: no check-in at all.
        Assert.Null(maintiens.Signal(_a.DispositifId, new Profil { Age = 17, Commune = commune, Niveau = "niveau-3" }));
        Assert.Null(maintiens.Signal(_b.DispositifId, new Profil { Age = 19, Commune = commune, Niveau = "niveau-3" }));
    }

    [Fact]
    public async Task SchoolFeedback_PerUai_IsMaskedAndExported_ForThePsadsCoordinatorsOnly_AndAudited()
    {
        var coordinateur = await Pro.ConnecterAsync(f, await SuiviAsync(_p, RoleSuivi.CoordinateurPsad));
        var page = await Pro.PageAsync(coordinateur, "/pro/resultats/etablissements");
        Assert.Contains(_codeP, page.QuerySelector("h1 + p")!.TextContent);
        static List<string> Cellules(IElement tr) => [.. tr.QuerySelectorAll("td").Select(td => td.ChildNodes.OfType<IText>().First().Text.Trim())];
        var lignes = page.QuerySelectorAll("tbody tr").ToDictionary(tr => tr.QuerySelector("th")!.TextContent.Trim());
        Assert.Equal([Uai1, Uai2], lignes.Keys.Order()); // not Q's school, not B's files (no UAI)

        // School 1: 25 found, 22 in a solution, 3 not: the 3 is masked, and the 22 (25 − 22) and its kind with it.
        var formation = LigneEtablissement.Types.ToList().IndexOf(TypeSolution.FormationProfessionnelle);
        var un = Cellules(lignes[Uai1]);
        Assert.Equal(["25", "s", "< 11"], un[..3]);
        Assert.Equal("s", un[3 + formation]);
        // School 2: 15 found (the anonymised file has lost its school), all in professional training.
        var deux = Cellules(lignes[Uai2]);
        Assert.Equal(["14", "14", "0"], deux[..3]);
        Assert.Equal("14", deux[3 + formation]);
        Assert.Null(lignes[Uai2].QuerySelector(".hint")); // 14 found: no rate

        var csv = Encoding.UTF8.GetString(await coordinateur.GetByteArrayAsync($"/pro/resultats/etablissements?handler=Csv&psad={_codeP}"));
        Assert.StartsWith("\uFEFF\"uai\";\"repérés\";\"en solution\";\"sans solution à ce jour\";\"taux en solution\";", csv);
        Assert.Contains($"\"{Uai1}\";\"25\";\"s\";\"< 11\";\"nd\";", csv);
        Assert.Contains($"\"{Uai2}\";\"14\";\"14\";\"0\";\"nd\";", csv);
        Assert.DoesNotContain(UaiQ, csv);

        // Q's coordinator sees Q only; P by its code is 404. A référent of P, or a professional without a follow-up role: 404.
        var autre = await Pro.ConnecterAsync(f, await SuiviAsync(_q, RoleSuivi.CoordinateurPsad));
        Assert.Contains(UaiQ, (await Pro.PageAsync(autre, "/pro/resultats/etablissements")).Body!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await autre.GetAsync($"/pro/resultats/etablissements?psad={_codeP}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await autre.GetAsync($"/pro/resultats/etablissements?handler=Csv&psad={_codeP}")).StatusCode);
        var referent = await Pro.ConnecterAsync(f, await SuiviAsync(_p, RoleSuivi.ReferentSuivi));
        Assert.Equal(HttpStatusCode.NotFound, (await referent.GetAsync("/pro/resultats/etablissements")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await ProfessionnelAsync()).GetAsync("/pro/resultats/etablissements")).StatusCode);

        await using var db = f.CreateDbContext();
        var journal = await db.Journal.Where(j => j.Ressource == "retour-etablissements" && j.RessourceId == _codeP).Select(j => j.Action).ToListAsync();
        Assert.Contains(Tracabilite.Lecture, journal);
        Assert.Contains(Tracabilite.Export, journal);
    }

    [Fact]
    public async Task Snapshot_IsComputedOncePerNight_AndPagesSayWhenThereIsNoneYet()
    {
        using (var scope = f.Services.CreateScope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<ResultatsDispositifs>().DoitCalculerAsync()); // computed a moment ago
        }

        await using (var db = f.CreateDbContext())
        {
            Assert.Equal(1, await db.CalculsResultats.CountAsync()); // the older snapshots were deleted
            await db.CalculsResultats.ExecuteDeleteAsync();
            Assert.Equal(0, await db.CellulesResultats.CountAsync());
        }

        using (var scope = f.Services.CreateScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<ResultatsDispositifs>().DoitCalculerAsync());
        }

        var client = await ProfessionnelAsync();
        Assert.Contains("pas encore été calculés", (await Pro.PageAsync(client, "/pro/resultats")).Body!.TextContent);
        Assert.Contains("pas encore été calculés", (await Pro.PageAsync(client, $"/dispositifs/{_a.DispositifId}/{_a.DispositifSlug}")).GetElementById("resultats")!.ParentElement!.TextContent);
    }

    [Fact]
    public async Task Import_KeepsTheSexAndTheSchoolOfOrigin_ANewListUpdatesThem_AndAnEmptyCellErasesNothing()
    {
        const string EnTete = "INE;Nom;Prénom;Date de naissance;Commune;Code INSEE;Date de sortie;Sexe;UAI\r\n";
        var ineA = $"77{Random.Shared.NextInt64(10_000_000, 99_999_999)}A";
        var ineB = $"77{Random.Shared.NextInt64(10_000_000, 99_999_999)}B";
        async Task ImporterAsync(DateOnly mois, string lignes)
        {
            using var scope = f.Services.CreateScope();
            var r = await scope.ServiceProvider.GetRequiredService<ImportSiei>().ExecuterAsync(_codeP, mois, ListeSieiSynthetique.Flux(EnTete + lignes), "liste.csv", false, false, "test");
            Assert.True(r.Importe, r.Resume());
        }

        await ImporterAsync(new DateOnly(2026, 10, 1), $"{ineA};Valmor;Lou;12/04/2008;Thiers;63430;30/06/2026;F;0631234X\r\n{ineB};Bretan;Noa;03/09/2008;Riom;63300;30/06/2026;2;0635678Y\r\n");
        await ImporterAsync(new DateOnly(2026, 11, 1), $"{ineA};Valmor;Lou;12/04/2008;Thiers;63430;30/06/2026;;0639999Z\r\n{ineB};Bretan;Noa;03/09/2008;Riom;63300;30/06/2026;;\r\n");

        await using var db = f.CreateDbContext();
        var dossiers = await db.JeunesSuivis.AsNoTracking().Where(j => j.Ine == ineA || j.Ine == ineB).ToDictionaryAsync(j => j.Ine!, j => (j.Sexe, j.EtablissementUai));
        Assert.Equal(("F", "0639999Z"), dossiers[ineA]); // the new school, the sex the first list gave
        Assert.Equal(("F", "0635678Y"), dossiers[ineB]); // "2" read as F; empty cells leave both alone
    }

    [Fact]
    public async Task Backfill_FillsSexAndSchoolFromTheLatestRowGivingThem_AndRunningItAgainChangesNothing()
    {
        int id;
        await using (var db = f.CreateDbContext())
        {
            var octobre = new Livraison { PsadId = _p, Mois = new DateOnly(2025, 10, 1), NomFichier = "a.csv", EmpreinteFichier = Guid.NewGuid().ToString("N"), ImporteeLe = Proposition };
            var novembre = new Livraison { PsadId = _p, Mois = new DateOnly(2025, 11, 1), NomFichier = "b.csv", EmpreinteFichier = Guid.NewGuid().ToString("N"), ImporteeLe = Proposition };
            db.Livraisons.AddRange(octobre, novembre);
            await db.SaveChangesAsync();
            var j = new JeuneSuivi { PsadId = _p, Nom = "Corlin", CreeLe = Proposition, ArriveLe = Proposition, StatutDepuis = Proposition, PremiereLivraisonId = octobre.Id, DerniereLivraisonId = novembre.Id };
            db.JeunesSuivis.Add(j);
            await db.SaveChangesAsync();
            id = j.Id;
            db.SituationsSiei.AddRange(
                new SituationSiei { LivraisonId = octobre.Id, JeuneSuiviId = id, Ligne = 2, Issue = IssueSituation.Nouveau, Contenu = ImportSiei.Instantane(new LigneSiei { Sexe = "M", EtablissementUai = "0631111A" }) },
                new SituationSiei { LivraisonId = novembre.Id, JeuneSuiviId = id, Ligne = 2, Issue = IssueSituation.Rapproche, Contenu = ImportSiei.Instantane(new LigneSiei { EtablissementUai = "0632222B" }) });
            await db.SaveChangesAsync();
        }

        await using (var db = f.CreateDbContext())
        {
            Assert.True(await ImportSiei.CompleterSexesEtablissementsAsync(db) >= 1);
            Assert.Equal(0, await ImportSiei.CompleterSexesEtablissementsAsync(db));
            var j = await db.JeunesSuivis.AsNoTracking().SingleAsync(x => x.Id == id);
            Assert.Equal(("M", "0632222B"), (j.Sexe, j.EtablissementUai)); // the sex of October (November left it empty), November's school
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ResultatsSqliteTests(SqliteAppFactory f) : ResultatsTests(f);

[Collection(PostgresCollection.Name)]
public sealed class ResultatsPostgresTests(PostgresAppFactory f) : ResultatsTests(f);
