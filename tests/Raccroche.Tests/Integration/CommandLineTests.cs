using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Raccroche.Tests.Integration;

/// <summary>The command line verbs, run as a real process on the built app against a fresh SQLite file.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"raccroche-cli-{Guid.NewGuid():N}.db");

    /// <summary>More settings for the processes a test runs (environment variables).</summary>
    private readonly Dictionary<string, string> _reglages = [];

    private async Task<(int Code, string Sortie)> Lancer(params string[] args)
    {
        var (code, sortie, erreurs) = await LancerSepare(args);
        return (code, sortie + erreurs);
    }

    /// <summary>The same, stdout and stderr apart.</summary>
    private async Task<(int Code, string Sortie, string Erreurs)> LancerSepare(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Raccroche.Web.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["ConnectionStrings__Raccroche"] = $"Data Source={_db}";
        psi.Environment["Database__Provider"] = "Sqlite";
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["Mail__DossierDepot"] = Path.Combine(Path.GetTempPath(), "raccroche-test-mail");
        foreach (var (cle, valeur) in _reglages)
        {
            psi.Environment[cle] = valeur;
        }

        using var p = Process.Start(psi)!;
        var sortie = p.StandardOutput.ReadToEndAsync();
        var erreurs = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, await sortie, await erreurs);
    }

    [Fact]
    public async Task Migrate_CreatesTheSharedDataProtectionKey_OnceAndEncrypted_OnlyWithTheCertificate()
    {
        // Without the certificate: no key (never one in clear), and the command says what to do.
        var (code, sortie) = await Lancer("migrate");
        Assert.True(code == 0, sortie);
        Assert.Contains("Data Protection keys not prepared", sortie);
        Assert.Empty(await ClesAsync());

        // With it: one encrypted key, which the instances started afterwards all load; a second run adds none.
        var certificat = Path.Combine(Path.GetTempPath(), $"raccroche-cli-cles-{Guid.NewGuid():N}.pfx");
        using (var rsa = System.Security.Cryptography.RSA.Create(2048))
        {
            var demande = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=Raccroche test", rsa,
                System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
            using var c = demande.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(certificat, c.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pkcs12, "mot-de-passe"));
        }

        try
        {
            _reglages["DataProtection__Certificat"] = certificat;
            _reglages["DataProtection__MotDePasse"] = "mot-de-passe";
            for (var fois = 0; fois < 2; fois++)
            {
                (code, sortie) = await Lancer("migrate");
                Assert.True(code == 0, sortie);
                Assert.Contains("Data Protection key ring ready", sortie);
                var cles = await ClesAsync();
                Assert.Single(cles);
                Assert.Contains("EncryptedData", cles[0]);
            }
        }
        finally
        {
            File.Delete(certificat);
        }
    }

    private async Task<List<string>> ClesAsync()
    {
        await using var conn = new SqliteConnection($"Data Source={_db}");
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT Xml FROM DataProtectionKeys";
        var cles = new List<string>();
        await using var lecteur = await cmd.ExecuteReaderAsync();
        while (await lecteur.ReadAsync())
        {
            cles.Add(lecteur.GetString(0));
        }

        return cles;
    }

    [Fact]
    public async Task CreerAdmin_InvitesTheFirstRegionalAdministrator()
    {
        Assert.Equal(0, (await Lancer("migrate")).Code);
        var (code, sortie) = await Lancer("creer-admin", "--courriel", "admin@region.test");
        Assert.True(code == 0, sortie);
        Assert.Matches(@"/pro/invitation/[A-Za-z0-9_\-]{40,}", sortie);

        await using (var conn = new SqliteConnection($"Data Source={_db}"))
        {
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "SELECT Role FROM Invitations WHERE Courriel = 'admin@region.test'";
            Assert.Equal("admin-regional", (string?)await cmd.ExecuteScalarAsync());
        }

        (code, sortie) = await Lancer("creer-admin", "--courriel", "pas-une-adresse");
        Assert.Equal(2, code);
        Assert.Contains("Usage: creer-admin", sortie);
    }

    [Fact]
    public async Task ImportValeursExternes_DryRunThenImport_AndExitCodes()
    {
        Assert.Equal(0, (await Lancer("migrate")).Code);
        var fichier = Path.Combine(Path.GetTempPath(), $"raccroche-valeurs-{Guid.NewGuid():N}.csv");
        // Made-up figures.
        await File.WriteAllTextAsync(fichier, "indicateur;libelle;territoire;periode;valeur;unite;source;licence\n" +
            "sortants-precoces;Sortants précoces (chiffres inventés);84;2024;7,6;%;Source inventée;Licence Ouverte 2.0\n" +
            "sortants-precoces;;99;2024;1;%;Source inventée;Licence Ouverte 2.0\n");
        try
        {
            async Task<long> CompterAsync()
            {
                await using var conn = new SqliteConnection($"Data Source={_db}");
                await conn.OpenAsync();
                await using var cmd = conn.CreateCommand();
                cmd.CommandText = "SELECT COUNT(*) FROM ValeursExternes";
                return (long)(await cmd.ExecuteScalarAsync())!;
            }

            var (code, sortie) = await Lancer("import-valeurs-externes", "--essai", fichier);
            Assert.True(code == 1, sortie);
            Assert.Contains("ligne 3, territoire : Territoire « 99 » inconnu", sortie);
            (code, sortie) = await Lancer("import-valeurs-externes", fichier);
            Assert.True(code == 1, sortie);
            Assert.Equal(0, await CompterAsync());

            (code, sortie) = await Lancer("import-valeurs-externes", "--ignorer-erreurs", fichier);
            Assert.True(code == 0, sortie);
            Assert.Contains("Import terminé : 1 valeur(s) enregistrée(s)", sortie);
            Assert.Equal(1, await CompterAsync());
            Assert.Equal(2, (await Lancer("import-valeurs-externes")).Code);
        }
        finally
        {
            File.Delete(fichier);
        }
    }

    [Fact]
    public async Task ImportSiei_DryRunThenImport_WithTheJsonReport_AndExitCodes()
    {
        Assert.Equal(0, (await Lancer("migrate")).Code);
        var (code, sortie) = await Lancer("psad", "--liste");
        Assert.Equal(0, code);
        Assert.Contains("63\tPSAD du Puy-de-Dôme\t63", sortie);

        var mois = new DateOnly(2026, 11, 1);
        var fichier = Path.Combine(Path.GetTempPath(), $"raccroche-siei-{Guid.NewGuid():N}.csv");
        var rapport = fichier + ".json";
        await File.WriteAllTextAsync(fichier, ListeSieiSynthetique.Csv(ListeSieiSynthetique.Jeunes(12, 9, mois), lignesEnPlus: ["XX;Valmor;Lou;31/02/2008;Thiers;63430;;01/09/2026;scolaire"]));
        try
        {
            // A dry run with a faulty row: exit 1, every count and the row's error in the report, nothing written.
            (code, sortie) = await Lancer("import-siei", "--psad", "63", "--mois", "2026-11", "--essai", "--rapport", rapport, fichier);
            Assert.True(code == 1, sortie);
            using (var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(rapport)))
            {
                var r = json.RootElement;
                foreach (var champ in new[] { "lignes", "nouveaux", "rapproches", "a_arbitrer", "absents", "reapparus", "ignores", "erreurs" })
                {
                    Assert.True(r.TryGetProperty(champ, out _), champ);
                }

                Assert.Equal(13, r.GetProperty("lignes").GetInt32());
                Assert.Equal(12, r.GetProperty("nouveaux").GetInt32());
                var erreur = r.GetProperty("erreurs")[0];
                Assert.Equal(14, erreur.GetProperty("ligne").GetInt32());
                Assert.False(string.IsNullOrEmpty(erreur.GetProperty("champ").GetString()));
                Assert.False(string.IsNullOrEmpty(erreur.GetProperty("message").GetString()));
            }

            (code, sortie) = await Lancer("import-siei", "--psad", "63", "--mois", "2026-11", fichier);
            Assert.True(code == 1, sortie);
            Assert.Contains("Refusé", sortie);

            (code, sortie) = await Lancer("import-siei", "--psad", "63", "--mois", "2026-11", "--ignorer-invalides", fichier);
            Assert.True(code == 0, sortie);
            Assert.Contains("12 nouveau(x)", sortie);

            (code, sortie) = await Lancer("import-siei", "--psad", "63", "--mois", "novembre", fichier);
            Assert.Equal(2, code);
            Assert.Contains("AAAA-MM", sortie);
        }
        finally
        {
            File.Delete(fichier);
            File.Delete(rapport);
        }
    }

    [Fact]
    public async Task ImportSiei_UsesThePsadsSavedMapping_AndPrintsProgressOnStderrOnly()
    {
        Assert.Equal(0, (await Lancer("migrate")).Code);
        var mois = new DateOnly(2026, 11, 1);
        var fichier = Path.Combine(Path.GetTempPath(), $"raccroche-siei-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(fichier, ListeSieiSynthetique.Csv(ListeSieiSynthetique.Jeunes(6, 11, mois)).Replace("Date de sortie", "Fin de scolarité", StringComparison.Ordinal));
        try
        {
            // Without a mapping the header line is refused.
            var (code, sortie) = await Lancer("import-siei", "--psad", "63", "--essai", fichier);
            Assert.True(code == 1, sortie);

            await using (var conn = new SqliteConnection($"Data Source={_db}"))
            {
                await conn.OpenAsync();
                await using var cmd = conn.CreateCommand();
                cmd.CommandText = "INSERT INTO CorrespondancesColonnes (PsadId, Entete, Champ, ModifieeLe) SELECT Id, 'fin de scolarite', 'DateSortie', '2026-11-30 00:00:00' FROM Psads WHERE Code = '63'";
                Assert.Equal(1, await cmd.ExecuteNonQueryAsync());
            }

            var (retour, stdout, stderr) = await LancerSepare("import-siei", "--psad", "63", "--mois", "2026-11", fichier);
            Assert.True(retour == 0, stdout + stderr);
            Assert.Contains("6 nouveau(x)", stdout);
            Assert.DoesNotContain(" lignes", stdout.Replace("ligne(s)", "", StringComparison.Ordinal));
            Assert.Matches(@"(lecture|analyse|rapprochement|écriture) : \d+ / \d+ lignes", stderr);
            Assert.DoesNotContain("nouveau(x)", stderr);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(fichier);
        }
    }

    [Fact]
    public async Task DataInclusion_ExportWritesThreeFormatsOfTheSameRecords_AndTheRealFileImportsWithItsReport()
    {
        Assert.Equal(0, (await Lancer("migrate")).Code);
        var dossier = Path.Combine(Path.GetTempPath(), $"raccroche-di-{Guid.NewGuid():N}");
        try
        {
            var (code, sortie) = await Lancer("export-data-inclusion", "--dossier", dossier);
            Assert.True(code == 0, sortie);
            var aujourdhui = DateOnly.FromDateTime(DateTime.UtcNow);
            foreach (var (genre, service) in new[] { ("structures", false), ("services", true) })
            {
                using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dossier, $"{genre}.json")));
                var enregistrements = json.RootElement.EnumerateArray().ToList();
                Assert.NotEmpty(enregistrements);
                Assert.All(enregistrements, e => Assert.Empty(Unit.SchemaReference.Erreurs(e, service, aujourdhui)));
                using var geo = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dossier, $"{genre}.geojson")));
                Assert.Equal("FeatureCollection", geo.RootElement.GetProperty("type").GetString());
                var points = geo.RootElement.GetProperty("features").EnumerateArray().Where(x => x.GetProperty("geometry").ValueKind != JsonValueKind.Null).ToList();
                Assert.NotEmpty(points);
                Assert.All(points, p => Assert.Equal(p.GetProperty("properties").GetProperty("longitude").GetDouble(), p.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble()));

                // The three files hold the same records: each read back gives the same canonical text.
                static List<string> Relire(string chemin)
                {
                    using var flux = File.OpenRead(chemin);
                    return [.. Raccroche.Web.Features.DataInclusion.FormatsDI.Lire(flux, chemin).Select(l => l.Enregistrement!.Empreinte())];
                }

                var depuisJson = Relire(Path.Combine(dossier, $"{genre}.json"));
                Assert.Equal(enregistrements.Count, depuisJson.Count);
                Assert.Equal(depuisJson, Relire(Path.Combine(dossier, $"{genre}.csv")));
                Assert.Equal(depuisJson, Relire(Path.Combine(dossier, $"{genre}.geojson")));
            }

            var fichier = Unit.SchemaReference.Partage("data/annuaire-ara-2016.data-inclusion.json");
            var rapport = Path.Combine(dossier, "rapport.json");
            (code, sortie) = await Lancer("import-data-inclusion", "--essai", "--rapport", rapport, fichier);
            Assert.True(code == 1, sortie);
            Assert.Contains("annuaire-service-public--pif-42163-01, site_web", sortie);
            using (var r = JsonDocument.Parse(await File.ReadAllTextAsync(rapport)))
            {
                Assert.Equal(["enregistrements", "crees", "mis_a_jour", "inchanges", "invalides", "doublons_proposes"], r.RootElement.EnumerateObject().Select(p => p.Name));
                Assert.Equal((384, 383), (r.RootElement.GetProperty("enregistrements").GetInt32(), r.RootElement.GetProperty("crees").GetInt32()));
                var invalide = Assert.Single(r.RootElement.GetProperty("invalides").EnumerateArray());
                Assert.Equal(("annuaire-service-public--pif-42163-01", "site_web"), (invalide.GetProperty("id").GetString(), invalide.GetProperty("champ").GetString()));
            }

            (code, sortie) = await Lancer("import-data-inclusion", fichier);
            Assert.True(code == 1, sortie);
            Assert.Contains("refusé", sortie);
            (code, sortie) = await Lancer("import-data-inclusion", "--ignorer-invalides", fichier);
            Assert.True(code == 0, sortie);
            Assert.Contains("383 créé(s)", sortie);
            Assert.Equal(2, (await Lancer("import-data-inclusion")).Code);
            Assert.Equal(2, (await Lancer("export-data-inclusion")).Code);
        }
        finally
        {
            if (Directory.Exists(dossier))
            {
                Directory.Delete(dossier, recursive: true);
            }
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _db, _db + "-wal", _db + "-shm" })
        {
            File.Delete(f);
        }
    }
}
