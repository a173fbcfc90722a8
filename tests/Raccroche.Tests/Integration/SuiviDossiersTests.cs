using Microsoft.AspNetCore.Http;

namespace Raccroche.Tests.Integration;

/// <summary>
/// The case files of the dropout follow-up, on both databases: who sees which file (the issue's six visitors), the
/// fields only handlers see, "je suis ce jeune", contact attempts and the "injoignable" threshold, closure, bulk
/// assignment, concurrent saves, reopening on a new livraison, and the audit lines. Each test class builds its own two
/// PSADs (unique codes), so no other test sees these young people.
/// </summary>
public abstract class SuiviDossiersTests(AppFactory f) : IAsyncLifetime
{
    private const string Anonyme = "anonyme", ReferentA = "référent de A", ReferentB = "référent de B", CoordX = "coordinateur de X", CoordY = "coordinateur de Y", Region = "admin régional";
    private static readonly string[] Tous = [Anonyme, ReferentA, ReferentB, CoordX, CoordY, Region];
    private static readonly DateOnly Novembre = new(2026, 11, 1);

    private readonly Dictionary<string, HttpClient> _clients = [];
    private List<JeuneFictif> _jeunes = [];
    private string _psadX = "", _psadY = "";
    private int _idX, _structureA, _structureB, _dossierA, _dossierB, _dossierLibre;

