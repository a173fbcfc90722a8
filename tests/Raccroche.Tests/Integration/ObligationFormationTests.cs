using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace Raccroche.Tests.Integration;

/// <summary>
/// The obligation de formation clock on both databases, with a fake clock: minors imported from a list, an entretien
/// proposed, no answer, the convocation due then produced (its letter), two months later the transmission due then
/// produced (its document, audited); a satisfied obligation and the 18th birthday stop the clock; the OF work list's
/// content and order for each visitor; who may open the letters. Its own PSAD (unique code), its own young people.
/// </summary>
public abstract class ObligationFormationTests(AppFactory f) : IAsyncLifetime
{
    private static readonly DateOnly Novembre = new(2026, 11, 1);

    // Monday 2 November 2026, 10:00 in Paris.
    private readonly HorlogeFixe _horloge = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private WebApplicationFactory<Program> _app = null!;
    private readonly Dictionary<string, CompteTest> _comptes = [];
    private readonly Dictionary<string, HttpClient> _clients = [];
    private string _psad = "", _psadY = "";
    private int _structureA, _structureB;

    // Invented young people: Parcours (the whole path), Apprentie (already in an apprenticeship), Bientot18 (18 on
    // 20 December), Majeur (19: no obligation), AutreStructure (followed by B).
    private int _parcours, _apprentie, _bientot18, _majeur, _autre;
    private readonly Dictionary<int, JeuneFictif> _jeunes = [];

    private const string RefA = EquipeDeTest.RefA, RefB = EquipeDeTest.RefB, CoordX = EquipeDeTest.CoordX, CoordY = EquipeDeTest.CoordY, Region = EquipeDeTest.Region;

