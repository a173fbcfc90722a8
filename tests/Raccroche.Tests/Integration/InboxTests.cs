
namespace Raccroche.Tests.Integration;

/// <summary>A referral's whole life between two structures, the sender's view, re-referral, reminders, figures and the audit of reads.</summary>
public abstract class InboxTests(AppFactory f)
{
    private async Task<(int Id, string Slug, int StructureId)> DispositifDe(string structure)
    {
        await using var db = f.CreateDbContext();
        var d = await db.Dispositifs.Where(d => d.Structure!.Slug == structure && !d.Suspendu).OrderBy(d => d.Id).FirstAsync();
        return (d.Id, d.Slug, d.StructureId);
    }

    private static Dictionary<string, string> Orientation(string prenom, string? message = null) => new()
    {
        ["Saisie.Prenom"] = prenom,
        ["Saisie.Telephone"] = "06 11 22 33 44",
        ["Saisie.Age"] = "19",
        ["Saisie.Situation"] = "sorti-sans-diplome",
        ["Saisie.Message"] = message ?? "Motivé, cherche une formation rémunérée.",
        ["Saisie.Accord"] = "true",
    };

    private async Task<(int Id, string Reference)> OrienterAsync(HttpClient client, string slug, string prenom, string? message = null)
    {
        var r = await Pro.PosterAsync(client, $"/pro/orienter/{slug}", Orientation(prenom, message));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var reference = System.Web.HttpUtility.ParseQueryString(new Uri(AppFactory.Https, r.Headers.Location!).Query)["reference"]!;
        await using var db = f.CreateDbContext();
        return (await db.DemandesContact.Where(d => d.Reference == reference).Select(d => d.Id).SingleAsync(), reference);
    }

    private static async Task<HttpResponseMessage> Avancer(HttpClient client, int id, StatutDemande statut, string? motif = null, int? dispositif = null, string? note = null, bool sansFormulaire = false)
    {
        var champs = new Dictionary<string, string> { ["Statut"] = statut.Code() };
        if (motif is not null) { champs["Motif"] = motif; }
        if (dispositif is not null) { champs["DispositifId"] = dispositif.Value.ToString(System.Globalization.CultureInfo.InvariantCulture); }
        if (note is not null) { champs["Note"] = note; }
        return sansFormulaire
            ? await Soumission.ForgerAsync(client, $"/pro/demandes/{id}", champs)
            : await Pro.PosterAsync(client, $"/pro/demandes/{id}", champs);
    }

