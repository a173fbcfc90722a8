using System.Security.Claims;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Http;

namespace Raccroche.Tests.Integration;

/// <summary>
/// Structures keep their sheets: edit → draft → submit → published by the territory's coordinator (or sent back
/// with a comment), history with the diff, review reminders, and who may see what. One story goes through it end to
/// end; every other test checks one rule. Each test creates its own structure, place and programme, so tests never
/// share a sheet.
/// </summary>
public abstract class SheetsTests(AppFactory f)
{
    /// <summary>The story end to end: a member edits and submits, the coordinator publishes, the public sheet and the history show it.</summary>
    [Fact]
    public async Task Story_MemberSubmits_CoordinatorPublishes_PublicSheetAndHistoryShowTheChange()
    {
        var fiche = await FicheTest.CreerAsync(f);
        var client = await MembreAsync(fiche, Roles.MembreStructure);
        var url = $"/pro/fiches/dispositif/{fiche.DispositifId}";
        var form = await Formulaire.LireAsync(client, url);
        form.Mettre("Saisie.Description", "Texte d'origine du dispositif, revu par l'équipe.\n\nAteliers le mardi.");
        Assert.Equal(HttpStatusCode.Redirect, (await form.EnvoyerAsync(client, "Enregistrer")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await (await Formulaire.LireAsync(client, url)).EnvoyerAsync(client, "Soumettre")).StatusCode);
        var revisionId = await SoumiseAsync(TypeFiche.Dispositif, fiche.DispositifId);

        var coord = await CoordinateurAsync("63");
        Assert.NotNull((await Pro.PageAsync(coord, "/pro/validation")).QuerySelector($"a[href='/pro/validation/{revisionId}']"));
        Assert.Equal("/pro/validation?fait=publiee", (await DeciderAsync(coord, revisionId, "Publier", "")).Headers.Location!.OriginalString);

        var publique = await Pro.PageAsync(Pro.Client(f), $"/dispositifs/{fiche.DispositifId}/{fiche.DispositifSlug}");
        Assert.Contains("Ateliers le mardi.", publique.QuerySelector(".prose")!.TextContent);
        Assert.DoesNotContain("pas été revue depuis plus d'un an", publique.Body!.TextContent);
        foreach (var c in new[] { client, coord })
        {
            var section = (await Pro.PageAsync(c, $"/pro/fiches/dispositif/{fiche.DispositifId}/historique")).QuerySelector("section.revision")!;
            Assert.Contains("Publiée", section.TextContent);
            Assert.Contains("Compte membre-structure", section.TextContent);
            Assert.Contains("Compte coordinateur", section.TextContent);
            Assert.Contains("Ateliers le mardi.", string.Concat(section.QuerySelectorAll("ins").Select(i => i.TextContent)));
        }
    }

    [Fact]
    public async Task SheetsList_ShowsTheReviewDate_AndAReminderForASheetNotReviewedForMonths()
    {
        var fiche = await FicheTest.CreerAsync(f);
        var client = await MembreAsync(fiche, Roles.MembreStructure);
        var carte = (await Pro.PageAsync(client, "/pro/fiches")).QuerySelector($"#fiche-dispositif-{fiche.DispositifId}")!;
        Assert.Contains(fiche.DispositifNom, carte.TextContent);
        Assert.Contains("15 janvier 2025", carte.TextContent);
        Assert.Contains("à vérifier", carte.TextContent);
    }

    [Fact]
    public async Task SavingADraftTwice_KeepsOneDraftWithTheLastVersion_AndChangesNothingPublic()
    {
        var fiche = await FicheTest.CreerAsync(f);
        var client = await MembreAsync(fiche, Roles.MembreStructure);
        var url = $"/pro/fiches/dispositif/{fiche.DispositifId}";
        var form = await Formulaire.LireAsync(client, url);
        form.Mettre("Saisie.Description", "Texte d'origine du dispositif, revu par l'équipe.\n\nAteliers le mardi.");
        var r = await form.EnvoyerAsync(client, "Enregistrer");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal($"{url}?fait=enregistre", r.Headers.Location!.OriginalString);

        // The form now starts from the draft, not from the live sheet.
        form = await Formulaire.LireAsync(client, url);
        Assert.Equal("Texte d'origine du dispositif, revu par l'équipe.\n\nAteliers le mardi.", form.Valeur("Saisie.Description"));
        form.Mettre("Saisie.AgeMax", "29").Cocher("Saisie.Niveaux", "sans-diplome");
        Assert.Equal(HttpStatusCode.Redirect, (await form.EnvoyerAsync(client, "Enregistrer")).StatusCode);

        await using var db = f.CreateDbContext();
        var revision = Assert.Single(await db.RevisionsFiche.Where(x => x.Type == TypeFiche.Dispositif && x.CibleId == fiche.DispositifId).ToListAsync());
        Assert.Equal(StatutRevision.Brouillon, revision.Statut);
        Assert.Equal(29, ContenuFiche.Lire<ContenuDispositif>(revision.Contenu).AgeMax);
        var d = await db.Dispositifs.SingleAsync(x => x.Id == fiche.DispositifId);
        Assert.Equal(("Texte d'origine du dispositif.", 25), (d.Description, d.AgeMax));
    }

