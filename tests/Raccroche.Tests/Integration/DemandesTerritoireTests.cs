using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Raccroche.Tests.Integration;

/// <summary>A regional association with an antenna in the Puy-de-Dôme (63) and a place in Lyon (69), each with its programme.</summary>
public sealed record AssociationRegionale(int StructureId, string Slug, string Nom, int Dispositif63, string Slug63, int Dispositif69, string Slug69)
{
    public static async Task<AssociationRegionale> CreerAsync(AppFactory f)
    {
        var n = Guid.NewGuid().ToString("N")[..8];
        await using var db = f.CreateDbContext();
        var s = new Structure
        {
            Slug = $"asso-regionale-{n}",
            Nom = $"Association régionale {n}",
            Type = "association",
            ZoneType = ZoneType.Region,
            ZoneCodes = ["84"],
            DateMaj = DateOnly.FromDateTime(DateTime.UtcNow),
        };
        var clermont = new Lieu { Slug = $"antenne-63-{n}", Structure = s, Nom = "Antenne de Clermont", CodeInsee = "63113", CodePostal = "63000", Latitude = 45.7797, Longitude = 3.0863 };
        var lyon = new Lieu { Slug = $"siege-69-{n}", Structure = s, Nom = "Siège de Lyon", CodeInsee = "69123", CodePostal = "69001", Latitude = 45.7640, Longitude = 4.8357 };
        Dispositif Dispositif(string code, Lieu l) => new()
        {
            Slug = $"atelier-{code}-{n}",
            Nom = $"Atelier {code} {n}",
            Resume = "Un atelier de l'association.",
            Structure = s,
            Entrees = ["se-former"],
            AgeMin = 16,
            AgeMax = 25,
            ZoneType = ZoneType.Region,
            ZoneCodes = ["84"],
            Lieux = [l],
            DateMaj = DateOnly.FromDateTime(DateTime.UtcNow),
        };
        var d63 = Dispositif("63", clermont);
        var d69 = Dispositif("69", lyon);
        db.Dispositifs.AddRange(d63, d69);
        await db.SaveChangesAsync();
        return new(s.Id, s.Slug, s.Nom, d63.Id, d63.Slug, d69.Id, d69.Slug);
    }
}

/// <summary>
/// Who sees which request (the request's own territory, not the receiving structure's places), the audit of every
/// display of a young person's data, and two simultaneous re-referrals of one request.
/// </summary>
public abstract class DemandesTerritoireTests(AppFactory f)
{
    private static Dictionary<string, string> Orientation(string prenom) => new()
    {
        ["Saisie.Prenom"] = prenom,
        ["Saisie.Telephone"] = "06 11 22 33 44",
        ["Saisie.Age"] = "19",
        ["Saisie.Situation"] = "sorti-sans-diplome",
        ["Saisie.Accord"] = "true",
    };

    private async Task<(int Id, string Reference)> OrienterAsync(HttpClient client, string slug, string prenom)
    {
        var r = await Pro.PosterAsync(client, $"/pro/orienter/{slug}", Orientation(prenom));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var reference = System.Web.HttpUtility.ParseQueryString(new Uri(AppFactory.Https, r.Headers.Location!).Query)["reference"]!;
        await using var db = f.CreateDbContext();
        return (await db.DemandesContact.Where(d => d.Reference == reference).Select(d => d.Id).SingleAsync(), reference);
    }

    /// <summary>A young person of <paramref name="commune"/> asks to be called back about <paramref name="dispositif"/> (the real public form).</summary>
    private Task<(int Id, string Reference)> RecontactAsync(string commune, int dispositif, string prenom) =>
        Soumission.DemandeDeContactAsync(f, $"age=19&situation=sorti-sans-diplome&depuis=3-6-mois&classe=lycee&code_commune={commune}&souhait=metier-paye&besoins=argent&rayon_km=&dispositif={dispositif}", prenom);

