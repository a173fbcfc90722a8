using AngleSharp.Html.Dom;

namespace Raccroche.Tests.Integration;

/// <summary>
/// The observatory's context figures on both databases: a file of external values checked (dry run, nothing written),
/// then imported through the page's own forms; faulty lines reported one by one (nothing written), left out only when
/// the box says so; a re-import replacing the values; and the public display with source and licence. Each test
/// uses its own indicator codes. The figures in these files are made up for the tests.
/// </summary>
public abstract class ValeursExternesTests(AppFactory f)
{
    private static string Code() => "test-" + Guid.NewGuid().ToString("N")[..10];

    private static string Fichier(string code, string valeurRegion = "7,6") =>
        "\uFEFFIndicateur;Libellé;Territoire;Période;Valeur;Unité;Source;Licence\n" +
        $"{code};Sortants précoces (chiffres inventés pour le test);84;2023;8,1;%;Source de test;Licence Ouverte 2.0\n" +
        $"{code};;84;2024;{valeurRegion};%;Source de test;Licence Ouverte 2.0\n" +
        $"{code};;63;2024;6.9;%;Source de test;Licence Ouverte 2.0\n" +
        $"{code};;01;2024-T2;\"1 204\";jeunes;Autre source de test;CC BY 4.0\n";

    private async Task<HttpClient> AdminAsync() => await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.AdminRegional));

    /// <summary>The dry run: a real multipart post of the page's upload form, with its antiforgery token.</summary>
    private static async Task<IHtmlDocument> VerifierAsync(HttpClient client, string csv)
    {
        var page = await Pro.PageAsync(client, "/pro/observatoire/import");
        var form = page.QuerySelector("form[enctype='multipart/form-data']")!;
        var jeton = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var contenu = new MultipartFormDataContent
        {
            { new StringContent(jeton), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "Fichier", "valeurs.csv" },
        };
        var r = await client.PostAsync(form.GetAttribute("action"), contenu);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return await Pro.Html(r);
    }

    /// <summary>Submits the report's import form as a browser would (its hidden fields, the box ticked or not).</summary>
    private static async Task<IHtmlDocument> ImporterAsync(HttpClient client, IHtmlDocument page, bool ignorer = false)
    {
        var form = page.QuerySelector("form[action*='handler=Importer']")!;
        var champs = form.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, ((IHtmlInputElement)i).Value)).ToList();
        if (ignorer)
        {
            Assert.NotNull(form.QuerySelector("input[type=checkbox][name=IgnorerErreurs]"));
            champs.Add(new("IgnorerErreurs", "true"));
        }

        var r = await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(champs));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return await Pro.Html(r);
    }

    private async Task<List<Raccroche.Web.Features.Observatoire.ValeurExterne>> ValeursAsync(string code)
    {
        await using var db = f.CreateDbContext();
        return await db.ValeursExternes.AsNoTracking().Where(v => v.Indicateur == code).OrderBy(v => v.Territoire).ThenBy(v => v.Periode).ToListAsync();
    }

    private static string Statut(IHtmlDocument page) => page.QuerySelector("[role=status]")!.TextContent;

    [Fact]
    public async Task AGoodFile_IsCheckedFirst_ThenImported_AndShownWithItsSourceAndLicence()
    {
        var code = Code();
        var admin = await AdminAsync();
        var essai = await VerifierAsync(admin, Fichier(code));
        Assert.Contains("4 valeur(s) prête(s) à importer (4 nouvelle(s), 0 remplaçant", Statut(essai));
        Assert.Empty(await ValeursAsync(code));

        var fin = await ImporterAsync(admin, essai);
        Assert.Contains("Import terminé : 4 valeur(s) enregistrée(s), 4 nouvelle(s) et 0 remplaçant", Statut(fin));
        var valeurs = await ValeursAsync(code);
        Assert.Equal(["01", "63", "84", "84"], valeurs.Select(v => v.Territoire));
        Assert.Equal([1204m, 6.9m, 8.1m, 7.6m], valeurs.Select(v => v.Valeur));
        Assert.All(valeurs, v => Assert.Equal("Sortants précoces (chiffres inventés pour le test)", v.Libelle));
        Assert.Equal("2024-T2", valeurs[0].Periode);
        await using (var db = f.CreateDbContext())
        {
            Assert.True(await db.Journal.AnyAsync(j => j.Ressource == "valeurs-externes" && j.Action == Tracabilite.Creation && j.Detail!.Contains(code)));
        }

        // The observatory's home shows the latest regional value (2024, not 2023), with its source and licence.
        var anonyme = Pro.Client(f);
        var accueil = await Pro.PageAsync(anonyme, "/observatoire");
        var carte = accueil.QuerySelectorAll("#contexte-titre ~ ul.chiffres-contexte > li").Single(li => li.QuerySelector("a")!.GetAttribute("href") == $"/observatoire/contexte/{code}");
        Assert.Equal("7,6", carte.QuerySelector(".chiffre")!.TextContent);
        Assert.Contains("2024", carte.TextContent);
        Assert.Contains("source : Source de test", carte.TextContent);
        Assert.Contains("licence : Licence Ouverte 2.0", carte.TextContent);

        // The indicator's page: every value by territory and period, each labelled with its source and licence, unmasked.
        var detail = await Pro.PageAsync(anonyme, $"/observatoire/contexte/{code}");
        var lignes = detail.QuerySelectorAll("table.data tbody tr").Select(tr => tr.Children.Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(4, lignes.Count);
        Assert.Equal(["Auvergne-Rhône-Alpes", "2024", "7,6", "%", "Source de test", "Licence Ouverte 2.0"], lignes[0]);
        Assert.Equal(["Auvergne-Rhône-Alpes", "2023", "8,1", "%", "Source de test", "Licence Ouverte 2.0"], lignes[1]);
        Assert.Equal(["01 – Ain", "2e trimestre 2024", "1\u202F204", "jeunes", "Autre source de test", "CC BY 4.0"], lignes[2]);
        Assert.Equal(["63 – Puy-de-Dôme", "2024", "6,9", "%", "Source de test", "Licence Ouverte 2.0"], lignes[3]);
        Assert.Equal(HttpStatusCode.NotFound, (await anonyme.GetAsync("/observatoire/contexte/" + Code())).StatusCode);
    }

    [Fact]
    public async Task AFaultyFile_IsReportedLineByLine_AndNothingIsWritten_UnlessTheFaultyLinesAreLeftOut()
    {
        var code = Code();
        var csv = "indicateur,libelle,territoire,periode,valeur,unite,source,licence\n" +
            $"{code},Un indicateur de test (chiffres inventés),84,2024,\"12,5\",%,Source de test,Licence Ouverte 2.0\n" +
            $"{code},,99,2024,3,%,Source de test,Licence Ouverte 2.0\n" +
            $"{code},,63,2024-13,3,%,Source de test,Licence Ouverte 2.0\n" +
            $"{code},,69,2024,beaucoup,%,Source de test,Licence Ouverte 2.0\n" +
            $"{code},,38,2024,3,%,,\n" +
            $"{code},,42,2024,=SOMME(A1:A2),%,Source de test,Licence Ouverte 2.0\n" +
            $"{code},,43,2024,-2.5,%,Source de test,Licence Ouverte 2.0\n" +
            $"{code},,73,2024,\"0,123456\",%,Source de test,Licence Ouverte 2.0\n";
        var admin = await AdminAsync();
        var essai = await VerifierAsync(admin, csv);
        var erreurs = essai.QuerySelectorAll("table.erreurs tbody tr").Select(tr => tr.Children.Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(["3", "territoire"], erreurs[0][..2]);
        Assert.Contains("Territoire « 99 » inconnu", erreurs[0][2]);
        Assert.Equal(["4", "periode"], erreurs[1][..2]);
        Assert.Equal(["5", "valeur"], erreurs[2][..2]);
        Assert.Contains("un nombre est attendu", erreurs[2][2]);
        Assert.Equal(["6", "source"], erreurs[3][..2]);
        Assert.Equal(["6", "licence"], erreurs[4][..2]);
        Assert.Equal(["7", "valeur"], erreurs[5][..2]);
        Assert.Contains("formule", erreurs[5][2]);
        Assert.Equal(["9", "valeur"], erreurs[6][..2]);
        Assert.Contains("quatre chiffres après la virgule", erreurs[6][2]);
        Assert.Equal(7, erreurs.Count);
        Assert.Contains("2 valeur(s) prête(s)", Statut(essai));

        // "Importer" without the box: refused, nothing written, the same report.
        var refus = await ImporterAsync(admin, essai);
        Assert.Contains("cochez la case", refus.QuerySelector("#err-ignorer")?.TextContent ?? refus.Body!.TextContent);
        Assert.Equal(7, refus.QuerySelectorAll("table.erreurs tbody tr").Length);
        Assert.Empty(await ValeursAsync(code));

        // With the box ticked: the two good lines only (a negative number is a number, not a formula).
        var fin = await ImporterAsync(admin, essai, ignorer: true);
        Assert.Contains("2 valeur(s) enregistrée(s)", Statut(fin));
        Assert.Contains("6 ligne(s) en erreur écartée(s)", Statut(fin));
        Assert.Equal([("43", -2.5m), ("84", 12.5m)], (await ValeursAsync(code)).Select(v => (v.Territoire, v.Valeur)));
    }

    [Fact]
    public async Task AReimport_ReplacesTheValuesOfTheSameIndicatorTerritoryAndPeriod_AndSaysSo()
    {
        var code = Code();
        var admin = await AdminAsync();
        await ImporterAsync(admin, await VerifierAsync(admin, Fichier(code)));
        var essai = await VerifierAsync(admin, Fichier(code, valeurRegion: "7,2"));
        Assert.Contains("(0 nouvelle(s), 4 remplaçant une valeur déjà importée)", Statut(essai));
        var fin = await ImporterAsync(admin, essai);
        Assert.Contains("0 nouvelle(s) et 4 remplaçant une valeur déjà importée", Statut(fin));
        var valeurs = await ValeursAsync(code);
        Assert.Equal(4, valeurs.Count);
        Assert.Equal(7.2m, valeurs.Single(v => v.Territoire == "84" && v.Periode == "2024").Valeur);
    }

    [Fact]
    public async Task AFileWithoutTheNeededColumns_OrALabelForANewIndicator_IsRefused()
    {
        var admin = await AdminAsync();
        var sansColonnes = await VerifierAsync(admin, "indicateur;territoire;valeur\nx;84;1\n");
        Assert.Contains("Colonne(s) manquante(s) : periode, unite, source, licence", Statut(sansColonnes));
        Assert.Null(sansColonnes.QuerySelector("form[action*='handler=Importer']"));

        var code = Code();
        var sansLibelle = await VerifierAsync(admin, $"indicateur;libelle;territoire;periode;valeur;unite;source;licence\n{code};;84;2024;1;%;Source;Licence\n");
        Assert.Contains("Libellé manquant", sansLibelle.QuerySelector("table.erreurs")!.TextContent);
        Assert.Null(sansLibelle.QuerySelector("form[action*='handler=Importer']"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ValeursExternesSqliteTests(SqliteAppFactory f) : ValeursExternesTests(f);

[Collection(PostgresCollection.Name)]
public sealed class ValeursExternesPostgresTests(PostgresAppFactory f) : ValeursExternesTests(f);
