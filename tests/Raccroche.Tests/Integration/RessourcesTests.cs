using AngleSharp.Html.Parser;
using Raccroche.Web.Donnees.Initiales;
using Raccroche.Web.Features.Moderation;
using Raccroche.Web.Features.Ressources;

namespace Raccroche.Tests.Integration;

/// <summary>
/// The resources library: the seed (link resources), the list (French search, filters by kind, theme and year, bad filters in
/// French), a PDF uploaded through the real multipart form and served back as a download (application/pdf, Content-Disposition,
/// nosniff), files refused by their content (a text named .pdf, over 20 MB) with nothing written, a draft's file never served,
/// replaced and deleted files removed from the folder, typed HTML inert, and "Comprendre le décrochage" whose every link answers.
/// </summary>
public abstract class RessourcesTests(AppFactory f)
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private HttpClient Public => Pro.Client(f);

    private async Task<string> TexteAsync(HttpClient client, string url)
    {
        var r = await client.GetAsync(url);
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)r.StatusCode}");
        return await r.Content.ReadAsStringAsync();
    }

    private async Task<List<string>> TitresAsync(string requete) =>
        [.. new HtmlParser().ParseDocument(await TexteAsync(Public, "/ressources?" + requete)).QuerySelectorAll(".result-list .card-title a").Select(a => a.TextContent.Trim())];

    private async Task<Ressource?> LireAsync(string mot)
    {
        await using var db = f.CreateDbContext();
        return await db.Ressources.AsNoTracking().SingleOrDefaultAsync(r => r.Titre.Contains(mot));
    }

    private string[] Fichiers() => Directory.Exists(f.DossierRessources) ? Directory.GetFiles(f.DossierRessources) : [];

    private static Formulaire Remplir(Formulaire form, string titre, string forme) => form
        .Mettre("Saisie.Titre", titre)
        .Mettre("Saisie.Date", "2024-09-15")
        .Mettre("Saisie.Nature", "guide")
        .Mettre("Saisie.Resume", "Un guide pour repérer les premiers signes du décrochage.")
        .Mettre("Saisie.Editeur", "Observatoire de test")
        .Cocher("Saisie.Themes", "perseverance-scolaire")
        .Cocher("Saisie.Forme", forme);

    private async Task<HttpClient> EditeurAsync() => await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.Editeur));

    [Fact]
    public async Task Seed_PublishesLinkResources_ListedNewestFirst()
    {
        await using (var db = f.CreateDbContext())
        {
            var seed = await db.Ressources.AsNoTracking().Where(r => r.Auteur == PartenairesInitiaux.Auteur).ToListAsync();
            Assert.True(seed.Count >= 3);
            Assert.All(seed, r =>
            {
                Assert.Equal(StatutModeration.Publiee, r.Statut);
                Assert.StartsWith("https://", r.Lien);
                Assert.Null(r.Fichier);
            });
            Assert.Contains(seed, r => r.Nature == NatureRessource.Dossier);
        }

        var titres = await TitresAsync("q=elements+cles");
        Assert.Contains("Le décrochage scolaire : les éléments clés pour comprendre", titres);
    }

    [Fact]
    public async Task List_SearchesAndFiltersByKindThemeAndYear()
    {
        var mot = VeilleDeTest.Mot();
        await PartenairesDeTest.CreerRessourceAsync(f.Services, $"Étude des parcours {mot}", new DateOnly(2022, 5, 1), nature: NatureRessource.Etude, themes: ["raccrochage"]);
        await PartenairesDeTest.CreerRessourceAsync(f.Services, $"Guide des acteurs {mot}", new DateOnly(2023, 6, 1), nature: NatureRessource.Guide, themes: ["partenariats"]);
        await PartenairesDeTest.CreerRessourceAsync(f.Services, $"Brouillon {mot}", new DateOnly(2023, 7, 1), StatutModeration.Brouillon);

        Assert.Equal([$"Guide des acteurs {mot}", $"Étude des parcours {mot}"], await TitresAsync($"q={mot}"));
        Assert.Equal([$"Étude des parcours {mot}"], await TitresAsync($"q=etudes+{mot}"));
        Assert.Equal([$"Guide des acteurs {mot}"], await TitresAsync($"q={mot}&nature=guide"));
        Assert.Equal([$"Étude des parcours {mot}"], await TitresAsync($"q={mot}&theme=raccrochage"));
        Assert.Equal([$"Guide des acteurs {mot}"], await TitresAsync($"q={mot}&annee=2023"));
        Assert.Empty(await TitresAsync($"q={mot}&annee=2021"));
    }

    [Theory]
    [InlineData("nature=roman", "nature", "type de ressource")]
    [InlineData("theme=inconnu", "theme", "thème")]
    [InlineData("annee=deux-mille", "annee", "L'année")]
    public async Task List_WithABadFilter_SaysWhichInFrench_WithoutFailing(string filtre, string champ, string message)
    {
        var page = new HtmlParser().ParseDocument(await TexteAsync(Public, "/ressources?" + filtre));
        var lien = page.QuerySelector($".error-summary a[href='#{champ}']");
        Assert.NotNull(lien);
        Assert.Contains(message, lien!.TextContent);
    }

    [Fact]
    public async Task UploadedPdf_IsPublished_AndServedAsADownload_OutsideWwwroot()
    {
        var editeur = await EditeurAsync();
        var mot = VeilleDeTest.Mot();
        var r = await Remplir(await Formulaire.LireAsync(editeur, "/pro/ressources/edition"), $"Guide PDF {mot}", "fichier")
            .EnvoyerAvecFichierAsync(editeur, "Publier", "Fichier", Pdf, "../guide repérage 2024.pdf");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal("/pro/ressources?fait=publiee", r.Headers.Location!.OriginalString);
        var ressource = (await LireAsync(mot))!;
        Assert.Equal((StatutModeration.Publiee, (long?)Pdf.Length, "guide repérage 2024.pdf"), (ressource.Statut, ressource.FichierTaille, ressource.FichierNom));
        Assert.Matches("^[0-9a-f]{32}\\.pdf$", ressource.Fichier);
        Assert.True(File.Exists(Path.Combine(f.DossierRessources, ressource.Fichier!)));
        Assert.False(File.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot", ressource.Fichier!)));

        var page = new HtmlParser().ParseDocument(await TexteAsync(Public, $"/ressources/{ressource.Id}/{ressource.Slug}"));
        Assert.Equal($"/ressources/{ressource.Id}/fichier", page.QuerySelector("#telecharger")!.GetAttribute("href"));
        var fichier = await Public.GetAsync($"/ressources/{ressource.Id}/fichier");
        Assert.Equal(HttpStatusCode.OK, fichier.StatusCode);
        Assert.Equal("application/pdf", fichier.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", fichier.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("guide repérage 2024.pdf", fichier.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", fichier.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(Pdf, await fichier.Content.ReadAsByteArrayAsync());
        Assert.Contains("guide repérage 2024.pdf", await TexteAsync(editeur, $"/pro/ressources/edition/{ressource.Id}"));
    }

    [Fact]
    public async Task ANonPdfNamedPdf_AndAFileOver20Mb_AreRefusedWithAClearMessage_AndWriteNothing()
    {
        var editeur = await EditeurAsync();
        var mot = VeilleDeTest.Mot();
        var avant = Fichiers().Length;
        var html = Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>");
        var r = await Remplir(await Formulaire.LireAsync(editeur, "/pro/ressources/edition"), $"Faux PDF {mot}", "fichier")
            .EnvoyerAvecFichierAsync(editeur, "Publier", "Fichier", html, "rapport.pdf");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var message = (await Pro.Html(r)).QuerySelector("#err-fichier")!.TextContent;
        Assert.Contains("« rapport.pdf » n'est pas un PDF", message);
        Assert.Contains("quel que soit son nom", message);

        var gros = new byte[StockageRessources.TailleMaximale + 1];
        Pdf.CopyTo(gros, 0);
        r = await Remplir(await Formulaire.LireAsync(editeur, "/pro/ressources/edition"), $"Trop gros {mot}", "fichier")
            .EnvoyerAvecFichierAsync(editeur, "Publier", "Fichier", gros, "gros.pdf");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("20 Mo au plus", (await Pro.Html(r)).QuerySelector("#err-fichier")!.TextContent);

        r = await Remplir(await Formulaire.LireAsync(editeur, "/pro/ressources/edition"), $"Sans fichier {mot}", "fichier").EnvoyerAsync(editeur, "Publier");
        Assert.Contains("Choisissez le fichier PDF", (await Pro.Html(r)).QuerySelector("#err-fichier")!.TextContent);
        Assert.Null(await LireAsync(mot));
        Assert.Equal(avant, Fichiers().Length);
    }

    [Fact]
    public async Task AnUploadOverTheRequestLimit_GetsAFrenchPage413_WithTheWayBack_AndWritesNothing()
    {
        var editeur = await EditeurAsync();
        var mot = VeilleDeTest.Mot();
        var avant = Fichiers().Length;
        var enorme = new byte[EditionModel.TailleRequete + 1024 * 1024];
        Pdf.CopyTo(enorme, 0);
        var r = await Remplir(await Formulaire.LireAsync(editeur, "/pro/ressources/edition"), $"Énorme {mot}", "fichier")
            .EnvoyerAvecFichierAsync(editeur, "Publier", "Fichier", enorme, "enorme.pdf");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, r.StatusCode);
        var page = await Pro.Html(r);
        Assert.Contains("trop volumineu", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("20 Mo au plus", page.QuerySelector("main")!.TextContent);
        Assert.Contains("Rien n'a été enregistré", page.QuerySelector("main")!.TextContent);
        Assert.NotNull(page.QuerySelector("main a[href='/pro/ressources/edition']"));
        Assert.Null(await LireAsync(mot));
        Assert.Equal(avant, Fichiers().Length);
    }

    [Fact]
    public async Task OrphanFiles_OlderThanAnHour_AreRemoved_NamedAndRecentFilesStay()
    {
        var editeur = await EditeurAsync();
        var mot = VeilleDeTest.Mot();
        var r = await Remplir(await Formulaire.LireAsync(editeur, "/pro/ressources/edition"), $"Gardé {mot}", "fichier")
            .EnvoyerAvecFichierAsync(editeur, "Publier", "Fichier", Pdf, "garde.pdf");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var garde = Path.Combine(f.DossierRessources, (await LireAsync(mot))!.Fichier!);

        // What a crash between the file and its row leaves: a stored name no row has, hours old; and an upload in progress.
        var orphelin = Path.Combine(f.DossierRessources, $"{Guid.NewGuid():N}.pdf");
        var enCours = Path.Combine(f.DossierRessources, $"{Guid.NewGuid():N}.pdf");
        var etranger = Path.Combine(f.DossierRessources, "lisez-moi.txt");
        foreach (var chemin in new[] { orphelin, enCours, etranger })
        {
            await File.WriteAllBytesAsync(chemin, Pdf);
        }

        var maintenant = DateTime.UtcNow;
        File.SetLastWriteTimeUtc(orphelin, maintenant.AddHours(-3));
        File.SetLastWriteTimeUtc(garde, maintenant.AddHours(-3));
        File.SetLastWriteTimeUtc(etranger, maintenant.AddHours(-3));
        File.SetLastWriteTimeUtc(enCours, maintenant.AddMinutes(-10));

        await using var db = f.CreateDbContext();
        var n = await f.Services.GetRequiredService<StockageRessources>().NettoyerOrphelinsAsync(db, TacheFichiersOrphelins.Age, maintenant, default);
        Assert.True(n >= 1);
        Assert.False(File.Exists(orphelin));
        Assert.True(File.Exists(garde));
        Assert.True(File.Exists(enCours));
        Assert.True(File.Exists(etranger));
        File.Delete(enCours);
        File.Delete(etranger);
    }

    [Fact]
    public async Task BadInput_GetsAFrenchMessagePerField_AndWritesNothing()
    {
        var editeur = await EditeurAsync();
        var mot = VeilleDeTest.Mot();
        var r = await (await Formulaire.LireAsync(editeur, "/pro/ressources/edition"))
            .Mettre("Saisie.Titre", "")
            .Mettre("Saisie.Date", "2024-02-30")
            .Mettre("Saisie.Resume", new string('r', 1001) + mot)
            .Mettre("Saisie.Nature", "roman")
            .Cocher("Saisie.Themes", "inconnu")
            .Cocher("Saisie.Forme", "lien")
            .Mettre("Saisie.Lien", "ftp://exemple.fr/doc")
            .EnvoyerAsync(editeur, "Publier");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var page = await Pro.Html(r);
        string? Message(string champ) => page.QuerySelector($"#err-{champ}")?.TextContent;
        Assert.Contains("Indiquez le titre", Message("titre-contenu"));
        Assert.Contains("doit être une date", Message("date"));
        Assert.Contains("au plus 1000 caractères", Message("resume"));
        Assert.Contains("choisissez une des valeurs", Message("nature"));
        Assert.Contains("n'est pas dans la liste", Message("themes"));
        Assert.Contains("https://", Message("lien"));
        r = await (await Formulaire.LireAsync(editeur, "/pro/ressources/edition")).Mettre("Saisie.Titre", $"Sans forme {mot}").EnvoyerAsync(editeur, "Publier");
        Assert.Contains("un fichier PDF ou un lien", (await Pro.Html(r)).QuerySelector("#err-forme")!.TextContent);
        Assert.Null(await LireAsync(mot));
    }

    [Fact]
    public async Task DraftsFile_IsNotServed_AReplacedFileIsRemoved_AndDeletingTheDraftRemovesItsFile()
    {
        var editeur = await EditeurAsync();
        var mot = VeilleDeTest.Mot();
        await Remplir(await Formulaire.LireAsync(editeur, "/pro/ressources/edition"), $"Brouillon PDF {mot}", "fichier")
            .EnvoyerAvecFichierAsync(editeur, "Enregistrer", "Fichier", Pdf, "premier.pdf");
        var r = (await LireAsync(mot))!;
        Assert.Equal(StatutModeration.Brouillon, r.Statut);
        Assert.Equal(HttpStatusCode.NotFound, (await Public.GetAsync($"/ressources/{r.Id}/fichier")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Public.GetAsync($"/ressources/{r.Id}/{r.Slug}")).StatusCode);
        var premier = r.Fichier!;

        // A new file replaces the first, which leaves the folder once the row names the second.
        var url = $"/pro/ressources/edition/{r.Id}";
        await (await Formulaire.LireAsync(editeur, url)).EnvoyerAvecFichierAsync(editeur, "Enregistrer", "Fichier", [.. Pdf, .. "% deux"u8.ToArray()], "second.pdf");
        r = (await LireAsync(mot))!;
        Assert.NotEqual(premier, r.Fichier);
        Assert.Equal("second.pdf", r.FichierNom);
        Assert.False(File.Exists(Path.Combine(f.DossierRessources, premier)));
        Assert.True(File.Exists(Path.Combine(f.DossierRessources, r.Fichier!)));

        // Saved again without a file, it keeps the second; turned into a link, the file goes.
        await (await Formulaire.LireAsync(editeur, url)).Mettre("Saisie.Resume", "Résumé changé.").EnvoyerAsync(editeur, "Enregistrer");
        Assert.Equal(r.Fichier, (await LireAsync(mot))!.Fichier);

        var jeton = (await Pro.PageAsync(editeur, url)).QuerySelector("form[action*='Supprimer'] input[name=__RequestVerificationToken], input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var suppression = await editeur.PostAsync($"{url}?handler=Supprimer", new FormUrlEncodedContent([new("__RequestVerificationToken", jeton)]));
        Assert.Equal("/pro/ressources?fait=supprimee", suppression.Headers.Location!.OriginalString);
        Assert.Null(await LireAsync(mot));
        Assert.False(File.Exists(Path.Combine(f.DossierRessources, r.Fichier!)));
    }

    [Fact]
    public async Task LinkResource_TypedHtmlIsStoredAsTyped_AndInert()
    {
        var editeur = await EditeurAsync();
        var mot = VeilleDeTest.Mot();
        var titre = $"<script>alert('t')</script> {mot}";
        var resume = "\"><img src=x onerror=alert(1)> <b>gras</b>";
        var r = await Remplir(await Formulaire.LireAsync(editeur, "/pro/ressources/edition"), titre, "lien")
            .Mettre("Saisie.Resume", resume).Mettre("Saisie.Editeur", "<i>Éditeur</i>").Mettre("Saisie.Lien", "https://exemple.fr/etude?a=1&b=2")
            .EnvoyerAsync(editeur, "Publier");
        Assert.Equal("/pro/ressources?fait=publiee", r.Headers.Location!.OriginalString);
        var ressource = (await LireAsync(mot))!;
        Assert.Equal((titre, resume, "<i>Éditeur</i>", null), (ressource.Titre, ressource.Resume, ressource.Editeur, ressource.Fichier));
        foreach (var url in new[] { $"/ressources?q={mot}", $"/ressources/{ressource.Id}/{ressource.Slug}" })
        {
            var page = new HtmlParser().ParseDocument(await TexteAsync(Public, url));
            var main = page.QuerySelector("main")!;
            Assert.Empty(main.QuerySelectorAll("script, img, b, i"));
            Assert.Contains(titre, main.TextContent);
        }

        var fiche = new HtmlParser().ParseDocument(await TexteAsync(Public, $"/ressources/{ressource.Id}/{ressource.Slug}"));
        Assert.Equal("https://exemple.fr/etude?a=1&b=2", fiche.QuerySelector("#consulter")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.NotFound, (await Public.GetAsync($"/ressources/{ressource.Id}/fichier")).StatusCode);
    }

    [Fact]
    public async Task ComprendreLeDecrochage_DefinesTheWords_AndEveryIndicatorAndProgrammeLinkAnswers()
    {
        var page = new HtmlParser().ParseDocument(await TexteAsync(Public, "/ressources/comprendre-le-decrochage"));
        foreach (var ancre in new[] { "decrocheur", "sortant-precoce", "obligation-de-formation", "psad", "siei", "sortie-positive", "mlds", "e2c" })
        {
            Assert.NotNull(page.QuerySelector($"section#{ancre} h2"));
        }

        var liens = page.QuerySelectorAll("main section a").Select(a => a.GetAttribute("href")!).Distinct().ToList();
        Assert.Contains("/observatoire/indicateurs/jeunes-reperes", liens);
        Assert.Contains(liens, l => l.StartsWith("/dispositifs/", StringComparison.Ordinal) && l.EndsWith("/e2c-rhone", StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector("section#psad a[href^='/observatoire/indicateurs/']"));
        Assert.NotNull(page.QuerySelector("section#obligation-de-formation a[href$='/obligation-de-formation-16-18']"));
        foreach (var lien in liens.Where(l => l.StartsWith('/')))
        {
            Assert.True((await Public.GetAsync(lien)).StatusCode == HttpStatusCode.OK, lien);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RessourcesSqliteTests(SqliteAppFactory f) : RessourcesTests(f);

[Collection(PostgresCollection.Name)]
public sealed class RessourcesPostgresTests(PostgresAppFactory f) : RessourcesTests(f);
