using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Raccroche.Tests.Integration;

/// <summary>
/// SIEI lists into a PSAD, on both databases: dry run, import, the same file twice, the difference
/// between livraisons, faulty rows (refused, or left out on request), an import that dies half-way.
/// Each test has its own PSAD, so no test sees another's young people.
/// </summary>
public abstract class ImportSieiTests(AppFactory f)
{
    private static readonly DateOnly Novembre = new(2026, 11, 1);

    private async Task<string> PsadAsync()
    {
        var code = "t" + Guid.NewGuid().ToString("N")[..12];
        await using var db = f.CreateDbContext();
        db.Psads.Add(new Psad { Code = code, Nom = "PSAD de test " + code, Territoire = ["63"] });
        await db.SaveChangesAsync();
        return code;
    }

    private async Task<RapportSiei> ImporterAsync(string psad, string csv, DateOnly mois, bool essai = false, bool ignorer = false)
    {
        using var scope = f.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ImportSiei>()
            .ExecuterAsync(psad, mois, ListeSieiSynthetique.Flux(csv), "liste.csv", essai, ignorer, "test");
    }

    private async Task<(int Jeunes, int Livraisons, int Situations)> CompterAsync(string psad)
    {
        await using var db = f.CreateDbContext();
        var id = await db.Psads.Where(p => p.Code == psad).Select(p => p.Id).SingleAsync();
        return (await db.JeunesSuivis.CountAsync(j => j.PsadId == id),
            await db.Livraisons.CountAsync(l => l.PsadId == id),
            await db.SituationsSiei.CountAsync(s => db.Livraisons.Any(l => l.Id == s.LivraisonId && l.PsadId == id)));
    }

    [Fact]
    public async Task Seed_HasOnePsadPerDepartement_WithItsCioMldsAndMissionsLocales()
    {
        await using var db = f.CreateDbContext();
        var psads = await db.Psads.Include(p => p.Partenaires).ThenInclude(x => x.Structure).Where(p => !p.Code.StartsWith("t") && !p.Code.StartsWith("T")).ToListAsync();
        Assert.True(psads.Count == 12, "PSADs other than the seed's 12: " + string.Join(", ", psads.Select(p => p.Code).Order()));
        var p63 = psads.Single(p => p.Code == "63");
        Assert.Equal(["63"], p63.Territoire);
        var partenaires = p63.Partenaires.Select(x => x.Structure!.Slug).ToList();
        Assert.Contains("cio-63", partenaires);
        Assert.Contains("ml-63", partenaires);
        Assert.Contains("mlds-academie-clermont", partenaires);
        Assert.DoesNotContain("ml-69", partenaires);
        Assert.Contains("ml-lyon", psads.Single(p => p.Code == "69").Partenaires.Select(x => x.Structure!.Slug));
    }

    [Fact]
    public async Task DryRun_CountsEveryRow_AndWritesNothing()
    {
        var psad = await PsadAsync();
        var jeunes = ListeSieiSynthetique.Jeunes(40, 1, Novembre);
        var r = await ImporterAsync(psad, ListeSieiSynthetique.Csv(jeunes), Novembre, essai: true);
        Assert.True(r.Essai);
        Assert.False(r.Importe);
        Assert.Null(r.Refus);
        Assert.Equal((40, 40, 0, 0), (r.Lignes, r.Nouveaux, r.Rapproches, r.AArbitrer));
        Assert.Equal((0, 0, 0), await CompterAsync(psad));
    }

    [Fact]
    public async Task Import_OneYoungPersonPerRow_FrozenRows_AndTheSameFileTwiceChangesNothing()
    {
        var psad = await PsadAsync();
        var csv = ListeSieiSynthetique.Csv(ListeSieiSynthetique.Jeunes(30, 2, Novembre));
        var r = await ImporterAsync(psad, csv, Novembre);
        Assert.True(r.Importe, r.Resume());
        Assert.Equal(30, r.Nouveaux);
        Assert.Equal((30, 1, 30), await CompterAsync(psad));

        var encore = await ImporterAsync(psad, csv, Novembre);
        Assert.True(encore.DejaImporte);
        Assert.Equal(r.LivraisonId, encore.LivraisonId);
        Assert.Equal((30, 1, 30), await CompterAsync(psad));

        await using var db = f.CreateDbContext();
        var s = await db.SituationsSiei.FirstAsync(x => x.LivraisonId == r.LivraisonId);
        Assert.Contains("\"DateSortie\"", s.Contenu);
        Assert.Equal(IssueSituation.Nouveau, s.Issue);
        Assert.True(await db.Journal.AnyAsync(j => j.Ressource == "livraison" && j.RessourceId == r.LivraisonId!.Value.ToString()));
    }

