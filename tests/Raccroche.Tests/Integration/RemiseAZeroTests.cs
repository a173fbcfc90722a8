using Xunit.Abstractions;

namespace Raccroche.Tests.Integration;

/// <summary>The reset empties every mutable table, in foreign-key order, and keeps the reference data.</summary>
public abstract class RemiseAZeroTests(AppFactory f, ITestOutputHelper sortie)
{
    [Fact]
    public async Task Reset_EmptiesEveryMutableTable_AndKeepsTheReferenceData()
    {
        var compte = await Pro.CreerCompteAsync(f, Roles.AdminStructure, "ml-63");
        var client = await Pro.ConnecterAsync(f, compte);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/pro/equipe")).StatusCode);
        Dictionary<string, long> reference;
        await using (var db = f.CreateDbContext())
        {
            Assert.True(await CompterAsync(db, "AspNetUsers") > 0);
            Assert.True(await CompterAsync(db, "SessionsPro") > 0);
            reference = await CompterReferenceAsync(db);
            Assert.All(reference.Where(t => t.Key != "DispositifLieux"), t => Assert.True(t.Value > 0, $"{t.Key} should be seeded."));
        }

        var duree = System.Diagnostics.Stopwatch.StartNew();
        await f.RemettreAZeroAsync();
        sortie.WriteLine($"{f.Provider} reset: {duree.ElapsedMilliseconds} ms");

        await using (var db = f.CreateDbContext())
        {
            foreach (var table in AppFactory.TablesMutables(db))
            {
                Assert.Equal(0, await CompterAsync(db, table));
            }

            Assert.Equal(reference, await CompterReferenceAsync(db));
        }

        // The host still works on the reset database: a new account signs in.
        var nouveau = await Pro.CreerCompteAsync(f, Roles.AdminStructure, "ml-63");
        Assert.Equal(HttpStatusCode.OK, (await (await Pro.ConnecterAsync(f, nouveau)).GetAsync("/pro/equipe")).StatusCode);
    }

    [Fact]
    public async Task MutableTables_AreEveryTableButTheReferenceOnes_ChildrenFirst()
    {
        await using var db = f.CreateDbContext();
        var ordre = AppFactory.TablesMutables(db).ToList();
        string[] attendues =
        [
            "AspNetUsers", "AspNetUserClaims", "AspNetUserLogins", "AspNetUserTokens", "Invitations", "SessionsPro", "EtatsConnexion",
            "DemandesContact", "SuivisDemande", "MessagesSortants", "JournalAcces", "RevisionsFiche", "Campagnes", "StatistiquesDiagnostic",
            "Livraisons", "JeunesSuivis", "SituationsSiei", "HabilitationsSuivi", "SuivisDeclares", "TentativesContact", "EvenementsDossier", "DepotsSiei", "EntretiensSituation", "SolutionsSuivi",
            "ReglesRepartition", "TransfertsSuivi", "CorrespondancesColonnes", "PrisesEnCharge", "MessagesJeune", "SmsSortants", "ValeursExternes", "PointsSuivi",
            "CalculsResultats", "CellulesResultats",
            "CoInterventions", "ResumesEnvoyes", "BauxTaches", "CompteursDebit",
        ];
        Assert.Equal(attendues.Order(), ordre.Order());
        Assert.Empty(ordre.Intersect(AppFactory.TablesDeReference));
        Assert.True(ordre.IndexOf("SuivisDemande") < ordre.IndexOf("DemandesContact"));
        Assert.True(ordre.IndexOf("SessionsPro") < ordre.IndexOf("AspNetUsers"));
        Assert.True(ordre.IndexOf("AspNetUserTokens") < ordre.IndexOf("AspNetUsers"));
        Assert.True(ordre.IndexOf("TentativesContact") < ordre.IndexOf("JeunesSuivis"));
        Assert.True(ordre.IndexOf("HabilitationsSuivi") < ordre.IndexOf("AspNetUsers"));
    }

    internal static async Task<Dictionary<string, long>> CompterReferenceAsync(RaccrocheDbContext db)
    {
        var comptes = new Dictionary<string, long>();
        foreach (var table in AppFactory.TablesDeReference.Order(StringComparer.Ordinal))
        {
            comptes[table] = await CompterAsync(db, table);
        }

        return comptes;
    }

    internal static async Task<long> CompterAsync(RaccrocheDbContext db, string table)
    {
        var connexion = db.Database.GetDbConnection();
        if (connexion.State != System.Data.ConnectionState.Open)
        {
            await connexion.OpenAsync();
        }

        await using var cmd = connexion.CreateCommand();
        cmd.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RemiseAZeroSqliteTests(SqliteAppFactory f, ITestOutputHelper sortie) : RemiseAZeroTests(f, sortie);

[Collection(PostgresCollection.Name)]
public sealed class RemiseAZeroPostgresTests(PostgresAppFactory f, ITestOutputHelper sortie) : RemiseAZeroTests(f, sortie);

/// <summary>
/// The database of a collection is put back to its seeded state before each test class: the two marker
/// classes below (one test each, so that it is the first of its class) each leave a campaign and an account
/// behind, and whichever runs second must not see the first one's.
/// </summary>
public abstract class DebutDeClasseTests(AppFactory f)
{
    private const string Prefixe = "remise-a-zero ";

    [Fact]
    public async Task AtTheStartOfAClass_NothingAnEarlierClassWroteIsLeft()
    {
        await using (var db = f.CreateDbContext())
        {
            foreach (var table in AppFactory.TablesMutables(db))
            {
                Assert.True(await RemiseAZeroTests.CompterAsync(db, table) == 0, $"{table} still holds rows written by an earlier class.");
            }

            Assert.Empty(await db.Campagnes.Where(c => c.Nom.StartsWith(Prefixe)).Select(c => c.Nom).ToListAsync());
        }

        // What this class leaves behind, for the next one to not find.
        await Pro.CreerCompteAsync(f, Roles.Coordinateur, territoire: ["63"]);
        await using (var db = f.CreateDbContext())
        {
            db.Campagnes.Add(new Campagne { Code = Campagne.NouveauCode(), Nom = Prefixe + GetType().Name, Territoire = "Thiers", Debut = new DateOnly(2025, 1, 1) });
            await db.SaveChangesAsync();
        }
    }
}

// Two classes per database, so that one of them always runs after the other.
[Collection(SqliteCollection.Name)]
public sealed class DebutDeClasseSqliteTests(SqliteAppFactory f) : DebutDeClasseTests(f);

[Collection(SqliteCollection.Name)]
public sealed class DebutDeClasseSqliteSuiteTests(SqliteAppFactory f) : DebutDeClasseTests(f);

[Collection(PostgresCollection.Name)]
public sealed class DebutDeClassePostgresTests(PostgresAppFactory f) : DebutDeClasseTests(f);

[Collection(PostgresCollection.Name)]
public sealed class DebutDeClassePostgresSuiteTests(PostgresAppFactory f) : DebutDeClasseTests(f);
