using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace Raccroche.Tests.Integration;

/// <summary>
/// The check-ins after a solution (decision 0017) on both databases, with a fake clock: scheduled at the PSAD's months when a
/// solution is entered (set and checked on the settings page), asked through a personal link sent by the job (only by day,
/// never after "ne pas contacter", once, by SMS to a local gateway and by e-mail to a local SMTP server) and answered for each
/// choice (a replayed or expired link refused), or recorded by the référent on the case file; "sorti sans solution" reopens the
/// file as a priority; "sortie positive maintenue" from the last check-in; cancellation on transfer, cancellation and other
/// closures; the work list's tab; who may post the new handler; the retention. Its own PSAD and invented young people.
/// </summary>
public abstract partial class PointsSuiviTests(AppFactory f) : IAsyncLifetime
{
    private static readonly DateOnly Novembre = new(2026, 11, 1);

    /// <summary>Monday 2 November 2026, the day the tests start.</summary>
    private static readonly DateOnly Jour0 = new(2026, 11, 2);

    private readonly HorlogeFixe _horloge = new(A(Jour0, 10));
    private WebApplicationFactory<Program> _app = null!;
    private readonly string _marque = Guid.NewGuid().ToString("N")[..10];
    private readonly Dictionary<string, CompteTest> _comptes = [];
    private readonly Dictionary<string, HttpClient> _c = [];
    private string _psad = "", _psadY = "";
    private int _idPsad;
    private readonly List<int> _dossiers = [];

    private const string Anonyme = "anonyme", RefA = EquipeDeTest.RefA, RefB = EquipeDeTest.RefB, CoordX = EquipeDeTest.CoordX, CoordY = EquipeDeTest.CoordY, Region = EquipeDeTest.Region;
    private static readonly string NomReferent = $"Compte {Roles.MembreStructure}";

    private static DateTimeOffset A(DateOnly jour, int heure, int minute = 0) => new(HeureParis.Utc(jour.ToDateTime(new TimeOnly(heure, minute))), TimeSpan.Zero);

    private static string Texte(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Date(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private string Prenom(int i) => $"Quelvina{(char)('a' + i)}";

    private string Nom(int i) => $"Tressolan{(char)('a' + i)}{string.Concat(_marque[..4].Select(c => (char)('a' + (c % 26))))}";

    private string Courriel(int i) => $"point{i}-{_marque}@exemple.fr";

    /// <summary>Each test its own numbers: the SMS queue is shared by the tests of the class.</summary>
    private static int _serie;
    private readonly int _numero = Interlocked.Increment(ref _serie) % 100;

    private string Mobile(int i) => $"+3361234{_numero:D2}8{i}";

    public async Task InitializeAsync()
    {
        _app = f.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_horloge)));
        await using var db = f.CreateDbContext();
        var a = await db.Structures.Where(s => s.Slug == "ml-63").Select(s => s.Id).SingleAsync();
        var b = await db.Structures.Where(s => s.Slug == "cio-63").Select(s => s.Id).SingleAsync();
        _psad = "tp" + _marque;
        _psadY = "tpy" + _marque;
        var x = new Psad { Code = _psad, Nom = "PSAD P " + _psad, Territoire = ["63"], Partenaires = [new() { StructureId = a }, new() { StructureId = b }] };
        var y = new Psad { Code = _psadY, Nom = "PSAD PY " + _psadY, Territoire = ["69"] };
        db.Psads.AddRange(x, y);
        await db.SaveChangesAsync();
        _idPsad = x.Id;

        await EquipeDeTest.InstallerAsync(f, _app.Services, x.Id, y.Id, _comptes);
        using (var scope = _app.Services.CreateScope())
        {
            // Six invented adults; the last one has an e-mail address and no phone.
            var csv = new StringBuilder("INE;Nom;Prénom;Date de naissance;Commune;Code INSEE;Téléphone;Courriel;Date de sortie\r\n");
            for (var i = 0; i < 6; i++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"78{i:D8}{(char)('A' + i)};{Nom(i)};{Prenom(i)};{Jour0.AddYears(-20).AddDays(-i):dd/MM/yyyy};Thiers;63430;{(i == 5 ? "" : $"06 12 34 {_numero:D2} 8{i}")};{Courriel(i)};{Jour0.AddDays(-200):dd/MM/yyyy}\r\n");
            }

