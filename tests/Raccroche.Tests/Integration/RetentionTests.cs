using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace Raccroche.Tests.Integration;

/// <summary>
/// Retention with a fake clock: what is due is anonymised or removed, nothing else; a second run
/// changes nothing; each run leaves one audit line; the audit trail refuses changes through EF.
/// </summary>
public abstract class RetentionTests(AppFactory f)
{
    // "Now" is today (other tests' rows are recent, so only this test's back-dated rows are due).
    private static readonly DateTimeOffset Maintenant = new(DateTime.UtcNow.Date.AddHours(10), TimeSpan.Zero);
    private static readonly DateTime Now = Maintenant.UtcDateTime;

    private sealed record Jeu(int Cloturee13, int Cloturee11, int Inactive25, int Inactive22, int InvitationExpiree, int InvitationValide,
        int InvitationAccepteeExpiree, int Courrier31, int Courrier29, int CourrierNonEnvoye, long Journal61, long Journal59);

    private async Task<Jeu> PreparerAsync(string marque)
    {
        await using var db = f.CreateDbContext();
        var structure = await db.Structures.Where(s => s.Slug == "ml-63").Select(s => s.Id).SingleAsync();

        DemandeContact Demande(DateTime creee, DateTime? cloturee, DateTime mouvement) => new()
        {
            Reference = "RT-" + Guid.NewGuid().ToString("N")[..9].ToUpperInvariant(),
            CreeLe = creee,
            Prenom = "Zéphyrine",
            Telephone = "0612345678",
            Courriel = $"jeune-{marque}@exemple.fr",
            Creneau = Creneau.Matin,
            Message = $"message personnel {marque}",
            ConsentementLe = creee,
            StructureId = structure,
            StructureOrigineId = structure,
            Origine = OrigineDemande.Professionnel,
            EmetteurId = "pro-id",
            Emetteur = "Paul Conseiller",
            Age = 19,
            Situation = "sorti-sans-diplome",
            Reponses = """{"age":19,"code_commune":"63430","commune":"Thiers","situation":"sorti-sans-diplome","niveau":"aucun"}""",
            Statut = cloturee is null ? StatutDemande.PriseEnCharge : StatutDemande.SansSuite,
            ClotureLe = cloturee,
            DernierMouvementLe = mouvement,
            Suivi =
            [
                new() { Le = creee, Statut = StatutDemande.Nouvelle, Auteur = "Paul Conseiller", AuteurId = "pro-id" },
                new() { Le = mouvement, Statut = StatutDemande.PriseEnCharge, Note = $"note sur Zéphyrine {marque}", Auteur = "Marie Conseillère", AuteurId = "pro-id-2" },
            ],
        };

        var d13 = Demande(Now.AddMonths(-15), Now.AddMonths(-13), Now.AddMonths(-13));
        var d11 = Demande(Now.AddMonths(-12), Now.AddMonths(-11), Now.AddMonths(-11));
        var d25 = Demande(Now.AddMonths(-26), null, Now.AddMonths(-25));
        var d22 = Demande(Now.AddMonths(-26), null, Now.AddMonths(-22));
        db.DemandesContact.AddRange(d13, d11, d25, d22);

        Invitation Invitation(DateTime expire, DateTime? acceptee) => new()
        {
            Courriel = $"invite-{Guid.NewGuid():N}@pro.test",
            Role = Roles.MembreStructure,
            JetonHash = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"),
            CreeLe = expire.AddDays(-7),
            ExpireLe = expire,
            AccepteeLe = acceptee,
        };

        var iExpiree = Invitation(Now.AddDays(-1), null);
        var iValide = Invitation(Now.AddDays(6), null);
        var iAcceptee = Invitation(Now.AddDays(-30), Now.AddDays(-35));
        db.Invitations.AddRange(iExpiree, iValide, iAcceptee);

        MessageSortant Message(DateTime cree, DateTime? envoye) => new()
        {
            Destinataire = $"structure-{marque}@exemple.fr",
            Sujet = "Demande de contact",
            Corps = "Prénom : Zéphyrine",
            CreeLe = cree,
            ProchaineTentative = Now.AddDays(1),
            EnvoyeLe = envoye,
        };

        var m31 = Message(Now.AddDays(-31), Now.AddDays(-31));
        var m29 = Message(Now.AddDays(-29), Now.AddDays(-29));
        var mAttente = Message(Now.AddDays(-40), null);
        db.MessagesSortants.AddRange(m31, m29, mAttente);

        JournalAcces Ligne(DateTime le) => new() { Le = le, Utilisateur = $"auditeur-{marque}@pro.test", Action = Tracabilite.Lecture, Ressource = "demande", RessourceId = "1" };
        var j61 = Ligne(Now.AddMonths(-61));
        var j59 = Ligne(Now.AddMonths(-59));
        db.Journal.AddRange(j61, j59);
        await db.SaveChangesAsync();
        return new Jeu(d13.Id, d11.Id, d25.Id, d22.Id, iExpiree.Id, iValide.Id, iAcceptee.Id, m31.Id, m29.Id, mAttente.Id, j61.Id, j59.Id);
    }

