using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Raccroche.Tests.Integration.Flux;
using Raccroche.Web.Features.Moderation;
using Raccroche.Web.Features.Veille;

namespace Raccroche.Tests.Integration;

/// <summary>
/// The éditeur role and the moderation of what structures propose, through the real forms: a member proposes, an editor
/// sends back with a comment, the member corrects and proposes again, the editor publishes; each step mails the other side.
/// Then one rule per test: a decision on a version changed since is refused, steps one may not take write nothing,
/// bad input gets French messages, typed HTML is stored as typed and shown inert in the page and the feeds.
/// </summary>
public abstract class ModerationVeilleTests(AppFactory f)
{
    private static readonly XNamespace A = "http://www.w3.org/2005/Atom";

    private async Task<(HttpClient Client, CompteTest Compte)> ConnecterAsync(string role, string? structure = null)
    {
        var compte = await Pro.CreerCompteAsync(f, role, structure);
        return (await Pro.ConnecterAsync(f, compte), compte);
    }

    private async Task<Actualite> LireAsync(string titreOuMot)
    {
        await using var db = f.CreateDbContext();
        return await db.Actualites.AsNoTracking().SingleAsync(a => a.Titre.Contains(titreOuMot));
    }

    private async Task<List<MessageSortant>> CourriersAsync(string destinataire, string mot)
    {
        await using var db = f.CreateDbContext();
        return await db.MessagesSortants.Where(m => m.Destinataire == destinataire && m.Sujet.Contains(mot)).OrderBy(m => m.Id).ToListAsync();
    }

    private static Formulaire Remplir(Formulaire form, string titre, string resume) => form
        .Mettre("Saisie.Titre", titre)
        .Mettre("Saisie.Date", "2026-11-20")
        .Mettre("Saisie.Resume", resume)
        .Mettre("Saisie.SourceNom", "Mission locale de test")
        .Cocher("Saisie.Themes", "raccrochage");

    [Fact]
    public async Task Story_MemberProposes_EditorSendsBack_MemberCorrects_EditorPublishes()
    {
        var (membre, compteMembre) = await ConnecterAsync(Roles.MembreStructure, "e2c-rhone");
        var (editeur, compteEditeur) = await ConnecterAsync(Roles.Editeur);
        var mot = VeilleDeTest.Mot();

        var r = await Remplir(await Formulaire.LireAsync(membre, "/pro/veille/edition"), $"Portes ouvertes {mot}", "Première version du résumé.")
            .EnvoyerAsync(membre, "Proposer");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal("/pro/veille?fait=proposee", r.Headers.Location!.OriginalString);
        var a = await LireAsync(mot);
        Assert.Equal(StatutModeration.Proposee, a.Statut);
        await using (var db = f.CreateDbContext())
        {
            Assert.Equal(await db.Structures.Where(s => s.Slug == "e2c-rhone").Select(s => s.Id).SingleAsync(), a.StructureId);
        }

        var aux = Assert.Single(await CourriersAsync(compteEditeur.Courriel, mot));
        Assert.Contains($"/pro/veille/edition/{a.Id}", aux.Corps);
        Assert.Equal(HttpStatusCode.NotFound, (await Pro.Client(f).GetAsync($"/veille/{a.Id}/{a.Slug}")).StatusCode);
        Assert.NotNull((await Pro.PageAsync(editeur, "/pro/veille")).QuerySelector($"#proposees ~ ul a[href='/pro/veille/edition/{a.Id}']"));

        // Sent back with a comment: the member is told and finds the comment on the page, with the form open again.
        r = await Pro.PosterAsync(editeur, $"/pro/veille/edition/{a.Id}", new() { ["Commentaire"] = "Précisez le public visé." });
        Assert.Equal("/pro/veille?fait=renvoyee", r.Headers.Location!.OriginalString);
        Assert.Equal(StatutModeration.Brouillon, (await LireAsync(mot)).Statut);
        Assert.Contains("Précisez le public visé.", Assert.Single(await CourriersAsync(compteMembre.Courriel, mot), m => m.Sujet.StartsWith("Proposition à reprendre")).Corps);
        var page = await Pro.PageAsync(membre, $"/pro/veille/edition/{a.Id}");
        Assert.Contains("Précisez le public visé.", page.QuerySelector("#etat")!.TextContent);

        var form = await Formulaire.LireAsync(membre, $"/pro/veille/edition/{a.Id}");
        Assert.Equal("Première version du résumé.", form.Valeur("Saisie.Resume"));
        r = await form.Mettre("Saisie.Resume", "Deuxième version, pour les 16-25 ans.").Cocher("Saisie.Publics", "jeunes").EnvoyerAsync(membre, "Proposer");
        Assert.Equal("/pro/veille?fait=proposee", r.Headers.Location!.OriginalString);

        r = await (await Formulaire.LireAsync(editeur, $"/pro/veille/edition/{a.Id}")).EnvoyerAsync(editeur, "Publier");
        Assert.Equal("/pro/veille?fait=publiee", r.Headers.Location!.OriginalString);
        a = await LireAsync(mot);
        Assert.Equal(StatutModeration.Publiee, a.Statut);
        Assert.NotNull(a.PublieLe);
        Assert.Equal("Compte editeur", a.DecisionPar);
        Assert.Single(await CourriersAsync(compteMembre.Courriel, mot), m => m.Sujet.StartsWith("Proposition publiée"));
        var publique = await Pro.PageAsync(Pro.Client(f), $"/veille/{a.Id}/{a.Slug}");
        Assert.Equal("Deuxième version, pour les 16-25 ans.", publique.QuerySelector(".lead")!.TextContent);

        // Published, it is the editors' now: the member reads it but has no form.
        Assert.Null((await Pro.PageAsync(membre, $"/pro/veille/edition/{a.Id}")).QuerySelector("form.sheet-form"));
    }

