using AngleSharp.Html.Parser;
using Raccroche.Web.Features.Agenda;
using Raccroche.Web.Features.Moderation;

namespace Raccroche.Tests.Integration;

/// <summary>
/// The agenda: upcoming events first then "passés", filters, a page per event with its schema.org Event, the iCalendar
/// files parsed by a real parser (Ical.Net) and checked (stable UID, DTSTAMP, Paris time zone defined, never floating),
/// their conditional GET, an event written and proposed through the real forms, bad input, and typed text kept inert in
/// the page, the JSON-LD and the .ics. Each test names its events with its own word.
/// </summary>
public abstract class AgendaTests(AppFactory f)
{
    private HttpClient Public => Pro.Client(f);

    private static DateTime Paris(int annee, int mois, int jour, int heure, int minute = 0) => HeureParis.Utc(new DateTime(annee, mois, jour, heure, minute, 0));

    private async Task<string> TexteAsync(string url)
    {
        var r = await Public.GetAsync(url);
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)r.StatusCode}");
        return await r.Content.ReadAsStringAsync();
    }

    private static Ical.Net.Calendar Lire(string ics) => Ical.Net.Calendar.Load(ics)!;

    [Fact]
    public async Task Agenda_ListsUpcomingEventsFirst_SoonestFirst_ThenPastOnesUnderPasses()
    {
        var mot = VeilleDeTest.Mot();
        var maintenant = DateTime.UtcNow;
        await VeilleDeTest.CreerEvenementAsync(f.Services, $"Plus tard {mot}", maintenant.AddDays(40), maintenant.AddDays(40).AddHours(2));
        await VeilleDeTest.CreerEvenementAsync(f.Services, $"Bientôt {mot}", maintenant.AddDays(3), maintenant.AddDays(3).AddHours(2));
        await VeilleDeTest.CreerEvenementAsync(f.Services, $"En cours {mot}", maintenant.AddHours(-1), maintenant.AddHours(1));
        await VeilleDeTest.CreerEvenementAsync(f.Services, $"Fini {mot}", maintenant.AddDays(-2), maintenant.AddDays(-2).AddHours(3));
        await VeilleDeTest.CreerEvenementAsync(f.Services, $"Brouillon {mot}", maintenant.AddDays(5), maintenant.AddDays(5).AddHours(3), StatutModeration.Brouillon);

        var page = new HtmlParser().ParseDocument(await TexteAsync("/agenda"));
        List<string> Titres(string section) => [.. page.QuerySelectorAll($"section[aria-labelledby={section}] .card-title a")
            .Select(a => a.TextContent.Trim()).Where(t => t.EndsWith(mot, StringComparison.Ordinal)).Select(t => t[..^(mot.Length + 1)])];
        Assert.Equal(["En cours", "Bientôt", "Plus tard"], Titres("a-venir"));
        Assert.Equal(["Fini"], Titres("passes"));
        Assert.Contains("type=\"text/calendar\"", page.Head!.InnerHtml);

        // The seeded events (2022-2023) are past: they stay listed under "passés" (no test writes this theme's events).
        var seed = new HtmlParser().ParseDocument(await TexteAsync("/agenda?theme=competences-numerique"));
        Assert.Contains(seed.QuerySelectorAll("section[aria-labelledby=passes] .card-title a"), a => a.TextContent.StartsWith("TeenLab", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Filters_ByThemeAndDepartement_KeepOnlineAndRegionWideEvents()
    {
        var mot = VeilleDeTest.Mot();
        var debut = DateTime.UtcNow.AddDays(10);
        await VeilleDeTest.CreerEvenementAsync(f.Services, $"Thiers {mot}", debut, debut.AddHours(2), themes: ["engagement"]);
        await VeilleDeTest.CreerEvenementAsync(f.Services, $"Chambéry {mot}", debut.AddHours(1), debut.AddHours(3), codeCommune: "73065", themes: ["raccrochage"]);
        await VeilleDeTest.CreerEvenementAsync(f.Services, $"En ligne {mot}", debut.AddHours(2), debut.AddHours(4), codeCommune: null, themes: ["engagement"]);

        async Task<List<string>> Titres(string filtres) =>
            [.. new HtmlParser().ParseDocument(await TexteAsync("/agenda?" + filtres)).QuerySelectorAll("section[aria-labelledby=a-venir] .card-title a")
                .Select(a => a.TextContent.Trim()).Where(t => t.EndsWith(mot, StringComparison.Ordinal)).Select(t => t[..^(mot.Length + 1)])];

        Assert.Equal(["Thiers", "En ligne"], await Titres("departement=63"));
        Assert.Equal(["Thiers", "En ligne"], await Titres("theme=engagement"));
        Assert.Equal(["Chambéry"], await Titres("theme=raccrochage&departement=73"));
        var erreur = new HtmlParser().ParseDocument(await TexteAsync("/agenda?departement=ZZ"));
        Assert.Contains("n'existe pas", erreur.QuerySelector(".error-summary a[href='#departement']")!.TextContent);
    }

    [Fact]
    public async Task EventPage_HasASchemaOrgEventInJsonLd_AndItsOwnCalendarLink()
    {
        var mot = VeilleDeTest.Mot();
        var e = await VeilleDeTest.CreerEvenementAsync(f.Services, $"Forum {mot}", Paris(2099, 7, 1, 14), Paris(2099, 7, 1, 17, 30));
        var r = await Public.GetAsync($"/agenda/{e.Id}/faux");
        Assert.Equal($"/agenda/{e.Id}/{e.Slug}", r.Headers.Location!.OriginalString);
        var page = new HtmlParser().ParseDocument(await TexteAsync($"/agenda/{e.Id}/{e.Slug}"));
        Assert.Contains("mercredi 1 juillet 2099 de 14 h à 17 h 30", page.QuerySelector(".facts-grid")!.TextContent);
        using var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        var ev = json.RootElement;
        Assert.Equal("https://schema.org", ev.GetProperty("@context").GetString());
        Assert.Equal("Event", ev.GetProperty("@type").GetString());
        Assert.Equal($"Forum {mot}", ev.GetProperty("name").GetString());
        Assert.Equal("2099-07-01T14:00:00+02:00", ev.GetProperty("startDate").GetString());
        Assert.Equal("2099-07-01T17:30:00+02:00", ev.GetProperty("endDate").GetString());
        Assert.Equal("https://schema.org/OfflineEventAttendanceMode", ev.GetProperty("eventAttendanceMode").GetString());
        Assert.Equal("Thiers", ev.GetProperty("location").GetProperty("address").GetProperty("addressLocality").GetString());
        Assert.Equal("Organisateur de test", ev.GetProperty("organizer").GetProperty("name").GetString());
        Assert.NotNull(page.QuerySelector($"a[href='/agenda/{e.Id}.ics']"));
    }

    [Fact]
    public async Task DraftEvent_HasNoPageNorCalendar()
    {
        var e = await VeilleDeTest.CreerEvenementAsync(f.Services, $"Caché {VeilleDeTest.Mot()}", DateTime.UtcNow.AddDays(2), DateTime.UtcNow.AddDays(2).AddHours(1), StatutModeration.Proposee);
        Assert.Equal(HttpStatusCode.NotFound, (await Public.GetAsync($"/agenda/{e.Id}/{e.Slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Public.GetAsync($"/agenda/{e.Id}.ics")).StatusCode);
        Assert.DoesNotContain(e.Uid, await TexteAsync("/agenda.ics"));
    }

    [Fact]
    public async Task UpcomingCalendar_IsValidRfc5545_ParisTimeWithItsVTimezone_NeverFloating_StableUids()
    {
        var mot = VeilleDeTest.Mot();
        var heure = await VeilleDeTest.CreerEvenementAsync(f.Services, $"Réunion {mot}", Paris(2099, 3, 10, 9, 30), Paris(2099, 3, 10, 12));
        var ete = await VeilleDeTest.CreerEvenementAsync(f.Services, $"Été {mot}", Paris(2099, 7, 10, 9, 30), Paris(2099, 7, 10, 12));
        var journees = await VeilleDeTest.CreerEvenementAsync(f.Services, $"Session {mot}", HeureParis.DebutDuJour(new DateOnly(2099, 4, 6)),
            HeureParis.DebutDuJour(new DateOnly(2099, 4, 9)), journeeEntiere: true);
        var passe = await VeilleDeTest.CreerEvenementAsync(f.Services, $"Passé {mot}", DateTime.UtcNow.AddDays(-3), DateTime.UtcNow.AddDays(-3).AddHours(1));

        var r = await Public.GetAsync("/agenda.ics");
        Assert.Equal("text/calendar", r.Content.Headers.ContentType!.MediaType);
        var texte = await r.Content.ReadAsStringAsync();
        Assert.Equal(texte, await TexteAsync("/agenda.ics")); // the same bytes twice (DTSTAMP is the last change)
        Assert.All(texte.Split("\r\n").SkipLast(1), l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, $"line over 75 octets: {l}"));
        Assert.DoesNotMatch("[^\r]\n", texte);

        var cal = Lire(texte);
        Assert.Equal("2.0", cal.Version);
        Assert.Contains(cal.TimeZones, z => z.TzId == "Europe/Paris");
        Assert.DoesNotContain(cal.Events, x => x.Uid == passe.Uid);
        foreach (var ev in cal.Events)
        {
            Assert.False(string.IsNullOrEmpty(ev.Uid));
            Assert.NotNull(ev.DtStamp);
            Assert.True(ev.DtStamp!.IsUtc);
            foreach (var d in new[] { ev.DtStart!, ev.DtEnd! })
            {
                Assert.True(!d.HasTime || d.TzId == "Europe/Paris" || d.IsUtc, $"floating time in {ev.Summary}: {d}");
            }
        }

        var e1 = Assert.Single(cal.Events, x => x.Uid == heure.Uid);
        Assert.Equal($"Réunion {mot}", e1.Summary);
        Assert.Equal("Europe/Paris", e1.DtStart!.TzId);
        Assert.Equal(new DateTime(2099, 3, 10, 8, 30, 0, DateTimeKind.Utc), e1.DtStart.AsUtc);
        Assert.Equal(new DateTime(2099, 7, 10, 7, 30, 0, DateTimeKind.Utc), Assert.Single(cal.Events, x => x.Uid == ete.Uid).DtStart!.AsUtc);
        var e3 = Assert.Single(cal.Events, x => x.Uid == journees.Uid);
        Assert.False(e3.DtStart!.HasTime);
        Assert.Equal(new DateOnly(2099, 4, 6), DateOnly.FromDateTime(e3.DtStart.Value));
        Assert.Equal(new DateOnly(2099, 4, 9), DateOnly.FromDateTime(e3.DtEnd!.Value)); // exclusive: the last day is the 8th
        Assert.Contains($"/agenda/{heure.Id}/", e1.Url!.ToString());

        // One event's file: the same UID, downloaded as a file.
        var un = await Public.GetAsync($"/agenda/{heure.Id}.ics");
        Assert.Contains("attachment", un.Content.Headers.ContentDisposition!.ToString());
        Assert.Equal(heure.Uid, Assert.Single(Lire(await un.Content.ReadAsStringAsync()).Events).Uid);
        Assert.Equal(passe.Uid, Assert.Single(Lire(await TexteAsync($"/agenda/{passe.Id}.ics")).Events).Uid);
    }

    [Fact]
    public async Task Calendar_AnswersNotModified_ToItsValidators_UntilAnEventIsPublished()
    {
        var premiere = await Public.GetAsync("/agenda.ics");
        var etag = premiere.Headers.ETag!.ToString();
        var requete = new HttpRequestMessage(HttpMethod.Get, "/agenda.ics");
        requete.Headers.TryAddWithoutValidation("If-None-Match", etag);
        Assert.Equal(HttpStatusCode.NotModified, (await Public.SendAsync(requete)).StatusCode);
        var parDate = new HttpRequestMessage(HttpMethod.Get, "/agenda.ics");
        parDate.Headers.IfModifiedSince = premiere.Content.Headers.LastModified;
        Assert.Equal(HttpStatusCode.NotModified, (await Public.SendAsync(parDate)).StatusCode);

        await Task.Delay(1100);
        var e = await VeilleDeTest.CreerEvenementAsync(f.Services, $"Nouveau {VeilleDeTest.Mot()}", DateTime.UtcNow.AddDays(9), DateTime.UtcNow.AddDays(9).AddHours(1));
        requete = new HttpRequestMessage(HttpMethod.Get, "/agenda.ics");
        requete.Headers.TryAddWithoutValidation("If-None-Match", etag);
        var r = await Public.SendAsync(requete);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains(e.Uid, await r.Content.ReadAsStringAsync());
    }

    private static Formulaire Remplir(Formulaire form, string titre) => (string.IsNullOrEmpty(form.Valeur("Saisie.Organisateur")) ? form.Mettre("Saisie.Organisateur", "Observatoire de test") : form)
        .Mettre("Saisie.Titre", titre)
        .Mettre("Saisie.Resume", "Une matinée d'information pour les professionnels.")
        .Mettre("Saisie.DateDebut", "2099-10-06")
        .Mettre("Saisie.HeureDebut", "09:00")
        .Mettre("Saisie.HeureFin", "12:30")
        .Mettre("Saisie.Commune", "Thiers")
        .Mettre("Saisie.Adresse", "Salle des fêtes")
        .Cocher("Saisie.Themes", "raccrochage");

    [Fact]
    public async Task MemberProposesAnEvent_ForTheirStructure_EditorPublishes_ItIsInTheCalendar()
    {
        var compteMembre = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-63");
        var membre = await Pro.ConnecterAsync(f, compteMembre);
        var editeur = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.Editeur));
        var mot = VeilleDeTest.Mot();
        var form = await Formulaire.LireAsync(membre, "/pro/agenda/edition");
        Assert.Equal("Missions locales du Puy-de-Dôme (réseau départemental)", form.Valeur("Saisie.Organisateur"));
        var r = await Remplir(form, $"Matinée {mot}").EnvoyerAsync(membre, "Proposer");
        Assert.Equal("/pro/agenda?fait=proposee", r.Headers.Location!.OriginalString);
        Evenement e;
        await using (var db = f.CreateDbContext())
        {
            e = await db.Evenements.AsNoTracking().Include(x => x.Structure).SingleAsync(x => x.Titre == $"Matinée {mot}");
        }

        Assert.Equal((StatutModeration.Proposee, "ml-63", "63430", false), (e.Statut, e.Structure!.Slug, e.CodeCommune, e.JourneeEntiere));
        Assert.Equal((Paris(2099, 10, 6, 9), Paris(2099, 10, 6, 12, 30)), (DateTime.SpecifyKind(e.Debut, DateTimeKind.Utc), DateTime.SpecifyKind(e.Fin, DateTimeKind.Utc)));
        Assert.Equal(["63"], e.Territoire);
        Assert.DoesNotContain(e.Uid, await TexteAsync("/agenda.ics"));

        r = await (await Formulaire.LireAsync(editeur, $"/pro/agenda/edition/{e.Id}")).EnvoyerAsync(editeur, "Publier");
        Assert.Equal("/pro/agenda?fait=publiee", r.Headers.Location!.OriginalString);
        var ev = Assert.Single(Lire(await TexteAsync("/agenda.ics")).Events, x => x.Uid == e.Uid);
        Assert.Equal($"Matinée {mot}", ev.Summary);
        Assert.Contains("Salle des fêtes, Thiers", ev.Location);
        await using (var db = f.CreateDbContext())
        {
            Assert.True(await db.MessagesSortants.AnyAsync(m => m.Destinataire == compteMembre.Courriel && m.Sujet.Contains(mot) && m.Sujet.StartsWith("Proposition publiée")));
        }
    }

    [Theory]
    [InlineData("Saisie.HeureFin", "08:00", "heure-fin", "après le début")]
    [InlineData("Saisie.HeureDebut", "9h75", "heure-debut", "doit être une heure")]
    [InlineData("Saisie.DateFin", "2099-10-01", "heure-fin", "après le début")]
    [InlineData("Saisie.Commune", "Ville-qui-n-existe-pas", "commune", "")]
    [InlineData("Saisie.LienInscription", "ftp://exemple.fr", "lien-inscription", "https://")]
    public async Task BadInput_GetsAFrenchMessageOnItsField_AndWritesNothing(string champ, string valeur, string id, string message)
    {
        var editeur = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.Editeur));
        var mot = VeilleDeTest.Mot();
        var r = await Remplir(await Formulaire.LireAsync(editeur, "/pro/agenda/edition"), $"Erroné {mot}").Mettre(champ, valeur).EnvoyerAsync(editeur, "Publier");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var erreur = (await Pro.Html(r)).QuerySelector($"#err-{id}");
        Assert.NotNull(erreur);
        Assert.Contains(message, erreur!.TextContent);
        await using var db = f.CreateDbContext();
        Assert.False(await db.Evenements.AnyAsync(x => x.Titre.Contains(mot)));
    }

    [Fact]
    public async Task ATimeThatParisSkipsInMarch_OrAnOnlineEventWithoutLink_IsRefused()
    {
        var editeur = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.Editeur));
        var r = await Remplir(await Formulaire.LireAsync(editeur, "/pro/agenda/edition"), $"Heure d'été {VeilleDeTest.Mot()}")
            .Mettre("Saisie.DateDebut", "2099-03-29").Mettre("Saisie.HeureDebut", "02:30").Mettre("Saisie.HeureFin", "04:00").EnvoyerAsync(editeur, "Publier");
        Assert.Contains("passage à l'heure d'été", (await Pro.Html(r)).QuerySelector("#err-heure-debut")!.TextContent);

        r = await Remplir(await Formulaire.LireAsync(editeur, "/pro/agenda/edition"), $"En ligne {VeilleDeTest.Mot()}")
            .Mettre("Saisie.Lieu", SaisieEvenement.EnLigne).EnvoyerAsync(editeur, "Publier");
        Assert.Contains("Indiquez le lien", (await Pro.Html(r)).QuerySelector("#err-lien-en-ligne")!.TextContent);
    }

    [Fact]
    public async Task TypedText_IsStoredAsTyped_AndInertInThePageTheJsonLdAndTheCalendar()
    {
        var editeur = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.Editeur));
        var mot = VeilleDeTest.Mot();
        var titre = $"</script><script>alert(1)</script>; a, b \\ {mot}";
        var resume = "Ligne un.\nEND:VEVENT\nBEGIN:VEVENT\nUID:pirate\nSUMMARY:piraté\n<img src=x onerror=alert(2)>";
        var r = await Remplir(await Formulaire.LireAsync(editeur, "/pro/agenda/edition"), titre).Mettre("Saisie.Resume", resume).EnvoyerAsync(editeur, "Publier");
        Assert.True(r.Headers.Location?.OriginalString == "/pro/agenda?fait=publiee", (await Pro.Html(r)).QuerySelector(".error-summary")?.TextContent);
        Evenement e;
        await using (var db = f.CreateDbContext())
        {
            e = await db.Evenements.AsNoTracking().SingleAsync(x => x.Titre.Contains(mot));
        }

        Assert.Equal((titre, resume), (e.Titre, e.Resume));
        var html = await TexteAsync($"/agenda/{e.Id}/{e.Slug}");
        var page = new HtmlParser().ParseDocument(html);
        Assert.Equal(titre, page.QuerySelector("h1")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("article script, article img"));
        var scripts = page.QuerySelectorAll("script:not([src])").ToList();
        Assert.Equal("application/ld+json", Assert.Single(scripts).GetAttribute("type"));
        Assert.DoesNotContain("</script><script>", scripts[0].TextContent);
        using (var json = JsonDocument.Parse(scripts[0].TextContent))
        {
            Assert.Equal(titre, json.RootElement.GetProperty("name").GetString());
        }

        var cal = Lire(await TexteAsync($"/agenda/{e.Id}.ics"));
        var ev = Assert.Single(cal.Events);
        Assert.Equal(e.Uid, ev.Uid);
        Assert.Equal(titre, ev.Summary);
        Assert.StartsWith(resume + "\n\nOrganisé par ", ev.Description);
        Assert.DoesNotContain(Lire(await TexteAsync("/agenda.ics")).Events, x => x.Uid == "pirate");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AgendaSqliteTests(SqliteAppFactory f) : AgendaTests(f);

[Collection(PostgresCollection.Name)]
public sealed class AgendaPostgresTests(PostgresAppFactory f) : AgendaTests(f);
