namespace Raccroche.Tests.Integration;

/// <summary>
/// Co-intervenants of a case file, on both databases: the coordinator or a référent of the assigned structure adds another
/// partner structure of the PSAD (a coded reason, a history line, an audit line); its référents read the file and its
/// history read-only, find it under "co-suivis", and get the refusal (404, decision 0009) on every write; a partner that is
/// not a co-intervenant gets 404; removal, a transfer to another PSAD and anonymisation end the access. Each test class
/// builds its own PSADs (unique codes).
/// </summary>
public abstract class CoIntervenantsTests(AppFactory f) : IAsyncLifetime
{
    private const string Anonyme = "anonyme", ReferentA = "référent de A (attribuée)", ReferentB = "référent de B (co-intervenante)", ReferentN = "référent de N (partenaire)",
        CoordX = "coordinateur de X", CoordY = "coordinateur de Y", Region = "admin régional";
    private static readonly string[] Tous = [Anonyme, ReferentA, ReferentB, ReferentN, CoordX, CoordY, Region];
    private static readonly DateOnly Novembre = new(2026, 11, 1);

    private readonly Dictionary<string, HttpClient> _c = [];
    private List<JeuneFictif> _jeunes = [];
    private string _psadY = "";
    private int _idX, _structureA, _structureB, _structureN, _dossier, _autre;