    [Fact]
    public async Task NextLivraisons_ShowNewStillPresentAbsentAndReappeared()
    {
        var psad = await PsadAsync();
        var j = ListeSieiSynthetique.Jeunes(5, 3, Novembre);
        var (a, b, c, d, e) = (j[0], j[1], j[2], j[3], j[4]);
        await ImporterAsync(psad, ListeSieiSynthetique.Csv([a, b, c]), Novembre.AddMonths(-2));

        var deux = await ImporterAsync(psad, ListeSieiSynthetique.Csv([a, b, d]), Novembre.AddMonths(-1));
        Assert.Equal((1, 2, 2, 1, 0), (deux.Nouveaux, deux.Rapproches, deux.ToujoursPresents, deux.Absents, deux.Reapparus));

        // Without INE this time: the names and birth dates find them.
        var trois = await ImporterAsync(psad, ListeSieiSynthetique.Csv([a, c, d, e], avecIne: false), Novembre);
        Assert.Equal((1, 3, 2, 1, 1), (trois.Nouveaux, trois.Rapproches, trois.ToujoursPresents, trois.Absents, trois.Reapparus));
        Assert.Equal(5, (await CompterAsync(psad)).Jeunes);
    }

    [Fact]
    public async Task FaultyRows_RefuseTheFile_UnlessExplicitlyLeftOut_AndStayInTheReport()
    {
        var psad = await PsadAsync();
        var jeunes = ListeSieiSynthetique.Jeunes(10, 4, Novembre);
        var csv = ListeSieiSynthetique.Csv(jeunes, lignesEnPlus:
        [
            "XX;Valmor;Lou;31/02/2008;Thiers;63430;06 12 34 56 78;01/09/2026;scolaire",
            "2100000099Z;Zyxwo;Noa;01/01/2013;Riom;63300;;01/09/2026;scolaire",
        ]);

        var essai = await ImporterAsync(psad, csv, Novembre, essai: true);
        Assert.Contains(essai.Erreurs, x => x is { Ligne: 12, Champ: "INE" });
        Assert.Contains(essai.Erreurs, x => x is { Ligne: 12, Champ: "Date de naissance" });
        Assert.Contains(essai.Erreurs, x => x.Ligne == 13 && x.Message.Contains("Moins de 16 ans", StringComparison.Ordinal));

        var refus = await ImporterAsync(psad, csv, Novembre);
        Assert.False(refus.Importe);
        Assert.Contains("écartant explicitement", refus.Refus);
        Assert.Equal((0, 0, 0), await CompterAsync(psad));

        var r = await ImporterAsync(psad, csv, Novembre, ignorer: true);
        Assert.True(r.Importe);
        Assert.Equal((10, 2), (r.Nouveaux, r.Ignores));
        await using var db = f.CreateDbContext();
        var livraison = await db.Livraisons.SingleAsync(l => l.Id == r.LivraisonId);
        Assert.Contains("Moins de 16 ans", livraison.Erreurs);

        // The under-16 is reported, never stored, not even in the frozen rows.
        Assert.False(await db.JeunesSuivis.AnyAsync(x => x.Ine == "2100000099Z"));
        Assert.False(await db.SituationsSiei.AnyAsync(x => x.Contenu.Contains("Zyxwo")));
    }

