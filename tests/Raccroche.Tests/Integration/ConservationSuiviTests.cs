namespace Raccroche.Tests.Integration;

/// <summary>
/// The follow-up's retention, on both databases, with "now" chosen by the test: a file closed more than 12 months ago
/// and one whose young person has not appeared on a livraison for more than 24 months are anonymised with their raw SIEI
/// rows; the others are untouched; unsettled rows and kept import files go after their period; a second pass does nothing.
/// </summary>
public abstract class ConservationSuiviTests(AppFactory f)
{
    private static readonly DateOnly Mois = new(2026, 11, 1);

    [Fact]
    public async Task DueFilesAreAnonymised_WithTheirRawRows_AndNothingElse()
    {
        await using var db = f.CreateDbContext();
        var code = "tc" + Guid.NewGuid().ToString("N")[..12];
        var psad = new Psad { Code = code, Nom = "PSAD conservation " + code, Territoire = ["63"] };
        db.Psads.Add(psad);
        await db.SaveChangesAsync();

        var jeunes = ListeSieiSynthetique.Jeunes(4, 41, Mois.AddMonths(-26));
        using (var scope = f.Services.CreateScope())
        {
            var import = scope.ServiceProvider.GetRequiredService<ImportSiei>();
            Assert.True((await import.ExecuterAsync(code, Mois.AddMonths(-26), ListeSieiSynthetique.Flux(ListeSieiSynthetique.Csv(jeunes)), "ancienne.csv", false, false, "test")).Importe);
            Assert.True((await import.ExecuterAsync(code, Mois, ListeSieiSynthetique.Flux(ListeSieiSynthetique.Csv([jeunes[0], jeunes[1], jeunes[3]])), "recente.csv", false, false, "test")).Importe);
        }

        var maintenant = DateTime.UtcNow;
        var livraisons = await db.Livraisons.Where(l => l.PsadId == psad.Id).OrderBy(l => l.Mois).Select(l => l.Id).ToListAsync();
        await db.Livraisons.Where(l => l.Id == livraisons[0]).ExecuteUpdateAsync(u => u.SetProperty(l => l.ImporteeLe, maintenant.AddMonths(-25)));
        int Id(JeuneFictif j) => db.JeunesSuivis.Where(x => x.PsadId == psad.Id && x.Ine == j.Ine).Select(x => x.Id).Single();
        var (cloture13, cloture11, absent25, present) = (Id(jeunes[0]), Id(jeunes[1]), Id(jeunes[2]), Id(jeunes[3]));
        await db.JeunesSuivis.Where(j => j.Id == cloture13).ExecuteUpdateAsync(u => u.SetProperty(j => j.Statut, StatutDossier.Cloture).SetProperty(j => j.MotifCloture, MotifCloture.Autre)
            .SetProperty(j => j.PrecisionCloture, "précision nominative").SetProperty(j => j.ClotureLe, maintenant.AddMonths(-13)));
        await db.JeunesSuivis.Where(j => j.Id == cloture11).ExecuteUpdateAsync(u => u.SetProperty(j => j.Statut, StatutDossier.Cloture).SetProperty(j => j.MotifCloture, MotifCloture.SansBesoin)
            .SetProperty(j => j.ClotureLe, maintenant.AddMonths(-11)));
        db.TentativesContact.Add(new TentativeContact { JeuneSuiviId = cloture13, Quand = maintenant.AddMonths(-14), Canal = CanalContact.Telephone, Destinataire = DestinataireContact.Jeune, Issue = IssueTentative.Joint, Auteur = "Conseillère Nommée" });

        // An unsettled row of the old livraison, and two files kept for an import (one past its two hours).
        db.SituationsSiei.Add(new SituationSiei { LivraisonId = livraisons[0], Ligne = 99, Issue = IssueSituation.AArbitrer, Contenu = "{}" });
        var compte = await ComptesDeTest.CreerAsync(f.Services, Roles.MembreStructure, "ml-63");
        db.DepotsSiei.AddRange(
            new DepotSiei { Id = Guid.NewGuid(), PsadId = psad.Id, UtilisateurId = compte.Id, NomFichier = "vieux.csv", Contenu = [1], DeposeLe = maintenant.AddHours(-3) },
            new DepotSiei { Id = Guid.NewGuid(), PsadId = psad.Id, UtilisateurId = compte.Id, NomFichier = "recent.csv", Contenu = [1], DeposeLe = maintenant.AddMinutes(-30) });
        await db.SaveChangesAsync();

        using (var scope = f.Services.CreateScope())
        {
            var conservation = scope.ServiceProvider.GetRequiredService<ConservationSuivi>();
            var memeContexte = scope.ServiceProvider.GetRequiredService<RaccrocheDbContext>();
            Assert.Equal(2, await conservation.AAnonymiserAvant(memeContexte.JeunesSuivis.Where(j => j.PsadId == psad.Id), maintenant).CountAsync());
            var bilan = await conservation.AppliquerAsync(maintenant);
            Assert.Equal((2, 1), (bilan.Dossiers, bilan.Depots));
            Assert.Equal(2 + 1 + 1, bilan.Situations); // cloture13 on both lists, absent25 on the old one, the unsettled row
            Assert.Equal(new BilanConservation(0, 0, 0), await conservation.AppliquerAsync(maintenant));
        }

        db.ChangeTracker.Clear();
        var dossiers = await db.JeunesSuivis.AsNoTracking().Where(j => j.PsadId == psad.Id).ToDictionaryAsync(j => j.Id);
        foreach (var id in new[] { cloture13, absent25 })
        {
            var j = dossiers[id];
            Assert.NotNull(j.AnonymiseLe);
            Assert.Null(j.Ine ?? j.Nom ?? j.Prenom ?? j.Commune ?? j.CodeInsee ?? j.PrecisionCloture);
            Assert.Equal(1, j.DateNaissance!.Value.DayOfYear);
            Assert.Equal(0, await db.SituationsSiei.CountAsync(s => s.JeuneSuiviId == id));
        }

        Assert.Equal(MotifCloture.Autre, dossiers[cloture13].MotifCloture);
        Assert.Equal("—", await db.TentativesContact.Where(t => t.JeuneSuiviId == cloture13).Select(t => t.Auteur).SingleAsync());
        foreach (var id in new[] { cloture11, present })
        {
            Assert.Null(dossiers[id].AnonymiseLe);
            Assert.NotNull(dossiers[id].Ine);
            Assert.True(await db.SituationsSiei.AnyAsync(s => s.JeuneSuiviId == id));
        }

        Assert.Equal(["recent.csv"], await db.DepotsSiei.Where(d => d.PsadId == psad.Id).Select(d => d.NomFichier).ToListAsync());
    }