    [Fact]
    public async Task UnsubmittedDraft_IsNotShownToTheTerritorysCoordinator()
    {
        var fiche = await FicheTest.CreerAsync(f);
        var client = await MembreAsync(fiche, Roles.MembreStructure);
        var form = await Formulaire.LireAsync(client, $"/pro/fiches/dispositif/{fiche.DispositifId}");
        Assert.Equal(HttpStatusCode.Redirect, (await form.Mettre("Saisie.Resume", "Brouillon pas encore soumis.").EnvoyerAsync(client, "Enregistrer")).StatusCode);
        int brouillon;
        await using (var db = f.CreateDbContext())
        {
            brouillon = (await db.RevisionsFiche.SingleAsync(x => x.Type == TypeFiche.Dispositif && x.CibleId == fiche.DispositifId)).Id;
        }

        var coord = await CoordinateurAsync("63");
        Assert.Null((await Pro.PageAsync(coord, $"/pro/fiches/dispositif/{fiche.DispositifId}/historique")).QuerySelector("section.revision"));
        Assert.Null((await Pro.PageAsync(coord, "/pro/validation")).QuerySelector($"a[href='/pro/validation/{brouillon}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await coord.GetAsync($"/pro/validation/{brouillon}")).StatusCode);
    }

    [Fact]
    public async Task SubmittedRevision_ReplacesTheFormWithItsState_UntilDecided()
    {
        var fiche = await FicheTest.CreerAsync(f);
        var client = await MembreAsync(fiche, Roles.MembreStructure);
        var url = $"/pro/fiches/dispositif/{fiche.DispositifId}";
        var form = await Formulaire.LireAsync(client, url);
        var r = await form.Mettre("Saisie.Resume", "Résumé à soumettre.").EnvoyerAsync(client, "Soumettre");
        Assert.Equal($"/pro/fiches?fait=soumise#fiche-dispositif-{fiche.DispositifId}", r.Headers.Location!.OriginalString);

        var page = await Pro.PageAsync(client, url);
        Assert.Null(page.QuerySelector("form.sheet-form"));
        Assert.Contains("Soumise à validation", page.QuerySelector("#etat")!.TextContent);
        await using var db = f.CreateDbContext();
        var rev = await db.RevisionsFiche.SingleAsync(x => x.Type == TypeFiche.Dispositif && x.CibleId == fiche.DispositifId);
        Assert.Equal(StatutRevision.Soumise, rev.Statut);
        Assert.NotNull(rev.SoumiseLe);
    }

    [Fact]
    public async Task SubmittedRevision_RefusesAnotherSave_WithAMessage()
    {
        var fiche = await FicheTest.CreerAsync(f);
        var client = await MembreAsync(fiche, Roles.MembreStructure);
        var form = await Formulaire.LireAsync(client, $"/pro/fiches/dispositif/{fiche.DispositifId}");
        Assert.Equal(HttpStatusCode.Redirect, (await form.Mettre("Saisie.Resume", "Résumé soumis.").EnvoyerAsync(client, "Soumettre")).StatusCode);

        // One open revision per sheet: the same form posted again while submitted is refused.
        var r = await form.Mettre("Saisie.Resume", "Résumé changé après la soumission.").EnvoyerAsync(client, "Enregistrer");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("déjà soumise à validation", (await Pro.Html(r)).QuerySelector(".error-summary")!.TextContent);
        await using var db = f.CreateDbContext();
        var rev = await db.RevisionsFiche.SingleAsync(x => x.Type == TypeFiche.Dispositif && x.CibleId == fiche.DispositifId);
        Assert.Equal(StatutRevision.Soumise, rev.Statut);
        Assert.Contains("Résumé soumis.", rev.Contenu);
    }

    [Fact]
    public async Task ValidationPage_ShowsWhatTheRevisionChanges_AsInsertionsAndDeletions()
    {
        var fiche = await FicheTest.CreerAsync(f);
        var client = await MembreAsync(fiche, Roles.MembreStructure);
        var form = await Formulaire.LireAsync(client, $"/pro/fiches/dispositif/{fiche.DispositifId}");
        form.Mettre("Saisie.Description", "Texte d'origine du dispositif, revu par l'équipe.").Mettre("Saisie.AgeMax", "29");
        Assert.Equal(HttpStatusCode.Redirect, (await form.EnvoyerAsync(client, "Soumettre")).StatusCode);
        var revisionId = await SoumiseAsync(TypeFiche.Dispositif, fiche.DispositifId);

        var diff = (await Pro.PageAsync(await CoordinateurAsync("63"), $"/pro/validation/{revisionId}")).QuerySelector("dl.diff")!;
        Assert.Contains("Description", diff.TextContent);
        Assert.Contains("revu par l'équipe", string.Concat(diff.QuerySelectorAll("ins").Select(i => i.TextContent)));
        Assert.Contains("25 ans", string.Concat(diff.QuerySelectorAll("del").Select(i => i.TextContent)));
        Assert.Contains("29 ans", string.Concat(diff.QuerySelectorAll("ins").Select(i => i.TextContent)));
    }

    [Fact]
    public async Task Publishing_ReplacesTheLiveSheet_KeepsTheVersionItReplaced_AndTellsTheAuthor()
    {
        var fiche = await FicheTest.CreerAsync(f);
        var membre = await Pro.CreerCompteAsync(f, Roles.MembreStructure, fiche.StructureSlug);
        var client = await Pro.ConnecterAsync(f, membre);
        var form = await Formulaire.LireAsync(client, $"/pro/fiches/dispositif/{fiche.DispositifId}");
        form.Mettre("Saisie.Description", "Texte d'origine du dispositif, revu par l'équipe.\n\nAteliers le mardi.")
            .Mettre("Saisie.AgeMax", "29").Cocher("Saisie.Niveaux", "sans-diplome");
        Assert.Equal(HttpStatusCode.Redirect, (await form.EnvoyerAsync(client, "Soumettre")).StatusCode);
        var revisionId = await SoumiseAsync(TypeFiche.Dispositif, fiche.DispositifId);

        var r = await DeciderAsync(await CoordinateurAsync("63"), revisionId, "Publier", "");
        Assert.Equal("/pro/validation?fait=publiee", r.Headers.Location!.OriginalString);
        await using var db = f.CreateDbContext();
        var rev = await db.RevisionsFiche.SingleAsync(x => x.Id == revisionId);
        Assert.Equal(StatutRevision.Publiee, rev.Statut);
        Assert.Equal("Compte coordinateur", rev.DecisionPar);
        Assert.Contains("Texte d'origine du dispositif.", rev.Avant);
        Assert.Contains("revu par l'équipe", rev.Contenu);
        var d = await db.Dispositifs.SingleAsync(x => x.Id == fiche.DispositifId);
        Assert.Equal("Texte d'origine du dispositif, revu par l'équipe.\n\nAteliers le mardi.", d.Description);
        Assert.Equal(29, d.AgeMax);
        Assert.Equal(["sans-diplome"], d.Niveaux);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), d.DateMaj);
        var mail = await db.MessagesSortants.Where(m => m.Destinataire == membre.Courriel).OrderByDescending(m => m.Id).FirstAsync();
        Assert.Contains("publiée", mail.Sujet);
        Assert.Contains(fiche.DispositifNom, mail.Corps);
    }

