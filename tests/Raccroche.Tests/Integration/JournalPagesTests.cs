using Microsoft.AspNetCore.Identity;

namespace Raccroche.Tests.Integration;

/// <summary>The audit trail pages: search, paging, French validation, CSV export (itself audited), and who may see them.</summary>
public abstract class JournalPagesTests(AppFactory f)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>Lines of one made-up user (unique per test), dated JoursAvant days ago.</summary>
    private async Task<string> LignesAsync(params (int JoursAvant, string Action, string Ressource, string? Id, string? Detail)[] lignes)
    {
        var utilisateur = $"cible-{Guid.NewGuid():N}@pro.test";
        await using var db = f.CreateDbContext();
        foreach (var (jours, action, ressource, id, detail) in lignes)
        {
            db.Journal.Add(new JournalAcces
            {
                Le = DateTime.UtcNow.AddDays(-jours),
                UtilisateurId = "u-1",
                Utilisateur = utilisateur,
                Action = action,
                Ressource = ressource,
                RessourceId = id,
                Adresse = "192.0.2.10",
                Detail = detail,
            });
        }

        await db.SaveChangesAsync();
        return utilisateur;
    }

    private static string JourParis(int joursAvant, string format) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow.AddDays(-joursAvant), Paris).ToString(format, CultureInfo.InvariantCulture);

    private static async Task<List<string[]>> RangeesAsync(HttpClient client, string url)
    {
        var page = await Pro.PageAsync(client, url);
        return page.QuerySelectorAll("table.data tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
    }

    [Fact]
    public async Task RegionalAdmin_SearchesByUserActionResourceAndDates_NewestFirst()
    {
        var admin = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.AdminRegional));
        var cible = await LignesAsync(
            (2, Tracabilite.Lecture, "demande", "42", "fiche ouverte"),
            (1, Tracabilite.Modification, "demande", "42", "statut : pris en charge"),
            (40, Tracabilite.Lecture, "compte", "abc", null));
        var u = Uri.EscapeDataString(cible.ToUpperInvariant()[..20]);

        var rangees = await RangeesAsync(admin, $"/pro/admin/journal?utilisateur={u}");
        Assert.Equal(3, rangees.Count);
        Assert.Equal(["Modification", "Lecture", "Lecture"], rangees.Select(r => r[2]));
        Assert.Equal("demande 42", rangees[0][3]);
        Assert.Equal("192.0.2.10", rangees[0][4]);

        Assert.Equal(2, (await RangeesAsync(admin, $"/pro/admin/journal?utilisateur={u}&action=lecture")).Count);
        Assert.Equal(2, (await RangeesAsync(admin, $"/pro/admin/journal?utilisateur={u}&ressource=demande&ressource_id=42")).Count);
        Assert.Single(await RangeesAsync(admin, $"/pro/admin/journal?utilisateur={u}&ressource=compte"));

        // Dates from the date picker (AAAA-MM-JJ) or typed in French (JJ/MM/AAAA); "au" is inclusive.
        Assert.Equal(2, (await RangeesAsync(admin, $"/pro/admin/journal?utilisateur={u}&du={JourParis(10, "yyyy-MM-dd")}")).Count);
        Assert.Equal(2, (await RangeesAsync(admin, $"/pro/admin/journal?utilisateur={u}&du={JourParis(10, "dd/MM/yyyy")}&au={JourParis(0, "dd/MM/yyyy")}")).Count);
        Assert.Single(await RangeesAsync(admin, $"/pro/admin/journal?utilisateur={u}&au={JourParis(30, "yyyy-MM-dd")}"));

        // The form keeps what was asked.
        var page = await Pro.PageAsync(admin, $"/pro/admin/journal?utilisateur={u}&action=lecture&du={JourParis(10, "dd/MM/yyyy")}");
        Assert.Equal(cible.ToUpperInvariant()[..20], page.QuerySelector("#utilisateur")!.GetAttribute("value"));
        Assert.Equal("lecture", page.QuerySelector("#action option[selected]")!.GetAttribute("value"));
        Assert.Equal(JourParis(10, "yyyy-MM-dd"), page.QuerySelector("#du")!.GetAttribute("value"));
    }

    [Fact]
    public async Task RegionalAdmin_Pages50LinesAtATime()
    {
        var admin = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.AdminRegional));
        var cible = await LignesAsync([.. Enumerable.Range(1, 55).Select(i => (i, Tracabilite.Lecture, "demande", (string?)i.ToString(CultureInfo.InvariantCulture), (string?)null))]);

        var page = await Pro.PageAsync(admin, $"/pro/admin/journal?utilisateur={cible}");
        Assert.Equal(50, page.QuerySelectorAll("table.data tbody tr").Length);
        Assert.Equal("demande 1", page.QuerySelector("table.data tbody tr td:nth-child(4)")!.TextContent);
        Assert.Contains("Page 1 sur 2", page.QuerySelector("nav.pager")!.TextContent);
        var suivante = page.QuerySelector("nav.pager a[rel=next]")!.GetAttribute("href")!;

        var rangees = await RangeesAsync(admin, suivante);
        Assert.Equal(5, rangees.Count);
        Assert.Equal("demande 55", rangees[^1][3]);
    }

    [Theory]
    [InlineData("du=31/02/2025", "n'est pas une date valide")]
    [InlineData("du=demain", "écrivez-la sous la forme JJ/MM/AAAA")]
    [InlineData("du=0001-01-01", "entre 2000 et 2100")]
    [InlineData("du=2025-03-10&au=01/03/2025", "La date de fin (01/03/2025) est antérieure à la date de début (10/03/2025).")]
    [InlineData("page=abc", "Le numéro de page")]
    [InlineData("page=99999999999", "Le numéro de page")]
    [InlineData("action=%3Cscript%3E", "Cette action n'existe pas")]
    public async Task BadFilters_GetAFrenchMessage_NeverA500(string query, string message)
    {
        var admin = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.AdminRegional));
        foreach (var url in new[] { $"/pro/admin/journal?{query}", $"/pro/admin/journal?handler=csv&{query}" })
        {
            var r = await admin.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            var page = await Pro.Html(r);
            Assert.Contains(message, page.QuerySelector(".error-summary")!.TextContent);
            Assert.Empty(page.QuerySelectorAll("table.data"));
        }
    }

    [Fact]
    public async Task OddRequests_NeverA500()
    {
        var admin = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.AdminRegional));
        foreach (var url in new[] { "/pro/admin/journal?handler=inconnu", "/pro/admin/journal?page=100000", "/pro/admin/journal?du=2000-01-01&au=2100-12-31&utilisateur=%25_%27&action=lecture&action=export" })
        {
            var page = await Pro.PageAsync(admin, url);
            Assert.Empty(page.QuerySelectorAll(".error-summary"));
            Assert.NotEqual("Résultats", page.QuerySelector("#resultats-titre")!.TextContent);
        }
    }

    [Fact]
    public async Task RegionalAdmin_ExportsTheSearchAsCsv_AndTheExportIsAudited()
    {
        var compte = await Pro.CreerCompteAsync(f, Roles.AdminRegional);
        var admin = await Pro.ConnecterAsync(f, compte);
        var cible = await LignesAsync(
            (3, Tracabilite.Lecture, "demande", "7", "=HYPERLINK(\"http://mal.example\";\"clic\")"),
            (2, Tracabilite.Modification, "demande", "-1", "note ; « guillemets » \"doubles\"\nsur deux lignes"),
            (1, Tracabilite.Export, "journal", null, "@SUM(1+1)"));

        var r = await admin.GetAsync($"/pro/admin/journal?handler=csv&utilisateur={cible}&page=2");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("text/csv", r.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", r.Content.Headers.ContentType.CharSet);
        Assert.Equal("attachment", r.Content.Headers.ContentDisposition!.DispositionType);
        Assert.EndsWith(".csv", r.Content.Headers.ContentDisposition.FileNameStar);

        var octets = await r.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, octets[..3]);
        var texte = new UTF8Encoding(false).GetString(octets, 3, octets.Length - 3);
        Assert.EndsWith("\r\n", texte);
        var lignes = texte.Split("\r\n");
        Assert.Equal("\"Date (heure de Paris)\";\"Utilisateur\";\"Identifiant utilisateur\";\"Action\";\"Ressource\";\"Identifiant ressource\";\"Adresse IP\";\"Détail\"", lignes[0]);

        // Whole search, not just the page; newest first; every cell quoted, so a cell may hold a line break.
        Assert.Equal(3 + 1 + 1, lignes.Length);
        Assert.EndsWith($";\"{cible}\";\"u-1\";\"export\";\"journal\";\"\";\"192.0.2.10\";\"'@SUM(1+1)\"", lignes[1]);
        Assert.EndsWith($";\"{cible}\";\"u-1\";\"modification\";\"demande\";\"'-1\";\"192.0.2.10\";\"note ; « guillemets » \"\"doubles\"\"\nsur deux lignes\"", lignes[2]);
        Assert.EndsWith($";\"{cible}\";\"u-1\";\"lecture\";\"demande\";\"7\";\"192.0.2.10\";\"'=HYPERLINK(\"\"http://mal.example\"\";\"\"clic\"\")\"", lignes[3]);
        Assert.Matches(@"^""\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}"";", lignes[1]);
        Assert.Equal("", lignes[4]);

        await using var db = f.CreateDbContext();
        var export = await db.Journal.Where(j => j.UtilisateurId == compte.Id && j.Action == Tracabilite.Export).SingleAsync();
        Assert.Equal("journal", export.Ressource);
        Assert.Equal(compte.Courriel, export.Utilisateur);
        Assert.Contains("3 ligne(s)", export.Detail);
        Assert.Contains(cible, export.Detail);
    }

    [Theory]
    [InlineData(Roles.MembreStructure, "ml-63", null)]
    [InlineData(Roles.AdminStructure, "ml-63", null)]
    [InlineData(Roles.Coordinateur, null, "63")]
    public async Task OtherRoles_AreDenied_PageAndCsv(string role, string? structure, string? territoire)
    {
        var compte = await Pro.CreerCompteAsync(f, role, structure, territoire is null ? null : [territoire]);
        var client = await Pro.ConnecterAsync(f, compte);
        foreach (var url in new[] { "/pro/admin/journal", "/pro/admin/journal?handler=csv" })
        {
            var r = await client.GetAsync(url);
            Assert.True(r.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)r.StatusCode}");

            Assert.DoesNotContain("text/csv", r.Content.Headers.ContentType?.MediaType ?? "");
        }

        await using var db = f.CreateDbContext();
        Assert.False(await db.Journal.AnyAsync(j => j.UtilisateurId == compte.Id && j.Action == Tracabilite.Export));
    }

    [Fact]
    public async Task RegionalAdmin_WithoutSecondFactor_IsSentToSetItUp()
    {
        var compte = await Pro.CreerCompteAsync(f, Roles.AdminRegional);
        using (var scope = f.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Utilisateur>>();
            await users.SetTwoFactorEnabledAsync((await users.FindByIdAsync(compte.Id))!, false);
        }

        var client = Pro.Client(f);
        var r = await Pro.PosterAsync(client, "/pro/connexion", new() { ["Courriel"] = compte.Courriel, ["MotDePasse"] = compte.MotDePasse });
        Assert.Equal("/pro/double-facteur", r.Headers.Location!.OriginalString);
        foreach (var url in new[] { "/pro/admin/journal", "/pro/admin/journal?handler=csv" })
        {
            r = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            Assert.EndsWith("/pro/double-facteur", r.Headers.Location!.ToString());
        }
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn()
    {
        var r = await Pro.Client(f).GetAsync("/pro/admin/journal?handler=csv");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.StartsWith("https://localhost/pro/connexion", r.Headers.Location!.ToString());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class JournalPagesSqliteTests(SqliteAppFactory f) : JournalPagesTests(f);

[Collection(PostgresCollection.Name)]
public sealed class JournalPagesPostgresTests(PostgresAppFactory f) : JournalPagesTests(f);