    [Fact]
    public async Task EditorsDecision_OnAVersionChangedSince_IsRefused_AndChangesNothing()
    {
        var (membre, compte) = await ConnecterAsync(Roles.MembreStructure, "e2c-rhone");
        var (editeur, _) = await ConnecterAsync(Roles.Editeur);
        var mot = VeilleDeTest.Mot();
        await Remplir(await Formulaire.LireAsync(membre, "/pro/veille/edition"), $"Concurrence {mot}", "Version vue par l'éditeur.").EnvoyerAsync(membre, "Proposer");
        var a = await LireAsync(mot);
        var url = $"/pro/veille/edition/{a.Id}";
        var vueParEditeur = await Formulaire.LireAsync(editeur, url);

        // Meanwhile the member withdraws the proposal and changes it.
        Assert.Equal(HttpStatusCode.Redirect, (await Pro.PosterAsync(membre, url, new(), $"{url}?handler=Retirer")).StatusCode);
        await (await Formulaire.LireAsync(membre, url)).Mettre("Saisie.Resume", "Version changée entre-temps.").EnvoyerAsync(membre, "Enregistrer");

        var r = await vueParEditeur.EnvoyerAsync(editeur, "Publier");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("changé entre-temps", (await Pro.Html(r)).QuerySelector(".error-summary")!.TextContent);
        a = await LireAsync(mot);
        Assert.Equal((StatutModeration.Brouillon, "Version changée entre-temps."), (a.Statut, a.Resume));
    }