    [Fact]
    public async Task TheRetentionRun_CountsTheFollowUp_InItsAuditLine()
    {
        using var scope = f.Services.CreateScope();
        var bilan = await scope.ServiceProvider.GetRequiredService<Raccroche.Web.Features.Retention.Retention>().ExecuterAsync("test");
        Assert.NotNull(bilan.Suivi);
        Assert.Contains("dossier(s) de suivi anonymisé(s)", bilan.Resume());
        await using var db = f.CreateDbContext();
        Assert.Contains(await db.Journal.Where(j => j.Ressource == "retention").Select(j => j.Detail).ToListAsync(), d => d!.Contains("ligne(s) SIEI supprimée(s)"));
    }

    [Fact]
    public void Echeance_IsTheEarlierOfClosurePlus12AndLastAppearancePlus24()
    {
        using var scope = f.Services.CreateScope();
        var conservation = scope.ServiceProvider.GetRequiredService<ConservationSuivi>();
        var apparition = new DateTime(2026, 1, 10, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal(apparition.AddMonths(24), conservation.Echeance(new JeuneSuivi { Statut = StatutDossier.ContactEnCours }, apparition));
        var clos = new JeuneSuivi { Statut = StatutDossier.Cloture, ClotureLe = apparition.AddMonths(2) };
        Assert.Equal(apparition.AddMonths(14), conservation.Echeance(clos, apparition));
        var closTard = new JeuneSuivi { Statut = StatutDossier.Cloture, ClotureLe = apparition.AddMonths(20) };
        Assert.Equal(apparition.AddMonths(24), conservation.Echeance(closTard, apparition));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ConservationSuiviSqliteTests(SqliteAppFactory f) : ConservationSuiviTests(f);

[Collection(PostgresCollection.Name)]
public sealed class ConservationSuiviPostgresTests(PostgresAppFactory f) : ConservationSuiviTests(f);
