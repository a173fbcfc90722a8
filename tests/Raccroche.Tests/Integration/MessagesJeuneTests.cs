using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace Raccroche.Tests.Integration;

/// <summary>
/// Reaching the young person from a case file, on both databases: a message by e-mail (through the outbox to a local SMTP
/// server) and by SMS (to a local HTTP gateway, and to the drop folder), the personal link answered for each choice through its
/// real forms (a replayed, expired or unknown link refused with one page), the texts edited per PSAD, and the automatic
/// reminders under a fake clock (none at night, none after "ne pas contacter", two at most). Each test builds its own PSAD.
/// </summary>
public abstract partial class MessagesJeuneTests(AppFactory f) : IAsyncLifetime
{
    private static readonly DateOnly Novembre = new(2026, 11, 1);
    private readonly string _marque = Guid.NewGuid().ToString("N")[..10];
    private HttpClient _referent = null!, _coordinateur = null!;
    private CompteTest _compteReferent = null!;
    private string _psad = "";
    private int _idPsad;
    private readonly List<int> _dossiers = [];

    /// <summary>Five invented young people; the first is a minor (17), with a legal guardian's contacts.</summary>
    private string Prenom(int i) => $"Zelinor{(char)('a' + i)}";

    /// <summary>Letters only (a name with digits is refused at import).</summary>
    private string Nom(int i) => $"Brevalcor{(char)('a' + i)}{string.Concat(_marque[..4].Select(c => (char)('a' + (c % 26))))}";

    private string Courriel(int i) => $"jeune{i}-{_marque}@exemple.fr";

    private static string Mobile(int i) => $"+3361234567{i}";

    public async Task InitializeAsync()
    {
        await using var db = f.CreateDbContext();
        var a = await db.Structures.Where(s => s.Slug == "ml-63").Select(s => s.Id).SingleAsync();
        _psad = "tm" + _marque;
        var psad = new Psad { Code = _psad, Nom = "PSAD M " + _psad, Territoire = ["63"], Partenaires = [new() { StructureId = a }] };
        db.Psads.Add(psad);
        await db.SaveChangesAsync();
        _idPsad = psad.Id;

        _compteReferent = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-63");
        var coordinateur = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "mlds-academie-clermont");
        using (var scope = f.Services.CreateScope())
        {
            var equipe = scope.ServiceProvider.GetRequiredService<EquipeSuivi>();
            Assert.True((await equipe.AccorderAsync(_idPsad, coordinateur.Courriel, RoleSuivi.CoordinateurPsad, false, parAdminRegional: true, "test")).Reussi);
            Assert.True((await equipe.AccorderAsync(_idPsad, _compteReferent.Courriel, RoleSuivi.ReferentSuivi, false, parAdminRegional: false, "test")).Reussi);
            var csv = new StringBuilder("INE;Nom;Prénom;Date de naissance;Commune;Code INSEE;Téléphone;Courriel;Téléphone responsable légal;Courriel responsable légal;Date de sortie\r\n");
            var aujourdhui = DateOnly.FromDateTime(DateTime.UtcNow);
            for (var i = 0; i < 5; i++)
            {
                var naissance = i == 0 ? aujourdhui.AddYears(-17).AddDays(-20) : aujourdhui.AddYears(-20).AddDays(-i);
                csv.Append(CultureInfo.InvariantCulture, $"77{i:D8}{(char)('A' + i)};{Nom(i)};{Prenom(i)};{naissance:dd/MM/yyyy};Thiers;63430;06 12 34 56 7{i};{Courriel(i)};07 11 22 33 4{i};famille{i}-{_marque}@exemple.fr;{Novembre.AddDays(-150):dd/MM/yyyy}\r\n");
            }

            var rapport = await scope.ServiceProvider.GetRequiredService<ImportSiei>()
                .ExecuterAsync(_psad, Novembre, ListeSieiSynthetique.Flux(csv.ToString()), "liste.csv", false, false, "test");
            Assert.True(rapport.Importe, rapport.Resume() + string.Join(" | ", rapport.Erreurs.Select(e => $"{e.Ligne} {e.Champ} {e.Message}")));
        }