    private WebApplicationFactory<Program> AvecHorloge(HorlogeFixe horloge) =>
        f.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(horloge)));

    private static async Task<BilanRetention> ExecuterAsync(WebApplicationFactory<Program> app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<Retention>().ExecuterAsync();
    }

    private async Task<int> PassagesAsync()
    {
        await using var db = f.CreateDbContext();
        return await db.Journal.CountAsync(j => j.Action == Tracabilite.Anonymisation && j.Ressource == Retention.Ressource);
    }

    private static void AssertAnonymisee(DemandeContact d)
    {
        Assert.Equal(Retention.Efface, d.Prenom);
        Assert.Null(d.Telephone);
        Assert.Null(d.Courriel);
        Assert.Null(d.Message);
        Assert.Null(d.Emetteur);
        Assert.Null(d.EmetteurId);
        Assert.Equal("""{"departement":"63"}""", d.Reponses);
        Assert.StartsWith("AN-", d.Reference);
        Assert.NotNull(d.AnonymiseeLe);

        // Kept for the figures.
        Assert.Equal(19, d.Age);
        Assert.Equal("sorti-sans-diplome", d.Situation);
        Assert.Equal(2, d.Suivi.Count);
        Assert.All(d.Suivi, s =>
        {
            Assert.Null(s.Note);
            Assert.Equal(Retention.Efface, s.Auteur);
            Assert.Null(s.AuteurId);
        });
    }

    private static void AssertIntacte(DemandeContact d, string marque)
    {
        Assert.Equal("Zéphyrine", d.Prenom);
        Assert.Equal($"jeune-{marque}@exemple.fr", d.Courriel);
        Assert.Equal("Paul Conseiller", d.Emetteur);
        Assert.StartsWith("RT-", d.Reference);
        Assert.Contains("Thiers", d.Reponses);
        Assert.Null(d.AnonymiseeLe);
        Assert.Contains(d.Suivi, s => s.Note == $"note sur Zéphyrine {marque}");
    }

    /// <summary>This test's rows, then one run at <see cref="Maintenant"/> on an app with a clock the test can move.</summary>
    private async Task<(Jeu Jeu, string Marque, BilanRetention Bilan, HorlogeFixe Horloge, WebApplicationFactory<Program> App)> ExecuterUneFoisAsync()
    {
        var marque = Guid.NewGuid().ToString("N");
        var jeu = await PreparerAsync(marque);
        var horloge = new HorlogeFixe(Maintenant);
        var app = AvecHorloge(horloge);
        return (jeu, marque, await ExecuterAsync(app), horloge, app);
    }

    private async Task<DemandeContact> DemandeAsync(int id)
    {
        await using var db = f.CreateDbContext();
        return await db.DemandesContact.AsNoTracking().Include(d => d.Suivi).SingleAsync(d => d.Id == id);
    }

    // Smoke story: one run does each kind of work, and the same instant's second run finds nothing left.
    [Fact]
    public async Task Run_WithFakeClock_DoesEveryKindOfWork_ThenASecondRunDoesNothing()
    {
        var (jeu, _, bilan, _, app) = await ExecuterUneFoisAsync();
        await using var hote = app;
        Assert.True(bilan.DemandesAnonymisees >= 2, bilan.Resume());
        Assert.True(bilan.InvitationsSupprimees >= 1 && bilan.CourriersSupprimes >= 1 && bilan.LignesJournalPurgees >= 1, bilan.Resume());
        var reference = (await DemandeAsync(jeu.Cloturee13)).Reference;

        Assert.Equal(new BilanRetention(0, 0, 0, 0, 0, new BilanConservation(0, 0, 0)), await ExecuterAsync(app));
        Assert.Equal(reference, (await DemandeAsync(jeu.Cloturee13)).Reference);
    }

    [Fact]
    public async Task ClosedRequest_IsAnonymisedTwelveMonthsAfterClosing_NotBefore()
    {
        var (jeu, marque, _, horloge, app) = await ExecuterUneFoisAsync();
        await using var hote = app;
        var anonymisee = await DemandeAsync(jeu.Cloturee13);
        AssertAnonymisee(anonymisee);
        Assert.Equal(Now, anonymisee.AnonymiseeLe!.Value, TimeSpan.FromSeconds(1));
        AssertIntacte(await DemandeAsync(jeu.Cloturee11), marque);

        // Six weeks later the request closed 11 months ago is past 12 months: its turn.
        horloge.Avancer(TimeSpan.FromDays(45));
        Assert.True((await ExecuterAsync(app)).DemandesAnonymisees >= 1);
        AssertAnonymisee(await DemandeAsync(jeu.Cloturee11));
    }

    [Fact]
    public async Task OpenRequest_IsAnonymisedAfterTwentyFourIdleMonths_NotBefore()
    {
        var (jeu, marque, _, horloge, app) = await ExecuterUneFoisAsync();
        await using var hote = app;
        AssertAnonymisee(await DemandeAsync(jeu.Inactive25));
        AssertIntacte(await DemandeAsync(jeu.Inactive22), marque);

        // Six weeks later the one idle for 22 months is still not past 24.
        horloge.Avancer(TimeSpan.FromDays(45));
        await ExecuterAsync(app);
        AssertIntacte(await DemandeAsync(jeu.Inactive22), marque);
    }

    [Fact]
    public async Task AnonymisedRequests_KeepNoTraceOfTheYoungPersonsData()
    {
        var (_, marque, _, _, app) = await ExecuterUneFoisAsync();
        await using var hote = app;
        await using var db = f.CreateDbContext();

        // Of the four requests, only the two not yet due still carry the address and the notes.
        Assert.Equal(2, await db.DemandesContact.CountAsync(d => d.Courriel == $"jeune-{marque}@exemple.fr"));
        Assert.Equal(2, await db.SuivisDemande.CountAsync(s => s.Note == $"note sur Zéphyrine {marque}"));
    }

    [Fact]
    public async Task ExpiredUnacceptedInvitations_AreRemoved_ValidAndAcceptedOnesStay()
    {
        var (jeu, _, _, _, app) = await ExecuterUneFoisAsync();
        await using var hote = app;
        await using var db = f.CreateDbContext();
        var invitations = await db.Invitations.Where(i => new[] { jeu.InvitationExpiree, jeu.InvitationValide, jeu.InvitationAccepteeExpiree }.Contains(i.Id)).Select(i => i.Id).ToListAsync();
        Assert.Equal(new[] { jeu.InvitationValide, jeu.InvitationAccepteeExpiree }, invitations.Order());
    }

    [Fact]
    public async Task SentMails_AreRemovedAfterThirtyDays_YoungerAndUnsentOnesStay()
    {
        var (jeu, marque, _, _, app) = await ExecuterUneFoisAsync();
        await using var hote = app;
        await using var db = f.CreateDbContext();
        var messages = await db.MessagesSortants.Where(m => m.Destinataire == $"structure-{marque}@exemple.fr").Select(m => m.Id).ToListAsync();
        Assert.Equal(new[] { jeu.Courrier29, jeu.CourrierNonEnvoye }, messages.Order());
    }

    [Fact]
    public async Task AuditLines_ArePurgedAfterSixtyMonths_YoungerOnesStay()
    {
        var (jeu, marque, _, _, app) = await ExecuterUneFoisAsync();
        await using var hote = app;
        await using var db = f.CreateDbContext();
        var lignes = await db.Journal.Where(j => j.Utilisateur == $"auditeur-{marque}@pro.test").Select(j => j.Id).ToListAsync();
        Assert.Equal(new[] { jeu.Journal59 }, lignes);
    }

    [Fact]
    public async Task EachRun_LeavesOneAuditLine_WithItsSummary_AndNoPersonalData()
    {
        var passages = await PassagesAsync();
        var (_, _, bilan, _, app) = await ExecuterUneFoisAsync();
        await using var hote = app;
        Assert.Equal(passages + 1, await PassagesAsync());
        await using (var db = f.CreateDbContext())
        {
            var ligne = await db.Journal.Where(j => j.Action == Tracabilite.Anonymisation && j.Ressource == Retention.Ressource).OrderByDescending(j => j.Id).FirstAsync();
            Assert.Equal(Now, ligne.Le, TimeSpan.FromSeconds(1));
            Assert.Equal("système", ligne.Utilisateur);
            Assert.Equal(bilan.Resume(), ligne.Detail);
            Assert.DoesNotContain("Zéphyrine", ligne.Detail);
        }

        // A run with nothing to do leaves its line too.
        await ExecuterAsync(app);
        Assert.Equal(passages + 2, await PassagesAsync());
    }

    [Fact]
    public async Task AuditLines_CannotBeModifiedNorDeletedThroughTheContext()
    {
        await using var db = f.CreateDbContext();
        var ligne = new JournalAcces { Le = DateTime.UtcNow, Utilisateur = $"garde-{Guid.NewGuid():N}@pro.test", Action = Tracabilite.Lecture, Ressource = "demande", RessourceId = "7" };
        db.Journal.Add(ligne);
        await db.SaveChangesAsync();

        ligne.Detail = "réécrit";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        db.Journal.Remove(new JournalAcces { Id = ligne.Id, Le = ligne.Le, Utilisateur = ligne.Utilisateur, Action = ligne.Action, Ressource = ligne.Ressource });
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        await using var verif = f.CreateDbContext();
        var relue = await verif.Journal.SingleAsync(j => j.Id == ligne.Id);
        Assert.Null(relue.Detail);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RetentionSqliteTests(SqliteAppFactory f) : RetentionTests(f);

[Collection(PostgresCollection.Name)]
public sealed class RetentionPostgresTests(PostgresAppFactory f) : RetentionTests(f);