    [Fact]
    public async Task SendingBack_WithoutAComment_IsRefused_AndTheRevisionStaysSubmitted()
    {
        var fiche = await FicheTest.CreerAsync(f);
        var revisionId = await SoumettreAsync(await MembreAsync(fiche, Roles.AdminStructure), fiche, "Nouveau résumé à relire.");
        var r = await DeciderAsync(await CoordinateurAsync("63"), revisionId, "Renvoyer", "  ");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("obligatoire pour renvoyer en brouillon", (await Pro.Html(r)).QuerySelector(".error-summary")!.TextContent);
        await using var db = f.CreateDbContext();
        var rev = await db.RevisionsFiche.SingleAsync(x => x.Id == revisionId);
        Assert.Equal(StatutRevision.Soumise, rev.Statut);
        Assert.Null(rev.DecisionPar);
    }

    [Fact]
    public async Task SendingBack_ReturnsTheRevisionToDraftWithTheComment_TellsTheAuthor_AndLeavesTheSheetAsItWas()
    {
        var fiche = await FicheTest.CreerAsync(f);
        var membre = await Pro.CreerCompteAsync(f, Roles.AdminStructure, fiche.StructureSlug);
        var revisionId = await SoumettreAsync(await Pro.ConnecterAsync(f, membre), fiche, "Nouveau résumé à relire.");
        var coord = await CoordinateurAsync("63");

        var r = await DeciderAsync(coord, revisionId, "Renvoyer", "Précisez les horaires des ateliers.");
        Assert.Equal("/pro/validation?fait=renvoyee", r.Headers.Location!.OriginalString);
        await using (var db = f.CreateDbContext())
        {
            var rev = await db.RevisionsFiche.SingleAsync(x => x.Id == revisionId);
            Assert.Equal(StatutRevision.Brouillon, rev.Statut);
            Assert.Equal("Précisez les horaires des ateliers.", rev.Commentaire);
            var mail = await db.MessagesSortants.Where(m => m.Destinataire == membre.Courriel).OrderByDescending(m => m.Id).FirstAsync();
            Assert.Contains("Précisez les horaires des ateliers.", mail.Corps);
            Assert.Contains($"/pro/fiches/dispositif/{fiche.DispositifId}", mail.Corps);
            Assert.Equal("Un atelier pour tester.", (await db.Dispositifs.SingleAsync(x => x.Id == fiche.DispositifId)).Resume);
        }

        Assert.Null((await Pro.PageAsync(coord, "/pro/validation")).QuerySelector($"a[href='/pro/validation/{revisionId}']"));
    }

    [Fact]
    public async Task SentBackRevision_ShowsTheCommentAndTheDraftToTheMember_AndIsResubmittedAsTheSameRevision()
    {
        var fiche = await FicheTest.CreerAsync(f);
        var client = await MembreAsync(fiche, Roles.AdminStructure);
        var revisionId = await SoumettreAsync(client, fiche, "Nouveau résumé à relire.");
        Assert.Equal(HttpStatusCode.Redirect, (await DeciderAsync(await CoordinateurAsync("63"), revisionId, "Renvoyer", "Précisez les horaires des ateliers.")).StatusCode);

        var edition = $"/pro/fiches/dispositif/{fiche.DispositifId}";
        Assert.Contains("Précisez les horaires des ateliers.", (await Pro.PageAsync(client, edition)).QuerySelector("#etat")!.TextContent);
        var form = await Formulaire.LireAsync(client, edition);
        Assert.Equal("Nouveau résumé à relire.", form.Valeur("Saisie.Resume"));
        form.Mettre("Saisie.Resume", "Nouveau résumé, ateliers le mardi de 9 h à 12 h.");
        Assert.Equal(HttpStatusCode.Redirect, (await form.EnvoyerAsync(client, "Soumettre")).StatusCode);
        await using var db = f.CreateDbContext();
        var rev = await db.RevisionsFiche.SingleAsync(x => x.Type == TypeFiche.Dispositif && x.CibleId == fiche.DispositifId);
        Assert.Equal(revisionId, rev.Id);
        Assert.Equal(StatutRevision.Soumise, rev.Statut);
        Assert.Contains("ateliers le mardi de 9 h à 12 h", rev.Contenu);
    }