    [Fact]
    public async Task DryRun_AndImport_GiveTheSameReport_WithMatchesArbitrationAndLeftOutRows()
    {
        var psad = await PsadAsync();
        var jeunes = ListeSieiSynthetique.Jeunes(30, 6, Novembre);
        await ImporterAsync(psad, ListeSieiSynthetique.Csv(jeunes[..12]), Novembre.AddMonths(-1));

        // Known people, new ones, someone like a known person but born a day later under another INE (to settle), a faulty row.
        var proche = jeunes[0] with { Ine = "7700000001Z", Naissance = jeunes[0].Naissance.AddDays(1) };
        var csv = ListeSieiSynthetique.Csv([.. jeunes[1..], proche], lignesEnPlus: ["XX;Valmor;Lou;31/02/2008;Thiers;63430;06 12 34 56 78;01/09/2026;scolaire"]);
        var essai = await ImporterAsync(psad, csv, Novembre, essai: true, ignorer: true);
        var import = await ImporterAsync(psad, csv, Novembre, ignorer: true);
        Assert.True(import.Importe, import.Resume());
        Assert.Equal(essai with { Essai = false, Importe = true, LivraisonId = import.LivraisonId, Apercu = import.Apercu, Erreurs = import.Erreurs, ColonnesIgnorees = import.ColonnesIgnorees, Colonnes = import.Colonnes }, import);
        Assert.Equal(essai.Colonnes, import.Colonnes);
        Assert.Equal(essai.Erreurs, import.Erreurs);
        Assert.Equal(essai.Apercu, import.Apercu);
        Assert.Equal(18, essai.Nouveaux);
        Assert.Equal(11, essai.Rapproches);
        Assert.Equal((1, 1, 1), (essai.AArbitrer, essai.Absents, essai.Ignores));

        await using var db = f.CreateDbContext();
        var lignes = await db.SituationsSiei.Where(s => s.LivraisonId == import.LivraisonId).OrderBy(s => s.Ligne).ToListAsync();
        Assert.Equal(essai.Apercu.Where(a => a.Issue != "en erreur").Select(a => a.Ligne), lignes.Select(s => s.Ligne));
        var relu = JsonSerializer.Deserialize<LigneSiei>(lignes[0].Contenu)!;
        Assert.Equal(jeunes[1].Nom, relu.Nom);
        Assert.NotNull(relu.DateSortie);
    }

    [Fact]
    public async Task UnreadableFilesAndHeaders_AreRefusedInFrench_NothingWritten()
    {
        var psad = await PsadAsync();
        var vide = await ImporterAsync(psad, "", Novembre);
        Assert.Contains("vide", vide.Refus);
        var entete = await ImporterAsync(psad, "INE;Nom;Santé\r\n1234567890A;Valmor;x\r\n", Novembre);
        Assert.Contains(entete.Erreurs, e => e.Ligne == 1 && e.Message.Contains("la santé", StringComparison.Ordinal));
        var inconnue = await ImporterAsync("pas-une-psad", "INE\r\n", Novembre);
        Assert.Contains("psad --liste", inconnue.Refus);
        Assert.Equal((0, 0, 0), await CompterAsync(psad));
    }

    [Fact]
    public async Task AnImportThatDiesHalfWay_LeavesNothing_AndThenSucceeds()
    {
        var psad = await PsadAsync();
        var csv = ListeSieiSynthetique.Csv(ListeSieiSynthetique.Jeunes(25, 5, Novembre));
        using (var scope = f.Services.CreateScope())
        {
            // The livraison, the young people (in bulk) and the frozen rows are written, then the last save (the audit line)
            // fails: the transaction must take all back.
            await using var db = ContexteQuiTombe(scope.ServiceProvider);
            var import = new ImportSiei(db, new Tracabilite(db, new HttpContextAccessor(), TimeProvider.System), TimeProvider.System);
            await Assert.ThrowsAsync<InvalidOperationException>(() => import.ExecuterAsync(psad, Novembre, ListeSieiSynthetique.Flux(csv), "liste.csv", false, false, "test"));
        }

        Assert.Equal((0, 0, 0), await CompterAsync(psad));
        var r = await ImporterAsync(psad, csv, Novembre);
        Assert.True(r.Importe);
        Assert.Equal((25, 1, 25), await CompterAsync(psad));
    }

    private RaccrocheDbContext ContexteQuiTombe(IServiceProvider sp) => f.Provider == "Postgres"
        ? new PostgresRaccrocheDbContext(new DbContextOptionsBuilder<PostgresRaccrocheDbContext>(sp.GetRequiredService<DbContextOptions<PostgresRaccrocheDbContext>>()).AddInterceptors(new Panne()).Options)
        : new SqliteRaccrocheDbContext(new DbContextOptionsBuilder<SqliteRaccrocheDbContext>(sp.GetRequiredService<DbContextOptions<SqliteRaccrocheDbContext>>()).AddInterceptors(new Panne()).Options);

    /// <summary>Fails the import's last save (the livraison's audit line, after every bulk write), as a crash would at that moment.</summary>
    private sealed class Panne : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            eventData.Context!.ChangeTracker.Entries<JournalAcces>().Any(e => e.State == EntityState.Added && e.Entity.Ressource == "livraison")
                ? throw new InvalidOperationException("panne simulée au milieu de l'import")
                : ValueTask.FromResult(result);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ImportSieiSqliteTests(SqliteAppFactory f) : ImportSieiTests(f);

[Collection(PostgresCollection.Name)]
public sealed class ImportSieiPostgresTests(PostgresAppFactory f) : ImportSieiTests(f);