        _referent = await Pro.ConnecterAsync(f, _compteReferent);
        _coordinateur = await Pro.ConnecterAsync(f, coordinateur);
        _dossiers.AddRange(await db.JeunesSuivis.Where(j => j.PsadId == _idPsad).OrderBy(j => j.Ine).Select(j => j.Id).ToListAsync());
        Assert.Equal(5, _dossiers.Count);
        foreach (var d in _dossiers)
        {
            var r = await Pro.PosterAsync(_coordinateur, $"/pro/decrocheurs/{d}", new() { ["StructureId"] = a.ToString(CultureInfo.InvariantCulture) });
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpResponseMessage> EnvoyerAsync(int dossier, string destinataireEtCanal) =>
        Pro.PosterAsync(_referent, $"/pro/decrocheurs/{dossier}", new() { ["MessageCanal"] = destinataireEtCanal }, $"/pro/decrocheurs/{dossier}?handler=Message");

    [GeneratedRegex(@"/r/([A-Za-z0-9_-]{22})")]
    private static partial Regex LienRegex();

    /// <summary>The token of the personal link in the last e-mail to <paramref name="adresse"/>.</summary>
    private async Task<string> JetonAsync(string adresse)
    {
        await using var db = f.CreateDbContext();
        var corps = await db.MessagesSortants.Where(m => m.Destinataire == adresse).OrderByDescending(m => m.Id).Select(m => m.Corps).FirstAsync();
        var m = LienRegex().Match(corps);
        Assert.True(m.Success, corps);
        return m.Groups[1].Value;
    }

    private async Task<string> EnvoyerCourrielAsync(int i)
    {
        Assert.Equal(HttpStatusCode.Redirect, (await EnvoyerAsync(_dossiers[i], "jeune|courriel")).StatusCode);
        return await JetonAsync(Courriel(i));
    }

    private async Task<JeuneSuivi> DossierAsync(int i)
    {
        await using var db = f.CreateDbContext();
        return await db.JeunesSuivis.AsNoTracking().SingleAsync(j => j.Id == _dossiers[i]);
    }

    private WebApplicationFactory<Program> App(TimeProvider? horloge, params (string Cle, string Valeur)[] reglages) =>
        f.WithWebHostBuilder(b =>
        {
            foreach (var (cle, valeur) in reglages)
            {
                b.UseSetting(cle, valeur);
            }

            if (horloge is not null)
            {
                b.ConfigureTestServices(s => s.AddSingleton(horloge));
            }
        });

    [Fact]
    public async Task MessageByEmail_GoesThroughTheOutboxToSmtp_WithAPersonalLinkStoredHashed_InTheHistoryAndTheAuditTrail()
    {
        var page = await Pro.PageAsync(_referent, $"/pro/decrocheurs/{_dossiers[1]}");
        Assert.Contains("Écrire au jeune", page.Body!.TextContent);
        // An adult: the guardian is not offered.
        Assert.DoesNotContain(page.QuerySelectorAll("button[name=MessageCanal]"), b => b.GetAttribute("value")!.StartsWith("responsable-legal", StringComparison.Ordinal));

        var jeton = await EnvoyerCourrielAsync(1);
        await using (var db = f.CreateDbContext())
        {
            var message = await db.MessagesJeune.SingleAsync(m => m.JeuneSuiviId == _dossiers[1]);
            Assert.Equal(LienPersonnel.Empreinte(jeton), message.EmpreinteLien);
            Assert.DoesNotContain(jeton, message.EmpreinteLien);
            Assert.Equal(CanalContact.Courriel, message.Canal);
            Assert.InRange(message.LienExpireLe - message.EnvoyeLe, TimeSpan.FromDays(29.9), TimeSpan.FromDays(30.1));
            Assert.Equal(StatutDossier.ContactEnCours, (await DossierAsync(1)).Statut);
            Assert.True(await db.EvenementsDossier.AnyAsync(e => e.JeuneSuiviId == _dossiers[1] && e.Nature == NatureEvenement.Message));
            Assert.True(await db.Journal.AnyAsync(j => j.Ressource == "dossier-suivi" && j.RessourceId == _dossiers[1].ToString(CultureInfo.InvariantCulture) && j.Detail!.StartsWith("message envoyé")));
        }

        await using var smtp = new SmtpTestServer();
        await using var app = App(null, ("Mail:Host", "127.0.0.1"), ("Mail:Port", smtp.Port.ToString(CultureInfo.InvariantCulture)), ("Mail:Securite", "None"));
        using (var scope = app.Services.CreateScope())
        {
            // Fifty at a time: until the outbox is empty.
            for (var i = 0; i < 20 && await scope.ServiceProvider.GetRequiredService<Courrier>().EnvoyerEnAttenteAsync() > 0; i++)
            {
            }
        }

        var recu = Assert.Single(smtp.Recus, m => m.To.ToString().Contains(Courriel(1), StringComparison.Ordinal));
        Assert.Contains("/r/" + jeton, recu.TextBody);
        Assert.Contains(Prenom(1), recu.TextBody);
        Assert.DoesNotContain(Nom(1), recu.TextBody);
    }

    [Fact]
    public async Task MessageBySms_IsPostedToTheHttpGateway_WithTheTokenHeaderAndTheBodyTemplate_AndAFailureIsRetried()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await EnvoyerAsync(_dossiers[2], "jeune|sms")).StatusCode);
        long id;
        DateTime prevue;
        await using (var db = f.CreateDbContext())
        {
            var sms = await db.SmsSortants.AsNoTracking().Where(s => s.Numero == Mobile(2)).SingleAsync();
            (id, prevue) = (sms.Id, sms.ProchaineTentative);
            Assert.Contains("/r/", sms.Texte);
        }

        await using var passerelle = await PasserelleSmsDeTest.DemarrerAsync();
        passerelle.Statut = 500;
        var horloge = new HorlogeFixe(new DateTimeOffset(prevue.AddMinutes(1), TimeSpan.Zero));
        await using var app = App(horloge, ("Sms:Passerelle", passerelle.Url), ("Sms:Jeton", "jeton-de-test"),
            ("Sms:ModeleCorps", """{"destinataire":"{numero}","contenu":"{texte}"}"""));
        async Task Envoyer()
        {
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<FileSms>().EnvoyerEnAttenteAsync();
        }

        await Envoyer();
        await using (var db = f.CreateDbContext())
        {
            var sms = await db.SmsSortants.AsNoTracking().SingleAsync(s => s.Id == id);
            Assert.Equal(StatutMessage.EnAttente, sms.Statut);
            Assert.Equal(1, sms.Tentatives);
            Assert.Contains("500", sms.DerniereErreur);
        }

        passerelle.Statut = 200;
        horloge.Avancer(TimeSpan.FromMinutes(3));
        await Envoyer();
        var recues = passerelle.Recues.Select(r => (r, Corps: JsonDocument.Parse(r.Corps).RootElement))
            .Where(x => x.Corps.GetProperty("destinataire").GetString() == Mobile(2)).ToList();
        Assert.Equal(2, recues.Count);
        Assert.All(recues, x => Assert.Equal("Bearer jeton-de-test", x.r.Autorisation));
        Assert.StartsWith("application/json", recues[^1].r.TypeContenu);
        Assert.Contains(Prenom(2), recues[^1].Corps.GetProperty("contenu").GetString());
        Assert.Matches(LienRegex(), recues[^1].Corps.GetProperty("contenu").GetString()!);

        await using var verif = f.CreateDbContext();
        var envoye = await verif.SmsSortants.AsNoTracking().SingleAsync(s => s.Id == id);
        Assert.Equal(StatutMessage.Envoye, envoye.Statut);
        Assert.Equal("", envoye.Numero);
        Assert.Equal("", envoye.Texte);
    }

    [Fact]
    public async Task MinorsGuardian_GetsTheVousText_AndThePageSpeaksVous()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await EnvoyerAsync(_dossiers[0], "responsable-legal|sms")).StatusCode);
        string texte;
        await using (var db = f.CreateDbContext())
        {
            texte = await db.SmsSortants.Where(s => s.Numero == "+33711223340").Select(s => s.Texte).SingleAsync();
            Assert.Equal(DestinataireContact.ResponsableLegal, (await db.MessagesJeune.SingleAsync(m => m.JeuneSuiviId == _dossiers[0])).Destinataire);
        }

        Assert.Contains("Répondez ici", texte);
        Assert.Contains(Prenom(0), texte);
        var jeton = LienRegex().Match(texte).Groups[1].Value;
        var client = Pro.Client(f);
        Assert.Equal("Que souhaitez-vous ?", (await Pro.PageAsync(client, "/r/" + jeton)).QuerySelector("h1")!.TextContent);
        var r = await Pro.PosterAsync(client, "/r/" + jeton, new(), $"/r/{jeton}?handler=Rappel");
        Assert.Contains("Cochez au moins un moment", (await Pro.Html(r)).Body!.TextContent);

        // An adult's file offers no guardian: a forged choice is refused with a message, nothing leaves.
        var fiche = await Pro.PageAsync(_referent, $"/pro/decrocheurs/{_dossiers[1]}");
        var forge = await _referent.PostAsync($"/pro/decrocheurs/{_dossiers[1]}?handler=Message", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = fiche.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Version"] = (await DossierAsync(1)).Version.ToString(CultureInfo.InvariantCulture),
            ["MessageCanal"] = "responsable-legal|sms",
        }));
        Assert.Equal(HttpStatusCode.OK, forge.StatusCode);
        Assert.Contains("que pour un mineur", (await Pro.Html(forge)).Body!.TextContent);
        await using var verif = f.CreateDbContext();
        Assert.Equal(0, await verif.MessagesJeune.CountAsync(m => m.JeuneSuiviId == _dossiers[1]));
    }

    [Fact]
    public async Task DropFolder_WritesEachSmsAsAFile_AndNoSmsLeavesAtNight()
    {
        var dossier = Path.Combine(Path.GetTempPath(), "raccroche-test-sms-" + _marque);
        var texte = "Essai " + _marque;
        var midi = HeureParis.Utc(DateTime.UtcNow.Date.AddDays(1).AddHours(12));
        await using (var db = f.CreateDbContext())
        {
            // Queued at 23:00 Paris: it waits for 08:00.
            var nuit = FileSms.Preparer("+33699999999", texte, HeureParis.Utc(DateTime.UtcNow.Date.AddDays(1).AddHours(-1)));
            Assert.Equal(8, HeureParis.Locale(nuit.ProchaineTentative).Hour);
            db.SmsSortants.Add(FileSms.Preparer("+33699999999", texte, midi));
            await db.SaveChangesAsync();
        }

        await using var app = App(new HorlogeFixe(new DateTimeOffset(midi, TimeSpan.Zero)), ("Sms:DossierDepot", dossier));
        using (var scope = app.Services.CreateScope())
        {
            Assert.IsType<DepotSms>(scope.ServiceProvider.GetRequiredService<IExpediteurSms>());
            await scope.ServiceProvider.GetRequiredService<FileSms>().EnvoyerEnAttenteAsync();
        }

        var fichier = Assert.Single(Directory.GetFiles(dossier), x => File.ReadAllText(x).Contains(texte, StringComparison.Ordinal));
        Assert.Contains("+33699999999", File.ReadAllText(fichier));
        Directory.Delete(dossier, true);
    }

    [Fact]
    public async Task PersonalLink_AnsweredForEachChoiceThroughTheRealForms_UpdatesTheFile_NotifiesTheReferent_AndShowsNobody()
    {
        var jetons = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            jetons.Add(await EnvoyerCourrielAsync(i));
        }

        var jeune = Pro.Client(f);
        for (var i = 0; i < 4; i++)
        {
            var corps = (await Pro.PageAsync(jeune, "/r/" + jetons[i])).DocumentElement.OuterHtml;
            Assert.DoesNotContain(Prenom(i), corps);
            Assert.DoesNotContain(Nom(i), corps, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Mission", corps);
        }

        // A call-back without a time is refused with a message; nothing is written.
        var r = await Pro.PosterAsync(jeune, "/r/" + jetons[0], new(), $"/r/{jetons[0]}?handler=Rappel");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("Coche au moins un moment", (await Pro.Html(r)).Body!.TextContent);
        Assert.Null((await DossierAsync(0)).RappelDemandeLe);

        r = await Pro.PosterAsync(jeune, "/r/" + jetons[0], new() { ["Moments"] = "fin-de-journee" }, $"/r/{jetons[0]}?handler=Rappel");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal("/r/merci?choix=rappel", r.Headers.Location!.OriginalString);
        Assert.Contains("t'appellera", (await Pro.PageAsync(jeune, "/r/merci?choix=rappel")).Body!.TextContent);
        r = await Pro.PosterAsync(jeune, "/r/" + jetons[1], new() { ["DemiJournees"] = "mardi-matin" }, $"/r/{jetons[1]}?handler=RendezVous");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        r = await Pro.PosterAsync(jeune, "/r/" + jetons[2], new() { ["Situation"] = "formation", ["Precision"] = "CAP cuisine <b>Thiers</b>" }, $"/r/{jetons[2]}?handler=DejaEnSolution");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        r = await Pro.PosterAsync(jeune, "/r/" + jetons[3], new(), $"/r/{jetons[3]}?handler=NePasContacter");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);

        Assert.NotNull((await DossierAsync(0)).RappelDemandeLe);
        Assert.Equal(StatutDossier.EnSolution, (await DossierAsync(2)).Statut);
        Assert.NotNull((await DossierAsync(3)).NePasContacterLe);
        await using (var db = f.CreateDbContext())
        {
            var reponses = await db.MessagesJeune.AsNoTracking().Where(m => _dossiers.Contains(m.JeuneSuiviId)).ToDictionaryAsync(m => m.JeuneSuiviId);
            Assert.Equal(ChoixReponse.Rappel, reponses[_dossiers[0]].Reponse);
            Assert.Equal(["fin-de-journee"], reponses[_dossiers[0]].Creneaux);
            Assert.Equal(["mardi-matin"], reponses[_dossiers[1]].Creneaux);
            var prise = await db.PrisesEnCharge.SingleAsync(p => p.JeuneSuiviId == _dossiers[2]);
            Assert.Equal(SourcePriseEnCharge.Jeune, prise.Source);
            Assert.Equal(NaturePriseEnCharge.Formation, prise.Nature);
            Assert.Equal("CAP cuisine <b>Thiers</b>", prise.Organisme);
            Assert.True(await db.SolutionsSuivi.AnyAsync(s => s.JeuneSuiviId == _dossiers[2] && s.Statut == StatutSolution.Entree));
            Assert.Equal(4, await db.EvenementsDossier.CountAsync(e => _dossiers.Contains(e.JeuneSuiviId) && e.Nature == NatureEvenement.Reponse));
            Assert.Equal(4, await db.Journal.CountAsync(j => j.Utilisateur == ReponsesJeune.AuteurJeune && j.Detail!.StartsWith("réponse par le lien personnel")));

            // The référent is told, with a link to the file and nothing personal.
            var avis = await db.MessagesSortants.Where(m => m.Destinataire == _compteReferent.Courriel && m.Sujet.StartsWith("Réponse d'un jeune")).Select(m => m.Corps).ToListAsync();
            Assert.Equal(4, avis.Count);
            Assert.Contains(avis, c => c.Contains($"/pro/decrocheurs/{_dossiers[0]}", StringComparison.Ordinal));
            Assert.All(avis, c => Assert.DoesNotContain("Zelinor", c));
            Assert.All(avis, c => Assert.DoesNotContain("Brevalcor", c));
        }

        var fiche = await Pro.PageAsync(_referent, $"/pro/decrocheurs/{_dossiers[0]}");
        Assert.Contains("Prioritaire : demande de rappel du jeune", fiche.Body!.TextContent);
        Assert.Contains("En fin de journée", fiche.Body.TextContent);
        Assert.Contains("CAP cuisine <b>Thiers</b>", (await Pro.PageAsync(_referent, $"/pro/decrocheurs/{_dossiers[2]}")).Body!.TextContent);

        // "Ne pas contacter" is respected: no message form, and a forged post sends nothing.
        var url = $"/pro/decrocheurs/{_dossiers[3]}";
        var refuse = await Pro.PageAsync(_referent, url);
        Assert.Empty(refuse.QuerySelectorAll("button[name=MessageCanal]"));
        Assert.Contains("à ne pas être contacté", refuse.Body!.TextContent);
        var forge = await _referent.PostAsync(url + "?handler=Message", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = refuse.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Version"] = (await DossierAsync(3)).Version.ToString(CultureInfo.InvariantCulture),
            ["MessageCanal"] = "jeune|courriel",
        }));
        Assert.Equal(HttpStatusCode.OK, forge.StatusCode);
        await using (var db = f.CreateDbContext())
        {
            Assert.Equal(1, await db.MessagesJeune.CountAsync(m => m.JeuneSuiviId == _dossiers[3]));
        }

        // Replayed, unknown, malformed and expired links: one 404 page that says the same.
        var rejoue = await _referent.GetAsync("/r/" + jetons[0]);
        Assert.Equal(HttpStatusCode.NotFound, rejoue.StatusCode);
        var texteRefus = (await Pro.Html(rejoue)).QuerySelector("h1")!.TextContent;
        Assert.Equal("Ce lien n'est pas ou plus valable", texteRefus);
        var rejouePost = await jeune.PostAsync($"/r/{jetons[0]}?handler=NePasContacter", new FormUrlEncodedContent([]));
        Assert.NotEqual(HttpStatusCode.Redirect, rejouePost.StatusCode);
        Assert.Null((await DossierAsync(0)).NePasContacterLe);
        foreach (var inconnu in new[] { "/r/AAAAAAAAAAAAAAAAAAAAAA", "/r/court", "/r/" + jetons[0][..21] + "_" })
        {
            var i = await jeune.GetAsync(inconnu);
            Assert.Equal(HttpStatusCode.NotFound, i.StatusCode);
            Assert.Equal(texteRefus, (await Pro.Html(i)).QuerySelector("h1")!.TextContent);
        }

        var expire = await EnvoyerCourrielAsync(4);
        await using (var db = f.CreateDbContext())
        {
            await db.MessagesJeune.Where(m => m.JeuneSuiviId == _dossiers[4]).ExecuteUpdateAsync(u => u.SetProperty(m => m.LienExpireLe, DateTime.UtcNow.AddMinutes(-1)));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await jeune.GetAsync("/r/" + expire)).StatusCode);
    }

    [Fact]
    public async Task LinkPage_WeighsUnder30KB_WithItsStylesAndScript_AndIsRateLimited()
    {
        var jeton = await EnvoyerCourrielAsync(0);
        var client = Pro.Client(f);
        var page = await client.GetAsync("/r/" + jeton);
        var html = await page.Content.ReadAsByteArrayAsync();
        var doc = await Pro.Html(page);
        long total = html.Length;
        foreach (var res in doc.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")).Concat(doc.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src"))))
        {
            total += (await client.GetByteArrayAsync(res)).Length;
        }

        // Uncompressed: what a phone receives compressed is less.
        Assert.True(total <= 30_000, $"{total} bytes");

        // A public page: the same for every visitor, signed in or not (the /pro matrix does not cover it).
        foreach (var qui in new[] { client, _referent, _coordinateur })
        {
            Assert.Equal(HttpStatusCode.OK, (await qui.GetAsync("/r/" + jeton)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await qui.GetAsync("/r/merci")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await qui.GetAsync("/r/AAAAAAAAAAAAAAAAAAAAAA")).StatusCode);
        }

        // The limits are counted in the database (decision 0025): the visits above count too, so start from zero.
        await using (var db = f.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"CompteursDebit\"");
        }

        await using var app = App(null, ("RateLimiting:LienParFenetre", "3"));
        var limite = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = AppFactory.Https });
        var statuts = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuts.Add((await limite.GetAsync("/r/AAAAAAAAAAAAAAAAAAAAAA")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuts);
    }

    [Fact]
    public async Task Templates_EditedByTheCoordinator_AreCheckedAndUsed()
    {
        var equipe = $"/pro/decrocheurs/equipe?psad={_psad}";
        var r = await Pro.PosterAsync(_coordinateur, equipe, new() { ["SaisieModeles[modeleJeune]"] = "Salut {prenom}, {age} : {lien}" });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("{age} n'est pas un champ connu", (await Pro.Html(r)).Body!.TextContent);
        r = await Pro.PosterAsync(_coordinateur, equipe, new() { ["SaisieModeles[modeleJeune]"] = "Salut {prenom} sans lien" });
        Assert.Contains("doit contenir {lien}", (await Pro.Html(r)).Body!.TextContent);

        r = await Pro.PosterAsync(_coordinateur, equipe, new() { ["SaisieModeles[modeleJeune]"] = "Coucou {prenom}, ici {structure} : {lien}" });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var fiche = await Pro.PageAsync(_referent, $"/pro/decrocheurs/{_dossiers[1]}");
        Assert.Contains($"Coucou {Prenom(1)}, ici Missions locales du Puy-de-Dôme (réseau départemental) : http://localhost:5080/r/", fiche.Body!.TextContent);
        // "ô" of the structure's name is outside the GSM alphabet: the page says so, with the length.
        Assert.Contains("caractères, 2 SMS (caractères hors alphabet SMS", fiche.Body.TextContent);

        // The minor's file offers the guardian too, in "vous".
        var mineur = await Pro.PageAsync(_referent, $"/pro/decrocheurs/{_dossiers[0]}");
        Assert.Contains(mineur.QuerySelectorAll("button[name=MessageCanal]"), b => b.GetAttribute("value") == "responsable-legal|sms");
        Assert.Contains("Répondez ici", mineur.Body!.TextContent);
        await using var db = f.CreateDbContext();
        Assert.True(await db.Journal.AnyAsync(j => j.Ressource == "psad" && j.RessourceId == _psad && j.Detail!.StartsWith("textes des messages")));
    }

    [Fact]
    public async Task Reminders_WithAFakeClock_OnlyByDay_NeverAfterNePasContacter_TwoAtMost()
    {
        await using (var db = f.CreateDbContext())
        {
            var psad = await db.Psads.SingleAsync(p => p.Id == _idPsad);
            psad.Reglages.RelancesAutomatiques = true;
            await db.SaveChangesAsync();
            await db.JeunesSuivis.Where(j => j.Id == _dossiers[4]).ExecuteUpdateAsync(u => u.SetProperty(j => j.NePasContacterLe, DateTime.UtcNow));
        }

        // A file that arrived 20 days ago and was never contacted: the reminder is proposed on the list and on the file.
        await using (var db = f.CreateDbContext())
        {
            await db.JeunesSuivis.Where(j => j.Id == _dossiers[1]).ExecuteUpdateAsync(u => u.SetProperty(j => j.ArriveLe, DateTime.UtcNow.AddDays(-20)));
        }

        var liste = await Pro.PageAsync(_referent, "/pro/decrocheurs");
        Assert.Single(liste.QuerySelectorAll("tr"), l => l.TextContent.Contains("Relance proposée", StringComparison.Ordinal));
        Assert.Contains("Relance proposée", (await Pro.PageAsync(_referent, $"/pro/decrocheurs/{_dossiers[1]}")).Body!.TextContent);
        Assert.DoesNotContain("Relance proposée", (await Pro.PageAsync(_referent, $"/pro/decrocheurs/{_dossiers[2]}")).Body!.TextContent);

        // The first-attempt deadline is 15 days, the reminder delay 7.
        var jour = HeureParis.Jour(DateTime.UtcNow).AddDays(16);
        DateTime A(DateOnly j, int heure, int minute = 0) => HeureParis.Utc(j.ToDateTime(new TimeOnly(heure, minute)));
        var reglages = new ReglagesSuivi();
        Assert.False(Drapeaux.Calculer(await DossierAsync(0), jour.AddDays(-14), reglages).RelanceProposee);
        Assert.True(Drapeaux.Calculer(await DossierAsync(0), jour, reglages).RelanceProposee);
        Assert.False(Drapeaux.Calculer(await DossierAsync(4), jour, reglages).RelanceProposee);

        var horloge = new HorlogeFixe(new DateTimeOffset(A(jour, 3), TimeSpan.Zero));
        await using var app = App(horloge);
        async Task<int> Relancer()
        {
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<RelancesSuivi>().ExecuterAsync();
        }

        Assert.Equal(0, await Relancer());
        horloge.Maintenant = new DateTimeOffset(A(jour, 20, 30), TimeSpan.Zero);
        Assert.Equal(0, await Relancer());
        horloge.Maintenant = new DateTimeOffset(A(jour, 7, 59), TimeSpan.Zero);
        Assert.Equal(0, await Relancer());

        horloge.Maintenant = new DateTimeOffset(A(jour, 10), TimeSpan.Zero);
        Assert.Equal(4, await Relancer());
        Assert.Equal(0, await Relancer());
        var d0 = await DossierAsync(0);
        Assert.Equal(1, d0.Relances);
        Assert.Equal(StatutDossier.ContactEnCours, d0.Statut);

        // A week later (the reminder delay), the second; after that, none.
        horloge.Maintenant = new DateTimeOffset(A(jour.AddDays(6), 10), TimeSpan.Zero);
        Assert.Equal(0, await Relancer());
        horloge.Maintenant = new DateTimeOffset(A(jour.AddDays(8), 10), TimeSpan.Zero);
        Assert.Equal(4, await Relancer());
        horloge.Maintenant = new DateTimeOffset(A(jour.AddDays(30), 10), TimeSpan.Zero);
        Assert.Equal(0, await Relancer());

        await using var verif = f.CreateDbContext();
        Assert.Equal(2, (await DossierAsync(0)).Relances);
        Assert.Equal(2, await verif.MessagesJeune.CountAsync(m => m.JeuneSuiviId == _dossiers[0] && m.Relance && m.Auteur == MessagesJeune.AuteurAutomatique));
        Assert.Equal(0, await verif.MessagesJeune.CountAsync(m => m.JeuneSuiviId == _dossiers[4]));
        Assert.Equal(0, (await DossierAsync(4)).Relances);

        // The reminders went by SMS (the first channel the file holds), to the young person, and are in the audit trail.
        Assert.Equal(2, await verif.SmsSortants.CountAsync(s => s.Numero == Mobile(0)));
        var ids = _dossiers.Select(d => d.ToString(CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(8, await verif.Journal.CountAsync(j => j.Utilisateur == MessagesJeune.AuteurAutomatique && ids.Contains(j.RessourceId!)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MessagesJeuneSqliteTests(SqliteAppFactory f) : MessagesJeuneTests(f);

[Collection(PostgresCollection.Name)]
public sealed class MessagesJeunePostgresTests(PostgresAppFactory f) : MessagesJeuneTests(f);