    [Fact]
    public async Task MemberOfAnotherStructure_Gets404_OnTheFirstStructuresPages_AndSeesNoDraft()
    {
        var (fiche, revisionId) = await BrouillonSecretAsync();
        var membreB = await MembreAsync(await FicheTest.CreerAsync(f), Roles.AdminStructure);
        foreach (var url in new[]
        {
            $"/pro/fiches/dispositif/{fiche.DispositifId}",
            $"/pro/fiches/structure/{fiche.StructureId}",
            $"/pro/fiches/dispositif/{fiche.DispositifId}/historique",
            $"/pro/fiches/structure/{fiche.StructureId}/historique",
            $"/pro/validation/{revisionId}",
        })
        {
            var r = await membreB.GetAsync(url);
            Assert.True(r.StatusCode == HttpStatusCode.NotFound, $"GET {url}: {(int)r.StatusCode}");
            Assert.DoesNotContain("Brouillon secret", await r.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task MemberOfAnotherStructure_PostingToTheFirstStructuresHandlers_Gets404_AndChangesNothing()
    {
        var (fiche, revisionId) = await BrouillonSecretAsync();
        var membreB = await MembreAsync(await FicheTest.CreerAsync(f), Roles.AdminStructure);

        // With B's own valid antiforgery token.
        var token = (await Pro.PageAsync(membreB, "/pro/fiches")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        foreach (var (url, champs) in new (string, Dictionary<string, string>)[]
        {
            ($"/pro/fiches/dispositif/{fiche.DispositifId}?handler=Soumettre", new() { ["Saisie.Nom"] = "Volé", ["Saisie.Resume"] = "Volé", ["Saisie.Entrees"] = "se-former", ["Saisie.ZoneType"] = "France" }),
            ($"/pro/fiches/dispositif/{fiche.DispositifId}?handler=Abandonner", []),
            ($"/pro/fiches/structure/{fiche.StructureId}?handler=Enregistrer", new() { ["Saisie.Nom"] = "Volé" }),
            ("/pro/fiches?handler=Confirmer", new() { ["type"] = "dispositif", ["id"] = fiche.DispositifId.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            ($"/pro/validation/{revisionId}?handler=Publier", []),
        })
        {
            champs["__RequestVerificationToken"] = token;
            var r = await membreB.PostAsync(url, new FormUrlEncodedContent(champs));
            Assert.True(r.StatusCode == HttpStatusCode.NotFound, $"POST {url}: {(int)r.StatusCode}");
        }

        await using var db = f.CreateDbContext();
        var rev = await db.RevisionsFiche.SingleAsync(x => x.Type == TypeFiche.Dispositif && x.CibleId == fiche.DispositifId);
        Assert.Equal(StatutRevision.Brouillon, rev.Statut);
        Assert.Contains("Brouillon secret", rev.Contenu);
        Assert.False(await db.RevisionsFiche.AnyAsync(x => x.Type == TypeFiche.Structure && x.CibleId == fiche.StructureId));
        Assert.Equal(new DateOnly(2025, 1, 15), (await db.Dispositifs.SingleAsync(x => x.Id == fiche.DispositifId)).DateMaj);
    }

    [Fact]
    public async Task SheetsList_ShowsOnlyTheMembersStructuresSheets()
    {
        var fiche = await FicheTest.CreerAsync(f);
        var autre = await FicheTest.CreerAsync(f);
        var liste = await Pro.PageAsync(await MembreAsync(autre, Roles.AdminStructure), "/pro/fiches");
        Assert.Null(liste.QuerySelector($"#fiche-dispositif-{fiche.DispositifId}"));
        Assert.Null(liste.QuerySelector($"#fiche-structure-{fiche.StructureId}"));
        Assert.NotNull(liste.QuerySelector($"#fiche-dispositif-{autre.DispositifId}"));
    }

    [Fact]
    public async Task CoordinatorOfAnotherTerritory_NeitherSeesNorDecidesTheRevision()
    {
        var fiche = await FicheTest.CreerAsync(f);
        var revisionId = await SoumettreAsync(await MembreAsync(fiche, Roles.MembreStructure), fiche, "Résumé soumis depuis le Puy-de-Dôme.");

        var coord69 = await CoordinateurAsync("69");
        Assert.Null((await Pro.PageAsync(coord69, "/pro/validation")).QuerySelector($"a[href='/pro/validation/{revisionId}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await coord69.GetAsync($"/pro/validation/{revisionId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coord69.GetAsync($"/pro/fiches/dispositif/{fiche.DispositifId}/historique")).StatusCode);
        var token = (await Pro.PageAsync(coord69, "/pro/validation")).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? (await Pro.PageAsync(coord69, "/pro")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var r = await coord69.PostAsync($"/pro/validation/{revisionId}?handler=Publier", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        await using var db = f.CreateDbContext();
        Assert.Equal(StatutRevision.Soumise, (await db.RevisionsFiche.SingleAsync(x => x.Id == revisionId)).Statut);
    }

    [Fact]
    public async Task RegionalAdmin_ValidatesEveryStructure_ButEditsNoSheet()
    {
        var fiche = await FicheTest.CreerAsync(f);
        var revisionId = await SoumettreAsync(await MembreAsync(fiche, Roles.MembreStructure), fiche, "Résumé soumis depuis le Puy-de-Dôme.");

        var admin = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.AdminRegional));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/pro/fiches/dispositif/{fiche.DispositifId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/pro/fiches/structure/{fiche.StructureId}")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await admin.GetAsync("/pro/fiches")).StatusCode);
        Assert.NotNull((await Pro.PageAsync(admin, "/pro/validation")).QuerySelector($"a[href='/pro/validation/{revisionId}']"));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/pro/fiches/dispositif/{fiche.DispositifId}/historique")).StatusCode);
    }

    /// <summary>
    /// The service's writes carry their owner in their own queries, so that a page that forgot its check still writes
    /// nothing: a member of another structure saves, confirms, withdraws and drops nothing of this sheet, and a
    /// coordinator of another territory publishes and sends back nothing.
    /// </summary>
    [Fact]
    public async Task ServiceWrites_ForSomeoneElsesSheet_MatchNoRow()
    {
        var fiche = await FicheTest.CreerAsync(f);
        var autre = await FicheTest.CreerAsync(f);
        int soumise, brouillon;
        string contenu;
        await using (var db = f.CreateDbContext())
        {
            var d = await db.Dispositifs.Include(x => x.Lieux).SingleAsync(x => x.Id == fiche.DispositifId);
            contenu = ContenuFiche.Serialiser(ContenuDispositif.De(d) with { Nom = "Changé par un autre" });
            RevisionFiche Revision(TypeFiche type, int cible, StatutRevision statut) => new()
            {
                Type = type,
                CibleId = cible,
                StructureId = fiche.StructureId,
                Statut = statut,
                Contenu = contenu,
                Auteur = "Membre",
                CreeLe = DateTime.UtcNow,
                ModifieeLe = new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc),
            };
            var r1 = Revision(TypeFiche.Dispositif, fiche.DispositifId, StatutRevision.Soumise);
            var r2 = Revision(TypeFiche.Structure, fiche.StructureId, StatutRevision.Brouillon);
            r2.Contenu = ContenuFiche.Serialiser(ContenuStructure.De(await db.Structures.Include(x => x.Lieux).SingleAsync(x => x.Id == fiche.StructureId)));
            db.RevisionsFiche.AddRange(r1, r2);
            await db.SaveChangesAsync();
            (soumise, brouillon) = (r1.Id, r2.Id);
        }

        var version = new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
        await using (var scope = ServiceEn(new Claim(ClaimTypes.Role, Roles.AdminStructure), new Claim(ComptesSetup.ClaimStructure, autre.StructureId.ToString(CultureInfo.InvariantCulture))))
        {
            var fiches = scope.ServiceProvider.GetRequiredService<EditionFiches>();
            AssertInterdit(await fiches.EnregistrerAsync(TypeFiche.Dispositif, fiche.DispositifId, contenu, 0, soumettre: false, default));
            AssertInterdit(await fiches.EnregistrerAsync(TypeFiche.Structure, fiche.StructureId, contenu, version, soumettre: true, default));
            AssertInterdit(await fiches.ConfirmerAsync(TypeFiche.Dispositif, fiche.DispositifId, default));
            AssertInterdit(await fiches.ConfirmerAsync(TypeFiche.Structure, fiche.StructureId, default));
            AssertInterdit(await fiches.RetirerAsync(soumise, default));
            AssertInterdit(await fiches.AbandonnerAsync(brouillon, default));
        }

        await using (var scope = ServiceEn(new Claim(ClaimTypes.Role, Roles.Coordinateur), new Claim(ComptesSetup.ClaimTerritoire, "01")))
        {
            var fiches = scope.ServiceProvider.GetRequiredService<EditionFiches>();
            AssertInterdit(await fiches.PublierAsync(soumise, version, null, default));
            AssertInterdit(await fiches.RenvoyerAsync(soumise, version, "Non.", default));
        }

        await using (var db = f.CreateDbContext())
        {
            var revisions = await db.RevisionsFiche.Where(r => r.StructureId == fiche.StructureId).OrderBy(r => r.Id).ToListAsync();
            Assert.Equal([(soumise, StatutRevision.Soumise), (brouillon, StatutRevision.Brouillon)], revisions.Select(r => (r.Id, r.Statut)));
            Assert.All(revisions, r => Assert.Null(r.DecisionPar));
            Assert.Equal(fiche.DispositifNom, (await db.Dispositifs.SingleAsync(d => d.Id == fiche.DispositifId)).Nom);
            Assert.Equal(new DateOnly(2025, 1, 15), (await db.Dispositifs.SingleAsync(d => d.Id == fiche.DispositifId)).DateMaj);
            Assert.Equal(new DateOnly(2025, 1, 15), (await db.Structures.SingleAsync(x => x.Id == fiche.StructureId)).DateMaj);
        }
    }

    /// <summary>
    /// A member's write on their own sheet that finds the revision moved on (submitted meanwhile) is a conflict, with
    /// its message, not a refusal of rights: the page shows it instead of answering 404.
    /// </summary>
    [Fact]
    public async Task ServiceWrites_OnTheMembersOwnRevisionThatMovedOn_AreConflicts()
    {
        var fiche = await FicheTest.CreerAsync(f);
        var soumise = await SoumettreAsync(await MembreAsync(fiche, Roles.MembreStructure), fiche, "Résumé soumis.");
        string contenu;
        await using (var db = f.CreateDbContext())
        {
            contenu = ContenuFiche.Serialiser(ContenuDispositif.De(await db.Dispositifs.Include(x => x.Lieux).SingleAsync(x => x.Id == fiche.DispositifId)));
        }

        await using var scope = ServiceEn(new Claim(ClaimTypes.Role, Roles.MembreStructure), new Claim(ComptesSetup.ClaimStructure, fiche.StructureId.ToString(CultureInfo.InvariantCulture)));
        var fiches = scope.ServiceProvider.GetRequiredService<EditionFiches>();
        var enregistrement = await fiches.EnregistrerAsync(TypeFiche.Dispositif, fiche.DispositifId, contenu, 0, soumettre: false, default);
        Assert.Equal((false, Refus.Conflit), (enregistrement.Reussi, enregistrement.Refus));
        Assert.Contains("déjà soumise à validation", enregistrement.Erreurs.Pour("etat"));
        var abandon = await fiches.AbandonnerAsync(soumise, default);
        Assert.Equal((false, Refus.Conflit), (abandon.Reussi, abandon.Refus));
        await using var verification = f.CreateDbContext();
        Assert.Equal(StatutRevision.Soumise, (await verification.RevisionsFiche.SingleAsync(x => x.Id == soumise)).Statut);
    }

    private static void AssertInterdit(Resultat r)
    {
        Assert.False(r.Reussi);
        Assert.Equal(Refus.Interdit, r.Refus);
        Assert.True(r.Erreurs.Any);
    }

    /// <summary>A service scope whose request is signed in (two factors) with these claims.</summary>
    private AsyncServiceScope ServiceEn(params Claim[] claims)
    {
        var scope = f.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("amr", "mfa"), new Claim(ClaimTypes.NameIdentifier, "test"), .. claims], "test")),
        };
        return scope;
    }

    [Fact]
    public async Task InvalidInput_ShowsFrenchMessagesNamingTheField_AndWritesNothing()
    {
        var fiche = await FicheTest.CreerAsync(f);
        var client = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.MembreStructure, fiche.StructureSlug));
        var url = $"/pro/fiches/dispositif/{fiche.DispositifId}";
        var form = await Formulaire.LireAsync(client, url);
        form.Mettre("Saisie.AgeMin", "30").Mettre("Saisie.AgeMax", "20")
            .Mettre("Saisie.Description", new string('a', 8001))
            .Mettre("Saisie.Nom", " ")
            .Mettre("Saisie.DureeSemaines", "douze")
            .Mettre("Saisie.LienMobilisation", "javascript:alert(1)")
            .Mettre("Saisie.ZoneType", "Departements").Mettre("Saisie.ZoneCodes", "63, 999")
            .Mettre("Saisie.Frais", "hors-de-prix")
            .Cocher("Saisie.Publics", "martiens")
            .Cocher("Saisie.Lieux", "999999");
        foreach (var action in new[] { "Enregistrer", "Soumettre" })
        {
            var r = await form.EnvoyerAsync(client, action);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            var page = await Pro.Html(r);
            var resume = page.QuerySelector(".error-summary")!.TextContent;
            Assert.Contains("L'âge minimum (30 ans) doit être inférieur ou égal à l'âge maximum (20 ans).", resume);
            Assert.Contains("La description doit compter au plus 8000 caractères (actuellement 8001).", resume);
            Assert.Contains("Indiquez le nom du dispositif.", resume);
            Assert.Contains("La durée doit être un nombre entier de semaines", resume);
            Assert.Contains("L'adresse du service en ligne doit être une adresse web complète", resume);
            Assert.Contains("999", resume);
            Assert.Contains("Coût : choisissez une des valeurs proposées.", resume);
            Assert.Contains("Publics : une valeur cochée", resume);
            Assert.Contains("Lieux :", resume);

            // Fields keep what was typed and point to their message.
            Assert.Equal("30", page.QuerySelector<IHtmlInputElement>("#age-min")!.Value);
            Assert.Equal("true", page.QuerySelector("#age-min")!.GetAttribute("aria-invalid"));
            Assert.Equal("douze", page.QuerySelector<IHtmlInputElement>("#duree-semaines")!.Value);
        }

        await using var db = f.CreateDbContext();
        Assert.False(await db.RevisionsFiche.AnyAsync(x => x.Type == TypeFiche.Dispositif && x.CibleId == fiche.DispositifId));
        var d = await db.Dispositifs.SingleAsync(x => x.Id == fiche.DispositifId);
        Assert.Equal((16, 25), (d.AgeMin, d.AgeMax));
    }

    [Fact]
    public async Task ScriptInDescription_IsStoredAsTyped_AndShownEncodedEverywhere()
    {
        const string charge = "Avant <script>alert(1)</script> puis <img src=x onerror=alert(1)> après.";
        var fiche = await FicheTest.CreerAsync(f);
        var client = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.MembreStructure, fiche.StructureSlug));
        var url = $"/pro/fiches/dispositif/{fiche.DispositifId}";
        var form = await Formulaire.LireAsync(client, url);
        form.Mettre("Saisie.Description", charge).Mettre("Saisie.Resume", "<b>gras</b> & \"guillemets\"");
        Assert.Equal(HttpStatusCode.Redirect, (await form.EnvoyerAsync(client, "Enregistrer")).StatusCode);

