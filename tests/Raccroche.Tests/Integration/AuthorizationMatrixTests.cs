using Microsoft.AspNetCore.Routing;

namespace Raccroche.Tests.Integration;

/// <summary>
/// Every page of the professional space × every kind of visitor: allowed (200) or denied with the one
/// status decision 0009 gives (sign-in redirect when anonymous, 404 when signed in; never data). Someone else's request id gives 404. A page
/// under /pro missing from the table fails the test, so new pages must declare who sees them.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class AuthorizationMatrixTests(SqliteAppFactory f) : IAsyncLifetime
{
    private const string Anonyme = "anonyme", MembreA = "membre de A", AdminB = "admin de B", CoordX = "coordinateur de X", CoordY = "coordinateur de Y", Region = "admin régional", Editeur = "éditeur";
    private static readonly string[] Tous = [Anonyme, MembreA, AdminB, CoordX, CoordY, Region, Editeur];
    private readonly Dictionary<string, HttpClient> _clients = [];
    private int _demandeA, _demandeB;
    private string _slugA = "";
    private int _structureA, _dispositifA, _dispositifB, _revisionA, _actualiteA, _evenementB;
    private string _actualitePublique = "", _evenementPublic = "";
    private int _partenaireBrouillon, _ressourceBrouillon, _ressourcePdf;
    private string _partenairePublic = "", _ressourcePublique = "";

    public async Task InitializeAsync()
    {
        // A = E2C Rhône (Lyon, 69123), B = EPIDE Meyzieu (69282); X covers the commune of Lyon only, Y the Puy-de-Dôme.
        _clients[Anonyme] = Pro.Client(f);
        _clients[MembreA] = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.MembreStructure, "e2c-rhone"));
        _clients[AdminB] = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.AdminStructure, "epide-meyzieu"));
        _clients[CoordX] = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.Coordinateur, territoire: ["69123"]));
        _clients[CoordY] = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.Coordinateur, territoire: ["63"]));
        _clients[Region] = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.AdminRegional));
        _clients[Editeur] = await Pro.ConnecterAsync(f, await Pro.CreerCompteAsync(f, Roles.Editeur));
        await using var db = f.CreateDbContext();
        var a = await db.Dispositifs.Include(d => d.Structure).Include(d => d.Lieux).FirstAsync(d => d.Structure!.Slug == "e2c-rhone");
        var b = await db.Dispositifs.Include(d => d.Structure).FirstAsync(d => d.Structure!.Slug == "epide-meyzieu");
        _slugA = a.Slug;
        (_structureA, _dispositifA, _dispositifB) = (a.StructureId, a.Id, b.Id);
        var revision = new Raccroche.Web.Features.Fiches.RevisionFiche
        {
            Type = Raccroche.Web.Features.Fiches.TypeFiche.Dispositif,
            CibleId = a.Id,
            StructureId = a.StructureId,
            Statut = Raccroche.Web.Features.Fiches.StatutRevision.Soumise,
            Contenu = Raccroche.Web.Features.Fiches.ContenuFiche.Serialiser(Raccroche.Web.Features.Fiches.ContenuDispositif.De(a)),
            Auteur = "Matrice",
            CreeLe = DateTime.UtcNow,
            ModifieeLe = DateTime.UtcNow,
            SoumiseLe = DateTime.UtcNow,
        };
        db.RevisionsFiche.Add(revision);
        await db.SaveChangesAsync();
        _revisionA = revision.Id;
        _demandeA = await Demande(db, a.StructureId, NouvelleReference('A'), "69123");
        var mot = VeilleDeTest.Mot();
        _actualiteA = (await VeilleDeTest.CreerActualiteAsync(f.Services, $"Matrice brouillon {mot}", new DateOnly(2026, 1, 2), Raccroche.Web.Features.Moderation.StatutModeration.Brouillon, structureId: a.StructureId)).Id;
        _evenementB = (await VeilleDeTest.CreerEvenementAsync(f.Services, $"Matrice proposé {mot}", DateTime.UtcNow.AddDays(3), DateTime.UtcNow.AddDays(3).AddHours(1), Raccroche.Web.Features.Moderation.StatutModeration.Proposee)).Id;
        await db.Evenements.Where(e => e.Id == _evenementB).ExecuteUpdateAsync(u => u.SetProperty(e => e.StructureId, b.StructureId));
        var pub = await VeilleDeTest.CreerActualiteAsync(f.Services, $"Publique {mot}", new DateOnly(2026, 1, 2));
        _actualitePublique = $"/veille/{pub.Id}/{pub.Slug}";
        var ev = await VeilleDeTest.CreerEvenementAsync(f.Services, $"Public {mot}", DateTime.UtcNow.AddDays(3), DateTime.UtcNow.AddDays(3).AddHours(1));
        _evenementPublic = $"/agenda/{ev.Id}/{ev.Slug}";
        _demandeB = await Demande(db, b.StructureId, NouvelleReference('B'), "69282");
        _partenaireBrouillon = (await PartenairesDeTest.CreerPartenaireAsync(f.Services, $"Matrice partenaire {mot}", Raccroche.Web.Features.Moderation.StatutModeration.Brouillon)).Id;
        var partenaire = await PartenairesDeTest.CreerPartenaireAsync(f.Services, $"Partenaire public {mot}");
        _partenairePublic = $"/partenaires/{partenaire.Id}/{partenaire.Slug}";
        _ressourceBrouillon = (await PartenairesDeTest.CreerRessourceAsync(f.Services, $"Matrice ressource {mot}", new DateOnly(2026, 1, 2), Raccroche.Web.Features.Moderation.StatutModeration.Brouillon)).Id;
        var ressource = await PartenairesDeTest.CreerRessourceAsync(f.Services, $"Ressource publique {mot}", new DateOnly(2026, 1, 2));
        _ressourcePublique = $"/ressources/{ressource.Id}/{ressource.Slug}";

        // A published resource with its PDF in the host's folder, for the download route.
        var nom = $"{Guid.NewGuid():N}.pdf";
        Directory.CreateDirectory(f.DossierRessources);
        await File.WriteAllBytesAsync(Path.Combine(f.DossierRessources, nom), "%PDF-1.4\n%%EOF\n"u8.ToArray());
        _ressourcePdf = (await PartenairesDeTest.CreerRessourceAsync(f.Services, $"Ressource PDF {mot}", new DateOnly(2026, 1, 3))).Id;
        await db.Ressources.Where(r => r.Id == _ressourcePdf).ExecuteUpdateAsync(u => u
            .SetProperty(r => r.Fichier, nom).SetProperty(r => r.FichierNom, "matrice.pdf").SetProperty(r => r.Lien, (string?)null));
    }

    private static int _compteur;

    /// <summary>
    /// Unique within the test run (xunit builds this class once per test over one shared database):
    /// 11 characters, where the app's own references are 9 ("RC-" + 6), so they cannot collide either.
    /// </summary>
    private static string NouvelleReference(char structure) =>
        FormattableString.Invariant($"RC-M{structure}{Interlocked.Increment(ref _compteur):D6}");

    /// <summary>A request routed for <paramref name="commune"/> (coordinators see it by the request's own territory).</summary>
    private static async Task<int> Demande(Raccroche.Web.Donnees.RaccrocheDbContext db, int structure, string reference, string commune)
    {
        var d = new Raccroche.Web.Features.Demandes.DemandeContact
        {
            Reference = reference,
            CreeLe = DateTime.UtcNow,
            DernierMouvementLe = DateTime.UtcNow,
            Prenom = "Matrice",
            Telephone = "0600000000",
            Creneau = Creneau.Matin,
            ConsentementLe = DateTime.UtcNow,
            StructureId = structure,
            CodeCommune = commune,
            Departement = commune[..2],
        };
        db.DemandesContact.Add(d);
        await db.SaveChangesAsync();
        return d.Id;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Route template → who is allowed; everybody else is denied.</summary>
    private Dictionary<string, (string Url, string[] Autorises)> Matrice() => new()
    {
        ["pro"] = ("/pro", [MembreA, AdminB, CoordX, CoordY, Region, Editeur]),
        ["pro/demandes"] = ("/pro/demandes", [MembreA, AdminB, CoordX, CoordY]),
        ["pro/demandes/{id:int}"] = ($"/pro/demandes/{_demandeA}", [MembreA, CoordX]),
        ["pro/demandes/{id:int} (B)"] = ($"/pro/demandes/{_demandeB}", [AdminB]),
        ["pro/envoyees"] = ("/pro/envoyees", [MembreA, AdminB, CoordX, CoordY]),
        ["pro/orienter/{slug}"] = ($"/pro/orienter/{_slugA}", [MembreA, AdminB, CoordX, CoordY]),
        ["pro/chiffres"] = ("/pro/chiffres", [MembreA, AdminB, CoordX, CoordY, Region]),
        ["pro/equipe"] = ("/pro/equipe", [AdminB]),
        ["pro/admin/comptes"] = ("/pro/admin/comptes", [Region]),
        ["pro/admin/journal"] = ("/pro/admin/journal", [Region]),
        ["pro/admin/psads"] = ("/pro/admin/psads", [Region]),
        ["pro/observatoire/import"] = ("/pro/observatoire/import", [Region]),
        ["pro/data-inclusion/import"] = ("/pro/data-inclusion/import", [Region]),
        ["pro/admin/psads/edition/{psad?}"] = ("/pro/admin/psads/edition/63", [Region]),
        ["pro/admin/psads/edition/{psad?} (création)"] = ("/pro/admin/psads/edition", [Region]),
        ["pro/fiches"] = ("/pro/fiches", [MembreA, AdminB]),
        ["pro/fiches/structure/{id:int}"] = ($"/pro/fiches/structure/{_structureA}", [MembreA]),
        ["pro/fiches/dispositif/{id:int}"] = ($"/pro/fiches/dispositif/{_dispositifA}", [MembreA]),
        ["pro/fiches/dispositif/{id:int} (B)"] = ($"/pro/fiches/dispositif/{_dispositifB}", [AdminB]),
        ["pro/fiches/{type}/{id:int}/historique"] = ($"/pro/fiches/dispositif/{_dispositifA}/historique", [MembreA, CoordX, Region]),
        ["pro/validation"] = ("/pro/validation", [CoordX, CoordY, Region]),
        ["pro/validation/{id:int}"] = ($"/pro/validation/{_revisionA}", [CoordX, Region]),
        // The programmes' outcomes are statistics of the catalogue, masked: every professional (decision 0020).
        ["pro/resultats"] = ("/pro/resultats", [MembreA, AdminB, CoordX, CoordY, Region, Editeur]),
        ["pro/resultats/{id:int}"] = ($"/pro/resultats/{_dispositifA}", [MembreA, AdminB, CoordX, CoordY, Region, Editeur]),
        ["pro/resultats/{id:int} (inconnu)"] = ("/pro/resultats/999999999", []),
        // The feedback to schools is for PSAD coordinators (a follow-up role nobody here has; ResultatsTests and SuiviDossiersTests follow them).
        ["pro/resultats/etablissements"] = ("/pro/resultats/etablissements", []),
        ["pro/deconnexion"] = ("/pro/deconnexion", [MembreA, AdminB, CoordX, CoordY, Region, Editeur]),
        // The news watch and the agenda: editors see everything, a structure's members their structure's.
        ["pro/veille"] = ("/pro/veille", [MembreA, AdminB, Editeur]),
        ["pro/veille/edition/{id:int?}"] = ($"/pro/veille/edition/{_actualiteA}", [MembreA, Editeur]),
        ["pro/veille/edition/{id:int?} (nouvelle)"] = ("/pro/veille/edition", [MembreA, AdminB, Editeur]),
        ["pro/agenda"] = ("/pro/agenda", [MembreA, AdminB, Editeur]),
        ["pro/agenda/edition/{id:int?}"] = ($"/pro/agenda/edition/{_evenementB}", [AdminB, Editeur]),
        ["pro/agenda/edition/{id:int?} (nouveau)"] = ("/pro/agenda/edition", [MembreA, AdminB, Editeur]),
        // The partners' directory and the resources library are the observatory's own: editors only write them (decision 0023).
        ["pro/partenaires"] = ("/pro/partenaires", [Editeur]),
        ["pro/partenaires/edition/{id:int?}"] = ($"/pro/partenaires/edition/{_partenaireBrouillon}", [Editeur]),
        ["pro/partenaires/edition/{id:int?} (nouveau)"] = ("/pro/partenaires/edition", [Editeur]),
        ["pro/ressources"] = ("/pro/ressources", [Editeur]),
        ["pro/ressources/edition/{id:int?}"] = ($"/pro/ressources/edition/{_ressourceBrouillon}", [Editeur]),
        ["pro/ressources/edition/{id:int?} (nouvelle)"] = ("/pro/ressources/edition", [Editeur]),
        ["partenaires"] = ("/partenaires", Tous),
        ["partenaires/{id:int}/{slug?}"] = (_partenairePublic, Tous),
        ["ressources"] = ("/ressources", Tous),
        ["ressources/{id:int}/{slug?}"] = (_ressourcePublique, Tous),
        ["ressources/{id:int}/fichier"] = ($"/ressources/{_ressourcePdf}/fichier", Tous),
        ["ressources/comprendre-le-decrochage"] = ("/ressources/comprendre-le-decrochage", Tous),
        // Public pages of the news watch and the agenda: open to all.
        ["veille"] = ("/veille", Tous),
        ["veille/{id:int}/{slug?}"] = (_actualitePublique, Tous),
        ["veille/flux.atom"] = ("/veille/flux.atom", Tous),
        ["veille/flux.rss"] = ("/veille/flux.rss", Tous),
        ["veille/themes/{theme}/flux.atom"] = ("/veille/themes/engagement/flux.atom", Tous),
        ["agenda"] = ("/agenda", Tous),
        ["agenda/{id:int}/{slug?}"] = (_evenementPublic, Tous),
        ["agenda.ics"] = ("/agenda.ics", Tous),
        // The reverse proxy's health probes: open to all, they hold nothing but "vivant" / "prêt" (decision 0025).
        ["sante/vivant"] = ("/sante/vivant", Tous),
        ["sante/pret"] = ("/sante/pret", Tous),
        ["agenda/{id:int}.ics"] = (_evenementPublic.Split('/')[2] is var id ? $"/agenda/{id}.ics" : "", Tous),
        // Public steps of the account pages: open to all (they hold no data).
        ["pro/connexion"] = ("/pro/connexion", Tous),
        ["pro/mot-de-passe-oublie"] = ("/pro/mot-de-passe-oublie", Tous),
        ["pro/mot-de-passe/nouveau"] = ("/pro/mot-de-passe/nouveau", Tous),
        ["pro/invitation/{jeton}"] = ("/pro/invitation/inconnu", Tous),
    };

    /// <summary>Pages whose answer depends on the sign-in step, not on the role (checked by AccountsTests), and the follow-up pages (SuiviDossiersTests).</summary>
    private static readonly string[] HorsMatrice = ["pro/connexion/code", "pro/double-facteur",
        // The dropout follow-up has its own six visitors (référents, PSAD coordinators): SuiviDossiersTests checks them, and
        // CoIntervenantsTests the co-followed list and the file's co-intervenant handlers with a seventh (a co-intervenant's référent).
        "pro/decrocheurs", "pro/decrocheurs/{id:int}", "pro/decrocheurs/import/{depot:guid?}", "pro/decrocheurs/equipe", "pro/decrocheurs/rechercher", "pro/decrocheurs/arbitrages",
        "pro/decrocheurs/repartition", "pro/decrocheurs/transferts", "pro/decrocheurs/obligation", "pro/decrocheurs/{id:int}/lettres/{nature}"];

    [Fact]
    public void EveryProPage_IsInTheMatrix()
    {
        var routes = f.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText!.TrimStart('/'))
            .Where(t => t == "pro" || t.StartsWith("pro/", StringComparison.Ordinal))
            .Distinct().ToList();
        var connues = Matrice().Keys.Select(k => k.Split(' ')[0]).Concat(HorsMatrice).ToHashSet();
        var absentes = routes.Where(r => !connues.Contains(r)).ToList();
        Assert.True(absentes.Count == 0, "Pages missing from the matrix: " + string.Join(", ", absentes));
        Assert.Contains("pro/demandes/{id:int}", routes);
    }

    [Fact]
    public async Task EveryPage_ForEveryRole_IsAllowedOrDenied()
    {
        var ecarts = new List<string>();
        foreach (var (route, (url, autorises)) in Matrice())
        {
            foreach (var qui in Tous)
            {
                var r = await _clients[qui].GetAsync(url);
                var corps = await r.Content.ReadAsStringAsync();
                var attendu = autorises.Contains(qui);
                var autorise = r.StatusCode == HttpStatusCode.OK;
                // Decision 0009: an anonymous visitor is sent to sign in; a signed-in professional outside
                // their reach gets 404, for a page as for a record.
                var refuse = qui == Anonyme
                    ? r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.ToString().StartsWith("https://localhost/pro/connexion", StringComparison.Ordinal)
                    : r.StatusCode == HttpStatusCode.NotFound;
                if (attendu ? !autorise : !refuse)
                {
                    ecarts.Add($"{route} × {qui}: {(int)r.StatusCode} {r.Headers.Location}");
                }

                if (!attendu)
                {
                    Assert.DoesNotContain("Matrice", corps);
                    Assert.DoesNotContain("0600000000", corps);
                }
            }
        }

        Assert.Empty(ecarts);
    }

    [Fact]
    public async Task SomeoneElsesRequest_CannotBeChanged()
    {
        var page = await Pro.PageAsync(_clients[AdminB], "/pro");
        var jeton = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var r = await _clients[AdminB].PostAsync($"/pro/demandes/{_demandeA}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = jeton,
            ["Statut"] = "prise-en-charge",
        }));
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);

        // The coordinator sees the request of their territory but cannot change it (no form; a forged post): only the receiving structure can.
        r = await Soumission.ForgerAsync(_clients[CoordX], $"/pro/demandes/{_demandeA}", new Dictionary<string, string> { ["Statut"] = "prise-en-charge" });
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        await using var db = f.CreateDbContext();
        Assert.Equal(StatutDemande.Nouvelle, (await db.DemandesContact.SingleAsync(d => d.Id == _demandeA)).Statut);
    }
}