    public async Task InitializeAsync()
    {
        _app = f.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_horloge)));
        await using var db = f.CreateDbContext();
        _structureA = await db.Structures.Where(s => s.Slug == "ml-63").Select(s => s.Id).SingleAsync();
        _structureB = await db.Structures.Where(s => s.Slug == "cio-63").Select(s => s.Id).SingleAsync();
        _psad = "tof" + Guid.NewGuid().ToString("N")[..12];
        _psadY = "toy" + Guid.NewGuid().ToString("N")[..12];
        var x = new Psad { Code = _psad, Nom = "PSAD du Livradois " + _psad, Territoire = ["63"], Partenaires = [new() { StructureId = _structureA }, new() { StructureId = _structureB }] };
        var y = new Psad { Code = _psadY, Nom = "PSAD Y " + _psadY, Territoire = ["69"] };
        db.Psads.AddRange(x, y);
        await db.SaveChangesAsync();

        await EquipeDeTest.InstallerAsync(f, _app.Services, x.Id, y.Id, _comptes);
        using (var scope = _app.Services.CreateScope())
        {
            var modeles = ListeSieiSynthetique.Jeunes(5, 77, Novembre);
            var jeunes = new[]
            {
                modeles[0] with { Ine = "7700000001A", Nom = "Valmorlin", Naissance = new DateOnly(2009, 6, 15) },
                modeles[1] with { Ine = "7700000002B", Nom = "Bretanrel", Naissance = new DateOnly(2009, 6, 20) },
                modeles[2] with { Ine = "7700000003C", Nom = "Corguifon", Naissance = new DateOnly(2008, 12, 20) },
                modeles[3] with { Ine = "7700000004D", Nom = "Dasmiro", Naissance = new DateOnly(2007, 1, 1) },
                modeles[4] with { Ine = "7700000005E", Nom = "Selvenbar", Naissance = new DateOnly(2009, 8, 1) },
            };
            var rapport = await scope.ServiceProvider.GetRequiredService<ImportSiei>()
                .ExecuterAsync(_psad, Novembre, ListeSieiSynthetique.Flux(ListeSieiSynthetique.Csv(jeunes)), "novembre.csv", false, false, "test");
            Assert.True(rapport.Importe, rapport.Resume());
            var ids = await db.JeunesSuivis.Where(j => j.PsadId == x.Id).OrderBy(j => j.Ine).Select(j => j.Id).ToListAsync();
            Assert.Equal(5, ids.Count);
            (_parcours, _apprentie, _bientot18, _majeur, _autre) = (ids[0], ids[1], ids[2], ids[3], ids[4]);
            for (var i = 0; i < 5; i++)
            {
                _jeunes[ids[i]] = jeunes[i];
            }
        }

        await ConnecterAsync();
        foreach (var id in new[] { _parcours, _apprentie, _bientot18, _majeur })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await Pro.PosterAsync(_clients[CoordX], $"/pro/decrocheurs/{id}", new() { ["StructureId"] = Texte(_structureA) })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await Pro.PosterAsync(_clients[CoordX], $"/pro/decrocheurs/{_autre}", new() { ["StructureId"] = Texte(_structureB) })).StatusCode);

        // The PSAD's letterhead, typed by its coordinator.
        var r = await Pro.PosterAsync(_clients[CoordX], $"/pro/decrocheurs/equipe?psad={_psad}", new()
        {
            ["EnTeteAdresse"] = "Maison des services\r\n12 rue des Tilleuls\r\n63600 Ambert",
            ["EnTeteTelephone"] = "04 73 00 00 00",
            ["EnTeteCourriel"] = "psad@exemple.fr",
            ["EnTeteConseil"] = "Direction de l'enfance et de la famille\n24 rue Saint-Esprit\n63000 Clermont-Ferrand",
        });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>The display name of the test accounts of structure members (who the history and the steps name).</summary>
    private static readonly string NomReferent = $"Compte {Roles.MembreStructure}";

    private static string Texte(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Signs everyone in again at the fake clock's time (a jump of weeks outlives a session).</summary>
    private async Task ConnecterAsync()
    {
        foreach (var (qui, compte) in _comptes)
        {
            var client = _app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = AppFactory.Https, HandleCookies = true });
            _clients[qui] = await Pro.ConnecterAsync(_app, compte, client, _horloge);
        }

        _clients["anonyme"] = _app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = AppFactory.Https, HandleCookies = true });
    }

    private async Task AllerAuAsync(DateTimeOffset quand)
    {
        _horloge.Maintenant = quand;
        await ConnecterAsync();
    }

    private async Task<JeuneSuivi> DossierAsync(int id)
    {
        await using var db = f.CreateDbContext();
        return await db.JeunesSuivis.AsNoTracking().SingleAsync(j => j.Id == id);
    }

    /// <summary>The OF list's rows as (file id, step code, due date text), in the page's order.</summary>
    private async Task<List<(int Id, string Etape, string Echeance)>> ListeAsync(string qui)
    {
        var page = await Pro.PageAsync(_clients[qui], "/pro/decrocheurs/obligation");
        return [.. page.QuerySelectorAll("table.data tbody tr").Select(tr =>
        {
            var lien = tr.QuerySelector("a")!.GetAttribute("href")!;
            var id = int.Parse(lien.Split('/')[3].Split('#')[0], CultureInfo.InvariantCulture);
            var cellules = tr.QuerySelectorAll("td").ToList();
            return (id, cellules[2].TextContent.Trim(), cellules[0].TextContent.Trim()[..10]);
        })];
    }

    /// <summary>A post of a handler that no form on the page offers now (the page's antiforgery token, the file's version).</summary>
    private async Task<HttpResponseMessage> ForcerAsync(string qui, int id, string handler)
    {
        var page = await Pro.PageAsync(_clients[qui], $"/pro/decrocheurs/{id}");
        var jeton = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var version = page.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        return await _clients[qui].PostAsync($"/pro/decrocheurs/{id}?handler={handler}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = jeton,
            ["Version"] = version,
        }));
    }

    [Fact]
    public async Task TheClock_RunsFromTheListToTheTransmission_AndStopsWhenMetOrAt18()
    {
        // Ten days after the list: every minor is due an entretien proposal on 17 November (arrival + 15 days); the adult is not listed.
        await AllerAuAsync(new DateTimeOffset(2026, 11, 12, 9, 0, 0, TimeSpan.Zero));
        var coordination = await ListeAsync(CoordX);
        Assert.Equal(new[] { _apprentie, _bientot18, _autre, _parcours }.Order(), coordination.Select(l => l.Id).Order());
        Assert.All(coordination, l => Assert.Equal(("Proposer un entretien", "17/11/2026"), (l.Etape, l.Echeance)));
        Assert.DoesNotContain(_autre, (await ListeAsync(RefA)).Select(l => l.Id));
        Assert.Equal([_autre], (await ListeAsync(RefB)).Select(l => l.Id));
        Assert.Empty(await ListeAsync(CoordY));

        // Already in an apprenticeship (the young person said so): the obligation is met, the clock stops.
        var r = await Pro.PosterAsync(_clients[RefA], $"/pro/decrocheurs/{_apprentie}", new()
        {
            ["NaturePriseEnCharge"] = "apprentissage",
            ["Organisme"] = "CFA du bâtiment",
            ["SourcePriseEnCharge"] = "jeune",
        });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var fiche = await Pro.PageAsync(_clients[RefA], $"/pro/decrocheurs/{_apprentie}");
        Assert.Contains("Satisfaite (apprentissage) – d'après le dossier", fiche.QuerySelector("#obligation + dl")!.TextContent);

        // The entretien is proposed to the first one (by phone, on the 12th): no answer within 15 days → convocation due on the 27th.
        r = await Pro.PosterAsync(_clients[RefA], $"/pro/decrocheurs/{_parcours}", new() { ["EntretienPropose"] = "12/11/2026" });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal(new DateOnly(2026, 11, 12), HeureParis.Jour((await DossierAsync(_parcours)).EntretienProposeLe!.Value));
        Assert.Equal([_bientot18], (await ListeAsync(RefA)).Select(l => l.Id));

        // On the 28th: the entretien proposals are 11 days late, the convocation is a day late; soonest first.
        await AllerAuAsync(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
        var liste = await ListeAsync(RefA);
        Assert.Equal([(_bientot18, "Proposer un entretien", "17/11/2026"), (_parcours, "Convoquer le jeune et son responsable légal", "27/11/2026")], liste);
        var page = await Pro.PageAsync(_clients[RefA], "/pro/decrocheurs/obligation");
        Assert.Contains("en retard de 11 jour(s)", page.Body!.TextContent);

        // The transmission cannot be forced before its time.
        var force = await ForcerAsync(RefA, _parcours, "Transmission");
        Assert.Equal(HttpStatusCode.OK, force.StatusCode);
        Assert.Contains("La transmission n'est pas l'étape attendue", (await Pro.Html(force)).QuerySelector(".error-summary")!.TextContent);

        // A convocation needs its meeting; then producing it records the step and opens the letter.
        r = await Pro.PosterAsync(_clients[RefA], $"/pro/decrocheurs/{_parcours}", new() { ["ConvocationRendezVous"] = "01/11/2026 10:00" });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("doit être dans le futur", (await Pro.Html(r)).QuerySelector(".error-summary")!.TextContent);
        Assert.Null((await DossierAsync(_parcours)).ConvocationLe);
        r = await Pro.PosterAsync(_clients[RefA], $"/pro/decrocheurs/{_parcours}", new() { ["ConvocationRendezVous"] = "2026-12-10T14:00" });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal($"/pro/decrocheurs/{_parcours}/lettres/convocation", r.Headers.Location!.OriginalString);
        var d = await DossierAsync(_parcours);
        Assert.Equal((new DateTime(2026, 11, 28, 9, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 10, 13, 0, 0, DateTimeKind.Utc)), (d.ConvocationLe!.Value, d.ConvocationRendezVous!.Value));
        Assert.NotNull(d.ConvocationPar);

        var lettre = await Pro.PageAsync(_clients[RefA], r.Headers.Location.OriginalString);
        var texte = lettre.QuerySelector("article.lettre")!.TextContent;
        var jeune = _jeunes[_parcours];
        Assert.Contains($"{jeune.Prenom} VALMORLIN", texte);
        Assert.Contains("convocation", lettre.QuerySelector("h1")!.TextContent);
        Assert.Contains("10 décembre 2026 à 14:00", texte);
        Assert.Contains("12 rue des Tilleuls", texte);
        Assert.Contains("PSAD du Livradois", texte);
        Assert.Contains("Le 28 novembre 2026", texte);
        Assert.Empty(lettre.QuerySelectorAll("article.lettre script, article.lettre form"));

        // Two days later the convocation is done: only the entretien left on the list; the transmission is due on 28 January.
        await AllerAuAsync(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal([_bientot18], (await ListeAsync(RefA)).Select(l => l.Id));

        // Two months after the convocation, still not met: the transmission is due. The minor who turned 18 on 20 December is off the list.
        await AllerAuAsync(new DateTimeOffset(2027, 1, 28, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal([(_parcours, "Transmettre au président du conseil départemental", "28/01/2027")], await ListeAsync(RefA));
        var majeure = await Pro.PageAsync(_clients[RefA], $"/pro/decrocheurs/{_bientot18}");
        Assert.Contains("18 ans le 20/12/2026 : l'obligation de formation a pris fin", majeure.QuerySelector("#obligation + p")!.TextContent);
        Assert.Null(majeure.QuerySelector("form[action*='handler=Convocation']"));

        r = await Pro.PosterAsync(_clients[RefA], $"/pro/decrocheurs/{_parcours}", [], $"/pro/decrocheurs/{_parcours}?handler=Transmission");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal($"/pro/decrocheurs/{_parcours}/lettres/transmission", r.Headers.Location!.OriginalString);
        d = await DossierAsync(_parcours);
        Assert.Equal(new DateTime(2027, 1, 28, 9, 0, 0, DateTimeKind.Utc), d.TransmissionLe);
        Assert.Equal(NomReferent, d.TransmissionPar);
        var document = await Pro.PageAsync(_clients[RefA], r.Headers.Location.OriginalString);
        texte = document.QuerySelector("article.lettre")!.TextContent;
        Assert.Contains("président", texte);
        Assert.Contains("Direction de l'enfance et de la famille", texte);
        Assert.Contains("15/06/2009", texte);
        Assert.Empty(await ListeAsync(RefA));

        // Audited and in the history: who and when.
        await using var db = f.CreateDbContext();
        var id = Texte(_parcours);
        Assert.True(await db.Journal.AnyAsync(j => j.Ressource == "dossier-suivi" && j.RessourceId == id && j.Action == Tracabilite.Modification && j.Detail == "obligation de formation : transmission au président du conseil départemental"));
        Assert.True(await db.Journal.AnyAsync(j => j.Ressource == "dossier-suivi" && j.RessourceId == id && j.Action == Tracabilite.Modification && j.Detail == "obligation de formation : convocation produite"));
        Assert.True(await db.Journal.AnyAsync(j => j.Ressource == "dossier-suivi" && j.RessourceId == id && j.Action == Tracabilite.Lecture && j.Detail == "lettre à imprimer : transmission"));
        Assert.True(await db.Journal.AnyAsync(j => j.Ressource == "dossiers-suivi" && j.RessourceId == "obligation" && j.Detail!.Contains(id)));
        var historique = await db.EvenementsDossier.Where(e => e.JeuneSuiviId == _parcours && e.Nature == NatureEvenement.Obligation).OrderBy(e => e.Id).Select(e => e.Detail).ToListAsync();
        Assert.Equal(3, historique.Count);
        Assert.StartsWith("entretien proposé le 12/11/2026", historique[0]);
        Assert.StartsWith("convocation du jeune et de son responsable légal produite", historique[1]);
        Assert.StartsWith("dossier transmis au président du conseil départemental", historique[2]);

        // Transmitted once.
        force = await ForcerAsync(RefA, _parcours, "Transmission");
        Assert.Contains("déjà été transmis", (await Pro.Html(force)).QuerySelector(".error-summary")!.TextContent);
    }

    [Fact]
    public async Task TheRéférent_NotesTheObligation_SatisfiedNeedsItsKind_AndAnUnmetOneMakesTheConvocationDue()
    {
        var r = await Pro.PosterAsync(_clients[RefA], $"/pro/decrocheurs/{_parcours}", new() { ["ObligationStatut"] = "satisfaite" });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("Indiquez comment l'obligation est satisfaite", (await Pro.Html(r)).QuerySelector(".error-summary")!.TextContent);
        Assert.Equal(StatutObligation.NonVerifiee, (await DossierAsync(_parcours)).ObligationStatut);

        r = await Pro.PosterAsync(_clients[RefA], $"/pro/decrocheurs/{_parcours}", new() { ["ObligationStatut"] = "non-satisfaite" });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var d = await DossierAsync(_parcours);
        Assert.Equal((StatutObligation.NonSatisfaite, _horloge.Maintenant.UtcDateTime, NomReferent), (d.ObligationStatut, d.ObligationFixeeLe!.Value, d.ObligationFixeePar));
        Assert.Equal((_parcours, "Convoquer le jeune et son responsable légal", "02/11/2026"), (await ListeAsync(RefA)).Single(l => l.Id == _parcours));

        r = await Pro.PosterAsync(_clients[RefA], $"/pro/decrocheurs/{_parcours}", new() { ["ObligationStatut"] = "satisfaite", ["ObligationForme"] = "service-civique" });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.DoesNotContain(_parcours, (await ListeAsync(RefA)).Select(l => l.Id));
        Assert.Equal(FormeObligation.ServiceCivique, (await DossierAsync(_parcours)).ObligationForme);

        // An adult is not under the obligation: the file says so, and a forged post is refused on its field.
        var adulte = await Pro.PageAsync(_clients[RefA], $"/pro/decrocheurs/{_majeur}");
        Assert.Contains("18 ans le 01/01/2025", adulte.QuerySelector("#obligation + p")!.TextContent);
        var page = await Pro.PageAsync(_clients[RefA], $"/pro/decrocheurs/{_majeur}");
        var jeton = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        r = await _clients[RefA].PostAsync($"/pro/decrocheurs/{_majeur}?handler=Obligation", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = jeton,
            ["Version"] = page.QuerySelector("input[name=Version]")!.GetAttribute("value")!,
            ["ObligationStatut"] = "exemptee",
        }));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("n'est pas soumis à l'obligation de formation", (await Pro.Html(r)).QuerySelector(".error-summary")!.TextContent);
    }

    [Fact]
    public async Task AMinorWhoDropsOutAgain_StartsANewClock_ButKeepsAnExemption()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await Pro.PosterAsync(_clients[RefA], $"/pro/decrocheurs/{_parcours}", new() { ["EntretienPropose"] = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Pro.PosterAsync(_clients[RefA], $"/pro/decrocheurs/{_parcours}", new() { ["ObligationStatut"] = "satisfaite", ["ObligationForme"] = "emploi" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Pro.PosterAsync(_clients[RefA], $"/pro/decrocheurs/{_bientot18}", new() { ["ObligationStatut"] = "exemptee" })).StatusCode);
        foreach (var id in new[] { _parcours, _bientot18 })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await Pro.PosterAsync(_clients[RefA], $"/pro/decrocheurs/{id}", new() { ["Motif"] = "sans-besoin" })).StatusCode);
        }

        // December's list does not name them; January's does again: both files reopen.
        async Task ImporterAsync(DateOnly mois, IEnumerable<JeuneFictif> jeunes)
        {
            _horloge.Maintenant = new DateTimeOffset(mois.AddDays(1).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
            using var scope = _app.Services.CreateScope();
            var rapport = await scope.ServiceProvider.GetRequiredService<ImportSiei>()
                .ExecuterAsync(_psad, mois, ListeSieiSynthetique.Flux(ListeSieiSynthetique.Csv(jeunes)), $"{mois:yyyy-MM}.csv", false, false, "test");
            Assert.True(rapport.Importe, rapport.Resume());
        }

        await ImporterAsync(Novembre.AddMonths(1), [_jeunes[_majeur]]);
        await ImporterAsync(Novembre.AddMonths(2), [_jeunes[_parcours], _jeunes[_bientot18]]);
        var d = await DossierAsync(_parcours);
        Assert.Equal((StatutDossier.AContacter, StatutObligation.NonVerifiee, (FormeObligation?)null, (DateTime?)null), (d.Statut, d.ObligationStatut, d.ObligationForme, d.EntretienProposeLe));
        Assert.Equal(StatutObligation.Exemptee, (await DossierAsync(_bientot18)).ObligationStatut);

        // The new clock: an entretien to propose 15 days after the reopening (2 January).
        await ConnecterAsync();
        var fiche = await Pro.PageAsync(_clients[RefA], $"/pro/decrocheurs/{_parcours}");
        Assert.Contains("Proposer un entretien avant le 17/01/2027", fiche.QuerySelector("#obligation + dl")!.TextContent);
    }

    [Fact]
    public async Task TheOfListAndTheLetters_AreOnlyForThoseWhoHandleTheFile()
    {
        var matrice = new Dictionary<string, string[]>
        {
            ["/pro/decrocheurs/obligation"] = [RefA, RefB, CoordX, CoordY],
            [$"/pro/decrocheurs/{_parcours}/lettres/information"] = [RefA, CoordX],
            [$"/pro/decrocheurs/{_autre}/lettres/information"] = [RefB, CoordX],
            // Not produced yet, or not a letter: no such document.
            [$"/pro/decrocheurs/{_parcours}/lettres/convocation"] = [],
            [$"/pro/decrocheurs/{_parcours}/lettres/transmission"] = [],
            [$"/pro/decrocheurs/{_parcours}/lettres/autre"] = [],
        };
        var jeune = _jeunes[_parcours];
        var ecarts = new List<string>();
        foreach (var (url, autorises) in matrice)
        {
            foreach (var (qui, client) in _clients)
            {
                var r = await client.GetAsync(url);
                var corps = await r.Content.ReadAsStringAsync();
                var refuse = qui == "anonyme"
                    ? r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.ToString().StartsWith("https://localhost/pro/connexion", StringComparison.Ordinal)
                    : r.StatusCode == HttpStatusCode.NotFound;
                if (autorises.Contains(qui) ? r.StatusCode != HttpStatusCode.OK : !refuse)
                {
                    ecarts.Add($"{url} × {qui}: {(int)r.StatusCode}");
                }

                if (!(qui is RefA or CoordX))
                {
                    Assert.DoesNotContain("VALMORLIN", corps);
                }
            }
        }

        Assert.Empty(ecarts);

        // "Je suis ce jeune" opens the identity read-only, not the letters (they hold the address, birth date and guardian).
        await using (var db0 = f.CreateDbContext())
        {
            db0.SuivisDeclares.Add(new SuiviDeclare { UtilisateurId = _comptes[RefB].Id, JeuneSuiviId = _parcours, DeclareLe = _horloge.Maintenant.UtcDateTime });
            await db0.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.OK, (await _clients[RefB].GetAsync($"/pro/decrocheurs/{_parcours}")).StatusCode);
        Assert.Null((await Pro.PageAsync(_clients[RefB], $"/pro/decrocheurs/{_parcours}")).QuerySelector("#obligation"));
        Assert.Equal(HttpStatusCode.NotFound, (await _clients[RefB].GetAsync($"/pro/decrocheurs/{_parcours}/lettres/information")).StatusCode);

        // The information letter: the letterhead, the structure's address from the catalogue, the guardian's part for a minor.
        var lettre = await Pro.PageAsync(_clients[RefA], $"/pro/decrocheurs/{_parcours}/lettres/information");
        var texte = lettre.QuerySelector("article.lettre")!.TextContent;
        Assert.Contains("Maison des services", texte);
        Assert.Contains("psad@exemple.fr", texte);
        Assert.Contains("obligation de formation", texte);
        await using var db = f.CreateDbContext();
        var structure = await db.Structures.Where(s => s.Id == _structureA).Select(s => s.Nom).SingleAsync();
        Assert.Contains(structure, texte);
        Assert.Contains($"{jeune.Prenom} VALMORLIN", texte);
        Assert.True(await db.Journal.AnyAsync(j => j.Ressource == "dossier-suivi" && j.RessourceId == Texte(_parcours) && j.Detail == "lettre à imprimer : information"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ObligationFormationSqliteTests(SqliteAppFactory f) : ObligationFormationTests(f);

[Collection(PostgresCollection.Name)]
public sealed class ObligationFormationPostgresTests(PostgresAppFactory f) : ObligationFormationTests(f);