        // Shown back in the form as text.
        var html = await (await client.GetAsync(url)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.Equal(charge, (await Formulaire.LireAsync(client, url)).Valeur("Saisie.Description"));
        Assert.Equal(HttpStatusCode.Redirect, (await (await Formulaire.LireAsync(client, url)).EnvoyerAsync(client, "Soumettre")).StatusCode);

        // Published by the regional administrator (who validates every structure).
        var admin = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.AdminRegional));
        int revisionId;
        await using (var db = f.CreateDbContext())
        {
            revisionId = (await db.RevisionsFiche.SingleAsync(x => x.Type == TypeFiche.Dispositif && x.CibleId == fiche.DispositifId)).Id;
        }

        var revue = await admin.GetAsync($"/pro/validation/{revisionId}");
        var revueHtml = await revue.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert(1)", revueHtml);
        Assert.Empty((await Pro.Html(revue)).QuerySelectorAll("main script, main img"));
        var r = await DeciderAsync(admin, revisionId, "Publier", null);
        Assert.Equal("/pro/validation?fait=publiee", r.Headers.Location!.OriginalString);

        await using (var db = f.CreateDbContext())
        {
            var d = await db.Dispositifs.SingleAsync(x => x.Id == fiche.DispositifId);
            Assert.Equal(charge, d.Description);
            Assert.Equal("<b>gras</b> & \"guillemets\"", d.Resume);
        }

        foreach (var (c, page) in new[] { (client, $"/pro/fiches/dispositif/{fiche.DispositifId}/historique"), (Pro.Client(f), $"/dispositifs/{fiche.DispositifId}/{fiche.DispositifSlug}") })
        {
            var reponse = await c.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
            var texte = await reponse.Content.ReadAsStringAsync();
            Assert.DoesNotContain("<script>alert(1)", texte);
            Assert.DoesNotContain("<img src=x", texte);
            Assert.DoesNotContain("<b>gras", texte);
            var doc = await Pro.Html(reponse);
            Assert.Empty(doc.QuerySelectorAll("main script, main img, main b"));
            Assert.Contains("<script>alert(1)</script>", doc.QuerySelector("main")!.TextContent);
        }
    }

    [Fact]
    public async Task ConfirmUpToDate_SetsTheReviewDate_ClearsTheReminder_AndShowsInHistory()
    {
        var fiche = await FicheTest.CreerAsync(f);
        var client = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.MembreStructure, fiche.StructureSlug));
        var liste = await Pro.PageAsync(client, "/pro/fiches");
        Assert.Contains("à revoir", liste.QuerySelector($"#fiche-structure-{fiche.StructureId}")!.TextContent);
        Assert.Contains("pas été revue depuis plus d'un an", (await Pro.PageAsync(Pro.Client(f), $"/structures/{fiche.StructureId}")).Body!.TextContent);

        foreach (var (type, id) in new[] { ("structure", fiche.StructureId), ("dispositif", fiche.DispositifId) })
        {
            var r = await Pro.PosterAsync(client, "/pro/fiches", new() { ["type"] = type, ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/pro/fiches?handler=Confirmer");
            Assert.Equal($"/pro/fiches?fait=confirmee#fiche-{type}-{id}", r.Headers.Location!.OriginalString);
        }

        await using (var db = f.CreateDbContext())
        {
            var aujourdhui = DateOnly.FromDateTime(DateTime.UtcNow);
            Assert.Equal(aujourdhui, (await db.Structures.SingleAsync(x => x.Id == fiche.StructureId)).DateMaj);
            Assert.Equal(aujourdhui, (await db.Dispositifs.SingleAsync(x => x.Id == fiche.DispositifId)).DateMaj);
            var rev = await db.RevisionsFiche.SingleAsync(x => x.Type == TypeFiche.Dispositif && x.CibleId == fiche.DispositifId);
            Assert.Equal(StatutRevision.Publiee, rev.Statut);
            Assert.Equal(rev.Avant, rev.Contenu);
        }

        liste = await Pro.PageAsync(client, "/pro/fiches");
        Assert.DoesNotContain("à revoir", liste.QuerySelector($"#fiche-structure-{fiche.StructureId}")!.TextContent);
        Assert.DoesNotContain("à revoir", liste.QuerySelector($"#fiche-dispositif-{fiche.DispositifId}")!.TextContent);
        var histo = await Pro.PageAsync(client, $"/pro/fiches/dispositif/{fiche.DispositifId}/historique");
        Assert.Contains("Fiche confirmée à jour", histo.QuerySelector("section.revision")!.TextContent);
        var publique = await Pro.PageAsync(Pro.Client(f), $"/dispositifs/{fiche.DispositifId}/{fiche.DispositifSlug}");
        Assert.DoesNotContain("pas été revue depuis plus d'un an", publique.Body!.TextContent);
    }

    [Fact]
    public async Task StructureSheet_InvalidPlaceAndAddress_ShowMessagesNamingTheField_AndWritesNothing()
    {
        var fiche = await FicheTest.CreerAsync(f);
        var client = await MembreAsync(fiche, Roles.AdminStructure);
        var form = await Formulaire.LireAsync(client, $"/pro/fiches/structure/{fiche.StructureId}");
        form.Mettre("Saisie.Lieux[0].CodePostal", "6300").Mettre("Saisie.Courriel", "pas-une-adresse");
        var r = await form.EnvoyerAsync(client, "Soumettre");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var resume = (await Pro.Html(r)).QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("Le code postal du lieu « Accueil test » doit compter 5 chiffres.", resume);
        Assert.Contains("Le courriel doit être une adresse e-mail valide", resume);
        await using var db = f.CreateDbContext();
        Assert.False(await db.RevisionsFiche.AnyAsync(x => x.Type == TypeFiche.Structure && x.CibleId == fiche.StructureId));
    }

    [Fact]
    public async Task StructureSheet_PlaceHoursAndPhone_PublishedWithTheStructure()
    {
        var fiche = await FicheTest.CreerAsync(f);
        var client = await MembreAsync(fiche, Roles.AdminStructure);
        var url = $"/pro/fiches/structure/{fiche.StructureId}";
        var form = await Formulaire.LireAsync(client, url);
        Assert.Equal(fiche.LieuId.ToString(System.Globalization.CultureInfo.InvariantCulture), form.Valeur("Saisie.Lieux[0].Id"));
        form.Mettre("Saisie.Lieux[0].Horaires", "Du lundi au vendredi, 9 h - 17 h")
            .Mettre("Saisie.Lieux[0].Telephone", "04 73 00 00 00")
            .Mettre("Saisie.Courriel", "contact@structure-test.fr");
        Assert.Equal($"/pro/fiches?fait=soumise#fiche-structure-{fiche.StructureId}", (await form.EnvoyerAsync(client, "Soumettre")).Headers.Location!.OriginalString);

        var coord = await CoordinateurAsync("63113");
        var revisionId = await SoumiseAsync(TypeFiche.Structure, fiche.StructureId);
        var revue = await Pro.PageAsync(coord, $"/pro/validation/{revisionId}");
        Assert.Contains("Horaires – Accueil test", revue.QuerySelector("dl.diff")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await DeciderAsync(coord, revisionId, "Publier", "Merci !")).StatusCode);
        await using (var db = f.CreateDbContext())
        {
            var lieu = await db.Lieux.SingleAsync(x => x.Id == fiche.LieuId);
            Assert.Equal("Du lundi au vendredi, 9 h - 17 h", lieu.Horaires);
            Assert.Equal("04 73 00 00 00", lieu.Telephone);
            Assert.Equal("63113", lieu.CodeInsee);
            var s = await db.Structures.SingleAsync(x => x.Id == fiche.StructureId);
            Assert.Equal("contact@structure-test.fr", s.Courriel);
            Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), s.DateMaj);
            Assert.Equal("Merci !", (await db.RevisionsFiche.SingleAsync(x => x.Id == revisionId)).Commentaire);
        }

        var publique = await Pro.PageAsync(Pro.Client(f), $"/dispositifs/{fiche.DispositifId}/{fiche.DispositifSlug}");
        Assert.Contains("Du lundi au vendredi, 9 h - 17 h", publique.QuerySelector(".places")!.TextContent);
        var structure = await Pro.PageAsync(Pro.Client(f), $"/structures/{fiche.StructureId}");
        Assert.Contains("Du lundi au vendredi, 9 h - 17 h", structure.QuerySelector(".places")!.TextContent);
        Assert.DoesNotContain("pas été revue depuis plus d'un an", structure.Body!.TextContent);
    }

    [Fact]
    public async Task TwoMembers_SameDraft_TheSecondSaveIsReportedNotLost()
    {
        var fiche = await FicheTest.CreerAsync(f);
        var a = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.MembreStructure, fiche.StructureSlug));
        var b = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.AdminStructure, fiche.StructureSlug));
        var url = $"/pro/fiches/dispositif/{fiche.DispositifId}";
        var formA = await Formulaire.LireAsync(a, url);
        var formB = await Formulaire.LireAsync(b, url);
        Assert.Equal(HttpStatusCode.Redirect, (await formA.Mettre("Saisie.Resume", "Version de A.").EnvoyerAsync(a, "Enregistrer")).StatusCode);

        // B's form was read before A's save: refused with a message, B's text kept in the form.
        var r = await formB.Mettre("Saisie.Resume", "Version de B.").EnvoyerAsync(b, "Enregistrer");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var page = await Pro.Html(r);
        Assert.Contains("modifié entre-temps par Compte membre-structure", page.QuerySelector(".error-summary")!.TextContent);
        Assert.Equal("Version de B.", page.QuerySelector<IHtmlTextAreaElement>("#resume")!.Value);
        await using (var db = f.CreateDbContext())
        {
            Assert.Contains("Version de A.", (await db.RevisionsFiche.SingleAsync(x => x.Type == TypeFiche.Dispositif && x.CibleId == fiche.DispositifId)).Contenu);
        }

        // Saving again from that page replaces A's version, knowingly: still one draft.
        var version = page.QuerySelector<IHtmlInputElement>("input[name=Version]")!.Value;
        formB.Mettre("Version", version);
        Assert.Equal(HttpStatusCode.Redirect, (await formB.EnvoyerAsync(b, "Enregistrer")).StatusCode);
        await using (var db = f.CreateDbContext())
        {
            var rev = await db.RevisionsFiche.SingleAsync(x => x.Type == TypeFiche.Dispositif && x.CibleId == fiche.DispositifId);
            Assert.Contains("Version de B.", rev.Contenu);
            Assert.Equal("Compte admin-structure", rev.Auteur);
        }
    }

    /// <summary>Publishes or sends back through the validation page's real form (token and version read from the page).</summary>
    private static async Task<HttpResponseMessage> DeciderAsync(HttpClient client, int revisionId, string handler, string? commentaire)
    {
        var form = await Formulaire.LireAsync(client, $"/pro/validation/{revisionId}", "main form[method=post]");
        if (commentaire is not null)
        {
            form.Mettre("Commentaire", commentaire);
        }

        return await form.EnvoyerAsync(client, handler);
    }

    [Theory]
    [InlineData("Publier")]
    [InlineData("Renvoyer")]
    public async Task Decision_OnARevisionWithdrawnAndChangedAfterTheValidatorOpenedIt_IsRefused_NothingPublished(string handler)
    {
        var fiche = await FicheTest.CreerAsync(f);
        var client = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.MembreStructure, fiche.StructureSlug));
        var coord = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.Coordinateur, territoire: ["63"]));
        var url = $"/pro/fiches/structure/{fiche.StructureId}";
        var saisie = await Formulaire.LireAsync(client, url);
        saisie.Mettre("Saisie.Courriel", "accueil@structure-test.fr");
        Assert.Equal(HttpStatusCode.Redirect, (await saisie.EnvoyerAsync(client, "Soumettre")).StatusCode);
        int revisionId;
        await using (var db = f.CreateDbContext())
        {
            revisionId = (await db.RevisionsFiche.SingleAsync(x => x.Type == TypeFiche.Structure && x.CibleId == fiche.StructureId && x.Statut == StatutRevision.Soumise)).Id;
        }

        // The validator opens the revision (the form keeps the version shown)…
        var decision = await Formulaire.LireAsync(coord, $"/pro/validation/{revisionId}", "main form[method=post]");
        decision.Mettre("Commentaire", "Vu.");
        Assert.Contains("accueil@structure-test.fr", (await Pro.PageAsync(coord, $"/pro/validation/{revisionId}")).QuerySelector("dl.diff")!.TextContent);

        // …meanwhile the member withdraws it, puts another address (where young people's requests would go) and submits again.
        Assert.Equal(HttpStatusCode.Redirect, (await Pro.PosterAsync(client, url, [], $"{url}?handler=Retirer")).StatusCode);
        saisie = await Formulaire.LireAsync(client, url);
        saisie.Mettre("Saisie.Courriel", "detournement@exemple-pirate.fr");
        Assert.Equal(HttpStatusCode.Redirect, (await saisie.EnvoyerAsync(client, "Soumettre")).StatusCode);

        var r = await decision.EnvoyerAsync(coord, handler);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var page = await Pro.Html(r);
        Assert.Contains("modifiée entre-temps", page.QuerySelector(".error-summary")!.TextContent);
        Assert.Contains("detournement@exemple-pirate.fr", page.QuerySelector("dl.diff")!.TextContent);
        await using (var db = f.CreateDbContext())
        {
            var rev = await db.RevisionsFiche.SingleAsync(x => x.Id == revisionId);
            Assert.Equal(StatutRevision.Soumise, rev.Statut);
            Assert.Null(rev.DecisionPar);
            var s = await db.Structures.SingleAsync(x => x.Id == fiche.StructureId);
            Assert.Null(s.Courriel);
        }

        // Having now seen the new version, the validator can decide on it.
        r = await DeciderAsync(coord, revisionId, handler, "Vu, avec la nouvelle adresse.");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        await using (var db = f.CreateDbContext())
        {
            var s = await db.Structures.SingleAsync(x => x.Id == fiche.StructureId);
            Assert.Equal(handler == "Publier" ? "detournement@exemple-pirate.fr" : null, s.Courriel);
        }
    }

    private async Task<HttpClient> MembreAsync(FicheTest fiche, string role) =>
        await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, role, fiche.StructureSlug));

    private async Task<HttpClient> CoordinateurAsync(string territoire) =>
        await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.Coordinateur, territoire: [territoire]));

    /// <summary>The sheet's submitted revision.</summary>
    private async Task<int> SoumiseAsync(TypeFiche type, int cibleId)
    {
        await using var db = f.CreateDbContext();
        return (await db.RevisionsFiche.SingleAsync(x => x.Type == type && x.CibleId == cibleId && x.Statut == StatutRevision.Soumise)).Id;
    }

    /// <summary>A new sheet whose member saved a draft ("Brouillon secret…"); returns the sheet and the draft.</summary>
    private async Task<(FicheTest Fiche, int Brouillon)> BrouillonSecretAsync()
    {
        var fiche = await FicheTest.CreerAsync(f);
        var membreA = await MembreAsync(fiche, Roles.MembreStructure);
        var form = await Formulaire.LireAsync(membreA, $"/pro/fiches/dispositif/{fiche.DispositifId}");
        form.Mettre("Saisie.Description", "Brouillon secret de la structure A.");
        Assert.Equal(HttpStatusCode.Redirect, (await form.EnvoyerAsync(membreA, "Enregistrer")).StatusCode);
        await using var db = f.CreateDbContext();
        return (fiche, (await db.RevisionsFiche.SingleAsync(x => x.Type == TypeFiche.Dispositif && x.CibleId == fiche.DispositifId)).Id);
    }

    /// <summary>Saves a new summary, submits, returns the revision id.</summary>
    private async Task<int> SoumettreAsync(HttpClient client, FicheTest fiche, string resume)
    {
        var form = await Formulaire.LireAsync(client, $"/pro/fiches/dispositif/{fiche.DispositifId}");
        form.Mettre("Saisie.Resume", resume);
        var r = await form.EnvoyerAsync(client, "Soumettre");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        await using var db = f.CreateDbContext();
        return (await db.RevisionsFiche.SingleAsync(x => x.Type == TypeFiche.Dispositif && x.CibleId == fiche.DispositifId && x.Statut == StatutRevision.Soumise)).Id;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SheetsSqliteTests(SqliteAppFactory f) : SheetsTests(f);

[Collection(PostgresCollection.Name)]
public sealed class SheetsPostgresTests(PostgresAppFactory f) : SheetsTests(f);