            var rapport = await scope.ServiceProvider.GetRequiredService<ImportSiei>()
                .ExecuterAsync(_psad, Novembre, ListeSieiSynthetique.Flux(csv.ToString()), "liste.csv", false, false, "test");
            Assert.True(rapport.Importe, rapport.Resume() + string.Join(" | ", rapport.Erreurs.Select(e => $"{e.Ligne} {e.Champ} {e.Message}")));
        }

        _dossiers.AddRange(await db.JeunesSuivis.Where(j => j.PsadId == _idPsad).OrderBy(j => j.Ine).Select(j => j.Id).ToListAsync());
        Assert.Equal(6, _dossiers.Count);
        await ConnecterAsync();
        foreach (var d in _dossiers)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await Pro.PosterAsync(_c[CoordX], $"/pro/decrocheurs/{d}", new() { ["StructureId"] = Texte(a) })).StatusCode);
        }
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private HttpClient NouveauClient() => _app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = AppFactory.Https, HandleCookies = true });

    /// <summary>Signs everyone in again at the fake clock's time (a jump of weeks outlives a session).</summary>
    private async Task ConnecterAsync()
    {
        foreach (var (qui, compte) in _comptes)
        {
            _c[qui] = await Pro.ConnecterAsync(_app, compte, NouveauClient(), _horloge);
        }

        _c[Anonyme] = NouveauClient();
    }

    private async Task AllerAuAsync(DateTimeOffset quand)
    {
        _horloge.Maintenant = quand;
        await ConnecterAsync();
    }

    private async Task<JeuneSuivi> DossierAsync(int i)
    {
        await using var db = f.CreateDbContext();
        return await db.JeunesSuivis.AsNoTracking().SingleAsync(j => j.Id == _dossiers[i]);
    }

    private async Task<List<PointSuivi>> PointsAsync(int i)
    {
        await using var db = f.CreateDbContext();
        return await db.PointsSuivi.AsNoTracking().Where(p => p.JeuneSuiviId == _dossiers[i]).OrderBy(p => p.Echeance).ThenBy(p => p.Id).ToListAsync();
    }

    private string Url(int i) => $"/pro/decrocheurs/{_dossiers[i]}";

    /// <summary>"Déjà en formation depuis …" on the file (the référent's declaration): the solution entered, the file "en solution" (or closed as a positive exit).</summary>
    private async Task EnSolutionAsync(int i, DateOnly depuis, bool cloturer = false)
    {
        var champs = new Dictionary<string, string>
        {
            ["NaturePriseEnCharge"] = "formation",
            ["Organisme"] = "CAP cuisine au lycée des métiers",
            ["SourcePriseEnCharge"] = "jeune",
            ["Depuis"] = Date(depuis),
        };
        if (cloturer)
        {
            champs["CloturerPriseEnCharge"] = "true";
        }

        Assert.Equal(HttpStatusCode.Redirect, (await Pro.PosterAsync(_c[RefA], Url(i), champs)).StatusCode);
        Assert.Equal(cloturer ? StatutDossier.Cloture : StatutDossier.EnSolution, (await DossierAsync(i)).Statut);
    }

    /// <summary>One run of the check-ins' job; returns how many questions went to this test's young people (other tests' files share the database).</summary>
    private async Task<int> QuestionnerAsync()
    {
        async Task<int> Compter()
        {
            await using var db = f.CreateDbContext();
            return await db.MessagesJeune.CountAsync(m => _dossiers.Contains(m.JeuneSuiviId) && m.Nature == NatureMessage.PointSuivi);
        }

        var avant = await Compter();
        using var scope = _app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<EnvoiPointsSuivi>().ExecuterAsync();
        return await Compter() - avant;
    }

    [GeneratedRegex(@"/r/([A-Za-z0-9_-]{22})")]
    private static partial Regex LienRegex();

    /// <summary>The token of the last check-in question to file <paramref name="i"/> (its SMS, or its e-mail for the file without a phone).</summary>
    private async Task<string> JetonAsync(int i)
    {
        await using var db = f.CreateDbContext();
        var texte = i == 5
            ? await db.MessagesSortants.Where(m => m.Destinataire == Courriel(i)).OrderByDescending(m => m.Id).Select(m => m.Corps).FirstAsync()
            : await db.SmsSortants.Where(s => s.Numero == Mobile(i)).OrderByDescending(s => s.Id).Select(s => s.Texte).FirstAsync();
        var m = LienRegex().Match(texte);
        Assert.True(m.Success, texte);
        return m.Groups[1].Value;
    }

    private Task<HttpResponseMessage> RepondreAsync(string jeton, string reponse, string? precision = null)
    {
        var champs = new Dictionary<string, string> { ["ReponsePoint"] = reponse };
        if (precision is not null)
        {
            champs["PrecisionPoint"] = precision;
        }

        return Pro.PosterAsync(_c[Anonyme], "/r/" + jeton, champs);
    }

    private Task<HttpResponseMessage> FaireAsync(string qui, int i, Dictionary<string, string> champs) => Pro.PosterAsync(_c[qui], Url(i), champs);

    /// <summary>A post with a valid antiforgery token taken from a page the account may open.</summary>
    private static async Task<HttpResponseMessage> ForcerAsync(HttpClient c, string pageJeton, string url, Dictionary<string, string> champs)
    {
        var page = await Pro.PageAsync(c, pageJeton);
        var jeton = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await c.PostAsync(url, new FormUrlEncodedContent([.. champs, new("__RequestVerificationToken", jeton)]));
    }

    [Fact]
    public async Task CheckIns_AreScheduledAtThePsadsMonths_CheckedOnTheSettingsPage_FromTheEntryDate_AndASecondEntryReplacesTheOpenOnes()
    {
        // The months are the PSAD's: typed on its settings page with the other settings, checked in French, nothing saved when wrong.
        var equipe = $"/pro/decrocheurs/equipe?psad={_psad}";
        foreach (var (saisi, message) in new[]
        {
            ("6, 3", "en croissant"), ("0, 3", "entre 1 et 24"), ("1, 30", "entre 1 et 24"), ("1,2,3,4,5,6,7", "6 points au plus"), ("un, deux", "n'est pas un nombre"), ("", "au moins un mois"),
        })
        {
            var form = await Formulaire.LireAsync(_c[CoordX], equipe, "form[action*='handler=Reglages']");
            var r = await form.Mettre($"Saisie[{ReglagesSuivi.ChampMoisPoints}]", saisi).EnvoyerAsync(_c[CoordX]);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Contains(message, (await Pro.Html(r)).QuerySelector($"#err-{ReglagesSuivi.ChampMoisPoints}")!.TextContent);
        }

        await using (var db = f.CreateDbContext())
        {
            Assert.Equal(ReglagesSuivi.MoisPointsParDefaut, (await db.Psads.AsNoTracking().SingleAsync(p => p.Id == _idPsad)).Reglages.MoisPointsSuivi);
        }

        var ok = await (await Formulaire.LireAsync(_c[CoordX], equipe, "form[action*='handler=Reglages']")).Mettre($"Saisie[{ReglagesSuivi.ChampMoisPoints}]", "2 ; 5, 9").EnvoyerAsync(_c[CoordX]);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        await using (var db = f.CreateDbContext())
        {
            Assert.Equal("2,5,9", (await db.Psads.AsNoTracking().SingleAsync(p => p.Id == _idPsad)).Reglages.MoisPointsSuivi);
            Assert.True(await db.Journal.AnyAsync(j => j.Ressource == "psad" && j.RessourceId == _psad && j.Detail!.Contains("points de suivi à 2,5,9 mois")));
        }

        Assert.Equal("2, 5, 9", (await Pro.PageAsync(_c[CoordX], equipe)).QuerySelector($"#{ReglagesSuivi.ChampMoisPoints}")!.GetAttribute("value"));

        // A solution through the entretien: proposed, accepted, entered on 20 October.
        Assert.Equal(HttpStatusCode.Redirect, (await FaireAsync(RefA, 0, new() { ["Canal"] = "telephone", ["Destinataire"] = "jeune", ["Issue"] = "joint", ["Quand"] = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await FaireAsync(RefA, 0, new()
        {
            ["SaisieEntretien.Date"] = Date(Jour0),
            ["SaisieEntretien.Mode"] = "presentiel",
            ["SaisieEntretien.Presents"] = "jeune",
            ["SaisieEntretien.Situation"] = "sans-activite",
            ["SaisieEntretien.Niveau"] = "sans-diplome",
            ["SaisieEntretien.Souhaits"] = "se-former",
        })).StatusCode);

        async Task<long> Entrer(string quoi, DateOnly le)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await FaireAsync(RefA, 0, new() { ["HorsCatalogue"] = quoi, ["TypeSolution"] = "formation-professionnelle" })).StatusCode);
            await using var db = f.CreateDbContext();
            var id = await db.SolutionsSuivi.Where(s => s.JeuneSuiviId == _dossiers[0] && s.HorsCatalogue == quoi).Select(s => s.Id).SingleAsync();
            Assert.Equal(HttpStatusCode.Redirect, (await FaireAsync(RefA, 0, new() { ["SolutionId"] = Texte(id), ["StatutSolution"] = "acceptee" })).StatusCode);
            // Nothing is scheduled before the entry.
            Assert.False(await db.PointsSuivi.AnyAsync(p => p.SolutionId == id));
            Assert.Equal(HttpStatusCode.Redirect, (await FaireAsync(RefA, 0, new() { ["SolutionId"] = Texte(id), ["StatutSolution"] = "entree", ["EntreeLe"] = Date(le) })).StatusCode);
            return id;
        }

        var premiere = await Entrer("Formation de commis de cuisine", new DateOnly(2026, 10, 20));
        var points = await PointsAsync(0);
        Assert.Equal([2, 5, 9], points.Select(p => p.Mois));
        Assert.Equal([new DateOnly(2026, 12, 20), new DateOnly(2027, 3, 20), new DateOnly(2027, 7, 20)], points.Select(p => p.Echeance));
        Assert.All(points, p => Assert.True(p.SolutionId == premiere && p.FaitLe is null && p.AnnuleLe is null && p.Constat is null));
        await using (var db = f.CreateDbContext())
        {
            Assert.True(await db.EvenementsDossier.AnyAsync(e => e.JeuneSuiviId == _dossiers[0] && e.Nature == NatureEvenement.Solution && e.Detail.Contains("points de suivi prévus à 2, 5, 9 mois")));
        }

        // A second solution entered: the first one's open check-ins are cancelled, the new ones start from its entry.
        var seconde = await Entrer("Formation de boulanger", Jour0);
        points = await PointsAsync(0);
        Assert.All(points.Where(p => p.SolutionId == premiere), p => Assert.NotNull(p.AnnuleLe));
        Assert.Equal([new DateOnly(2027, 1, 2), new DateOnly(2027, 4, 2), new DateOnly(2027, 8, 2)], points.Where(p => p.SolutionId == seconde).Select(p => p.Echeance));
        Assert.All(points.Where(p => p.SolutionId == seconde), p => Assert.Null(p.AnnuleLe));

        // An entry recorded late: a check-in more than 30 days past is not scheduled (2 months after 1 July: 62 days ago).
        await EnSolutionAsync(1, new DateOnly(2026, 7, 1));
        Assert.Equal([5, 9], (await PointsAsync(1)).Select(p => p.Mois));

        // The case file shows them, to come.
        var page = await Pro.PageAsync(_c[RefA], Url(0));
        var lignes = page.QuerySelectorAll("#points-suivi ~ .table-scroll tbody tr").Select(tr => tr.TextContent).ToList();
        Assert.Equal(6, lignes.Count);
        Assert.Contains(lignes, l => l.Contains("À 2 mois", StringComparison.Ordinal) && l.Contains("02/01/2027", StringComparison.Ordinal) && l.Contains("à venir", StringComparison.Ordinal));
        Assert.Equal(3, lignes.Count(l => l.Contains("annulé le", StringComparison.Ordinal)));
        Assert.Contains("Sortie positive maintenue : pas encore connue", page.Body!.TextContent);
        Assert.Null(page.QuerySelector("form[action*='handler=PointSuivi']"));
    }

    [Fact]
    public async Task Link_AnsweredForEachChoice_ThroughTheRealForm_ReopensOnJaiArrete_RefusesReplayedAndExpiredLinks_AndShowsNobody()
    {
        // Entered a month ago: the check-ins at 1 month are due today; the job sends their questions by SMS.
        for (var i = 0; i < 4; i++)
        {
            await EnSolutionAsync(i, Jour0.AddMonths(-1));
        }

        Assert.Equal(4, await QuestionnerAsync());
        var jetons = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            jetons.Add(await JetonAsync(i));
        }

        await using (var db = f.CreateDbContext())
        {
            var messages = await db.MessagesJeune.AsNoTracking().Where(m => _dossiers.Contains(m.JeuneSuiviId)).ToListAsync();
            Assert.Equal(4, messages.Count);
            Assert.All(messages, m => Assert.True(m.Nature == NatureMessage.PointSuivi && m.PointSuiviId is not null && m.Canal == CanalContact.Sms && m.Destinataire == DestinataireContact.Jeune && !m.Relance));
        }

        foreach (var (jeton, i) in jetons.Select((j, i) => (j, i)))
        {
            var html = (await Pro.PageAsync(_c[Anonyme], "/r/" + jeton)).DocumentElement.OuterHtml;
            Assert.Contains("Où en es-tu ?", html);
            Assert.DoesNotContain(Prenom(i), html);
            Assert.DoesNotContain(Nom(i), html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Mission", html);
            Assert.DoesNotContain("CAP cuisine", html);
        }

        // "Oui, j'y suis toujours".
        var r = await RepondreAsync(jetons[0], "toujours");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal("/r/merci?point=toujours", r.Headers.Location!.OriginalString);
        Assert.Contains("Bonne continuation", (await Pro.PageAsync(_c[Anonyme], "/r/merci?point=toujours")).Body!.TextContent);
        var p0 = (await PointsAsync(0))[0];
        Assert.Equal((ConstatSuivi.ToujoursEnSolution, true, ReponsesJeune.AuteurJeune), (p0.Constat, p0.ParJeune, p0.Auteur));
        Assert.Equal(_horloge.Maintenant.UtcDateTime, p0.FaitLe);
        Assert.Equal((StatutDossier.EnSolution, (bool?)null), ((await DossierAsync(0)).Statut, (await DossierAsync(0)).SortieMaintenue));

        // "J'ai changé" needs a few words; without them nothing is written.
        r = await RepondreAsync(jetons[1], "change", "");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("Dis-nous en quelques mots", (await Pro.Html(r)).QuerySelector("#err-precisionPoint")!.TextContent);
        Assert.Null((await PointsAsync(1))[0].FaitLe);
        r = await RepondreAsync(jetons[1], "change", "BTS en alternance <b>chez un traiteur</b>");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var p1 = (await PointsAsync(1))[0];
        Assert.Equal((ConstatSuivi.AChange, "BTS en alternance <b>chez un traiteur</b>"), (p1.Constat, p1.Precision));

        // No answer chosen: a message, nothing written.
        r = await Pro.PosterAsync(_c[Anonyme], "/r/" + jetons[2], []);
        Assert.Contains("Choisis une réponse", (await Pro.Html(r)).Body!.TextContent);

        // "Non, j'ai arrêté": the solution is abandoned, the check-ins left are cancelled, the file is reopened "à contacter", a priority.
        r = await RepondreAsync(jetons[2], "arrete");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var d2 = await DossierAsync(2);
        Assert.Equal((StatutDossier.AContacter, (bool?)false, 0), (d2.Statut, d2.SortieMaintenue, d2.NombreTentatives));
        Assert.NotNull(d2.SortiSansSolutionLe);
        var points2 = await PointsAsync(2);
        Assert.Equal(ConstatSuivi.SortiSansSolution, points2[0].Constat);
        Assert.All(points2.Skip(1), p => Assert.NotNull(p.AnnuleLe));
        await using (var db = f.CreateDbContext())
        {
            Assert.Equal(StatutSolution.Abandonnee, await db.SolutionsSuivi.Where(s => s.JeuneSuiviId == _dossiers[2]).Select(s => s.Statut).SingleAsync());
            var historique = await db.EvenementsDossier.Where(e => e.JeuneSuiviId == _dossiers[2] && e.Auteur == ReponsesJeune.AuteurJeune).Select(e => new { e.Nature, e.Detail }).ToListAsync();
            Assert.Contains(historique, e => e.Nature == NatureEvenement.PointSuivi && e.Detail.StartsWith("point de suivi à 1 mois : sorti·e sans solution", StringComparison.Ordinal));
            Assert.Contains(historique, e => e.Nature == NatureEvenement.Statut && e.Detail.Contains("« En solution » → « À contacter »", StringComparison.Ordinal));
            var ids = _dossiers.Select(d => Texte(d)).ToList();
            Assert.Equal(3, await db.Journal.CountAsync(j => j.Utilisateur == ReponsesJeune.AuteurJeune && ids.Contains(j.RessourceId!) && j.Detail!.StartsWith("réponse par le lien personnel : point de suivi")));

            // Whoever handles the file is told, with a link and nothing personal.
            var avis = await db.MessagesSortants.Where(m => m.Destinataire == _comptes[RefA].Courriel && m.Sujet == "Réponse d'un jeune à un point de suivi").Select(m => m.Corps).ToListAsync();
            Assert.Equal(3, avis.Count);
            Assert.Contains(avis, c => c.Contains($"/pro/decrocheurs/{_dossiers[2]}", StringComparison.Ordinal));
            Assert.All(avis, c => Assert.DoesNotContain("Quelvina", c));
            Assert.All(avis, c => Assert.DoesNotContain("Tressolan", c));
        }

        // First in the work list, prioritaire for that reason.
        var liste = await Pro.PageAsync(_c[RefA], "/pro/decrocheurs?onglet=a-traiter");
        var premiere = liste.QuerySelector("table.data tbody tr")!;
        Assert.Equal(Url(2), premiere.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Prioritaire : " + Drapeaux.SortiSansSolution, premiere.TextContent);

        // Replayed: the same 404 page, nothing changes; a check-in's link does not take the four other answers.
        var rejoue = await _c[Anonyme].GetAsync("/r/" + jetons[0]);
        Assert.Equal(HttpStatusCode.NotFound, rejoue.StatusCode);
        Assert.Equal("Ce lien n'est pas ou plus valable", (await Pro.Html(rejoue)).QuerySelector("h1")!.TextContent);
        var jetonAntiforgery = (await Pro.PageAsync(_c[Anonyme], "/r/" + jetons[3])).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var rejouePost = await _c[Anonyme].PostAsync($"/r/{jetons[0]}?handler=Point", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = jetonAntiforgery, ["ReponsePoint"] = "arrete" }));
        Assert.Equal(HttpStatusCode.NotFound, rejouePost.StatusCode);
        Assert.Equal(ConstatSuivi.ToujoursEnSolution, (await PointsAsync(0))[0].Constat);
        var autre = await _c[Anonyme].PostAsync($"/r/{jetons[3]}?handler=NePasContacter", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = jetonAntiforgery }));
        Assert.Equal(HttpStatusCode.NotFound, autre.StatusCode);
        Assert.Null((await DossierAsync(3)).NePasContacterLe);

        // Expired (30 days): refused, the check-in stays to do.
        await AllerAuAsync(A(Jour0.AddDays(31), 10));
        Assert.Equal(HttpStatusCode.NotFound, (await _c[Anonyme].GetAsync("/r/" + jetons[3])).StatusCode);
        Assert.Null((await PointsAsync(3))[0].FaitLe);
    }

    [Fact]
    public async Task Questions_LeaveOnlyByDay_NeverAfterNePasContacter_OncePerCheckIn_WithThePsadsText_BySmsToTheGatewayAndByEmailToSmtp()
    {
        var r = await Pro.PosterAsync(_c[CoordX], $"/pro/decrocheurs/equipe?psad={_psad}", new() { ["SaisieModeles[modelePointSuivi]"] = "Coucou {prenom}, ici {structure}. Toujours en formation ? {lien}" });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);

        // Due today: files 0, 3 (asked not to be contacted) and 5 (e-mail only) at 1 month, 2 at 3 months; file 1 has nothing due.
        await EnSolutionAsync(0, Jour0.AddMonths(-1));
        await EnSolutionAsync(1, Jour0.AddMonths(-2));
        await EnSolutionAsync(2, Jour0.AddMonths(-3));
        await EnSolutionAsync(3, Jour0.AddMonths(-1));
        await EnSolutionAsync(5, Jour0.AddMonths(-1));
        Assert.Equal([3, 6, 12], (await PointsAsync(2)).Select(p => p.Mois));
        await using (var db = f.CreateDbContext())
        {
            await db.JeunesSuivis.Where(j => j.Id == _dossiers[3]).ExecuteUpdateAsync(u => u.SetProperty(j => j.NePasContacterLe, _horloge.Maintenant.UtcDateTime));
        }

        foreach (var nuit in new[] { A(Jour0, 3), A(Jour0, 20, 30), A(Jour0, 7, 59) })
        {
            _horloge.Maintenant = nuit;
            Assert.Equal(0, await QuestionnerAsync());
        }

        _horloge.Maintenant = A(Jour0, 10);
        Assert.Equal(3, await QuestionnerAsync());
        Assert.Equal(0, await QuestionnerAsync());
        _horloge.Maintenant = A(Jour0.AddDays(1), 10);
        Assert.Equal(0, await QuestionnerAsync());

        await using (var db = f.CreateDbContext())
        {
            var messages = await db.MessagesJeune.AsNoTracking().Where(m => _dossiers.Contains(m.JeuneSuiviId)).ToDictionaryAsync(m => m.JeuneSuiviId);
            Assert.Equal([_dossiers[0], _dossiers[2], _dossiers[5]], messages.Keys.Order());
            Assert.Equal(CanalContact.Courriel, messages[_dossiers[5]].Canal);
            Assert.Equal((await PointsAsync(2))[0].Id, messages[_dossiers[2]].PointSuiviId);
            var ids = _dossiers.Select(d => Texte(d)).ToList();
            Assert.Equal(3, await db.Journal.CountAsync(j => j.Utilisateur == MessagesJeune.AuteurPointSuivi && ids.Contains(j.RessourceId!) && j.Detail!.StartsWith("message envoyé : point de suivi")));
            Assert.True(await db.EvenementsDossier.AnyAsync(e => e.JeuneSuiviId == _dossiers[2] && e.Nature == NatureEvenement.Message && e.Detail == "point de suivi à 3 mois par sms (le jeune)"));
            var sms = await db.SmsSortants.AsNoTracking().SingleAsync(s => s.Numero == Mobile(0));
            Assert.StartsWith($"Coucou {Prenom(0)}, ici Missions locales du Puy-de-Dôme", sms.Texte);
        }

        // Delivery: the SMS to the local HTTP gateway, the e-mail to the local SMTP server.
        await using var passerelle = await PasserelleSmsDeTest.DemarrerAsync();
        await using var smtp = new SmtpTestServer();
        await using (var envoi = _app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Sms:Passerelle", passerelle.Url);
            b.UseSetting("Sms:Jeton", "jeton-points");
            b.UseSetting("Sms:ModeleCorps", """{"destinataire":"{numero}","contenu":"{texte}"}""");
            b.UseSetting("Mail:Host", "127.0.0.1");
            b.UseSetting("Mail:Port", smtp.Port.ToString(CultureInfo.InvariantCulture));
            b.UseSetting("Mail:Securite", "None");
        }))
        {
            using var scope = envoi.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<FileSms>().EnvoyerEnAttenteAsync();
            for (var i = 0; i < 20 && await scope.ServiceProvider.GetRequiredService<Courrier>().EnvoyerEnAttenteAsync() > 0; i++)
            {
            }
        }

        var recus = passerelle.Recues.Select(x => JsonDocument.Parse(x.Corps).RootElement).Where(x => x.GetProperty("destinataire").GetString() == Mobile(0)).ToList();
        var contenu = Assert.Single(recus).GetProperty("contenu").GetString()!;
        Assert.StartsWith("Coucou", contenu);
        Assert.Matches(LienRegex(), contenu);
        var courriel = Assert.Single(smtp.Recus, m => m.To.ToString().Contains(Courriel(5), StringComparison.Ordinal));
        Assert.Matches(LienRegex(), courriel.TextBody);
        Assert.DoesNotContain(Nom(5), courriel.TextBody);
    }

    [Fact]
    public async Task ReferentCheckIn_OnTheCaseFile_OnceWithItsDate_BadInputInFrench_TheLinkDiesWithIt_AndOnlyHandlersMayPostIt()
    {
        await EnSolutionAsync(0, Jour0.AddMonths(-1));
        Assert.Equal(1, await QuestionnerAsync());
        var jeton = await JetonAsync(0);

        // The work list's tab shows the check-in due.
        var tab = await Pro.PageAsync(_c[RefA], "/pro/decrocheurs?onglet=points-suivi");
        Assert.Contains("Points de suivi à faire (1)", tab.Body!.TextContent);
        var ligne = Assert.Single(tab.QuerySelectorAll("table.data tbody tr"));
        Assert.Contains("Point de suivi à 1 mois dû le 02/11/2026", ligne.TextContent);

        var page = await Pro.PageAsync(_c[RefA], Url(0));
        Assert.Contains("Faire le point de suivi à 1 mois (échéance le 02/11/2026)", page.Body!.TextContent);
        Assert.Contains("à faire aujourd'hui", page.Body.TextContent);

        var point = (await PointsAsync(0))[0];
        foreach (var (champs, id, message) in new (Dictionary<string, string>, string, string)[]
        {
            (new() { ["ConstatLe"] = Date(Jour0) }, "constat", "Choisissez la situation constatée"),
            (new() { ["Constat"] = "a-change" }, "nouveauType", "Indiquez le type de la nouvelle solution"),
            (new() { ["Constat"] = "injoignable", ["ConstatLe"] = Date(Jour0.AddDays(1)) }, "constatLe", "ne peut pas être dans le futur"),
            (new() { ["Constat"] = "injoignable", ["ConstatLe"] = "20/10/2026" }, "constatLe", "à partir du 26/10/2026"),
            (new() { ["Constat"] = "injoignable", ["ConstatLe"] = "32/10/2026" }, "constatLe", ""),
            (new() { ["Constat"] = "injoignable", ["PrecisionPoint"] = new string('x', PointSuivi.PrecisionMax + 1) }, "precisionPoint", "200"),
        })
        {
            var r = await FaireAsync(RefA, 0, champs);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Contains(message, (await Pro.Html(r)).QuerySelector($"#err-{id}")!.TextContent);
        }

        Assert.Null((await PointsAsync(0))[0].FaitLe);

        var ok = await FaireAsync(RefA, 0, new() { ["Constat"] = "injoignable", ["ConstatLe"] = "01/11/2026", ["PrecisionPoint"] = "trois appels sans réponse" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var fait = (await PointsAsync(0))[0];
        Assert.Equal((ConstatSuivi.Injoignable, false, NomReferent, "trois appels sans réponse"), (fait.Constat, fait.ParJeune, fait.Auteur, fait.Precision));
        Assert.Equal(HeureParis.Utc(new DateTime(2026, 11, 1, 12, 0, 0)), fait.FaitLe);
        Assert.Equal(StatutDossier.EnSolution, (await DossierAsync(0)).Statut);
        await using (var db = f.CreateDbContext())
        {
            Assert.True(await db.EvenementsDossier.AnyAsync(e => e.JeuneSuiviId == _dossiers[0] && e.Nature == NatureEvenement.PointSuivi && e.Auteur == NomReferent && e.Detail.StartsWith("point de suivi à 1 mois : injoignable")));
            Assert.True(await db.Journal.AnyAsync(j => j.Ressource == "dossier-suivi" && j.RessourceId == Texte(_dossiers[0]) && j.Detail == $"point de suivi {point.Id} (1 mois) : injoignable"));
        }

        // Done once: the link is dead, a second recording is refused, the file shows the result.
        Assert.Equal(HttpStatusCode.NotFound, (await _c[Anonyme].GetAsync("/r/" + jeton)).StatusCode);
        var champsPoint = new Dictionary<string, string> { ["Version"] = Texte((await DossierAsync(0)).Version), ["PointId"] = Texte(point.Id), ["Constat"] = "toujours-en-solution", ["ConstatLe"] = Date(Jour0) };
        var deux = await ForcerAsync(_c[RefA], Url(0), Url(0) + "?handler=PointSuivi", champsPoint);
        Assert.Equal(HttpStatusCode.OK, deux.StatusCode);
        Assert.Contains("a déjà été fait le 1 novembre 2026", (await Pro.Html(deux)).Body!.TextContent);
        Assert.Equal(ConstatSuivi.Injoignable, (await PointsAsync(0))[0].Constat);
        var apres = (await Pro.PageAsync(_c[RefA], Url(0))).Body!.TextContent;
        Assert.Contains("Injoignable : trois appels sans réponse – " + NomReferent, apres);
        Assert.DoesNotContain("Faire le point de suivi", apres);
        Assert.Contains("Points de suivi à faire (0)", (await Pro.PageAsync(_c[RefA], "/pro/decrocheurs?onglet=points-suivi")).Body!.TextContent);

        // The next one is not due yet. Who may post the handler: the file's référent and coordinator reach it (a French refusal
        // of the date), everybody else gets 404 (anonymous: the sign-in), and nothing is written.
        var suivant = (await PointsAsync(0))[1];
        var tot = new Dictionary<string, string> { ["Version"] = Texte((await DossierAsync(0)).Version), ["PointId"] = Texte(suivant.Id), ["Constat"] = "toujours-en-solution", ["ConstatLe"] = Date(Jour0) };
        foreach (var (qui, pageJeton, attendu) in new[]
        {
            (RefA, Url(0), HttpStatusCode.OK), (CoordX, Url(0), HttpStatusCode.OK), (RefB, "/pro/decrocheurs", HttpStatusCode.NotFound),
            (CoordY, "/pro/decrocheurs", HttpStatusCode.NotFound), (Region, "/pro/decrocheurs/equipe", HttpStatusCode.NotFound),
        })
        {
            var r = await ForcerAsync(_c[qui], pageJeton, Url(0) + "?handler=PointSuivi", tot);
            Assert.True(attendu == r.StatusCode, $"{qui}: {(int)r.StatusCode}");
            if (attendu == HttpStatusCode.OK)
            {
                Assert.Contains("il se fait à partir du 26/12/2026", (await Pro.Html(r)).Body!.TextContent);
            }
        }

        var anonyme = await _c[Anonyme].PostAsync(Url(0) + "?handler=PointSuivi", new FormUrlEncodedContent(tot));
        Assert.True(anonyme.StatusCode == HttpStatusCode.Redirect && anonyme.Headers.Location!.ToString().Contains("/pro/connexion", StringComparison.Ordinal), $"{(int)anonyme.StatusCode}");
        Assert.Null((await PointsAsync(0))[1].FaitLe);

        // The tab of the others shows nobody of this file; the regional administrator has no work list.
        foreach (var qui in new[] { RefB, CoordY })
        {
            var autre = await Pro.PageAsync(_c[qui], "/pro/decrocheurs?onglet=points-suivi");
            Assert.DoesNotContain(Nom(0).ToUpperInvariant(), autre.DocumentElement.OuterHtml);
            Assert.Contains("Points de suivi à faire (0)", autre.Body!.TextContent);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await _c[Region].GetAsync("/pro/decrocheurs?onglet=points-suivi")).StatusCode);
    }

    [Fact]
    public async Task SortiePositiveMaintenue_IsTrueOnlyWhenTheLastCheckInFindsThemInASolution_FalseWhenOutOrUnreachable_AndAClosedFileKeepsItsCheckIns()
    {
        await using (var db = f.CreateDbContext())
        {
            var psad = await db.Psads.SingleAsync(p => p.Id == _idPsad);
            psad.Reglages.MoisPointsSuivi = "1,2";
            await db.SaveChangesAsync();
        }

        // 0 closed at once as a positive exit (its check-ins go on), 1 and 2 "en solution", 3 closed too.
        await EnSolutionAsync(0, Jour0, cloturer: true);
        await EnSolutionAsync(1, Jour0);
        await EnSolutionAsync(2, Jour0);
        await EnSolutionAsync(3, Jour0, cloturer: true);
        Assert.All(await Task.WhenAll(Enumerable.Range(0, 4).Select(PointsAsync)), p => Assert.Equal([1, 2], p.Select(x => x.Mois)));
        Assert.All((await PointsAsync(0)).Concat(await PointsAsync(3)), p => Assert.Null(p.AnnuleLe));

        Task<HttpResponseMessage> Faire(int i, string constat, string? type = null, string? precision = null)
        {
            var champs = new Dictionary<string, string> { ["Constat"] = constat };
            if (type is not null)
            {
                champs["NouveauType"] = type;
            }

            if (precision is not null)
            {
                champs["PrecisionPoint"] = precision;
            }

            return FaireAsync(RefA, i, champs);
        }

        await AllerAuAsync(A(new DateOnly(2026, 12, 2), 10));
        Assert.Equal(HttpStatusCode.Redirect, (await Faire(0, "toujours-en-solution")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Faire(1, "a-change", "emploi-durable", "CDI dans la restauration")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Faire(2, "toujours-en-solution")).StatusCode);
        Assert.All(await Task.WhenAll(Enumerable.Range(0, 3).Select(DossierAsync)), d => Assert.Null(d.SortieMaintenue));

        // A closed file whose young person left: a reopening, "à contacter", a priority, out of a solution.
        Assert.Equal(HttpStatusCode.Redirect, (await Faire(3, "sorti-sans-solution")).StatusCode);
        var d3 = await DossierAsync(3);
        Assert.Equal((StatutDossier.AContacter, (MotifCloture?)null, (DateTime?)null, (bool?)false), (d3.Statut, d3.MotifCloture, d3.ClotureLe, d3.SortieMaintenue));
        Assert.NotNull((await PointsAsync(3))[1].AnnuleLe);
        await using (var db = f.CreateDbContext())
        {
            Assert.True(await db.EvenementsDossier.AnyAsync(e => e.JeuneSuiviId == _dossiers[3] && e.Nature == NatureEvenement.Reouverture && e.Auteur == NomReferent && e.Detail.Contains("sorti·e sans solution au point de suivi à 1 mois")));
            Assert.True(await db.Journal.AnyAsync(j => j.RessourceId == Texte(_dossiers[3]) && j.Detail!.Contains("sorti-sans-solution, dossier rouvert (a-contacter), sortie maintenue non")));
        }

        var liste = await Pro.PageAsync(_c[RefA], "/pro/decrocheurs?onglet=a-traiter");
        Assert.Equal(Url(3), liste.QuerySelector("table.data tbody tr a")!.GetAttribute("href"));

        // The last check-in decides: still there (the closed file stays closed), still in the other solution, unreachable.
        await AllerAuAsync(A(new DateOnly(2027, 1, 4), 10));
        Assert.Equal(HttpStatusCode.Redirect, (await Faire(0, "toujours-en-solution")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Faire(1, "toujours-en-solution")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Faire(2, "injoignable")).StatusCode);
        var d0 = await DossierAsync(0);
        Assert.Equal((StatutDossier.Cloture, (bool?)true), (d0.Statut, d0.SortieMaintenue));
        Assert.True((await DossierAsync(1)).SortieMaintenue);
        Assert.False((await DossierAsync(2)).SortieMaintenue);

        // "Toujours en solution" after "a changé" is still in the other solution: recorded so, with its kind.
        var dernier = (await PointsAsync(1))[1];
        Assert.Equal((ConstatSuivi.AChange, (TypeSolution?)TypeSolution.EmploiDurable), (dernier.Constat, dernier.NouveauType));
        Assert.Contains("Sortie positive maintenue : oui", (await Pro.PageAsync(_c[RefA], Url(1))).Body!.TextContent);
        Assert.Contains("Sortie positive maintenue : non", (await Pro.PageAsync(_c[RefA], Url(2))).Body!.TextContent);
    }

    [Fact]
    public async Task Transfer_Cancellation_AndOtherClosures_CancelTheOpenCheckIns_APositiveExitKeepsThem()
    {
        for (var i = 0; i < 4; i++)
        {
            await EnSolutionAsync(i, Jour0.AddMonths(-1));
        }

        Assert.Equal(4, await QuestionnerAsync());
        var jeton = await JetonAsync(0);

        Assert.Equal(HttpStatusCode.Redirect, (await Pro.PosterAsync(_c[CoordX], Url(0), new() { ["MotifAnnulation"] = "doublon" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Pro.PosterAsync(_c[RefA], Url(1), new() { ["Motif"] = "demenagement" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Pro.PosterAsync(_c[CoordX], Url(2), new() { ["PsadCible"] = _psadY, ["MotifTransfert"] = "Déménagement dans le Rhône." })).StatusCode);
        int transfert;
        await using (var db = f.CreateDbContext())
        {
            transfert = await db.TransfertsSuivi.Where(t => t.JeuneSuiviId == _dossiers[2]).Select(t => t.Id).SingleAsync();
        }

        // Asked, not yet accepted: the check-ins stand.
        Assert.All(await PointsAsync(2), p => Assert.Null(p.AnnuleLe));
        Assert.Equal(HttpStatusCode.Redirect, (await Pro.PosterAsync(_c[CoordY], "/pro/decrocheurs/transferts", new() { ["TransfertId"] = Texte(transfert) }, "/pro/decrocheurs/transferts?handler=Accepter")).StatusCode);
        Assert.Equal(StatutDossier.Transfere, (await DossierAsync(2)).Statut);
        Assert.Equal(HttpStatusCode.Redirect, (await Pro.PosterAsync(_c[RefA], Url(3), new() { ["Motif"] = "sortie-positive" })).StatusCode);

        foreach (var i in new[] { 0, 1, 2 })
        {
            Assert.All(await PointsAsync(i), p => Assert.Equal(_horloge.Maintenant.UtcDateTime, p.AnnuleLe));
        }

        Assert.All(await PointsAsync(3), p => Assert.Null(p.AnnuleLe));
        Assert.Equal(HttpStatusCode.NotFound, (await _c[Anonyme].GetAsync("/r/" + jeton)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _c[Anonyme].GetAsync("/r/" + await JetonAsync(3))).StatusCode);
        await using (var db = f.CreateDbContext())
        {
            Assert.True(await db.EvenementsDossier.AnyAsync(e => e.JeuneSuiviId == _dossiers[0] && e.Nature == NatureEvenement.Annulation && e.Detail.Contains("4 point(s) de suivi annulé(s)")));
            Assert.True(await db.EvenementsDossier.AnyAsync(e => e.JeuneSuiviId == _dossiers[1] && e.Nature == NatureEvenement.Cloture && e.Detail.Contains("4 point(s) de suivi annulé(s)")));
            Assert.Equal(1, await PointsSuivi.DusAsync(db, db.JeunesSuivis.Where(j => j.PsadId == _idPsad), Jour0));
        }

        // The next check-in of the positive exit is asked when due; none of the cancelled ones.
        _horloge.Maintenant = A(Jour0.AddMonths(2), 10);
        Assert.Equal(1, await QuestionnerAsync());
    }

    [Fact]
    public async Task Retention_ErasesTheCheckInsWords_AndKeepsAPositiveExitUntilAMonthAfterItsLastCheckIn()
    {
        await EnSolutionAsync(0, Jour0.AddMonths(-1));
        await EnSolutionAsync(1, Jour0, cloturer: true);
        Assert.Equal(HttpStatusCode.Redirect, (await FaireAsync(RefA, 0, new() { ["Constat"] = "a-change", ["NouveauType"] = "apprentissage", ["PrecisionPoint"] = "CAP boulanger à Thiers" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Pro.PosterAsync(_c[RefA], Url(2), new() { ["Motif"] = "sans-besoin" })).StatusCode);

        // Thirteen months after the closures, the file closed without a solution goes; the positive exit waits for its 12-month check-in.
        await using (var db = f.CreateDbContext())
        {
            await db.JeunesSuivis.Where(j => j.Id == _dossiers[1] || j.Id == _dossiers[2]).ExecuteUpdateAsync(u => u.SetProperty(j => j.ClotureLe, j => j.ClotureLe!.Value.AddMonths(-13)));
        }

        async Task Conserver(DateTimeOffset quand)
        {
            using var scope = _app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<ConservationSuivi>().AppliquerAsync(quand.UtcDateTime);
        }

        await Conserver(A(Jour0, 12));
        Assert.NotNull((await DossierAsync(2)).AnonymiseLe);
        Assert.Null((await DossierAsync(1)).AnonymiseLe);
        var echeance = (await PointsAsync(1)).Max(p => p.Echeance);
        Assert.Equal(new DateOnly(2027, 11, 2), echeance);
        var page = (await Pro.PageAsync(_c[RefA], Url(1))).Body!.TextContent;
        Assert.Contains("sera anonymisé le 3 décembre 2027", page);
        await Conserver(A(echeance.AddDays(PointsSuivi.RetardMaxJours), 12));
        Assert.Null((await DossierAsync(1)).AnonymiseLe);
        await Conserver(A(echeance.AddDays(PointsSuivi.RetardMaxJours + 1), 12));
        Assert.NotNull((await DossierAsync(1)).AnonymiseLe);

        // At the latest 24 months after the list: the check-in keeps its finding, not the words nor who wrote them; out of every list.
        await Conserver(A(Jour0.AddMonths(25), 12));
        Assert.NotNull((await DossierAsync(0)).AnonymiseLe);
        var p = (await PointsAsync(0))[0];
        Assert.Equal((ConstatSuivi.AChange, (TypeSolution?)TypeSolution.Apprentissage, (string?)null, ConservationSuivi.Efface), (p.Constat, p.NouveauType, p.Precision, p.Auteur));
        await using var verif = f.CreateDbContext();
        Assert.Equal(0, await PointsSuivi.DusAsync(verif, verif.JeunesSuivis.Where(j => j.PsadId == _idPsad), Jour0.AddMonths(25)));
    }

    [Fact]
    public async Task CheckInLinkPage_WeighsUnder30KB_WithItsStylesAndScript()
    {
        await EnSolutionAsync(0, Jour0.AddMonths(-1));
        Assert.Equal(1, await QuestionnerAsync());
        var client = _c[Anonyme];
        var page = await client.GetAsync("/r/" + await JetonAsync(0));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsByteArrayAsync();
        var doc = await Pro.Html(page);
        Assert.NotNull(doc.QuerySelector("form[action*='handler=Point'] input[name=ReponsePoint]"));
        long total = html.Length;
        foreach (var res in doc.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")).Concat(doc.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src"))))
        {
            total += (await client.GetByteArrayAsync(res)).Length;
        }

        // Uncompressed: what a phone receives compressed is less.
        Assert.True(total <= 30_000, $"{total} bytes");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PointsSuiviSqliteTests(SqliteAppFactory f) : PointsSuiviTests(f);

[Collection(PostgresCollection.Name)]
public sealed class PointsSuiviPostgresTests(PostgresAppFactory f) : PointsSuiviTests(f);
