using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Raccroche.Tests.Integration;

/// <summary>
/// The regional administrator's PSAD pages (create, edit, the code locked once a list was imported, every write audited)
/// and the saved column mapping of a PSAD (corrected on the import page, saved, reused by the next import), on both
/// databases. Each test makes its own PSAD codes.
/// </summary>
public abstract class PsadsTests(AppFactory f)
{
    private static readonly DateOnly Novembre = new(2026, 11, 1);

    private static string NouveauCode(string prefixe) => prefixe + Guid.NewGuid().ToString("N")[..10];

    private async Task<HttpClient> AdminAsync() => await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.AdminRegional));

    [Fact]
    public async Task Admin_CreatesAPsad_WithTerritoryAndPartners_ThenEditsIt_Audited()
    {
        var admin = await AdminAsync();
        int cio, ml;
        await using (var db = f.CreateDbContext())
        {
            cio = await db.Structures.Where(s => s.Slug == "cio-63").Select(s => s.Id).SingleAsync();
            ml = await db.Structures.Where(s => s.Slug == "ml-63").Select(s => s.Id).SingleAsync();
        }

        // "Chercher" narrows the partners without writing anything, keeping what was typed.
        var code = NouveauCode("tpa-");
        var r = await Pro.PosterAsync(admin, "/pro/admin/psads/edition", new() { ["Code"] = code, ["Recherche"] = "mission locale" }, "/pro/admin/psads/edition?handler=Chercher");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var page = await Pro.Html(r);
        Assert.Equal(code, page.QuerySelector<IHtmlInputElement>("#code")!.Value);
        Assert.NotNull(page.QuerySelector($"input[name=Partenaires][value='{ml}']"));
        Assert.Null(page.QuerySelector($"input[name=Partenaires][value='{cio}']"));

        var champs = new Dictionary<string, string> { ["Code"] = code, ["Nom"] = "PSAD des volcans", ["Territoire"] = "63, 03185", ["Partenaires"] = ml.ToString(CultureInfo.InvariantCulture) };
        r = await Pro.PosterAsync(admin, "/pro/admin/psads/edition", champs, "/pro/admin/psads/edition");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var liste = await Pro.PageAsync(admin, "/pro/admin/psads");
        var ligne = liste.QuerySelectorAll("tbody tr").Single(tr => tr.QuerySelector("td")!.TextContent == code);
        Assert.Equal(["63, 03185", "1", "0", "0"], ligne.QuerySelectorAll("td").Skip(2).Take(4).Select(td => td.TextContent));

        // Edit: another partner, the same code.
        r = await Pro.PosterAsync(admin, $"/pro/admin/psads/edition/{code}", new() { ["Code"] = code, ["Territoire"] = "63, 03185", ["Nom"] = "PSAD des volcans (nord)", ["Partenaires"] = cio.ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        await using (var db = f.CreateDbContext())
        {
            var p = await db.Psads.Include(x => x.Partenaires).SingleAsync(x => x.Code == code);
            Assert.Equal("PSAD des volcans (nord)", p.Nom);
            Assert.Equal(["63", "03185"], p.Territoire);
            Assert.Equal([cio], p.Partenaires.Select(x => x.StructureId).ToList());
            var id = p.Id.ToString(CultureInfo.InvariantCulture);
            Assert.True(await db.Journal.AnyAsync(j => j.Ressource == "psad" && j.RessourceId == id && j.Action == Tracabilite.Creation));
            Assert.True(await db.Journal.AnyAsync(j => j.Ressource == "psad" && j.RessourceId == id && j.Action == Tracabilite.Modification));
        }
    }

    [Fact]
    public async Task Admin_BadInput_IsNamedInFrench_AndNothingIsWritten()
    {
        var admin = await AdminAsync();
        var code = NouveauCode("tpb-");
        var r = await Pro.PosterAsync(admin, "/pro/admin/psads/edition", new() { ["Code"] = "63 nord!", ["Nom"] = "", ["Territoire"] = "63, 99999, ZZ" }, "/pro/admin/psads/edition");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var page = await Pro.Html(r);
        Assert.Contains("lettres, chiffres ou tirets", page.QuerySelector("#err-code")!.TextContent);
        Assert.Contains("nom de la PSAD", page.QuerySelector("#err-nom")!.TextContent);
        var territoire = page.QuerySelector("#err-territoire")!.TextContent;
        Assert.Contains("99999", territoire);
        Assert.Contains("ZZ", territoire);
        Assert.DoesNotContain("63,", territoire);

        // An existing code is refused.
        r = await Pro.PosterAsync(admin, "/pro/admin/psads/edition", new() { ["Code"] = "63", ["Nom"] = "Doublon", ["Territoire"] = "63" }, "/pro/admin/psads/edition");
        Assert.Contains("déjà le code « 63 »", (await Pro.Html(r)).QuerySelector("#err-code")!.TextContent);
        await using var db = f.CreateDbContext();
        Assert.False(await db.Psads.AnyAsync(p => p.Nom == "Doublon" || p.Code == code));
    }

    [Fact]
    public async Task TheCode_CannotChange_OnceAListWasImported()
    {
        var admin = await AdminAsync();
        var code = NouveauCode("tpc-");
        await using (var db = f.CreateDbContext())
        {
            db.Psads.Add(new Psad { Code = code, Nom = "PSAD " + code, Territoire = ["63"] });
            await db.SaveChangesAsync();
        }

        using (var scope = f.Services.CreateScope())
        {
            var r = await scope.ServiceProvider.GetRequiredService<ImportSiei>().ExecuterAsync(code, Novembre,
                ListeSieiSynthetique.Flux(ListeSieiSynthetique.Csv(ListeSieiSynthetique.Jeunes(3, 41, Novembre))), "liste.csv", false, false, "test");
            Assert.True(r.Importe, r.Resume());
        }

        var page = await Pro.PageAsync(admin, $"/pro/admin/psads/edition/{code}");
        Assert.Contains("ne peut plus changer", page.QuerySelector("#aide-code")?.TextContent ?? page.Body!.TextContent);
        var reponse = await Pro.PosterAsync(admin, $"/pro/admin/psads/edition/{code}", new() { ["Code"] = code + "x" });
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains($"sous le code « {code} »", (await Pro.Html(reponse)).QuerySelector("#err-code")!.TextContent);
        var liste = await Pro.PageAsync(admin, "/pro/admin/psads");
        Assert.Equal("3", liste.QuerySelectorAll("tbody tr").Single(tr => tr.QuerySelector("td")!.TextContent == code).QuerySelectorAll("td")[5].TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/pro/admin/psads/edition/inconnue-" + code)).StatusCode);
    }

    /// <summary>A coordinator of a new PSAD, signed in.</summary>
    private async Task<(string Code, int Id, HttpClient Client)> CoordinateurAsync()
    {
        var code = NouveauCode("tpm-");
        int id;
        await using (var db = f.CreateDbContext())
        {
            var p = new Psad { Code = code, Nom = "PSAD " + code, Territoire = ["63"] };
            db.Psads.Add(p);
            await db.SaveChangesAsync();
            id = p.Id;
        }

        var compte = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "mlds-academie-clermont");
        using (var scope = f.Services.CreateScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<EquipeSuivi>().AccorderAsync(id, compte.Courriel, RoleSuivi.CoordinateurPsad, false, parAdminRegional: true, "test")).Reussi);
        }

        return (code, id, await Pro.ConnecterAsync(f, compte));
    }

    /// <summary>The dry run of the import page: a real multipart post with the page's antiforgery token.</summary>
    private static async Task<IHtmlDocument> VerifierAsync(HttpClient client, string psad, string csv)
    {
        var page = await Pro.PageAsync(client, "/pro/decrocheurs/import");
        var jeton = page.QuerySelector("form[enctype='multipart/form-data'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var contenu = new MultipartFormDataContent
        {
            { new StringContent(jeton), "__RequestVerificationToken" },
            { new StringContent(psad), "Psad" },
            { new StringContent("2026-11"), "Mois" },
            { new ByteArrayContent(ListeSieiSynthetique.Flux(csv).ToArray()), "Fichier", "liste.csv" },
        };
        var r = await client.PostAsync("/pro/decrocheurs/import?handler=Verifier", contenu);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return await Pro.Html(r);
    }

    /// <summary>
    /// Confirms the import on <paramref name="page"/>: the post moves to the import's status page, the import job (off in
    /// tests: run here, as the host would) imports, and the status page then shows the report.
    /// </summary>
    private async Task<IHtmlDocument> ImporterAsync(HttpClient client, IHtmlDocument page, bool ignorer = false)
    {
        var form = page.QuerySelector("form[action*='handler=Importer']")!;
        var champs = form.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToList();
        if (ignorer)
        {
            champs.Add(new("IgnorerInvalides", "true"));
        }

        var r = await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(champs));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var statut = r.Headers.Location!.OriginalString;
        Assert.Matches("^/pro/decrocheurs/import/[0-9a-f-]{36}$", statut);

        // Asked for, not yet run: the status page says so, with its refresh link for browsers without script.
        var attente = await Pro.PageAsync(client, statut);
        Assert.Equal("Import en cours", attente.QuerySelector("#avancement-titre")!.TextContent);
        Assert.Equal("En attente de démarrage…", attente.QuerySelector("[data-actualiser] [role=status]")!.TextContent.Trim());
        Assert.Equal(statut, attente.QuerySelector("[data-actualiser] a")!.GetAttribute("href"));

        Assert.True(await f.Services.GetRequiredService<ImportsDemandes>().TraiterAsync(CancellationToken.None) >= 1);
        return await Pro.PageAsync(client, statut);
    }

    /// <summary>Posts the mapping form of <paramref name="page"/> with these choices (column index → field code).</summary>
    private static async Task<IHtmlDocument> CorrigerAsync(HttpClient client, IHtmlDocument page, Dictionary<string, string> choix, bool enregistrer)
    {
        var form = page.QuerySelector("form[action*='handler=Corriger']")!;
        var valeurs = form.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Concat(form.QuerySelectorAll<IHtmlSelectElement>("select").Select(s => new KeyValuePair<string, string>(s.Name!, s.Value ?? "")).Where(kv => !choix.ContainsKey(kv.Key)))
            .Concat(choix)
            .Concat(enregistrer ? [new("EnregistrerCorrespondance", "true")] : Array.Empty<KeyValuePair<string, string>>())
            .ToList();
        var r = await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(valeurs));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return await Pro.Html(r);
    }

    [Fact]
    public async Task AnUnknownRequiredHeader_IsCorrectedOnThePage_Saved_AndReusedByTheNextImport()
    {
        var (code, id, client) = await CoordinateurAsync();
        var jeunes = ListeSieiSynthetique.Jeunes(5, 77, Novembre);
        var csv = ListeSieiSynthetique.Csv(jeunes).Replace("Date de sortie", "Fin de scolarité", StringComparison.Ordinal);

        // The header line is refused (no exit date), and the table offers a select per column.
        var page = await VerifierAsync(client, code, csv);
        Assert.Contains("Import refusé", page.QuerySelector("#rapport-titre")!.TextContent);
        var select = page.QuerySelector<IHtmlSelectElement>("select[name='Colonne[7]']")!;
        Assert.Equal("ignorer", select.Value);
        Assert.Equal("Champ de la colonne « Fin de scolarité »", page.QuerySelector($"label[for='{select.Id}']")!.TextContent.Trim());

        // The same field twice: a French message on the column, nothing saved.
        var doublon = await CorrigerAsync(client, page, new() { ["Colonne[7]"] = "DateSortie", ["Colonne[3]"] = "DateSortie" }, enregistrer: true);
        Assert.Contains("déjà choisi", doublon.QuerySelector("#err-colonne-7")?.TextContent ?? doublon.QuerySelector("#err-colonne-3")!.TextContent);
        await using (var db = f.CreateDbContext())
        {
            Assert.False(await db.CorrespondancesColonnes.AnyAsync(c => c.PsadId == id));
        }

        // Corrected and saved: the dry run passes, then the import uses it.
        var corrige = await CorrigerAsync(client, page, new() { ["Colonne[7]"] = "DateSortie" }, enregistrer: true);
        Assert.Contains("Résultat de la vérification", corrige.QuerySelector("#rapport-titre")!.TextContent);
        Assert.Contains("5 nouveau(x)", corrige.QuerySelector("[role=status]")!.TextContent);
        Assert.Contains("enregistrée pour la PSAD", corrige.Body!.TextContent);
        var import = corrige.QuerySelector("form[action*='handler=Importer']")!;
        var statut = await ImporterAsync(client, corrige);
        Assert.Contains("Import terminé", statut.QuerySelector("#rapport-titre")!.TextContent);

        await using (var db = f.CreateDbContext())
        {
            var ligne = await db.CorrespondancesColonnes.SingleAsync(c => c.PsadId == id && c.Entete == "fin de scolarite");
            Assert.Equal(ChampSiei.DateSortie, ligne.Champ);
            Assert.Equal(5, await db.JeunesSuivis.CountAsync(j => j.PsadId == id && j.DateSortie != null));
            Assert.True(await db.Journal.AnyAsync(j => j.Ressource == "correspondance-siei" && j.RessourceId == id.ToString(CultureInfo.InvariantCulture)));
        }

        // The next list with the same headers needs nothing: the saved mapping comes before the aliases.
        using var scope = f.Services.CreateScope();
        var suivante = ListeSieiSynthetique.Csv(ListeSieiSynthetique.Jeunes(4, 78, Novembre.AddMonths(1))).Replace("Date de sortie", "FIN DE SCOLARITE", StringComparison.Ordinal);
        var rapport = await scope.ServiceProvider.GetRequiredService<ImportSiei>().ExecuterAsync(code, Novembre.AddMonths(1), ListeSieiSynthetique.Flux(suivante), "decembre.csv", true, false, "test");
        Assert.Null(rapport.Refus);
        Assert.DoesNotContain("FIN DE SCOLARITE", rapport.ColonnesIgnorees);
    }

    [Fact]
    public async Task AnImportWithFaultyRows_IsRefusedByTheJob_ThenImportedWithThemLeftOut_FromItsStatusPage()
    {
        var (code, id, client) = await CoordinateurAsync();
        var csv = ListeSieiSynthetique.Csv(ListeSieiSynthetique.Jeunes(4, 81, Novembre), lignesEnPlus: ["XX;Valmor;Lou;31/02/2008;Thiers;63430;;01/09/2026;scolaire"]);
        var verifie = await VerifierAsync(client, code, csv);
        Assert.Contains("1 ligne(s) écartée(s)", verifie.QuerySelector("[role=status]")!.TextContent);

        // Asked for without leaving the faulty row out: the job refuses, nothing is written, the file stays to be imported again.
        var refuse = await ImporterAsync(client, verifie);
        Assert.Equal("Import refusé", refuse.QuerySelector("#rapport-titre")!.TextContent);
        Assert.Contains("1 ligne(s) en erreur", refuse.QuerySelector("[role=status]")!.TextContent);
        Assert.Contains("date de naissance", refuse.QuerySelector("table.data")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(refuse.QuerySelector("input[name=IgnorerInvalides]"));
        await using (var db = f.CreateDbContext())
        {
            Assert.Equal(0, await db.JeunesSuivis.CountAsync(j => j.PsadId == id));
            Assert.False(await db.Livraisons.AnyAsync(l => l.PsadId == id));
        }

        // Imported with the faulty row left out, from the status page's own form.
        var importe = await ImporterAsync(client, refuse, ignorer: true);
        Assert.Equal("Import terminé", importe.QuerySelector("#rapport-titre")!.TextContent);
        Assert.Contains("importée", importe.QuerySelector("[role=status]")!.TextContent);
        Assert.Null(importe.QuerySelector("form[action*='handler=Importer']"));
        await using (var db = f.CreateDbContext())
        {
            Assert.Equal(4, await db.JeunesSuivis.CountAsync(j => j.PsadId == id));
            var livraison = await db.Livraisons.SingleAsync(l => l.PsadId == id);
            Assert.Equal(1, livraison.Ignores);
            Assert.NotEqual("test", livraison.ImporteePar);
            var depot = await db.DepotsSiei.SingleAsync(d => d.PsadId == id);
            Assert.Equal(EtatDepot.Termine, depot.Etat);
            Assert.Empty(depot.Contenu);
            Assert.True(depot.IgnorerInvalides);
            Assert.Equal(2, await db.Journal.CountAsync(j => j.Ressource == "import-siei" && j.RessourceId == depot.Id.ToString() && j.UtilisateurId != null));
        }

        // The import page lists it among the account's recent imports.
        var accueil = await Pro.PageAsync(client, "/pro/decrocheurs/import");
        Assert.Contains("importé", accueil.QuerySelector("section[aria-labelledby=recents-titre]")!.TextContent);

        // Another PSAD's coordinator does not see it.
        var (_, _, autre) = await CoordinateurAsync();
        var lien = accueil.QuerySelector("section[aria-labelledby=recents-titre] a")!.GetAttribute("href")!;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(lien)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await autre.GetAsync(lien)).StatusCode);
    }

    [Fact]
    public async Task TheStatusPage_ShowsTheRunningPhase_AndAStaleClaimIsTakenAgain()
    {
        var (code, id, client) = await CoordinateurAsync();
        var verifie = await VerifierAsync(client, code, ListeSieiSynthetique.Csv(ListeSieiSynthetique.Jeunes(3, 82, Novembre)));
        var depotId = Guid.Parse(verifie.QuerySelector("form[action*='handler=Importer'] input[name=DepotId]")!.GetAttribute("value")!);
        var maintenant = f.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

        // Claimed by an instance that still gives signs of life: shown as it goes, not taken by this one.
        await using (var db = f.CreateDbContext())
        {
            await db.DepotsSiei.Where(d => d.Id == depotId).ExecuteUpdateAsync(u => u.SetProperty(d => d.Etat, EtatDepot.EnCours).SetProperty(d => d.DemandeLe, maintenant)
                .SetProperty(d => d.AvanceLe, maintenant).SetProperty(d => d.Phase, PhaseImport.Rapprochement).SetProperty(d => d.Faites, 40_000).SetProperty(d => d.Total, 100_000));
        }

        var page = await Pro.PageAsync(client, $"/pro/decrocheurs/import/{depotId}");
        var texte = page.QuerySelector("[data-actualiser] [role=status]")!.TextContent.Trim();
        Assert.Equal(new AvancementImport(PhaseImport.Rapprochement, 40_000, 100_000).ToString(), texte);
        Assert.StartsWith("rapprochement : 40", texte, StringComparison.Ordinal);
        var barre = page.QuerySelector("[data-actualiser] progress")!;
        Assert.Equal(("40000", "100000"), (barre.GetAttribute("value"), barre.GetAttribute("max")));
        Assert.Equal(0, await f.Services.GetRequiredService<ImportsDemandes>().TraiterAsync(CancellationToken.None));

        // Its instance died (no sign of life for longer than the lease): the next run takes it again and imports it.
        await using (var db = f.CreateDbContext())
        {
            await db.DepotsSiei.Where(d => d.Id == depotId).ExecuteUpdateAsync(u => u.SetProperty(d => d.AvanceLe, maintenant - DepotSiei.Bail - TimeSpan.FromMinutes(1)));
        }

        Assert.True(await f.Services.GetRequiredService<ImportsDemandes>().TraiterAsync(CancellationToken.None) >= 1);
        var fin = await Pro.PageAsync(client, $"/pro/decrocheurs/import/{depotId}");
        Assert.Equal("Import terminé", fin.QuerySelector("#rapport-titre")!.TextContent);
        Assert.Null(fin.QuerySelector("[data-actualiser]"));
        await using (var db = f.CreateDbContext())
        {
            Assert.Equal(3, await db.JeunesSuivis.CountAsync(j => j.PsadId == id));
        }
    }

    [Fact]
    public async Task ASavedIgnore_KeepsAColumnOut_AndIsListedAsIgnored()
    {
        var (code, id, _) = await CoordinateurAsync();
        using var scope = f.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<CorrespondancesPsad>().EnregistrerAsync(id, new Dictionary<string, ChampSiei?> { ["Téléphone"] = null }, "test");
        var rapport = await scope.ServiceProvider.GetRequiredService<ImportSiei>().ExecuterAsync(code, Novembre,
            ListeSieiSynthetique.Flux(ListeSieiSynthetique.Csv(ListeSieiSynthetique.Jeunes(3, 79, Novembre))), "liste.csv", true, false, "test");
        Assert.Null(rapport.Refus);
        Assert.Contains("Téléphone", rapport.ColonnesIgnorees);
        Assert.Equal(OrigineColonne.Correspondance, rapport.Colonnes.Single(c => c.Entete == "Téléphone").Origine);
    }

    [Fact]
    public async Task TheImport_ReportsItsProgress_PhaseByPhase()
    {
        var (code, _, _) = await CoordinateurAsync();
        var avancements = new List<AvancementImport>();
        using var scope = f.Services.CreateScope();
        var r = await scope.ServiceProvider.GetRequiredService<ImportSiei>().ExecuterAsync(code, Novembre,
            ListeSieiSynthetique.Flux(ListeSieiSynthetique.Csv(ListeSieiSynthetique.Jeunes(40, 80, Novembre))), "liste.csv", false, false, "test",
            avancement: new Synchrone(avancements.Add));
        Assert.True(r.Importe, r.Resume());
        Assert.Equal([PhaseImport.Lecture, PhaseImport.Analyse, PhaseImport.Rapprochement, PhaseImport.Ecriture], avancements.Select(a => a.Phase).Distinct());
        Assert.True(avancements.Count(a => a.Phase == PhaseImport.Rapprochement) >= 10);
        Assert.Equal(new AvancementImport(PhaseImport.Ecriture, 40, 40), avancements[^1]);
    }

    private sealed class Synchrone(Action<AvancementImport> action) : IProgress<AvancementImport>
    {
        public void Report(AvancementImport value) => action(value);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PsadsSqliteTests(SqliteAppFactory f) : PsadsTests(f);

[Collection(PostgresCollection.Name)]
public sealed class PsadsPostgresTests(PostgresAppFactory f) : PsadsTests(f);
