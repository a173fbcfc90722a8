using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Raccroche.Web.Features.Observatoire;

namespace Raccroche.Tests.Integration;

/// <summary>
/// The observatory's breakdowns on both databases: by département (from the young person's commune), nested breakdowns
/// (a département by EPCI, a PSAD by structure for its coordinators) masked together with the table they are nested in,
/// quarters cut from the same table as the months, and the selections that are not published refused clearly. Files are
/// dated in 2022, each test in its own département or PSAD (no other test writes files of 2022 there).
/// </summary>
public abstract class ObservatoireVentilationsTests(AppFactory f)
{
    private const int Annee = 2022;

    /// <summary>A PSAD over <paramref name="territoire"/> with files opened in <paramref name="mois"/> 2022: so many per commune code (null: no commune) and structure.</summary>
    private async Task<(int Id, string Code)> PsadAsync(string[] territoire, int mois, params (string? CodeInsee, int Combien, int? StructureId)[] fichiers)
    {
        await using var db = f.CreateDbContext();
        var psad = new Psad { Code = "tov" + Guid.NewGuid().ToString("N")[..10], Nom = "PSAD ventilée", Territoire = [.. territoire] };
        db.Psads.Add(psad);
        await db.SaveChangesAsync();
        var livraison = new Livraison { PsadId = psad.Id, Mois = new(Annee, mois, 1), NomFichier = "liste.csv", EmpreinteFichier = Guid.NewGuid().ToString("N"), ImporteeLe = new(Annee, mois, 2, 9, 0, 0, DateTimeKind.Utc), Lignes = fichiers.Sum(x => x.Combien) };
        db.Livraisons.Add(livraison);
        await db.SaveChangesAsync();
        var n = 0;
        foreach (var (code, combien, structure) in fichiers)
        {
            for (var i = 0; i < combien; i++)
            {
                var quand = new DateTime(Annee, mois, 10, 8, 0, 0, DateTimeKind.Utc);
                db.JeunesSuivis.Add(new JeuneSuivi
                {
                    PsadId = psad.Id,
                    Nom = $"Ventilnom{n++}",
                    Prenom = "Prénom",
                    CodeInsee = code,
                    DateNaissance = new DateOnly(2005, 6, 1),
                    StructureId = structure,
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
        return (psad.Id, psad.Code);
    }

    private static IElement Ligne(IHtmlDocument page, string debut) =>
        page.QuerySelectorAll("table.observatoire tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent.StartsWith(debut, StringComparison.Ordinal));

    private static List<string> Cellules(IElement tr) => [.. tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim())];

    [Fact]
    public async Task ABreakdownByDepartement_CountsFilesByTheirCommune_ItsTotalIsTheRegionsRow_AndItIsDrawnAsAMap()
    {
        await PsadAsync(["2A", "2B"], 3, ("2A004", 30, null), ("2B033", 24, null));
        var anonyme = Pro.Client(f);
        var page = await Pro.PageAsync(anonyme, $"/observatoire/indicateurs/jeunes-reperes?annee={Annee}&ventilation=departement");

        var corseDuSud = Cellules(Ligne(page, "2A – Corse-du-Sud"));
        Assert.Equal(13, corseDuSud.Count);
        Assert.Equal("30", corseDuSud[2]);
        Assert.Equal("30", corseDuSud[^1]);
        Assert.Equal("24", Cellules(Ligne(page, "2B – Haute-Corse"))[2]);

        // The total row is the region's row of the PSAD table, cell for cell.
        var parPsad = await Pro.PageAsync(anonyme, $"/observatoire/indicateurs/jeunes-reperes?annee={Annee}");
        Assert.Equal(Cellules(page.QuerySelector("table.observatoire tr.total")!), Cellules(parPsad.QuerySelector("table.observatoire tr.total")!));

        // The map: an accessible image, a titled tile per département of the table.
        var carte = page.QuerySelector("svg.carte")!;
        Assert.Equal("img", carte.GetAttribute("role"));
        Assert.All(carte.GetAttribute("aria-labelledby")!.Split(' '), id => Assert.NotNull(page.GetElementById(id)));
        Assert.Contains(carte.QuerySelectorAll("g.tuile > title"), t => t.TextContent == "2A – Corse-du-Sud : 30");

        // Quarters: the same table cut differently (4 quarters and the year).
        var trimestres = await Pro.PageAsync(anonyme, $"/observatoire/indicateurs/jeunes-reperes?annee={Annee}&ventilation=departement&periode=trimestre");
        Assert.Equal(["30", "0", "0", "0", "30"], Cellules(Ligne(trimestres, "2A – Corse-du-Sud")));

        // The CSV of the selection is the table on screen.
        var csv = await anonyme.GetAsync($"/observatoire/indicateurs/jeunes-reperes?handler=Csv&annee={Annee}&ventilation=departement&periode=trimestre");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lignes = Encoding.UTF8.GetString((await csv.Content.ReadAsByteArrayAsync())[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var enCsv = lignes.Select(l => l.Split(';').Select(c => c.Trim('"')).ToList()).Single(c => c[1] == "2A");
        Assert.Equal(["30", "0", "0", "0", "30"], enCsv[2..]);
    }

    [Fact]
    public async Task ADepartementByEpci_IsMaskedWithTheDepartementsRow_SoThatASmallEpciCannotBeRecomputed()
    {
        // Two communes of Lozère in two different EPCIs: 25 files in one, 3 in the other.
        string grande, petite;
        await using (var db = f.CreateDbContext())
        {
            var communes = await db.Communes.AsNoTracking().Where(c => c.Departement == "48" && c.Epci != null).OrderBy(c => c.CodeInsee).Select(c => new { c.CodeInsee, c.Epci }).ToListAsync();
            grande = communes[0].CodeInsee;
            petite = communes.First(c => c.Epci != communes[0].Epci).CodeInsee;
        }

        await PsadAsync(["48"], 5, (grande, 25, null), (petite, 3, null));
        var anonyme = Pro.Client(f);
        var departements = await Pro.PageAsync(anonyme, $"/observatoire/indicateurs/jeunes-reperes?annee={Annee}&ventilation=departement");
        Assert.Equal("28", Cellules(Ligne(departements, "48 – Lozère"))[4]);

        var page = await Pro.PageAsync(anonyme, $"/observatoire/indicateurs/jeunes-reperes?annee={Annee}&territoire=departement-48&ventilation=epci");
        var lignes = page.QuerySelectorAll("table.observatoire tbody tr:not(.total)").Select(Cellules).ToList();
        var total = Cellules(page.QuerySelector("table.observatoire tr.total")!);

        // The total is the département's row (published there, so published here); the small EPCI is "< 11", and the big
        // one is masked too: 28 − 25 would give it away.
        Assert.Equal("28", total[4]);
        Assert.Contains(lignes, l => l[4] == "< 11");
        Assert.DoesNotContain(lignes, l => l[4] == "25");
        Assert.DoesNotContain(lignes.SelectMany(l => l), c => c == "3");
    }

    [Fact]
    public async Task APsadsTableByStructure_IsForItsCoordinators_AnyoneElseGetsTheRegionAndAMessage()
    {
        int structure;
        await using (var db = f.CreateDbContext())
        {
            structure = await db.Structures.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
        }

        var (id, code) = await PsadAsync(["63"], 4, (null, 40, structure), (null, 22, null));
        await using (var db = f.CreateDbContext())
        {
            db.Add(new PartenairePsad { PsadId = id, StructureId = structure });
            await db.SaveChangesAsync();
        }

        var compte = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "mlds-academie-clermont");
        using (var scope = f.Services.CreateScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<EquipeSuivi>().AccorderAsync(id, compte.Courriel, RoleSuivi.CoordinateurPsad, false, parAdminRegional: true, "test")).Reussi);
        }

        var coordinateur = await Pro.ConnecterAsync(f, compte);
        var url = $"/observatoire/indicateurs/jeunes-reperes?annee={Annee}&territoire=psad-{code}&ventilation=structure";
        var page = await Pro.PageAsync(coordinateur, url);
        Assert.Contains(page.QuerySelectorAll("#territoire option"), o => o.GetAttribute("value") == "psad-" + code);
        Assert.Equal("40", Cellules(page.QuerySelectorAll("table.observatoire tbody tr:not(.total)").First())[3]);
        Assert.Equal("22", Cellules(Ligne(page, "non attribué"))[3]);
        Assert.Equal("62", Cellules(page.QuerySelector("table.observatoire tr.total")!)[3]);

        var anonyme = await Pro.PageAsync(Pro.Client(f), url);
        Assert.Contains("réservés à ses coordinateurs", anonyme.QuerySelector("#err-territoire")!.TextContent);
        Assert.DoesNotContain(anonyme.QuerySelectorAll("#territoire option"), o => o.GetAttribute("value") == "psad-" + code);
        Assert.StartsWith("Région", anonyme.QuerySelector("table.observatoire tr.total th")!.TextContent);
    }

    [Fact]
    public async Task ASelectionThatIsNotPublished_IsAnsweredWithAMessage_NeverAnError()
    {
        var anonyme = Pro.Client(f);
        var ages = await Pro.PageAsync(anonyme, $"/observatoire/indicateurs/jeunes-reperes?annee={Annee}&territoire=departement-63&ventilation=tranche-age");
        Assert.Contains("n'est pas publiée pour 63 – Puy-de-Dôme", ages.QuerySelector("#err-ventilation")!.TextContent);

        var situations = await Pro.PageAsync(anonyme, $"/observatoire/indicateurs/situations-signalees?annee={Annee}&ventilation=departement");
        Assert.Contains("n'existe que par PSAD", situations.QuerySelector("main")!.TextContent);
        Assert.Null(situations.QuerySelector("table.observatoire"));

        var inconnu = await anonyme.GetAsync($"/observatoire/indicateurs/jeunes-reperes?annee={Annee}&territoire=lune&periode=semaine");
        Assert.Equal(HttpStatusCode.OK, inconnu.StatusCode);
        var html = await Pro.Html(inconnu);
        Assert.NotNull(html.QuerySelector("#err-territoire"));
        Assert.NotNull(html.QuerySelector("#err-periode"));
    }

    [Fact]
    public async Task TheRegistry_IsAPublicPage_WithEveryIndicatorsDefinitionAndBreakdowns()
    {
        var page = await Pro.PageAsync(Pro.Client(f), "/observatoire/indicateurs");
        var sections = page.QuerySelectorAll("section.indicateur");
        Assert.Equal(RegistreIndicateurs.Tous.Select(i => "/observatoire/indicateurs/" + i.Code), sections.Select(s => s.QuerySelector("h2 a")!.GetAttribute("href")));
        var situations = sections.Single(s => s.QuerySelector("code")!.TextContent == "situations-signalees").TextContent;
        Assert.Contains("région par PSAD", situations);
        Assert.DoesNotContain("par tranche d'âge", situations);
        Assert.Contains("région par tranche d'âge", sections.Single(s => s.QuerySelector("code")!.TextContent == "jeunes-reperes").TextContent);
    }

    [Fact]
    public async Task TheAgeBreakdown_PutsEachYoungPersonInTheBandOfTheirAgeWhenTheFileWasOpened()
    {
        await PsadAsync(["2A"], 9, ("2A004", 33, null));
        var page = await Pro.PageAsync(Pro.Client(f), $"/observatoire/indicateurs/jeunes-reperes?annee={Annee}&ventilation=tranche-age");

        // Born in June 2005, opened in September 2022: 17 years old.
        Assert.Equal("33", Cellules(Ligne(page, "16-17 ans"))[8]);
        Assert.Equal("0", Cellules(Ligne(page, "18-20 ans"))[8]);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ObservatoireVentilationsSqliteTests(SqliteAppFactory f) : ObservatoireVentilationsTests(f);

[Collection(PostgresCollection.Name)]
public sealed class ObservatoireVentilationsPostgresTests(PostgresAppFactory f) : ObservatoireVentilationsTests(f);