    public async Task InitializeAsync()
    {
        // A = the mission locale of the Puy-de-Dôme, B = its CIO, N = a structure of this test: the three partners of X.
        var n = await FicheTest.CreerAsync(f);
        await using var db = f.CreateDbContext();
        _structureA = await db.Structures.Where(s => s.Slug == "ml-63").Select(s => s.Id).SingleAsync();
        _structureB = await db.Structures.Where(s => s.Slug == "cio-63").Select(s => s.Id).SingleAsync();
        _structureN = n.StructureId;
        var marque = Guid.NewGuid().ToString("N")[..12];
        var x = new Psad { Code = "tc" + marque, Nom = "PSAD co X", Territoire = ["63"], Partenaires = [new() { StructureId = _structureA }, new() { StructureId = _structureB }, new() { StructureId = _structureN }] };
        var y = new Psad { Code = "td" + marque, Nom = "PSAD co Y", Territoire = ["69"], Partenaires = [new() { StructureId = _structureB }] };
        db.Psads.AddRange(x, y);
        await db.SaveChangesAsync();
        (_idX, _psadY) = (x.Id, y.Code);

        var referentA = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-63");
        var referentB = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "cio-63");
        var referentN = await Pro.CreerCompteAsync(f, Roles.MembreStructure, n.StructureSlug);
        var coordX = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "mlds-academie-clermont");
        var coordY = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-lyon");
        var region = await Pro.CreerCompteAsync(f, Roles.AdminRegional);
        using (var scope = f.Services.CreateScope())
        {
            var equipe = scope.ServiceProvider.GetRequiredService<EquipeSuivi>();
            Assert.True((await equipe.AccorderAsync(_idX, coordX.Courriel, RoleSuivi.CoordinateurPsad, true, parAdminRegional: true, "test")).Reussi);
            Assert.True((await equipe.AccorderAsync(y.Id, coordY.Courriel, RoleSuivi.CoordinateurPsad, false, parAdminRegional: true, "test")).Reussi);
            foreach (var r in new[] { referentA, referentB, referentN })
            {
                Assert.True((await equipe.AccorderAsync(_idX, r.Courriel, RoleSuivi.ReferentSuivi, true, parAdminRegional: false, "test")).Reussi);
            }

            _jeunes = ListeSieiSynthetique.Jeunes(3, 77, Novembre);
            var rapport = await scope.ServiceProvider.GetRequiredService<ImportSiei>()
                .ExecuterAsync(x.Code, Novembre, ListeSieiSynthetique.Flux(ListeSieiSynthetique.Csv(_jeunes)), "liste.csv", false, false, "test");
            Assert.True(rapport.Importe, rapport.Resume());
        }

        _c[Anonyme] = Pro.Client(f);
        _c[ReferentA] = await Pro.ConnecterAsync(f, referentA);
        _c[ReferentB] = await Pro.ConnecterAsync(f, referentB);
        _c[ReferentN] = await Pro.ConnecterAsync(f, referentN);
        _c[CoordX] = await Pro.ConnecterAsync(f, coordX);
        _c[CoordY] = await Pro.ConnecterAsync(f, coordY);
        _c[Region] = await Pro.ConnecterAsync(f, region);

        var ids = await db.JeunesSuivis.Where(j => j.PsadId == _idX).OrderBy(j => j.Ine).Select(j => j.Id).ToListAsync();
        (_dossier, _autre) = (ids[0], ids[1]);
        foreach (var id in ids.Take(2))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await Pro.PosterAsync(_c[CoordX], Url(id), new() { ["StructureId"] = Id(_structureA) })).StatusCode);
        }

        // The coordinator makes B a co-intervenant of the first file, through the file's form.
        Assert.Equal(HttpStatusCode.Redirect, (await AjouterAsync(CoordX, _dossier, _structureB, "accompagnement")).StatusCode);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Url(int dossier) => $"/pro/decrocheurs/{dossier}";

    private Task<HttpResponseMessage> AjouterAsync(string qui, int dossier, int structure, string motif) =>
        Pro.PosterAsync(_c[qui], Url(dossier), new() { ["CoStructureId"] = Id(structure), ["CoMotif"] = motif }, $"{Url(dossier)}?handler=CoIntervenant");

    /// <summary>A post no form of the page offers the visitor: the antiforgery token of a page they may open, and the fields.</summary>
    private async Task<HttpResponseMessage> ForcerAsync(string qui, string url, Dictionary<string, string> champs)
    {
        var page = await Pro.PageAsync(_c[qui], qui is CoordY or Region ? "/pro/decrocheurs/equipe" : "/pro/decrocheurs");
        var jeton = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await _c[qui].PostAsync(url, new FormUrlEncodedContent([.. champs, new("__RequestVerificationToken", jeton)]));
    }

    private async Task<JeuneSuivi> DossierAsync(int id)
    {
        await using var db = f.CreateDbContext();
        return await db.JeunesSuivis.AsNoTracking().SingleAsync(j => j.Id == id);
    }

    private async Task<CoIntervention> CoInterventionAsync(int dossier, int structure)
    {
        await using var db = f.CreateDbContext();
        return await db.CoInterventions.AsNoTracking().Where(c => c.JeuneSuiviId == dossier && c.StructureId == structure).OrderByDescending(c => c.Id).FirstAsync();
    }

    private static List<int> IdsDeLaListe(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll("table.data a[href^='/pro/decrocheurs/']").Select(a => int.Parse(a.GetAttribute("href")!["/pro/decrocheurs/".Length..], CultureInfo.InvariantCulture))];

    [Fact]
    public async Task ACoIntervenantReferent_ReadsTheFileAndItsHistory_ReadOnly_AndEachReadIsAudited()
    {
        var ine = (await DossierAsync(_dossier)).Ine;
        var jeune = _jeunes.Single(j => j.Ine == ine);
        await using (var db = f.CreateDbContext())
        {
            // The file's form wrote the row, a history line and an audit line.
            var co = await CoInterventionAsync(_dossier, _structureB);
            Assert.Equal((MotifCoIntervention.Accompagnement, null), (co.Motif, co.FinLe));
            Assert.Contains(await db.EvenementsDossier.Where(e => e.JeuneSuiviId == _dossier && e.Nature == NatureEvenement.CoIntervention).Select(e => e.Detail).ToListAsync(),
                d => d.Contains("suit aussi le jeune", StringComparison.Ordinal));
            Assert.True(await db.Journal.AnyAsync(j => j.RessourceId == Id(_dossier) && j.Action == "modification" && j.Detail!.StartsWith("co-intervenant ajouté")));
        }

        var page = await Pro.PageAsync(_c[ReferentB], Url(_dossier));
        var texte = page.Body!.TextContent;
        Assert.Contains(jeune.Ine, texte);
        Assert.Contains(jeune.Nom.ToUpperInvariant(), texte);
        Assert.Contains("Historique", texte);
        Assert.Contains("suit aussi le jeune", texte);
        Assert.Contains("Attribution", texte);
        Assert.Contains("lecture seule", texte);
        // Read-only: no form on the page but the menu's sign-out.
        Assert.Equal(["/pro/deconnexion"], page.QuerySelectorAll("form[method=post]").Select(p => p.GetAttribute("action")));
        // The letters belong to the handlers.
        Assert.Equal(HttpStatusCode.NotFound, (await _c[ReferentB].GetAsync($"{Url(_dossier)}/lettres/information")).StatusCode);

        // The work list: not among the structure's own files, under "co-suivis".
        Assert.DoesNotContain(_dossier, IdsDeLaListe(await Pro.PageAsync(_c[ReferentB], "/pro/decrocheurs?onglet=ouverts")));
        var coSuivis = await Pro.PageAsync(_c[ReferentB], "/pro/decrocheurs?suivi=co-suivis&onglet=ouverts");
        Assert.Equal([_dossier], IdsDeLaListe(coSuivis));
        Assert.Contains("Dossiers co-suivis par votre structure (1)", (await Pro.PageAsync(_c[ReferentB], "/pro/decrocheurs")).Body!.TextContent);

        await using var verif = f.CreateDbContext();
        Assert.True(await verif.Journal.AnyAsync(j => j.Action == "lecture" && j.RessourceId == Id(_dossier) && j.Detail == "lecture par une structure co-intervenante"));
        Assert.True(await verif.Journal.AnyAsync(j => j.Action == "lecture" && j.Ressource == "dossiers-suivi" && j.Detail == $"liste de suivi (co-suivis) (1) : {_dossier}"));
    }

    [Fact]
    public async Task ACoIntervenantReferent_GetsTheRefusal_OnEveryWrite_AndNothingChanges()
    {
        var avant = await DossierAsync(_dossier);
        var co = await CoInterventionAsync(_dossier, _structureB);
        var v = Id(avant.Version);
        var ecritures = new Dictionary<string, Dictionary<string, string>>
        {
            ["Statut"] = new() { ["Version"] = v, ["NouveauStatut"] = "contact-en-cours" },
            ["Tentative"] = new() { ["Version"] = v, ["Canal"] = "telephone", ["Destinataire"] = "jeune", ["Issue"] = "joint", ["Quand"] = "" },
            ["Cloturer"] = new() { ["Version"] = v, ["Motif"] = "refus" },
            ["Annuler"] = new() { ["Version"] = v, ["MotifAnnulation"] = "doublon" },
            ["Attribuer"] = new() { ["Version"] = v, ["StructureId"] = Id(_structureB) },
            ["Transfert"] = new() { ["Version"] = v, ["PsadCible"] = _psadY, ["MotifTransfert"] = "Déménagement." },
            ["Message"] = new() { ["Version"] = v, ["MessageCanal"] = "jeune|sms" },
            ["PriseEnCharge"] = new() { ["Version"] = v, ["NaturePriseEnCharge"] = "deja-accompagne", ["SourcePriseEnCharge"] = "le-jeune", ["Organisme"] = "Lycée" },
            ["Obligation"] = new() { ["Version"] = v, ["ObligationStatut"] = "exemptee" },
            ["CoIntervenant"] = new() { ["Version"] = v, ["CoStructureId"] = Id(_structureN), ["CoMotif"] = "relais" },
            ["FinCoIntervenant"] = new() { ["Version"] = v, ["CoInterventionId"] = Id(co.Id), ["CoMotifFin"] = "erreur" },
        };
        foreach (var (handler, champs) in ecritures)
        {
            var r = await ForcerAsync(ReferentB, $"{Url(_dossier)}?handler={handler}", champs);
            Assert.True(r.StatusCode == HttpStatusCode.NotFound, $"{handler}: {(int)r.StatusCode}");
        }

        var apres = await DossierAsync(_dossier);
        Assert.Equal((avant.Version, avant.Statut, avant.StructureId), (apres.Version, apres.Statut, apres.StructureId));
        await using var db = f.CreateDbContext();
        Assert.Null((await CoInterventionAsync(_dossier, _structureB)).FinLe);
        Assert.False(await db.CoInterventions.AnyAsync(c => c.JeuneSuiviId == _dossier && c.StructureId == _structureN));
        Assert.Equal(0, await db.TentativesContact.CountAsync(t => t.JeuneSuiviId == _dossier));
        Assert.Equal(0, await db.TransfertsSuivi.CountAsync(t => t.JeuneSuiviId == _dossier));
    }

    [Fact]
    public async Task APartnerThatIsNoCoIntervenant_GetsTheRefusal_AndDoesNotFindTheFile()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _c[ReferentN].GetAsync(Url(_dossier))).StatusCode);
        Assert.Empty(IdsDeLaListe(await Pro.PageAsync(_c[ReferentN], "/pro/decrocheurs?suivi=co-suivis&onglet=ouverts")));
        Assert.DoesNotContain("Dossiers co-suivis", (await Pro.PageAsync(_c[ReferentN], "/pro/decrocheurs")).Body!.TextContent.Replace("Dossiers co-suivis par votre structure (0)", ""));
        var r = await ForcerAsync(ReferentN, $"{Url(_dossier)}?handler=CoIntervenant", new() { ["Version"] = Id((await DossierAsync(_dossier)).Version), ["CoStructureId"] = Id(_structureN), ["CoMotif"] = "relais" });
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);

        // B co-follows the first file only: the second, also A's, stays out of its reach.
        Assert.Equal(HttpStatusCode.NotFound, (await _c[ReferentB].GetAsync(Url(_autre))).StatusCode);
    }

    [Fact]
    public async Task AReferentOfTheAssignedStructure_AddsOne_WithFrenchMessagesOnBadInput_AndNothingWrittenThen()
    {
        var avant = (await DossierAsync(_autre)).Version;
        async Task<string> Refus(Dictionary<string, string> champs)
        {
            var r = await Pro.PosterAsync(_c[ReferentA], Url(_autre), champs, $"{Url(_autre)}?handler=CoIntervenant");
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            return (await Pro.Html(r)).QuerySelector(".error-summary")!.TextContent;
        }

        Assert.Contains("Choisissez la structure partenaire qui suit aussi ce jeune.", await Refus(new() { ["CoStructureId"] = "", ["CoMotif"] = "relais" }));
        Assert.Contains("Choisissez pourquoi cette structure suit aussi le jeune.", await Refus(new() { ["CoStructureId"] = Id(_structureN) }));
        Assert.Equal(avant, (await DossierAsync(_autre)).Version);

        // A structure the form does not offer: the assigned one, one outside the PSAD (the posted value is checked, not trusted).
        async Task<string> Force(int structure)
        {
            var r = await ForcerAsync(ReferentA, $"{Url(_autre)}?handler=CoIntervenant", new() { ["Version"] = Id(avant), ["CoStructureId"] = Id(structure), ["CoMotif"] = "relais" });
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            return (await Pro.Html(r)).QuerySelector(".error-summary")!.TextContent;
        }

        Assert.Contains("c'est la structure à laquelle il est attribué", await Force(_structureA));
        await using (var db = f.CreateDbContext())
        {
            var ailleurs = await db.Structures.Where(s => s.Slug == "ml-lyon").Select(s => s.Id).SingleAsync();
            Assert.Contains("n'est pas partenaire de la PSAD", await Force(ailleurs));
            Assert.False(await db.CoInterventions.AnyAsync(c => c.JeuneSuiviId == _autre));
        }

        // The form offers the other partners (not A, the assigned one), and the same one twice is refused.
        var offertes = (await Pro.PageAsync(_c[ReferentA], Url(_autre))).QuerySelectorAll("select[name=CoStructureId] option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(new[] { "", Id(_structureB), Id(_structureN) }.Order(StringComparer.Ordinal), offertes.Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await AjouterAsync(ReferentA, _autre, _structureN, "relais")).StatusCode);
        Assert.Contains("déjà co-intervenante", await Force(_structureN));
        Assert.Equal(HttpStatusCode.OK, (await _c[ReferentN].GetAsync(Url(_autre))).StatusCode);
    }

    [Fact]
    public async Task Removal_EndsTheAccessAtOnce_AndTheHistoryKeepsThePeriod()
    {
        Assert.Equal(HttpStatusCode.OK, (await _c[ReferentB].GetAsync(Url(_dossier))).StatusCode);
        var co = await CoInterventionAsync(_dossier, _structureB);

        // Without a reason: a French message on the line, nothing ended.
        var sans = await Pro.PosterAsync(_c[ReferentA], Url(_dossier), new() { ["CoInterventionId"] = Id(co.Id), ["CoMotifFin"] = "" }, $"{Url(_dossier)}?handler=FinCoIntervenant");
        Assert.Equal(HttpStatusCode.OK, sans.StatusCode);
        Assert.Contains("Choisissez pourquoi cette structure ne suit plus le jeune.", (await Pro.Html(sans)).QuerySelector($"#co-{co.Id}")!.TextContent);
        Assert.Null((await CoInterventionAsync(_dossier, _structureB)).FinLe);

        Assert.Equal(HttpStatusCode.Redirect, (await Pro.PosterAsync(_c[ReferentA], Url(_dossier), new() { ["CoInterventionId"] = Id(co.Id), ["CoMotifFin"] = "fin-accompagnement" },
            $"{Url(_dossier)}?handler=FinCoIntervenant")).StatusCode);
        var fin = await CoInterventionAsync(_dossier, _structureB);
        Assert.Equal(MotifFinCoIntervention.FinAccompagnement, fin.MotifFin);
        Assert.NotNull(fin.FinLe);
        Assert.Equal(HttpStatusCode.NotFound, (await _c[ReferentB].GetAsync(Url(_dossier))).StatusCode);
        Assert.Empty(IdsDeLaListe(await Pro.PageAsync(_c[ReferentB], "/pro/decrocheurs?suivi=co-suivis&onglet=ouverts")));

        var historique = (await Pro.PageAsync(_c[CoordX], Url(_dossier))).Body!.TextContent;
        Assert.Contains("suit aussi le jeune", historique);
        Assert.Contains("ne suit plus le jeune : la structure n'accompagne plus le jeune", historique);
        await using var db = f.CreateDbContext();
        Assert.True(await db.Journal.AnyAsync(j => j.RessourceId == Id(_dossier) && j.Detail == $"co-intervenant retiré : structure {_structureB} (fin-accompagnement)"));

        // The coordinator may add it again: a new period.
        Assert.Equal(HttpStatusCode.Redirect, (await AjouterAsync(CoordX, _dossier, _structureB, "relais")).StatusCode);
        Assert.Equal(2, await db.CoInterventions.CountAsync(c => c.JeuneSuiviId == _dossier && c.StructureId == _structureB));
        Assert.Equal(HttpStatusCode.OK, (await _c[ReferentB].GetAsync(Url(_dossier))).StatusCode);
    }

    [Fact]
    public async Task ATransferToAnotherPsad_EndsTheCoInterventions()
    {
        var demande = await Pro.PosterAsync(_c[CoordX], Url(_dossier), new() { ["PsadCible"] = _psadY, ["MotifTransfert"] = "Déménagement." }, $"{Url(_dossier)}?handler=Transfert");
        Assert.Equal(HttpStatusCode.Redirect, demande.StatusCode);
        // Still a co-intervenant while the request waits.
        Assert.Equal(HttpStatusCode.OK, (await _c[ReferentB].GetAsync(Url(_dossier))).StatusCode);
        int transfert;
        await using (var db = f.CreateDbContext())
        {
            transfert = await db.TransfertsSuivi.Where(t => t.JeuneSuiviId == _dossier).Select(t => t.Id).SingleAsync();
        }

        Assert.Equal(HttpStatusCode.Redirect, (await Pro.PosterAsync(_c[CoordY], "/pro/decrocheurs/transferts", new() { ["TransfertId"] = Id(transfert) },
            "/pro/decrocheurs/transferts?handler=Accepter")).StatusCode);
        Assert.Equal(StatutDossier.Transfere, (await DossierAsync(_dossier)).Statut);
        var fin = await CoInterventionAsync(_dossier, _structureB);
        Assert.Equal(MotifFinCoIntervention.Transfert, fin.MotifFin);
        Assert.NotNull(fin.FinLe);
        Assert.Equal(HttpStatusCode.NotFound, (await _c[ReferentB].GetAsync(Url(_dossier))).StatusCode);
        await using var verif = f.CreateDbContext();
        Assert.Contains(await verif.EvenementsDossier.Where(e => e.JeuneSuiviId == _dossier && e.Nature == NatureEvenement.CoIntervention).Select(e => e.Detail).ToListAsync(),
            d => d == "fin de 1 co-intervention(s) : dossier transféré");
    }

    [Fact]
    public async Task AnAnonymisedFile_DropsOutOfTheCoFollowedList_AndAnswers404()
    {
        Assert.Equal([_dossier], IdsDeLaListe(await Pro.PageAsync(_c[ReferentB], "/pro/decrocheurs?suivi=co-suivis&onglet=ouverts")));
        await using (var db = f.CreateDbContext())
        {
            var d = await db.JeunesSuivis.SingleAsync(j => j.Id == _dossier);
            ConservationSuivi.Anonymiser(d, DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        Assert.Empty(IdsDeLaListe(await Pro.PageAsync(_c[ReferentB], "/pro/decrocheurs?suivi=co-suivis&onglet=ouverts")));
        Assert.Equal(HttpStatusCode.NotFound, (await _c[ReferentB].GetAsync(Url(_dossier))).StatusCode);
    }

    [Fact]
    public async Task EveryPageAndHandler_ForEveryVisitor_IsAllowedOrDenied()
    {
        var co = await CoInterventionAsync(_dossier, _structureB);
        // GET: allowed 200, denied 404 (the sign-in redirect for the anonymous visitor).
        var pages = new Dictionary<string, string[]>
        {
            [Url(_dossier)] = [ReferentA, ReferentB, CoordX],
            ["/pro/decrocheurs?suivi=co-suivis"] = [ReferentA, ReferentB, ReferentN, CoordX, CoordY],
            [$"{Url(_dossier)}/lettres/information"] = [ReferentA, CoordX],
            [$"/pro/decrocheurs/obligation?psad={_idX}&structure={_structureA}"] = [ReferentA, ReferentB, ReferentN, CoordX, CoordY],
        };
        var ecarts = new List<string>();
        foreach (var (url, autorises) in pages)
        {
            foreach (var qui in Tous)
            {
                var r = await _c[qui].GetAsync(url);
                if (autorises.Contains(qui) ? r.StatusCode != HttpStatusCode.OK : !Refuse(qui, r))
                {
                    ecarts.Add($"GET {url} × {qui}: {(int)r.StatusCode}");
                }
            }
        }

        // POST of the new handlers, forged (the version is right, the values are valid): only those who handle the file get past
        // the refusal (a redirect: done; the removal is tried after the addition so that both have something to do).
        foreach (var qui in Tous.Where(q => q != Anonyme))
        {
            var version = Id((await DossierAsync(_dossier)).Version);
            var ajout = await ForcerAsync(qui, $"{Url(_dossier)}?handler=CoIntervenant", new() { ["Version"] = version, ["CoStructureId"] = Id(_structureN), ["CoMotif"] = "relais" });
            var ajoute = await Etat(_structureN);
            version = Id((await DossierAsync(_dossier)).Version);
            var retrait = await ForcerAsync(qui, $"{Url(_dossier)}?handler=FinCoIntervenant", new() { ["Version"] = version, ["CoInterventionId"] = Id(ajoute?.Id ?? co.Id), ["CoMotifFin"] = "erreur" });
            var gere = qui is ReferentA or CoordX;
            if (gere ? ajout.StatusCode != HttpStatusCode.Redirect || retrait.StatusCode != HttpStatusCode.Redirect : ajout.StatusCode != HttpStatusCode.NotFound || retrait.StatusCode != HttpStatusCode.NotFound)
            {
                ecarts.Add($"POST × {qui}: {(int)ajout.StatusCode} / {(int)retrait.StatusCode}");
            }
        }

        var anonyme = await _c[Anonyme].PostAsync($"{Url(_dossier)}?handler=CoIntervenant", new FormUrlEncodedContent(new Dictionary<string, string> { ["CoStructureId"] = Id(_structureN) }));
        Assert.True(Refuse(Anonyme, anonyme), $"anonymous POST: {(int)anonyme.StatusCode}");
        Assert.Empty(ecarts);
        Assert.Null((await CoInterventionAsync(_dossier, _structureB)).FinLe);

        async Task<CoIntervention?> Etat(int structure)
        {
            await using var db = f.CreateDbContext();
            return await db.CoInterventions.AsNoTracking().FirstOrDefaultAsync(c => c.JeuneSuiviId == _dossier && c.StructureId == structure && c.FinLe == null);
        }
    }

    private static bool Refuse(string qui, HttpResponseMessage r) => qui == Anonyme
        ? r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.ToString().StartsWith("https://localhost/pro/connexion", StringComparison.Ordinal)
        : r.StatusCode == HttpStatusCode.NotFound;
}

[Collection(SqliteCollection.Name)]
public sealed class CoIntervenantsSqliteTests(SqliteAppFactory f) : CoIntervenantsTests(f);

[Collection(PostgresCollection.Name)]
public sealed class CoIntervenantsPostgresTests(PostgresAppFactory f) : CoIntervenantsTests(f);