    public async Task InitializeAsync()
    {
        // A = the mission locale of the Puy-de-Dôme, B = its CIO: both partners of X. Y is another PSAD.
        await using var db = f.CreateDbContext();
        _structureA = await db.Structures.Where(s => s.Slug == "ml-63").Select(s => s.Id).SingleAsync();
        _structureB = await db.Structures.Where(s => s.Slug == "cio-63").Select(s => s.Id).SingleAsync();
        _psadX = "tx" + Guid.NewGuid().ToString("N")[..12];
        _psadY = "ty" + Guid.NewGuid().ToString("N")[..12];
        var x = new Psad { Code = _psadX, Nom = "PSAD X " + _psadX, Territoire = ["63"], Partenaires = [new() { StructureId = _structureA }, new() { StructureId = _structureB }] };
        var y = new Psad { Code = _psadY, Nom = "PSAD Y " + _psadY, Territoire = ["69"] };
        db.Psads.AddRange(x, y);
        await db.SaveChangesAsync();
        _idX = x.Id;

        var referentA = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-63");
        var referentB = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "cio-63");
        var coordX = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "mlds-academie-clermont");
        var coordY = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-lyon");
        var region = await Pro.CreerCompteAsync(f, Roles.AdminRegional);
        using (var scope = f.Services.CreateScope())
        {
            var equipe = scope.ServiceProvider.GetRequiredService<EquipeSuivi>();
            Assert.True((await equipe.AccorderAsync(_idX, coordX.Courriel, RoleSuivi.CoordinateurPsad, true, parAdminRegional: true, "test")).Reussi);
            Assert.True((await equipe.AccorderAsync(y.Id, coordY.Courriel, RoleSuivi.CoordinateurPsad, false, parAdminRegional: true, "test")).Reussi);
            Assert.True((await equipe.AccorderAsync(_idX, referentA.Courriel, RoleSuivi.ReferentSuivi, false, parAdminRegional: false, "test")).Reussi);
            Assert.True((await equipe.AccorderAsync(_idX, referentB.Courriel, RoleSuivi.ReferentSuivi, false, parAdminRegional: false, "test")).Reussi);

            // Invented young people (syllable names), one list of November.
            // A fixed seed (the same young people on every run); the first one, A's file, has an overseas mobile (La Réunion).
            _jeunes = ListeSieiSynthetique.Jeunes(6, 42, Novembre);
            _jeunes[0] = _jeunes[0] with { Telephone = "0692 12 34 56" };
            var rapport = await scope.ServiceProvider.GetRequiredService<ImportSiei>()
                .ExecuterAsync(_psadX, Novembre, ListeSieiSynthetique.Flux(ListeSieiSynthetique.Csv(_jeunes)), "liste.csv", false, false, "test");
            Assert.True(rapport.Importe, rapport.Resume());
        }

        _clients[Anonyme] = Pro.Client(f);
        _clients[ReferentA] = await Pro.ConnecterAsync(f, referentA);
        _clients[ReferentB] = await Pro.ConnecterAsync(f, referentB);
        _clients[CoordX] = await Pro.ConnecterAsync(f, coordX);
        _clients[CoordY] = await Pro.ConnecterAsync(f, coordY);
        _clients[Region] = await Pro.ConnecterAsync(f, region);

        var ids = await db.JeunesSuivis.Where(j => j.PsadId == _idX).OrderBy(j => j.Ine).Select(j => j.Id).ToListAsync();
        Assert.Equal(6, ids.Count);
        (_dossierA, _dossierB, _dossierLibre) = (ids[0], ids[1], ids[2]);
        Assert.Equal(HttpStatusCode.Redirect, (await Attribuer(_dossierA, _structureA)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Attribuer(_dossierB, _structureB)).StatusCode);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpResponseMessage> Attribuer(int dossier, int structure) =>
        Pro.PosterAsync(_clients[CoordX], $"/pro/decrocheurs/{dossier}", new() { ["StructureId"] = structure.ToString(CultureInfo.InvariantCulture) });

    private async Task<JeuneSuivi> DossierAsync(int id)
    {
        await using var db = f.CreateDbContext();
        return await db.JeunesSuivis.AsNoTracking().SingleAsync(j => j.Id == id);
    }

    private JeuneFictif Jeune(JeuneSuivi d) => _jeunes.Single(j => j.Ine == d.Ine);

    /// <summary>A young person who is not on the first list (so that a later list is not the same file).</summary>
    private JeuneFictif Nouveau(int n) => ListeSieiSynthetique.Jeunes(1, 1000 + n, Novembre)[0] with { Ine = $"9{n:D9}X" };

    private Task<HttpResponseMessage> Tentative(string qui, int dossier, string canal, string issue, string? quand = null) =>
        Pro.PosterAsync(_clients[qui], $"/pro/decrocheurs/{dossier}", new()
        {
            ["Canal"] = canal,
            ["Destinataire"] = "jeune",
            ["Issue"] = issue,
            ["Quand"] = quand ?? "",
        });

    [Fact]
    public async Task EverySuiviPage_ForEveryVisitor_IsAllowedOrDenied_AndDeniedPagesShowNobody()
    {
        var a = Jeune(await DossierAsync(_dossierA));
        var matrice = new Dictionary<string, string[]>
        {
            ["/pro/decrocheurs"] = [ReferentA, ReferentB, CoordX, CoordY],
            ["/pro/decrocheurs?onglet=points-suivi"] = [ReferentA, ReferentB, CoordX, CoordY],
            [$"/pro/decrocheurs/{_dossierA}"] = [ReferentA, CoordX],
            [$"/pro/decrocheurs/{_dossierB}"] = [ReferentB, CoordX],
            [$"/pro/decrocheurs/{_dossierLibre}"] = [CoordX],
            ["/pro/decrocheurs/import"] = [CoordX, CoordY],
            // An import status page that is nobody's here (or gone): 404 for everyone (PsadsTests follows a real one).
            [$"/pro/decrocheurs/import/{Guid.NewGuid()}"] = [],
            ["/pro/decrocheurs/equipe"] = [CoordX, CoordY, Region],
            ["/pro/decrocheurs/rechercher"] = [ReferentA, ReferentB],
            ["/pro/decrocheurs/arbitrages"] = [CoordX, CoordY],
            ["/pro/decrocheurs/repartition"] = [CoordX, CoordY],
            ["/pro/decrocheurs/transferts"] = [CoordX, CoordY],
            ["/pro/decrocheurs/obligation"] = [ReferentA, ReferentB, CoordX, CoordY],
            // The work list's co-followed files and the OF list narrowed as the weekly digest links them (CoIntervenantsTests adds a
            // co-intervenant visitor and the handlers that add and remove one).
            ["/pro/decrocheurs?suivi=co-suivis"] = [ReferentA, ReferentB, CoordX, CoordY],
            [$"/pro/decrocheurs?onglet=ouverts&drapeau=relance-proposee&psad={_idX}&structure={_structureA}"] = [ReferentA, ReferentB, CoordX, CoordY],
            [$"/pro/decrocheurs/obligation?psad={_idX}&structure={_structureA}"] = [ReferentA, ReferentB, CoordX, CoordY],
            [$"/pro/decrocheurs/{_dossierA}/lettres/information"] = [ReferentA, CoordX],
            [$"/pro/decrocheurs/{_dossierB}/lettres/information"] = [ReferentB, CoordX],
            // A convocation exists once produced (ObligationFormationTests follows one).
            [$"/pro/decrocheurs/{_dossierA}/lettres/convocation"] = [],
            // The feedback to schools of origin: each PSAD's coordinators (for their own PSAD).
            ["/pro/resultats/etablissements"] = [CoordX, CoordY],
            [$"/pro/resultats/etablissements?psad={_psadX}"] = [CoordX],
        };
        var ecarts = new List<string>();
        foreach (var (url, autorises) in matrice)
        {
            foreach (var qui in Tous)
            {
                var r = await _clients[qui].GetAsync(url);
                var corps = await r.Content.ReadAsStringAsync();
                var refuse = qui == Anonyme
                    ? r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.ToString().StartsWith("https://localhost/pro/connexion", StringComparison.Ordinal)
                    : r.StatusCode == HttpStatusCode.NotFound;
                if (autorises.Contains(qui) ? r.StatusCode != HttpStatusCode.OK : !refuse)
                {
                    ecarts.Add($"{url} × {qui}: {(int)r.StatusCode}");
                }

                // The young person of A's file appears only on pages of those who handle it.
                if (!(qui is ReferentA or CoordX))
                {
                    Assert.DoesNotContain(a.Ine, corps);
                    Assert.DoesNotContain(a.Nom.ToUpperInvariant(), corps);
                }
            }
        }

        Assert.Empty(ecarts);
    }

    [Fact]
    public async Task WorkList_OfAReferent_ListsTheirStructuresFilesOnly_AndTheListingIsAudited()
    {
        var page = await Pro.PageAsync(_clients[ReferentA], "/pro/decrocheurs");
        var liens = page.QuerySelectorAll("table a").Select(l => l.GetAttribute("href")).ToList();
        Assert.Equal([$"/pro/decrocheurs/{_dossierA}"], liens);
        Assert.Contains("À traiter (1)", page.Body!.TextContent);

        var coordination = await Pro.PageAsync(_clients[CoordX], "/pro/decrocheurs");
        Assert.Equal(6, coordination.QuerySelectorAll("table a").Length);
        Assert.Contains("4 dossier(s) à attribuer", coordination.Body!.TextContent);

        await using var db = f.CreateDbContext();
        Assert.Contains(await db.Journal.Where(j => j.Ressource == "dossiers-suivi").Select(j => j.Detail).ToListAsync(), d => d != null && d.Contains(_dossierA.ToString(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task SensitiveFields_OnlyForHandlers_AndJeSuisCeJeune_GivesIdentityAndGroupReadOnly()
    {
        var d = await DossierAsync(_dossierA);
        var jeune = Jeune(d);
        var naissance = jeune.Naissance.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

        var handler = (await Pro.PageAsync(_clients[ReferentA], $"/pro/decrocheurs/{_dossierA}")).Body!.TextContent;
        Assert.Contains(jeune.Ine, handler);
        Assert.Contains(naissance, handler);

        // B finds A's young person by names and birth date (never by name alone), and declares they follow them.
        var seul = await Pro.PageAsync(_clients[ReferentB], $"/pro/decrocheurs/rechercher?nom={Uri.EscapeDataString(jeune.Nom)}");
        Assert.Contains("on ne cherche jamais sur le nom seul", seul.Body!.TextContent);
        var url = $"/pro/decrocheurs/rechercher?nom={Uri.EscapeDataString(jeune.Nom.ToUpperInvariant())}&prenom={Uri.EscapeDataString(jeune.Prenom)}&naissance={naissance}";
        var r = await Pro.PosterAsync(_clients[ReferentB], url, new(), $"/pro/decrocheurs/{_dossierA}?handler=Declarer");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);

        var lecture = await Pro.PageAsync(_clients[ReferentB], $"/pro/decrocheurs/{_dossierA}");
        var texte = lecture.Body!.TextContent;
        Assert.Contains(jeune.Nom.ToUpperInvariant(), texte);
        Assert.Contains("Missions locales du Puy-de-Dôme", texte);
        Assert.DoesNotContain(jeune.Ine, texte);
        Assert.DoesNotContain(naissance, texte);
        Assert.DoesNotContain(jeune.Telephone, texte);
        Assert.Empty(lecture.QuerySelectorAll("form[method=post] input[name=Canal]"));

        // Read-only: a forged attempt is refused and writes nothing.
        var forge = await Soumission.ForgerAsync(_clients[ReferentB], $"/pro/decrocheurs/{_dossierA}?handler=Tentative", new Dictionary<string, string>
        {
            ["Version"] = d.Version.ToString(CultureInfo.InvariantCulture),
            ["Canal"] = "telephone",
            ["Destinataire"] = "jeune",
            ["Issue"] = "joint",
        });
        Assert.Equal(HttpStatusCode.NotFound, forge.StatusCode);
        await using var db = f.CreateDbContext();
        Assert.Equal(0, await db.TentativesContact.CountAsync(t => t.JeuneSuiviId == _dossierA));
        Assert.True(await db.Journal.AnyAsync(j => j.Ressource == "dossier-suivi" && j.RessourceId == _dossierA.ToString(CultureInfo.InvariantCulture) && j.Detail == "je suis ce jeune"));
        Assert.True(await db.Journal.AnyAsync(j => j.Ressource == "dossier-suivi" && j.Action == Tracabilite.Lecture && j.Detail!.StartsWith("lecture « je suis ce jeune »")));
    }

    [Fact]
    public async Task Attempts_MoveTheStatus_AndInjoignableWaitsForAttemptsChannelsAndDays()
    {
        // The file arrived three weeks ago, so that attempts can be spread over ten days.
        await using (var db = f.CreateDbContext())
        {
            var avant = DateTime.UtcNow.AddDays(-21);
            await db.JeunesSuivis.Where(j => j.Id == _dossierA).ExecuteUpdateAsync(u => u.SetProperty(j => j.CreeLe, avant).SetProperty(j => j.ArriveLe, avant));
        }

        string Il(int jours) => HeureParis.Locale(DateTime.UtcNow.AddDays(-jours)).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await Tentative(ReferentA, _dossierA, "telephone", "pas-de-reponse", Il(12))).StatusCode);
        Assert.Equal(StatutDossier.ContactEnCours, (await DossierAsync(_dossierA)).Statut);

        var trop = await Pro.PosterAsync(_clients[ReferentA], $"/pro/decrocheurs/{_dossierA}", new() { ["NouveauStatut"] = "injoignable" });
        Assert.Equal(HttpStatusCode.OK, trop.StatusCode);
        var message = (await Pro.Html(trop)).QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("3 tentatives au moins (1 enregistrée(s))", message);
        Assert.Contains("2 canaux différents", message);

        Assert.Equal(HttpStatusCode.Redirect, (await Tentative(ReferentA, _dossierA, "sms", "pas-de-reponse", Il(6))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Tentative(ReferentA, _dossierA, "telephone", "messagerie")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Pro.PosterAsync(_clients[ReferentA], $"/pro/decrocheurs/{_dossierA}", new() { ["NouveauStatut"] = "injoignable" })).StatusCode);
        var d = await DossierAsync(_dossierA);
        Assert.Equal((StatutDossier.Injoignable, 3), (d.Statut, d.NombreTentatives));

        // A later call that reaches the young person brings the file back on the main path.
        Assert.Equal(HttpStatusCode.Redirect, (await Tentative(ReferentA, _dossierA, "telephone", "joint")).StatusCode);
        Assert.Equal(StatutDossier.Joint, (await DossierAsync(_dossierA)).Statut);
    }

    [Fact]
    public async Task Attempt_InTheFuture_OrWithoutChannel_IsRefusedWithTheField()
    {
        var demain = HeureParis.Locale(DateTime.UtcNow.AddDays(1)).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
        var r = await Tentative(ReferentA, _dossierA, "telephone", "joint", demain);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var page = await Pro.Html(r);
        Assert.Contains("ne peut pas être dans le futur", page.QuerySelector("#err-quand")!.TextContent);

        r = await Pro.PosterAsync(_clients[ReferentA], $"/pro/decrocheurs/{_dossierA}", new() { ["Issue"] = "joint", ["Destinataire"] = "jeune" });
        Assert.Contains("Choisissez le canal", (await Pro.Html(r)).QuerySelector("#err-canal")!.TextContent);
        await using var db = f.CreateDbContext();
        Assert.Equal(0, await db.TentativesContact.CountAsync(t => t.JeuneSuiviId == _dossierA));
    }

    [Fact]
    public async Task Closure_NeedsItsReason_APrecisionForAutre_AndASolutionForAPositiveExit()
    {
        var r = await Pro.PosterAsync(_clients[ReferentB], $"/pro/decrocheurs/{_dossierB}", new() { ["Motif"] = "autre", ["Precision"] = "" });
        Assert.Contains("Précisez le motif « autre »", (await Pro.Html(r)).QuerySelector("#err-precision")!.TextContent);
        r = await Pro.PosterAsync(_clients[ReferentB], $"/pro/decrocheurs/{_dossierB}", new() { ["Motif"] = "sortie-positive" });
        Assert.Contains("en solution", (await Pro.Html(r)).QuerySelector("#err-motif")!.TextContent);
        Assert.Equal(StatutDossier.AContacter, (await DossierAsync(_dossierB)).Statut);

        r = await Pro.PosterAsync(_clients[ReferentB], $"/pro/decrocheurs/{_dossierB}", new() { ["Motif"] = "autre", ["Precision"] = "<script>alert(1)</script> parti à l'étranger" });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var d = await DossierAsync(_dossierB);
        Assert.Equal((StatutDossier.Cloture, MotifCloture.Autre), (d.Statut, d.MotifCloture));
        Assert.Equal("<script>alert(1)</script> parti à l'étranger", d.PrecisionCloture);
        var html = await (await _clients[ReferentB].GetAsync($"/pro/decrocheurs/{_dossierB}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert(1)</script>", html);
    }

    [Fact]
    public async Task TwoSavesOfTheSameVersion_TheSecondIsRefused_AndNothingIsLost()
    {
        var url = $"/pro/decrocheurs/{_dossierA}";
        var champs = new Dictionary<string, string> { ["Canal"] = "telephone", ["Destinataire"] = "jeune", ["Issue"] = "pas-de-reponse", ["Quand"] = "" };
        var (actionA, corpsA) = await Soumission.PreparerAsync(_clients[ReferentA], url, champs);
        var (actionX, corpsX) = await Soumission.PreparerAsync(_clients[CoordX], url, champs);
        Assert.Equal(HttpStatusCode.Redirect, (await _clients[ReferentA].PostAsync(actionA, corpsA)).StatusCode);
        var second = await _clients[CoordX].PostAsync(actionX, corpsX);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("modifié par quelqu'un d'autre", (await Pro.Html(second)).QuerySelector("[role=alert]")!.TextContent);
        await using var db = f.CreateDbContext();
        Assert.Equal(1, await db.TentativesContact.CountAsync(t => t.JeuneSuiviId == _dossierA));
        Assert.Equal(1, (await DossierAsync(_dossierA)).NombreTentatives);
    }

    [Fact]
    public async Task BulkAssignment_GoesToAPartnerOnly_AndShowsTheStructuresLoad()
    {
        var page = await Pro.PageAsync(_clients[CoordX], "/pro/decrocheurs");
        Assert.Contains("(1 dossier(s) ouvert(s))", page.QuerySelector("#StructureId")!.TextContent);

        // A structure that is not a partner of X (forged value: the list does not offer it) is refused.
        await using var db = f.CreateDbContext();
        var autre = await db.Structures.Where(s => s.Slug == "ml-lyon").Select(s => s.Id).SingleAsync();
        var refus = await Pro.PosterAsync(_clients[CoordX], "/pro/decrocheurs", new() { ["Selection"] = _dossierLibre.ToString(CultureInfo.InvariantCulture), ["StructureId"] = autre.ToString(CultureInfo.InvariantCulture) });
        Assert.Contains("n'est pas partenaire", (await Pro.Html(refus)).QuerySelector(".error-summary")!.TextContent);
        Assert.Equal(StatutDossier.AAttribuer, (await DossierAsync(_dossierLibre)).Statut);

        var ok = await Pro.PosterAsync(_clients[CoordX], "/pro/decrocheurs", new() { ["Selection"] = _dossierLibre.ToString(CultureInfo.InvariantCulture), ["StructureId"] = _structureA.ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var d = await DossierAsync(_dossierLibre);
        Assert.Equal((StatutDossier.AContacter, (int?)_structureA), (d.Statut, d.StructureId));

        // A référent cannot assign (no form, forged post refused).
        var forge = await Soumission.ForgerAsync(_clients[ReferentA], "/pro/decrocheurs?handler=Attribuer", new Dictionary<string, string> { ["Selection"] = _dossierB.ToString(CultureInfo.InvariantCulture), ["StructureId"] = _structureA.ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.NotFound, forge.StatusCode);
        Assert.Equal((int?)_structureB, (await DossierAsync(_dossierB)).StructureId);
    }

    [Fact]
    public async Task AClosedFile_StaysClosed_WhileStillListed_AndReopens_WhenTheYoungPersonReappears()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await Pro.PosterAsync(_clients[ReferentA], $"/pro/decrocheurs/{_dossierA}", new() { ["Motif"] = "sans-besoin" })).StatusCode);
        Assert.Equal(StatutDossier.Cloture, (await DossierAsync(_dossierA)).Statut);
        var a = Jeune(await DossierAsync(_dossierA));
        var autres = _jeunes.Where(j => j != a).ToList();

        async Task<RapportSiei> Importer(DateOnly mois, IEnumerable<JeuneFictif> jeunes, string nom)
        {
            using var scope = f.Services.CreateScope();
            var rapport = await scope.ServiceProvider.GetRequiredService<ImportSiei>()
                .ExecuterAsync(_psadX, mois, ListeSieiSynthetique.Flux(ListeSieiSynthetique.Csv(jeunes)), nom, false, false, "test");
            Assert.True(rapport.Importe, rapport.Resume());
            return rapport;
        }

        async Task<bool> Rouvert()
        {
            await using var db = f.CreateDbContext();
            return await db.EvenementsDossier.AnyAsync(e => e.JeuneSuiviId == _dossierA && e.Nature == NatureEvenement.Reouverture);
        }

        // December: still on the list, as in November (SIEI lags behind), with one newcomer: the closed file stays closed.
        var (nouveau1, nouveau2) = (Nouveau(1), Nouveau(2));
        var decembre = await Importer(Novembre.AddMonths(1), [.. _jeunes, nouveau1], "decembre.csv");
        Assert.Equal((6, 0), (decembre.ToujoursPresents, decembre.Reapparus));
        Assert.Equal(StatutDossier.Cloture, (await DossierAsync(_dossierA)).Statut);
        Assert.False(await Rouvert());

        // January: absent. February: back on the list: dropped out again, the file reopens for the structure that had it.
        var janvier = await Importer(Novembre.AddMonths(2), [.. autres, nouveau1], "janvier.csv");
        Assert.Equal(1, janvier.Absents);
        var fevrier = await Importer(Novembre.AddMonths(3), [.. _jeunes, nouveau2], "fevrier.csv");
        Assert.Equal(1, fevrier.Reapparus);
        var d = await DossierAsync(_dossierA);
        Assert.Equal((StatutDossier.AContacter, (MotifCloture?)null, (int?)_structureA), (d.Statut, d.MotifCloture, d.StructureId));
        Assert.True(await Rouvert());
    }

    [Fact]
    public async Task AClosedFile_Reopens_WhenTheNextListGivesAnExitLaterThanTheClosure()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await Pro.PosterAsync(_clients[ReferentA], $"/pro/decrocheurs/{_dossierA}", new() { ["Motif"] = "sans-besoin" })).StatusCode);
        var cloture = (await DossierAsync(_dossierA)).ClotureLe!.Value;
        var a = Jeune(await DossierAsync(_dossierA));

        // Two months later the young person is on the list again, never absent from it, but with an exit after the closure:
        // they went back to school, then left again.
        var horloge = new HorlogeFixe(new DateTimeOffset(cloture, TimeSpan.Zero).AddMonths(2));
        var jour = HeureParis.Jour(horloge.Maintenant.UtcDateTime);
        var liste = _jeunes.Select(j => j == a ? j with { Sortie = HeureParis.Jour(cloture).AddDays(20) } : j).ToList();
        using var scope = f.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RaccrocheDbContext>();
        var import = new ImportSiei(db, new Tracabilite(db, new HttpContextAccessor(), horloge), horloge);
        var rapport = await import.ExecuterAsync(_psadX, new DateOnly(jour.Year, jour.Month, 1), ListeSieiSynthetique.Flux(ListeSieiSynthetique.Csv(liste)), "plus-tard.csv", false, false, "test");
        Assert.True(rapport.Importe, rapport.Resume());
        Assert.Equal(0, rapport.Reapparus);
        var d = await DossierAsync(_dossierA);
        Assert.Equal((StatutDossier.AContacter, HeureParis.Jour(cloture).AddDays(20)), (d.Statut, d.DateSortie));
    }

    [Fact]
    public async Task AlreadyFollowedElsewhere_ClosesTheFile_WithItsSource_AndStaysClosedOnTheNextList()
    {
        var r = await Pro.PosterAsync(_clients[ReferentA], $"/pro/decrocheurs/{_dossierA}", new()
        {
            ["NaturePriseEnCharge"] = "mission-locale",
            ["Organisme"] = "Mission locale du Livradois <b>",
            ["SourcePriseEnCharge"] = "partenaire",
            ["Depuis"] = "01/10/2026",
        });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var d = await DossierAsync(_dossierA);
        Assert.Equal((StatutDossier.Cloture, (MotifCloture?)MotifCloture.DejaAccompagne), (d.Statut, d.MotifCloture));
        Assert.Contains("Mission locale du Livradois <b>", d.PrecisionCloture);

        await using var db = f.CreateDbContext();
        var pc = await db.PrisesEnCharge.SingleAsync(p => p.JeuneSuiviId == _dossierA);
        Assert.Equal((NaturePriseEnCharge.MissionLocale, SourcePriseEnCharge.Partenaire, (DateOnly?)new DateOnly(2026, 10, 1), (long?)null), (pc.Nature, pc.Source, pc.Depuis, pc.SolutionId));
        Assert.True(await db.EvenementsDossier.AnyAsync(e => e.JeuneSuiviId == _dossierA && e.Nature == NatureEvenement.PriseEnCharge));
        Assert.True(await db.Journal.AnyAsync(j => j.Ressource == "dossier-suivi" && j.RessourceId == _dossierA.ToString(CultureInfo.InvariantCulture) && j.Detail!.StartsWith("déjà connu ou en solution (mission-locale")));

        // Shown on the file, inert.
        var page = await Pro.PageAsync(_clients[ReferentA], $"/pro/decrocheurs/{_dossierA}");
        Assert.Contains("Mission locale du Livradois <b>", page.Body!.TextContent);
        Assert.Empty(page.QuerySelectorAll("main b"));

        // Next month's list still names them: no second follow-up.
        using var scope = f.Services.CreateScope();
        var rapport = await scope.ServiceProvider.GetRequiredService<ImportSiei>()
            .ExecuterAsync(_psadX, Novembre.AddMonths(1), ListeSieiSynthetique.Flux(ListeSieiSynthetique.Csv([.. _jeunes, Nouveau(1)])), "decembre.csv", false, false, "test");
        Assert.True(rapport.Importe, rapport.Resume());
        Assert.Equal(StatutDossier.Cloture, (await DossierAsync(_dossierA)).Statut);
    }

    [Fact]
    public async Task AlreadyInASolution_RecordsTheSolutionAsEntered_AndTheFileGoesEnSolution()
    {
        var r = await Pro.PosterAsync(_clients[ReferentA], $"/pro/decrocheurs/{_dossierA}", new()
        {
            ["NaturePriseEnCharge"] = "apprentissage",
            ["Organisme"] = "CFA du bâtiment",
            ["SourcePriseEnCharge"] = "jeune",
            ["Depuis"] = "2026-09-15",
        });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal(StatutDossier.EnSolution, (await DossierAsync(_dossierA)).Statut);
        await using var db = f.CreateDbContext();
        var solution = await db.SolutionsSuivi.SingleAsync(x => x.JeuneSuiviId == _dossierA);
        Assert.Equal((TypeSolution.Apprentissage, StatutSolution.Entree, (DateOnly?)new DateOnly(2026, 9, 15), "CFA du bâtiment"), (solution.Type, solution.Statut, solution.EntreeLe, solution.HorsCatalogue));
        Assert.Equal((long?)solution.Id, (await db.PrisesEnCharge.SingleAsync(p => p.JeuneSuiviId == _dossierA)).SolutionId);

        // With the box ticked, the file closes at once as a positive exit.
        Assert.Equal(HttpStatusCode.Redirect, (await Pro.PosterAsync(_clients[CoordX], $"/pro/decrocheurs/{_dossierB}", new()
        {
            ["NaturePriseEnCharge"] = "emploi",
            ["SourcePriseEnCharge"] = "famille",
            ["CloturerPriseEnCharge"] = "true",
        })).StatusCode);
        Assert.Equal((StatutDossier.Cloture, (MotifCloture?)MotifCloture.SortiePositive), ((await DossierAsync(_dossierB)).Statut, (await DossierAsync(_dossierB)).MotifCloture));
    }

    [Fact]
    public async Task AlreadyFollowed_BadInput_GetsFrenchMessages_AndWritesNothing_AndOthersGet404()
    {
        var avant = await DossierAsync(_dossierA);
        var r = await Pro.PosterAsync(_clients[ReferentA], $"/pro/decrocheurs/{_dossierA}", new()
        {
            ["Organisme"] = new string('x', PriseEnCharge.OrganismeMax + 1),
            ["Depuis"] = "31/02/2026",
        });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var page = await Pro.Html(r);
        var erreurs = page.QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("Choisissez ce que vous avez appris", erreurs);
        Assert.Contains("Indiquez d'où vient l'information", erreurs);
        Assert.Contains("120", erreurs);
        Assert.NotNull(page.QuerySelector("#err-depuis"));

        var futur = HeureParis.Jour(DateTime.UtcNow).AddDays(3).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        r = await Pro.PosterAsync(_clients[ReferentA], $"/pro/decrocheurs/{_dossierA}", new() { ["NaturePriseEnCharge"] = "emploi", ["SourcePriseEnCharge"] = "jeune", ["Depuis"] = futur });
        Assert.Contains("dans le futur", (await Pro.Html(r)).QuerySelector("#err-depuis")!.TextContent);

        // The référent of another structure of the PSAD: the file does not exist for them.
        var jeton = (await Pro.PageAsync(_clients[ReferentB], "/pro/decrocheurs")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var forge = await _clients[ReferentB].PostAsync($"/pro/decrocheurs/{_dossierA}?handler=PriseEnCharge", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = jeton,
            ["Version"] = avant.Version.ToString(CultureInfo.InvariantCulture),
            ["NaturePriseEnCharge"] = "emploi",
            ["SourcePriseEnCharge"] = "jeune",
        }));
        Assert.Equal(HttpStatusCode.NotFound, forge.StatusCode);

        var apres = await DossierAsync(_dossierA);
        Assert.Equal((avant.Statut, avant.Version), (apres.Statut, apres.Version));
        await using var db = f.CreateDbContext();
        Assert.False(await db.PrisesEnCharge.AnyAsync(p => p.JeuneSuiviId == _dossierA));
    }

    [Fact]
    public async Task RegionalAdministrator_SeesCountsOnly()
    {
        var tableau = (await Pro.PageAsync(_clients[Region], "/pro")).Body!.TextContent;
        Assert.Contains("Dossiers par statut, toutes PSAD", tableau);
        Assert.Equal(HttpStatusCode.NotFound, (await _clients[Region].GetAsync($"/pro/decrocheurs/{_dossierA}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _clients[Region].GetAsync("/pro/decrocheurs")).StatusCode);
    }

    [Fact]
    public async Task ACoordinator_NamesReferents_OfPartnerStructuresOnly()
    {
        var horsPartenaire = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-lyon");
        var r = await Pro.PosterAsync(_clients[CoordX], "/pro/decrocheurs/equipe", new() { ["Courriel"] = horsPartenaire.Courriel });
        Assert.Contains("structure partenaire", (await Pro.Html(r)).QuerySelector("#err-courriel")!.TextContent);

        var partenaire = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "cio-63");
        r = await Pro.PosterAsync(_clients[CoordX], "/pro/decrocheurs/equipe", new() { ["Courriel"] = partenaire.Courriel });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        await using var db = f.CreateDbContext();
        Assert.True(await db.HabilitationsSuivi.AnyAsync(h => h.UtilisateurId == partenaire.Id && h.PsadId == _idX && h.Role == RoleSuivi.ReferentSuivi));

        // A coordinator cannot name another coordinator (the role field is not even offered).
        var page = await Pro.PageAsync(_clients[CoordX], "/pro/decrocheurs/equipe");
        Assert.Empty(page.QuerySelectorAll("input[name=Role]"));
    }

    private Task<HttpResponseMessage> Entretien(string qui, int dossier, Dictionary<string, string> champs) =>
        Pro.PosterAsync(_clients[qui], $"/pro/decrocheurs/{dossier}", champs);

    private static Dictionary<string, string> EntretienComplet() => new()
    {
        ["SaisieEntretien.Date"] = HeureParis.Jour(DateTime.UtcNow).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        ["SaisieEntretien.Mode"] = "presentiel",
        ["SaisieEntretien.Presents"] = "jeune",
        ["SaisieEntretien.Situation"] = "sans-activite",
        ["SaisieEntretien.Niveau"] = "sans-diplome",
        ["SaisieEntretien.Souhaits"] = "se-former",
        ["SaisieEntretien.Besoins"] = "mobilite",
        ["SaisieEntretien.Contraintes"] = "pas de voiture",
    };

    [Fact]
    public async Task Entretien_ThenASolutionFromTheMatcher_ThenTheReferral_ThenEntry_MakeTheFileEnSolution()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await Tentative(ReferentA, _dossierA, "telephone", "joint")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Entretien(ReferentA, _dossierA, EntretienComplet())).StatusCode);
        Assert.Equal(StatutDossier.EntretienRealise, (await DossierAsync(_dossierA)).Statut);

        // The matcher proposes programmes for this young person (age, commune, wish, level): the first one is chosen.
        var page = await Pro.PageAsync(_clients[ReferentA], $"/pro/decrocheurs/{_dossierA}");
        var offres = page.QuerySelectorAll("input[name=DispositifId]").Select(i => i.GetAttribute("value")).Where(v => v is { Length: > 0 }).ToList();
        Assert.NotEmpty(offres);
        var r = await Pro.PosterAsync(_clients[ReferentA], $"/pro/decrocheurs/{_dossierA}", new() { ["DispositifId"] = offres[0]!, ["TypeSolution"] = "formation-professionnelle" });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal(StatutDossier.SolutionProposee, (await DossierAsync(_dossierA)).Statut);

        await using var db = f.CreateDbContext();
        var solution = await db.SolutionsSuivi.AsNoTracking().SingleAsync(x => x.JeuneSuiviId == _dossierA);
        Assert.Equal(int.Parse(offres[0]!, CultureInfo.InvariantCulture), solution.DispositifId);

        // "Entrée" straight from "proposée" is not a step of the table (the form does not offer it; a typed value is refused).
        var saut = await Pro.PosterAsync(_clients[ReferentA], $"/pro/decrocheurs/{_dossierA}", new() { ["StatutSolution"] = "entree" });
        Assert.Contains("ne peut pas passer à « Entrée »", (await Pro.Html(saut)).QuerySelector($"#solution-{solution.Id}")!.TextContent);
        var accord = await Pro.PosterAsync(_clients[ReferentA], $"/pro/decrocheurs/{_dossierA}", new() { ["StatutSolution"] = "acceptee" });
        Assert.Equal(HttpStatusCode.Redirect, accord.StatusCode);

        // The referral goes to the receiving structure's inbox in one click, once.
        r = await Pro.PosterAsync(_clients[ReferentA], $"/pro/decrocheurs/{_dossierA}", new() { ["SolutionId"] = solution.Id.ToString(CultureInfo.InvariantCulture) }, $"/pro/decrocheurs/{_dossierA}?handler=Orienter");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        db.ChangeTracker.Clear();
        var demande = await db.SolutionsSuivi.Where(x => x.Id == solution.Id).Select(x => x.DemandeId).SingleAsync();
        Assert.NotNull(demande);
        var referral = await db.DemandesContact.AsNoTracking().SingleAsync(d => d.Id == demande);
        Assert.Equal((solution.DispositifId, OrigineDemande.Professionnel), (referral.DispositifId, referral.Origine));
        // A's young person has an overseas mobile (+262 692…): the referral keeps it.
        Assert.Contains("692123456", referral.Telephone);
        Assert.Empty((await Pro.PageAsync(_clients[ReferentA], $"/pro/decrocheurs/{_dossierA}")).QuerySelectorAll("form[action*=Orienter]"));

        var entree = HeureParis.Jour(DateTime.UtcNow).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        r = await Pro.PosterAsync(_clients[ReferentA], $"/pro/decrocheurs/{_dossierA}", new() { ["StatutSolution"] = "entree", ["EntreeLe"] = entree });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal(StatutDossier.EnSolution, (await DossierAsync(_dossierA)).Statut);
        Assert.Equal(HttpStatusCode.Redirect, (await Pro.PosterAsync(_clients[ReferentA], $"/pro/decrocheurs/{_dossierA}", new() { ["Motif"] = "sortie-positive" })).StatusCode);
        Assert.Equal(StatutDossier.Cloture, (await DossierAsync(_dossierA)).Statut);
    }

    [Fact]
    public async Task Entretien_WithMissingOrWrongFields_SaysWhichInFrench_AndWritesNothing()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await Tentative(ReferentA, _dossierA, "telephone", "joint")).StatusCode);
        var champs = EntretienComplet();
        champs["SaisieEntretien.Date"] = HeureParis.Jour(DateTime.UtcNow.AddDays(3)).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        champs.Remove("SaisieEntretien.Mode");
        champs.Remove("SaisieEntretien.Presents");
        champs["SaisieEntretien.Niveau"] = "master-de-physique";
        var r = await Entretien(ReferentA, _dossierA, champs);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var page = await Pro.Html(r);
        Assert.Contains("ne peut pas être dans le futur", page.QuerySelector("#err-entretienDate")!.TextContent);
        Assert.Contains("Choisissez comment", page.QuerySelector("#err-entretienMode")!.TextContent);
        Assert.Contains("Cochez qui était là", page.QuerySelector("#err-presents")!.TextContent);
        Assert.NotNull(page.QuerySelector("#err-niveau"));
        await using var db = f.CreateDbContext();
        Assert.False(await db.EntretiensSituation.AnyAsync(e => e.JeuneSuiviId == _dossierA));
        Assert.Equal(StatutDossier.Joint, (await DossierAsync(_dossierA)).Statut);
    }

    [Fact]
    public async Task ARowToSettle_IsJoinedOrMadeAFileOfItsOwn_ByTheCoordinatorOnly()
    {
        await using var db = f.CreateDbContext();
        var a = await DossierAsync(_dossierA);
        var livraison = a.PremiereLivraisonId;
        SituationSiei Ligne(int numero) => new()
        {
            LivraisonId = livraison,
            Ligne = numero,
            Issue = IssueSituation.AArbitrer,
            Raison = "mêmes noms, jour et mois de naissance inversés",
            Candidats = [_dossierA],
            Contenu = JsonSerializer.Serialize(new LigneSiei { Ligne = numero, Nom = a.Nom, Prenom = a.Prenom, DateNaissance = a.DateNaissance, Commune = a.Commune, CodeInsee = a.CodeInsee }),
        };
        var joindre = Ligne(90);
        var separer = Ligne(91);
        db.SituationsSiei.AddRange(joindre, separer);
        await db.SaveChangesAsync();

        var page = await Pro.PageAsync(_clients[CoordX], "/pro/decrocheurs/arbitrages");
        Assert.Contains("Lignes à arbitrer (2)", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await _clients[ReferentA].GetAsync("/pro/decrocheurs/arbitrages")).StatusCode);

        var r = await Pro.PosterAsync(_clients[CoordX], "/pro/decrocheurs/arbitrages", new() { ["SituationId"] = joindre.Id.ToString(CultureInfo.InvariantCulture), ["DossierId"] = _dossierA.ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        r = await Pro.PosterAsync(_clients[CoordX], "/pro/decrocheurs/arbitrages", new() { ["SituationId"] = separer.Id.ToString(CultureInfo.InvariantCulture) }, "/pro/decrocheurs/arbitrages?handler=Separer");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);

        db.ChangeTracker.Clear();
        var lues = await db.SituationsSiei.AsNoTracking().Where(s => s.Id == joindre.Id || s.Id == separer.Id).ToDictionaryAsync(s => s.Id);
        Assert.Equal(_dossierA, lues[joindre.Id].JeuneSuiviId);
        var nouveau = lues[separer.Id].JeuneSuiviId;
        Assert.NotNull(nouveau);
        Assert.NotEqual(_dossierA, nouveau);
        Assert.Equal(StatutDossier.AAttribuer, (await DossierAsync(nouveau!.Value)).Statut);
        Assert.NotNull(lues[joindre.Id].ArbitreeLe);

        // Settled rows leave the queue; settling one twice is refused with a message.
        Assert.Contains("Lignes à arbitrer (0)", (await Pro.PageAsync(_clients[CoordX], "/pro/decrocheurs/arbitrages")).QuerySelector("h1")!.TextContent);
        Assert.Equal(2, await db.Journal.CountAsync(j => j.Ressource == "dossier-suivi" && j.Detail!.StartsWith("arbitrage de la ligne")));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SuiviDossiersSqliteTests(SqliteAppFactory f) : SuiviDossiersTests(f);

[Collection(PostgresCollection.Name)]
public sealed class SuiviDossiersPostgresTests(PostgresAppFactory f) : SuiviDossiersTests(f);