    [Fact]
    public async Task Coordinator63_GetsNotFoundOnA69RequestOfAStructureWithPlacesInBoth_AndSeesIts63Request()
    {
        var asso = await AssociationRegionale.CreerAsync(f);
        var membre = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-63"));
        var coord63 = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.Coordinateur, territoire: ["63"]));
        var coord69 = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.Coordinateur, territoire: ["69"]));
        var interne = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.MembreStructure, asso.Slug));

        var (id63, ref63) = await OrienterAsync(membre, asso.Slug63, "Léna");
        var (id69, ref69) = await OrienterAsync(membre, asso.Slug69, "Malo");

        // A young person of Lyon interested in the Clermont programme: routed for Lyon, whatever the programme's place.
        var (idJeune69, refJeune69) = await RecontactAsync("69123", asso.Dispositif63, "Yanis");

        // An old request whose commune is unknown: its structure's members only.
        int idSansCommune;
        await using (var db = f.CreateDbContext())
        {
            var d = await db.DemandesContact.SingleAsync(x => x.Id == id63);
            Assert.Equal(("63113", "63"), (d.CodeCommune, d.Departement));
            Assert.Equal(("69123", "69"), await db.DemandesContact.Where(x => x.Id == idJeune69).Select(x => new ValueTuple<string?, string?>(x.CodeCommune, x.Departement)).SingleAsync());
            var ancienne = new DemandeContact
            {
                Reference = "RC-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(),
                CreeLe = DateTime.UtcNow,
                DernierMouvementLe = DateTime.UtcNow,
                Prenom = "Ancienne",
                Telephone = "0600000001",
                Creneau = Creneau.Matin,
                ConsentementLe = DateTime.UtcNow,
                StructureId = asso.StructureId,
            };
            db.DemandesContact.Add(ancienne);
            await db.SaveChangesAsync();
            idSansCommune = ancienne.Id;
        }

        Assert.Equal(HttpStatusCode.NotFound, (await coord63.GetAsync($"/pro/demandes/{id69}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coord63.GetAsync($"/pro/demandes/{idJeune69}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coord63.GetAsync($"/pro/demandes/{idSansCommune}")).StatusCode);
        Assert.Contains("Léna", (await Pro.PageAsync(coord63, $"/pro/demandes/{id63}")).QuerySelector("main")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await coord69.GetAsync($"/pro/demandes/{id63}")).StatusCode);
        Assert.Contains("Malo", (await Pro.PageAsync(coord69, $"/pro/demandes/{id69}")).QuerySelector("main")!.TextContent);

        var liste = (await Pro.PageAsync(coord63, "/pro/demandes?filtre=toutes")).QuerySelector("main")!.TextContent;
        Assert.Contains(ref63, liste);
        Assert.DoesNotContain(ref69, liste);
        Assert.DoesNotContain(refJeune69, liste);

        // Figures follow the same rule: the coordinator of 63 counts one request of the association, its members four.
        int Recues(AngleSharp.Html.Dom.IHtmlDocument page) => int.Parse(
            page.QuerySelectorAll("tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent == asso.Nom).QuerySelectorAll("td")[0].TextContent,
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(1, Recues(await Pro.PageAsync(coord63, "/pro/chiffres")));
        Assert.Equal(4, Recues(await Pro.PageAsync(interne, "/pro/chiffres")));

        // The structure's own members see all four, including the one without a commune.
        foreach (var id in new[] { id63, id69, idJeune69, idSansCommune })
        {
            Assert.Equal(HttpStatusCode.OK, (await interne.GetAsync($"/pro/demandes/{id}")).StatusCode);
        }
    }

    [Fact]
    public async Task ReReferral_KeepsTheYoungPersonsCommune_NotTheNewStructuresPlaces()
    {
        var asso = await AssociationRegionale.CreerAsync(f);
        var interne = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.MembreStructure, asso.Slug));
        var (id, _) = await RecontactAsync("63113", asso.Dispositif63, "Inès");
        var r = await Pro.PosterAsync(interne, $"/pro/demandes/{id}", new() { ["Statut"] = StatutDemande.Reoriente.Code(), ["DispositifId"] = asso.Dispositif69.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        await using var db = f.CreateDbContext();
        var suiteId = await db.DemandesContact.Where(d => d.Id == id).Select(d => d.SuiteId).SingleAsync();
        var suite = await db.DemandesContact.SingleAsync(d => d.Id == suiteId);
        Assert.Equal(("63113", "63"), (suite.CodeCommune, suite.Departement));
    }

    [Fact]
    public async Task RequestPage_ShownAgainAfterARefusedStatusChange_WritesAReadLine()
    {
        var asso = await AssociationRegionale.CreerAsync(f);
        var interne = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.MembreStructure, asso.Slug));
        var (id, reference) = await RecontactAsync("63113", asso.Dispositif63, "Célestin");
        var (action, contenu) = await Soumission.PreparerAsync(interne, $"/pro/demandes/{id}", new Dictionary<string, string> { ["Statut"] = StatutDemande.SansSuite.Code() });
        await using var db = f.CreateDbContext();
        var avant = await db.Journal.CountAsync(j => j.Action == "lecture" && j.Ressource == "demande" && j.RessourceId == reference);

        // "Sans suite" without a reason: refused, and the page with the young person's data is shown again.
        var r = await interne.PostAsync(action, contenu);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var html = await Pro.Html(r);
        Assert.Contains("pourquoi la demande est sans suite", html.QuerySelector(".error-summary")!.TextContent);
        Assert.Contains("Célestin", html.QuerySelector("main")!.TextContent);
        Assert.Equal(avant + 1, await db.Journal.CountAsync(j => j.Action == "lecture" && j.Ressource == "demande" && j.RessourceId == reference));
    }

    [Fact]
    public async Task InboxAndSentLists_EachDisplay_WritesAReadLineNamingTheListedReferences()
    {
        var asso = await AssociationRegionale.CreerAsync(f);
        var compte = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "cio-63");
        var emetteur = await Pro.ConnecterAsync(f, compte);
        var interne = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.MembreStructure, asso.Slug));
        var (_, reference) = await OrienterAsync(emetteur, asso.Slug63, "Zoé");

        await using var db = f.CreateDbContext();
        var lignesInbox = await db.Journal.CountAsync(j => j.Action == "lecture" && j.Ressource == "demandes" && j.Detail!.Contains(reference));
        Assert.Contains(reference, (await Pro.PageAsync(interne, "/pro/demandes")).QuerySelector("table")!.TextContent);
        Assert.Equal(lignesInbox + 1, await db.Journal.CountAsync(j => j.Action == "lecture" && j.Ressource == "demandes" && j.RessourceId == "ouvertes" && j.Detail!.Contains(reference)));

        Assert.Contains(reference, (await Pro.PageAsync(emetteur, "/pro/envoyees")).QuerySelector("table")!.TextContent);
        var ligne = await db.Journal.Where(j => j.Action == "lecture" && j.Ressource == "demandes" && j.RessourceId == "envoyees").OrderByDescending(j => j.Id).FirstAsync();
        Assert.Contains(reference, ligne.Detail);
        Assert.Equal(compte.Courriel, ligne.Utilisateur);
        Assert.DoesNotContain("Zoé", ligne.Detail);
    }

    [Fact]
    public async Task TwoSimultaneousReReferrals_OverHttp_ExactlyOneSucceeds_AndOneNewRequestIsCreated()
    {
        var asso = await AssociationRegionale.CreerAsync(f);
        var autre = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-63"));
        var a = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.MembreStructure, asso.Slug));
        var b = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.AdminStructure, asso.Slug));
        int autreDispositif;
        await using (var db = f.CreateDbContext())
        {
            autreDispositif = await db.Dispositifs.Where(d => d.Structure!.Slug == "e2c-rhone" && !d.Suspendu).Select(d => d.Id).FirstAsync();
        }

        // A few rounds, each on a fresh request, so that the two posts really overlap at least once.
        for (var tour = 0; tour < 3; tour++)
        {
            var prenom = $"Duo{tour}{Guid.NewGuid().ToString("N")[..6]}";
            var (id, _) = await OrienterAsync(autre, asso.Slug63, prenom);
            Task<(string Action, FormUrlEncodedContent Contenu)> Formulaire(HttpClient c, int vers) =>
                Soumission.PreparerAsync(c, $"/pro/demandes/{id}", new Dictionary<string, string>
                {
                    ["Statut"] = StatutDemande.Reoriente.Code(),
                    ["DispositifId"] = vers.ToString(System.Globalization.CultureInfo.InvariantCulture),
                });

            var fa = await Formulaire(a, asso.Dispositif69);
            var fb = await Formulaire(b, autreDispositif);
            var reponses = await Task.WhenAll(a.PostAsync(fa.Action, fa.Contenu), b.PostAsync(fb.Action, fb.Contenu));

            Assert.Equal(1, reponses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
            var perdant = reponses.Single(r => r.StatusCode != HttpStatusCode.Redirect);
            Assert.Equal(HttpStatusCode.OK, perdant.StatusCode);
            var message = (await Pro.Html(perdant)).QuerySelector(".error-summary")!.TextContent;
            Assert.True(message.Contains("changé entre-temps", StringComparison.Ordinal) || message.Contains("close", StringComparison.Ordinal), message);

            await using var verif = f.CreateDbContext();
            Assert.Equal(1, await verif.DemandesContact.CountAsync(d => d.Prenom == prenom && d.Origine == OrigineDemande.Reorientation));
            Assert.Equal(1, await verif.SuivisDemande.CountAsync(s => s.DemandeId == id));
        }
    }

    /// <summary>A member of a structure, as the cookie would describe them, for services used outside a request.</summary>
    private static ClaimsPrincipal Membre(string id, int structureId) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, id),
        new Claim(ClaimTypes.Name, $"{id}@pro.test"),
        new Claim(ClaimTypes.Role, Roles.MembreStructure),
        new Claim(ComptesSetup.ClaimStructure, structureId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new Claim("amr", "mfa"),
    ], "test"));

    [Fact]
    public async Task TwoContextsReReferringTheSameRequest_TheSecondIsRefused_NoSecondNewRequest()
    {
        var asso = await AssociationRegionale.CreerAsync(f);
        var autre = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-63"));
        var prenom = $"Deux{Guid.NewGuid().ToString("N")[..6]}";
        var (id, _) = await OrienterAsync(autre, asso.Slug63, prenom);

        // Both decisions are taken on the request as it was ("nouvelle"), in two scopes with their own context.
        // The accessor's value flows down (async-local), so it is set here, in the test's own flow.
        var acces = f.Services.GetRequiredService<IHttpContextAccessor>();
        acces.HttpContext = new DefaultHttpContext { User = Membre("membre-" + prenom, asso.StructureId) };
        async Task<(AsyncServiceScope Scope, Traitement Suivi, DemandeContact Demande, Dispositif Vers)> Preparer()
        {
            var scope = f.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Raccroche.Web.Donnees.RaccrocheDbContext>();
            var d = await db.DemandesContact.SingleAsync(x => x.Id == id);
            var vers = await db.Dispositifs.AsNoTracking().SingleAsync(x => x.Id == asso.Dispositif69);
            return (scope, scope.ServiceProvider.GetRequiredService<Traitement>(), d, vers);
        }

        var premier = await Preparer();
        var second = await Preparer();
        await using (premier.Scope)
        await using (second.Scope)
        {
            var un = await premier.Suivi.ChangerStatutAsync(premier.Demande, StatutDemande.Reoriente, null, null, premier.Vers.Id);
            Assert.True(un.Reussi, string.Join(" ", un.Erreurs.EnDictionnaire().Values.SelectMany(v => v)));
            var deux = await second.Suivi.ChangerStatutAsync(second.Demande, StatutDemande.Reoriente, null, null, second.Vers.Id);
            Assert.False(deux.Reussi);
            Assert.Equal(Refus.Conflit, deux.Refus);
            Assert.Contains("changé entre-temps", deux.Erreurs.Pour("statut"));
        }

        acces.HttpContext = null;

        await using var verif = f.CreateDbContext();
        Assert.Equal(1, await verif.DemandesContact.CountAsync(d => d.Prenom == prenom && d.Origine == OrigineDemande.Reorientation));
        Assert.Equal(1, await verif.SuivisDemande.CountAsync(s => s.DemandeId == id));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DemandesTerritoireSqliteTests(SqliteAppFactory f) : DemandesTerritoireTests(f);

[Collection(PostgresCollection.Name)]
public sealed class DemandesTerritoirePostgresTests(PostgresAppFactory f) : DemandesTerritoireTests(f);