    [Fact]
    public async Task Referral_WholeLife_BetweenTwoStructures()
    {
        var vers = await DispositifDe("e2c-rhone");
        var emetteur = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-63"));
        var receveur = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.MembreStructure, "e2c-rhone"));

        // Missing agreement and contact: French messages, nothing stored.
        var r = await Pro.PosterAsync(emetteur, $"/pro/orienter/{vers.Slug}", new() { ["Saisie.Prenom"] = "Lou", ["Saisie.Age"] = "19" });
        var html = await r.Content.ReadAsStringAsync();
        Assert.Contains("au moins un moyen de joindre", html);
        Assert.Contains("le jeune doit avoir accepté", html);

        var (id, reference) = await OrienterAsync(emetteur, vers.Slug, "Lou");
        await using (var db = f.CreateDbContext())
        {
            var d = await db.DemandesContact.SingleAsync(x => x.Id == id);
            Assert.Equal(vers.StructureId, d.StructureId);
            Assert.Equal(OrigineDemande.Professionnel, d.Origine);
            Assert.Equal("0611223344", d.Telephone);
            var mail = await db.MessagesSortants.Where(m => m.Sujet.Contains(reference)).SingleAsync();
            Assert.DoesNotContain("Lou", mail.Corps);
            Assert.Contains("/pro/demandes", mail.Corps);
        }

        // The receiving structure finds it in its inbox (no names in the list) and opens it: the read is audited.
        var liste = await Pro.PageAsync(receveur, "/pro/demandes");
        Assert.Contains(reference, liste.QuerySelector("table")!.TextContent);
        Assert.DoesNotContain("Lou", liste.QuerySelector("main")!.TextContent);
        var detail = await Pro.PageAsync(receveur, $"/pro/demandes/{id}");
        Assert.Contains("Lou", detail.QuerySelector("main")!.TextContent);
        await using (var db = f.CreateDbContext())
        {
            Assert.True(await db.Journal.AnyAsync(j => j.Action == "lecture" && j.RessourceId == reference && j.Utilisateur.StartsWith("membre-structure")));
        }

        foreach (var statut in new[] { StatutDemande.PriseEnCharge, StatutDemande.JeuneContacte, StatutDemande.RendezVous, StatutDemande.Entre })
        {
            r = await Avancer(receveur, id, statut, note: $"étape {statut.Code()}");
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        }

        // Closed: no more changes (the page offers no form; a forged post is refused).
        r = await Avancer(receveur, id, StatutDemande.SansSuite, motif: "refus", sansFormulaire: true);
        Assert.Contains("close", await r.Content.ReadAsStringAsync());

        // The sender sees the status, not the young person's data.
        var envoyees = await Pro.PageAsync(emetteur, "/pro/envoyees");
        Assert.Contains("Entré·e dans le dispositif", envoyees.QuerySelector("table")!.TextContent);
        var vue = await Pro.PageAsync(emetteur, $"/pro/demandes/{id}");
        Assert.DoesNotContain("0611223344", vue.QuerySelector("main")!.TextContent);
        Assert.Null(vue.QuerySelector("form[method=post] input[name=Statut]"));

        await using (var db = f.CreateDbContext())
        {
            var d = await db.DemandesContact.Include(x => x.Suivi).SingleAsync(x => x.Id == id);
            Assert.Equal(StatutDemande.Entre, d.Statut);
            Assert.NotNull(d.ClotureLe);
            Assert.NotNull(d.PremierContactLe);
            Assert.Equal(4, d.Suivi.Count);
            Assert.Equal(4, await db.Journal.CountAsync(j => j.Action == "modification" && j.RessourceId == reference));
        }
    }

    [Fact]
    public async Task ReReferral_CreatesTheNewRequest_AndNoReasonNoClosure()
    {
        var vers = await DispositifDe("e2c-rhone");
        var ailleurs = await DispositifDe("epide-meyzieu");
        var emetteur = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.MembreStructure, "cio-63"));
        var receveur = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.AdminStructure, "e2c-rhone"));
        var (id, reference) = await OrienterAsync(emetteur, vers.Slug, "Sam");

        var r = await Avancer(receveur, id, StatutDemande.SansSuite);
        Assert.Contains("pourquoi la demande est sans suite", await r.Content.ReadAsStringAsync());
        r = await Avancer(receveur, id, StatutDemande.Reoriente);
        Assert.Contains("vers lequel vous réorientez", await r.Content.ReadAsStringAsync());
        r = await Avancer(receveur, id, StatutDemande.Reoriente, dispositif: ailleurs.Id);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);

        await using var db = f.CreateDbContext();
        var d = await db.DemandesContact.SingleAsync(x => x.Id == id);
        Assert.Equal(StatutDemande.Reoriente, d.Statut);
        var suite = await db.DemandesContact.SingleAsync(x => x.Id == d.SuiteId);
        Assert.Equal(ailleurs.StructureId, suite.StructureId);
        Assert.Equal(OrigineDemande.Reorientation, suite.Origine);
        Assert.Equal("Sam", suite.Prenom);
        Assert.Equal(vers.StructureId, suite.StructureOrigineId);
        Assert.NotEqual(reference, suite.Reference);
    }

    [Fact]
    public async Task StalledRequests_GetOneReminder()
    {
        var vers = await DispositifDe("e2c-rhone");
        var emetteur = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-63"));
        var (id, reference) = await OrienterAsync(emetteur, vers.Slug, "Noa");
        await using (var db = f.CreateDbContext())
        {
            await db.DemandesContact.Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.DernierMouvementLe, DateTime.UtcNow.AddDays(-11)));
        }

        using var scope = f.Services.CreateScope();
        var relances = scope.ServiceProvider.GetRequiredService<Relances>();
        Assert.True(await relances.EnvoyerAsync() >= 1);
        Assert.Equal(0, await relances.EnvoyerAsync());
        await using var verif = f.CreateDbContext();
        Assert.NotNull((await verif.DemandesContact.SingleAsync(d => d.Id == id)).RelanceLe);
        var mail = await verif.MessagesSortants.Where(m => m.Corps.Contains(reference) && m.Sujet.Contains("sans action")).SingleAsync();
        Assert.DoesNotContain("Noa", mail.Corps);
    }

    [Fact]
    public async Task YoungPersonRequest_ArrivesInTheCompetentInbox_AndFiguresCountIt()
    {
        var membre = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-63"));
        var client = Pro.Client(f);
        const string reponses = "age=19&situation=sorti-sans-diplome&depuis=3-6-mois&classe=lycee&code_commune=63430&souhait=metier-paye&besoins=argent&rayon_km=";
        var r = await Soumission.EnvoyerAsync(client, "/diagnostic/recontact?" + reponses, new Dictionary<string, string>
        {
            ["Saisie.Prenom"] = "Inès",
            ["Saisie.Telephone"] = "0698765432",
            ["Saisie.Creneau"] = "matin",
            ["Saisie.Consentement"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var reference = System.Web.HttpUtility.ParseQueryString(new Uri(AppFactory.Https, r.Headers.Location!).Query)["reference"]!;
        await using var db = f.CreateDbContext();
        var d = await db.DemandesContact.Include(x => x.Structure).SingleAsync(x => x.Reference == reference);
        Assert.Equal("ml-63", d.Structure!.Slug);
        Assert.Contains(reference, (await Pro.PageAsync(membre, "/pro/demandes")).QuerySelector("table")!.TextContent);

        var avant = await Pro.PageAsync(membre, "/pro/chiffres");
        var ligne = avant.QuerySelectorAll("tbody tr").First(tr => tr.QuerySelector("th")!.TextContent == d.Structure.Nom);
        var recues = int.Parse(ligne.QuerySelectorAll("td")[0].TextContent, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(await db.DemandesContact.CountAsync(x => x.StructureId == d.StructureId), recues);
    }

    [Fact]
    public async Task TextFields_AreStoredAsTyped_AndShownInert()
    {
        const string payload = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        var vers = await DispositifDe("e2c-rhone");
        var emetteur = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-63"));
        var receveur = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.MembreStructure, "e2c-rhone"));
        var (id, _) = await OrienterAsync(emetteur, vers.Slug, "<b>Zoé</b>", payload);
        Assert.Equal(HttpStatusCode.Redirect, (await Avancer(receveur, id, StatutDemande.PriseEnCharge, note: payload)).StatusCode);
        await using (var db = f.CreateDbContext())
        {
            var d = await db.DemandesContact.Include(x => x.Suivi).SingleAsync(x => x.Id == id);
            Assert.Equal(payload, d.Message);
            Assert.Equal("<b>Zoé</b>", d.Prenom);
            Assert.Equal(payload, d.Suivi.Single().Note);
        }

        var brut = await (await receveur.GetAsync($"/pro/demandes/{id}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", brut);
        Assert.DoesNotContain("<img src=x", brut);
        Assert.DoesNotContain("<b>Zoé</b>", brut);
        Assert.Contains("&lt;script&gt;", brut);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class InboxSqliteTests(SqliteAppFactory f) : InboxTests(f);

[Collection(PostgresCollection.Name)]
public sealed class InboxPostgresTests(PostgresAppFactory f) : InboxTests(f);
