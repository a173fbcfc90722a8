using AngleSharp.Html.Parser;
using Raccroche.Web.Donnees.Initiales;
using Raccroche.Web.Features.Moderation;
using Raccroche.Web.Features.Partenaires;

namespace Raccroche.Tests.Integration;

/// <summary>
/// The partners' directory: the seed (the forum's partners, structure-level contacts only), the list (French search, filters by
/// kind and département, bad filters in French), the partner's page (published only; a named contact, kept with consent, shown
/// to signed-in professionals only), and the editors' form through the real page: publish, a French message per field and no
/// write, consent required, typed HTML stored as typed and shown inert, members and others kept out.
/// </summary>
public abstract class PartenairesTests(AppFactory f)
{
    private HttpClient Public => Pro.Client(f);

    private async Task<string> TexteAsync(HttpClient client, string url)
    {
        var r = await client.GetAsync(url);
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)r.StatusCode}");
        return await r.Content.ReadAsStringAsync();
    }

    private async Task<List<string>> NomsAsync(string requete) =>
        [.. new HtmlParser().ParseDocument(await TexteAsync(Public, "/partenaires?" + requete)).QuerySelectorAll(".result-list .card-title a").Select(a => a.TextContent.Trim())];

    private async Task<Partenaire> LireAsync(string mot)
    {
        await using var db = f.CreateDbContext();
        return await db.Partenaires.AsNoTracking().Include(p => p.DispositifsLies).SingleAsync(p => p.Nom.Contains(mot));
    }

    private static Formulaire Remplir(Formulaire form, string nom) => form
        .Mettre("Saisie.Nom", nom)
        .Mettre("Saisie.Nature", "reseau")
        .Mettre("Saisie.Presentation", "Un réseau qui accompagne les jeunes vers une solution.")
        .Mettre("Saisie.Courriel", "contact@reseau.test");

    [Fact]
    public async Task Seed_HoldsTheForumsPartners_WithStructureLevelContactsOnly()
    {
        await using (var db = f.CreateDbContext())
        {
            var seed = await db.Partenaires.AsNoTracking().Include(p => p.StructuresLiees).Where(p => p.Auteur == PartenairesInitiaux.Auteur).ToListAsync();
            Assert.True(seed.Count >= 15, $"{seed.Count} partners");
            Assert.All(seed, p =>
            {
                Assert.Equal(StatutModeration.Publiee, p.Statut);
                Assert.Null(p.ContactNom);
                Assert.Null(p.ContactCourriel);
                Assert.InRange(p.Presentation.Length, 1, Partenaire.LongueurPresentation);
            });
            foreach (var nom in new[] { "AFEV", "AJD Maurice Gounon", "Apprentis d'Auteuil", "ZUPdeCO", "Énergie Jeunes", "L'École des XV" })
            {
                Assert.Contains(seed, p => p.Nom.Contains(nom, StringComparison.Ordinal));
            }

            Assert.Contains(seed.Single(p => p.Nom.StartsWith("AFEV", StringComparison.Ordinal)).StructuresLiees, s => s.Slug == "afev-lyon");
        }

        var liste = new HtmlParser().ParseDocument(await TexteAsync(Public, "/partenaires"));
        Assert.Contains("partenaires", liste.QuerySelector("#resultats-titre")!.TextContent);
        Assert.Contains(await NomsAsync("q=mentorat"), n => n.StartsWith("AFEV", StringComparison.Ordinal));
    }

    [Fact]
    public async Task List_SearchesLikeTheCatalogue_AndFiltersByKindAndDepartement()
    {
        var mot = VeilleDeTest.Mot();
        await PartenairesDeTest.CreerPartenaireAsync(f.Services, $"Association des écoles {mot}", nature: NaturePartenaire.Association, territoire: ["42"]);
        await PartenairesDeTest.CreerPartenaireAsync(f.Services, $"Réseau régional {mot}", nature: NaturePartenaire.Reseau);
        await PartenairesDeTest.CreerPartenaireAsync(f.Services, $"Service de l'État {mot}", nature: NaturePartenaire.ServiceEtat, territoire: ["63"]);
        await PartenairesDeTest.CreerPartenaireAsync(f.Services, $"Brouillon caché {mot}", StatutModeration.Brouillon);

        Assert.Equal(3, (await NomsAsync($"q={mot}")).Count);
        Assert.Equal([$"Association des écoles {mot}"], await NomsAsync($"q=ECOLE+{mot}"));
        Assert.Equal([$"Association des écoles {mot}"], await NomsAsync($"q={mot}&nature=association"));
        Assert.Equal([$"Association des écoles {mot}", $"Réseau régional {mot}"], await NomsAsync($"q={mot}&departement=42"));
        Assert.Equal([$"Service de l'État {mot}"], await NomsAsync($"q={mot}&nature=service-etat&departement=63"));
        Assert.Empty(await NomsAsync($"q={mot}&nature=collectivite"));
    }

    [Theory]
    [InlineData("nature=club", "nature", "type de partenaire")]
    [InlineData("departement=999", "departement", "n'existe pas")]
    [InlineData("page=zero", "page", "numéro de page")]
    public async Task List_WithABadFilter_SaysWhichInFrench_WithoutFailing(string filtre, string champ, string message)
    {
        var page = new HtmlParser().ParseDocument(await TexteAsync(Public, "/partenaires?" + filtre));
        var lien = page.QuerySelector($".error-summary a[href='#{champ}']");
        Assert.NotNull(lien);
        Assert.Contains(message, lien!.TextContent);
    }

    [Fact]
    public async Task PartnersPage_ShowsAPublishedOne_RedirectsAWrongSlug_HidesDrafts_AndItsNamedContactFromTheAnonymous()
    {
        var mot = VeilleDeTest.Mot();
        int dispositif;
        await using (var db = f.CreateDbContext())
        {
            dispositif = await db.Dispositifs.Where(d => d.Slug == "afev-mentorat").Select(d => d.Id).SingleAsync();
        }

        var p = await PartenairesDeTest.CreerPartenaireAsync(f.Services, $"Partenaire public {mot}", contactNom: $"Camille Test {mot}", consentement: true, dispositifs: [dispositif]);
        var brouillon = await PartenairesDeTest.CreerPartenaireAsync(f.Services, $"Partenaire brouillon {mot}", StatutModeration.Brouillon);
        var sansAccord = await PartenairesDeTest.CreerPartenaireAsync(f.Services, $"Partenaire sans accord {mot}", contactNom: $"Dominique Test {mot}", consentement: false);

        var r = await Public.GetAsync($"/partenaires/{p.Id}/autre");
        Assert.Equal(HttpStatusCode.MovedPermanently, r.StatusCode);
        Assert.Equal($"/partenaires/{p.Id}/{p.Slug}", r.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await Public.GetAsync($"/partenaires/{brouillon.Id}/{brouillon.Slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Public.GetAsync("/partenaires/999999999/rien")).StatusCode);

        var anonyme = new HtmlParser().ParseDocument(await TexteAsync(Public, $"/partenaires/{p.Id}/{p.Slug}"));
        Assert.Equal(p.Nom, anonyme.QuerySelector("h1")!.TextContent);
        Assert.Contains("contact@partenaire.test", anonyme.QuerySelector("#contacts")!.TextContent);
        Assert.Null(anonyme.QuerySelector("#contact-nomme"));
        Assert.DoesNotContain("Camille", anonyme.Body!.TextContent);
        Assert.NotNull(anonyme.QuerySelector($"a[href='/dispositifs/{dispositif}/afev-mentorat']"));

        var pro = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.MembreStructure, "e2c-rhone"));
        var reponse = await pro.GetAsync($"/partenaires/{p.Id}/{p.Slug}");
        Assert.Contains("no-store", reponse.Headers.CacheControl!.ToString());
        var connecte = await Pro.Html(reponse);
        Assert.Contains($"Camille Test {mot}", connecte.QuerySelector("#contact-nomme")!.TextContent);
        Assert.Contains("personne@partenaire.test", connecte.QuerySelector("#contact-nomme")!.TextContent);
        Assert.Null((await Pro.PageAsync(pro, $"/partenaires/{sansAccord.Id}/{sansAccord.Slug}")).QuerySelector("#contact-nomme"));
    }

    [Fact]
    public async Task Editor_AddsAPartnerThroughTheForm_WithLinks_AndPublishesIt()
    {
        var editeur = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.Editeur));
        var mot = VeilleDeTest.Mot();
        int dispositif, structure;
        await using (var db = f.CreateDbContext())
        {
            var d = await db.Dispositifs.FirstAsync(x => x.Slug == "e2c-rhone");
            (dispositif, structure) = (d.Id, d.StructureId);
        }

        var r = await Remplir(await Formulaire.LireAsync(editeur, "/pro/partenaires/edition"), $"Réseau d'appui {mot}")
            .Mettre("Saisie.Territoire", "69, 42")
            .Mettre("Saisie.Actions", "- du **mentorat**\n- des ateliers")
            .Mettre("Saisie.Dispositifs", $"/dispositifs/{dispositif}/e2c-rhone")
            .Mettre("Saisie.Structures", structure.ToString(CultureInfo.InvariantCulture))
            .Mettre("Saisie.ContactNom", "Alex Exemple")
            .Cocher("Saisie.ContactConsentement", "true")
            .EnvoyerAsync(editeur, "Publier");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal("/pro/partenaires?fait=publiee", r.Headers.Location!.OriginalString);
        var p = await LireAsync(mot);
        Assert.Equal((StatutModeration.Publiee, NaturePartenaire.Reseau, "Compte editeur"), (p.Statut, p.Nature, p.DecisionPar));
        Assert.Equal(["69", "42"], p.Territoire);
        Assert.Equal([dispositif], p.DispositifsLies.Select(d => d.Id));
        Assert.NotNull(p.ContactConsentementLe);
        Assert.Equal([$"Réseau d'appui {mot}"], await NomsAsync($"q=appui+{mot}&nature=reseau&departement=42"));
        var page = new HtmlParser().ParseDocument(await TexteAsync(Public, $"/partenaires/{p.Id}/{p.Slug}"));
        Assert.Equal("mentorat", page.QuerySelector(".prose strong")!.TextContent);
        Assert.NotNull((await Pro.PageAsync(editeur, "/pro/partenaires")).QuerySelector($"#publies ~ ul a[href='/pro/partenaires/edition/{p.Id}']"));

        // Taking the named person out drops the consent with them.
        var form = await Formulaire.LireAsync(editeur, $"/pro/partenaires/edition/{p.Id}");
        Assert.Equal("Alex Exemple", form.Valeur("Saisie.ContactNom"));
        r = await form.Mettre("Saisie.ContactNom", "").EnvoyerAsync(editeur, "Enregistrer");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        p = await LireAsync(mot);
        Assert.Equal((null, null), (p.ContactNom, p.ContactConsentementLe));
    }

    [Fact]
    public async Task BadInput_GetsAFrenchMessagePerField_AndWritesNothing()
    {
        var editeur = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.Editeur));
        int avant;
        await using (var db = f.CreateDbContext())
        {
            avant = await db.Partenaires.CountAsync();
        }

        var r = await (await Formulaire.LireAsync(editeur, "/pro/partenaires/edition"))
            .Mettre("Saisie.Nom", " ")
            .Mettre("Saisie.Nature", "club")
            .Mettre("Saisie.Presentation", new string('p', 601))
            .Mettre("Saisie.Territoire", "69, 100")
            .Mettre("Saisie.SiteWeb", "javascript:alert(1)")
            .Mettre("Saisie.Courriel", "pas-une-adresse")
            .Mettre("Saisie.Telephone", "appelez-nous")
            .Mettre("Saisie.ContactCourriel", "personne@partenaire.test")
            .Mettre("Saisie.Dispositifs", "999999999")
            .Mettre("Saisie.Structures", "/annuaire/3")
            .EnvoyerAsync(editeur, "Publier");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var page = await Pro.Html(r);
        string? Message(string champ) => page.QuerySelector($"#err-{champ}")?.TextContent;
        Assert.Contains("Indiquez le nom du partenaire", Message("nom-partenaire"));
        Assert.Contains("choisissez une des valeurs", Message("nature"));
        Assert.Contains("au plus 600 caractères", Message("presentation"));
        Assert.Contains("« 100 »", Message("territoire"));
        Assert.Contains("https://", Message("site-web"));
        Assert.Contains("adresse e-mail valide", Message("courriel"));
        Assert.Contains("numéro de téléphone", Message("telephone"));
        Assert.Contains("nom de la personne", Message("contact-nom"));
        Assert.Contains("accepté d'être nommée", Message("contact-consentement"));
        Assert.Contains("aucune fiche n° 999999999", Message("dispositifs"));
        Assert.Contains("« /annuaire/3 »", Message("structures"));
        await using (var db = f.CreateDbContext())
        {
            Assert.Equal(avant, await db.Partenaires.CountAsync());
        }
    }

    [Fact]
    public async Task TypedHtml_IsStoredAsTyped_AndInertOnTheListAndThePage()
    {
        var editeur = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.Editeur));
        var mot = VeilleDeTest.Mot();
        var nom = $"<script>alert('nom')</script> {mot}";
        var presentation = $"\"><img src=x onerror=alert(1)> <b>gras</b> {mot}";
        var actions = "<script>alert(2)</script>\n\n[lien](javascript:alert(3)) <iframe src=\"https://exemple.fr\"></iframe>";
        var r = await (await Formulaire.LireAsync(editeur, "/pro/partenaires/edition"))
            .Mettre("Saisie.Nom", nom).Mettre("Saisie.Nature", "association").Mettre("Saisie.Presentation", presentation)
            .Mettre("Saisie.Actions", actions).Mettre("Saisie.Adresse", "<svg onload=alert(4)>").EnvoyerAsync(editeur, "Publier");
        Assert.Equal("/pro/partenaires?fait=publiee", r.Headers.Location!.OriginalString);
        var p = await LireAsync(mot);
        Assert.Equal((nom, presentation, actions, "<svg onload=alert(4)>"), (p.Nom, p.Presentation, p.Actions, p.Adresse));

        foreach (var url in new[] { $"/partenaires?q={mot}", $"/partenaires/{p.Id}/{p.Slug}" })
        {
            var page = new HtmlParser().ParseDocument(await TexteAsync(Public, url));
            var main = page.QuerySelector("main")!;
            Assert.Empty(main.QuerySelectorAll("script, img, iframe, b, svg"));
            Assert.Empty(page.QuerySelectorAll("a[href^='javascript']"));
            Assert.Contains(nom, main.TextContent);
        }
    }

    [Fact]
    public async Task OnlyEditorsWrite_AForgedPostByAMemberWritesNothing()
    {
        var membre = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.MembreStructure, "e2c-rhone"));
        var mot = VeilleDeTest.Mot();
        var p = await PartenairesDeTest.CreerPartenaireAsync(f.Services, $"Intouchable {mot}", StatutModeration.Brouillon);
        Assert.Equal(HttpStatusCode.NotFound, (await membre.GetAsync("/pro/partenaires/edition")).StatusCode);
        var jeton = (await Pro.PageAsync(membre, "/pro")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var r = await membre.PostAsync($"/pro/partenaires/edition/{p.Id}?handler=Supprimer", new FormUrlEncodedContent([new("__RequestVerificationToken", jeton)]));
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        r = await membre.PostAsync("/pro/partenaires/edition?handler=Enregistrer", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", jeton), new("Version", "0"), new("Saisie.Nom", $"Forgé {mot}"), new("Saisie.Nature", "association"), new("Saisie.Presentation", "Forgé."),
        ]));
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        await using var db = f.CreateDbContext();
        Assert.Equal(1, await db.Partenaires.CountAsync(x => x.Nom.Contains(mot)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PartenairesSqliteTests(SqliteAppFactory f) : PartenairesTests(f);

[Collection(PostgresCollection.Name)]
public sealed class PartenairesPostgresTests(PostgresAppFactory f) : PartenairesTests(f);