    [Fact]
    public async Task StepsOneMayNotTake_AnswerNotFound_AndWriteNothing()
    {
        var (membre, _) = await ConnecterAsync(Roles.MembreStructure, "e2c-rhone");
        var (autre, _) = await ConnecterAsync(Roles.AdminStructure, "epide-meyzieu");
        var (coordinateur, _) = await ConnecterAsync(Roles.Coordinateur);
        var mot = VeilleDeTest.Mot();
        await Remplir(await Formulaire.LireAsync(membre, "/pro/veille/edition"), $"Brouillon de A {mot}", "Résumé du brouillon.").EnvoyerAsync(membre, "Enregistrer");
        var a = await LireAsync(mot);
        var url = $"/pro/veille/edition/{a.Id}";

        // Another structure's member and a coordinator do not see it; the member cannot publish their own draft.
        Assert.Equal(HttpStatusCode.NotFound, (await autre.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinateur.GetAsync("/pro/veille")).StatusCode);
        var form = await Formulaire.LireAsync(membre, url);
        var publier = await membre.PostAsync($"{url}?handler=Publier", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", form.Valeur("__RequestVerificationToken")!), new("Version", form.Valeur("Version")!),
            new("Saisie.Titre", $"Titre forcé {mot}"), new("Saisie.Date", "2026-11-20"), new("Saisie.Resume", "Résumé forcé."), new("Saisie.Themes", "raccrochage"),
        ]));
        Assert.Equal(HttpStatusCode.NotFound, publier.StatusCode);
        var jeton = (await Pro.PageAsync(autre, "/pro/veille")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var supprimer = await autre.PostAsync($"{url}?handler=Supprimer", new FormUrlEncodedContent([new("__RequestVerificationToken", jeton)]));
        Assert.Equal(HttpStatusCode.NotFound, supprimer.StatusCode);
        var apres = await LireAsync(mot);
        Assert.Equal((StatutModeration.Brouillon, $"Brouillon de A {mot}", a.ModifieeLe), (apres.Statut, apres.Titre, apres.ModifieeLe));
    }

    [Fact]
    public async Task BadInput_GetsAFrenchMessagePerField_AndWritesNothing()
    {
        var (editeur, _) = await ConnecterAsync(Roles.Editeur);
        var mot = VeilleDeTest.Mot();
        int avant;
        await using (var db = f.CreateDbContext())
        {
            avant = await db.Actualites.CountAsync();
        }

        var form = (await Formulaire.LireAsync(editeur, "/pro/veille/edition"))
            .Mettre("Saisie.Titre", "   ")
            .Mettre("Saisie.Date", "31/02/2026")
            .Mettre("Saisie.Resume", new string('r', 601) + mot)
            .Mettre("Saisie.SourceUrl", "javascript:alert(1)")
            .Cocher("Saisie.Themes", "theme-inconnu")
            .Mettre("Saisie.Territoire", "63, 99")
            .Mettre("Saisie.Dispositifs", "999999999")
            .Mettre("Saisie.Structures", "/annuaire/12");
        var r = await form.EnvoyerAsync(editeur, "Publier");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var page = await Pro.Html(r);
        string? Message(string champ) => page.QuerySelector($"#err-{champ}")?.TextContent;
        Assert.Contains("Indiquez le titre", Message("titre-contenu"));
        Assert.Contains("doit être une date", Message("date"));
        Assert.Contains("au plus 600 caractères", Message("resume"));
        Assert.Contains("https://", Message("source-url"));
        Assert.Contains("n'est pas dans la liste", Message("themes"));
        Assert.Contains("« 99 »", Message("territoire"));
        Assert.Contains("aucune fiche n° 999999999", Message("dispositifs"));
        Assert.Contains("« /annuaire/12 »", Message("structures"));
        await using (var db = f.CreateDbContext())
        {
            Assert.Equal(avant, await db.Actualites.CountAsync());
        }
    }

    [Fact]
    public async Task TypedHtml_IsStoredAsTyped_AndInertInThePageAndTheFeeds()
    {
        var (editeur, _) = await ConnecterAsync(Roles.Editeur);
        var mot = VeilleDeTest.Mot();
        var titre = $"<script>alert('titre')</script> {mot}";
        var resume = $"\"><img src=x onerror=alert(1)> & <b>gras</b> {mot}";
        var corps = "<script>alert(2)</script>\n\n[un lien](javascript:alert(3)) <iframe src=\"https://exemple.fr\"></iframe>";
        var r = await (await Formulaire.LireAsync(editeur, "/pro/veille/edition"))
            .Mettre("Saisie.Titre", titre).Mettre("Saisie.Date", "2099-06-01").Mettre("Saisie.Resume", resume).Mettre("Saisie.Corps", corps)
            .Cocher("Saisie.Themes", "engagement").EnvoyerAsync(editeur, "Publier");
        Assert.Equal("/pro/veille?fait=publiee", r.Headers.Location!.OriginalString);
        var a = await LireAsync(mot);
        Assert.Equal((titre, resume, corps), (a.Titre, a.Resume, a.Corps));

        var page = new HtmlParser().ParseDocument(await (await Pro.Client(f).GetAsync($"/veille/{a.Id}/{a.Slug}")).Content.ReadAsStringAsync());
        var article = page.QuerySelector("article")!;
        Assert.Equal(titre, article.QuerySelector("h1")!.TextContent);
        Assert.Equal(resume, article.QuerySelector(".lead")!.TextContent);
        Assert.Empty(article.QuerySelectorAll("script, img, iframe, b"));
        Assert.Empty(page.QuerySelectorAll("a[href^='javascript']"));
        Assert.Contains("<script>alert(2)</script>", article.QuerySelector(".prose")!.TextContent);

        foreach (var url in new[] { "/veille/flux.atom", "/veille/themes/engagement/flux.atom" })
        {
            var xml = await (await Pro.Client(f).GetAsync(url)).Content.ReadAsStringAsync();
            await Jing.AssertValideAsync(xml);
            var entree = XDocument.Parse(xml).Root!.Elements(A + "entry").Single(e => e.Element(A + "title")!.Value == titre);
            Assert.Equal("text", entree.Element(A + "title")!.Attribute("type")!.Value);
            Assert.Equal(resume, entree.Element(A + "summary")!.Value);
            var contenu = new HtmlParser().ParseDocument(entree.Element(A + "content")!.Value);
            Assert.Empty(contenu.QuerySelectorAll("script, img, iframe"));
            Assert.Empty(contenu.QuerySelectorAll("a[href^='javascript']"));
        }

        var rss = XDocument.Parse(await (await Pro.Client(f).GetAsync("/veille/flux.rss")).Content.ReadAsStringAsync());
        var item = rss.Root!.Element("channel")!.Elements("item").Single(i => i.Element("title")!.Value == titre);
        var description = new HtmlParser().ParseDocument(item.Element("description")!.Value);
        Assert.Empty(description.QuerySelectorAll("img, b"));
        Assert.Equal(resume, description.Body!.TextContent);
    }

    [Fact]
    public async Task RegionalAdministrator_InvitesAnEditor_WithoutStructureNorTerritory()
    {
        var (admin, _) = await ConnecterAsync(Roles.AdminRegional);
        var courriel = $"editeur-{VeilleDeTest.Mot()}@observatoire.test";
        var r = await Pro.PosterAsync(admin, "/pro/admin/comptes", new() { ["Courriel"] = courriel, ["Role"] = Roles.Editeur, ["Territoire"] = "63" });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        await using var db = f.CreateDbContext();
        var invitation = await db.Invitations.SingleAsync(i => i.Courriel == courriel);
        Assert.Equal((Roles.Editeur, null, 0), (invitation.Role, invitation.StructureId, invitation.Territoire.Count));
        Assert.Contains("éditeur de l'observatoire", (await db.MessagesSortants.SingleAsync(m => m.Destinataire == courriel)).Corps);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ModerationVeilleSqliteTests(SqliteAppFactory f) : ModerationVeilleTests(f);

[Collection(PostgresCollection.Name)]
public sealed class ModerationVeillePostgresTests(PostgresAppFactory f) : ModerationVeilleTests(f);
