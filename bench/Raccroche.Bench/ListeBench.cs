using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using Raccroche.Web.Commun;
using Raccroche.Web.Donnees;
using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Decrocheurs;

namespace Raccroche.Bench;

/// <summary>
/// The work lists and the coordinator's counts over <c>--n</c> case files (default 1,000,000) spread over <c>--psads</c>
/// PSADs (default 42), on a fresh PostgreSQL database <c>raccroche_bench_liste</c> created with the app's migrations and
/// filled by binary COPY from a fixed seed. Each request opens its own context and calls <see cref="ListeDossiers"/>, the
/// class the page and the export use, over the files <see cref="AccesSuivi.Traites"/> lets a référent or a coordinator see.
/// </summary>
internal static class ListeBench
{
    private static readonly string[] Syllabes = ["val", "mor", "bre", "lin", "cor", "tan", "gui", "rel", "fon", "das", "mi", "ro", "sel", "ven", "bar", "lo"];
    private static readonly string[] Prenoms = ["Alix", "Noa", "Lou", "Sacha", "Eden", "Milo", "Lina", "Ilan", "Nélia", "Timéo", "Inès", "Yanis"];
    private static readonly string[] Formations = ["CAP Cuisine", "CAP Maçon", "Bac pro Commerce", "Bac pro Électricité", "2de générale", "1re technologique", "CAP Coiffure", "Bac pro Logistique"];
    private static readonly string[] Niveaux = ["infra-3", "3", "4"];

    private static readonly (StatutDossier Statut, int Poids)[] Statuts =
    [
        (StatutDossier.AAttribuer, 10), (StatutDossier.AContacter, 15), (StatutDossier.ContactEnCours, 15), (StatutDossier.Injoignable, 5),
        (StatutDossier.Joint, 8), (StatutDossier.EntretienPlanifie, 4), (StatutDossier.EntretienRealise, 5), (StatutDossier.SolutionProposee, 5),
        (StatutDossier.EnSolution, 10), (StatutDossier.Cloture, 20), (StatutDossier.Transfere, 2), (StatutDossier.Annule, 1),
    ];

    internal sealed record PsadBench(int Id, int[] Structures, int[] Livraisons, string[] Communes);

    public static async Task<int> ExecuterAsync(BancOptions o)
    {
        var pg = o.Requis("pg");
        var n = o.Entier("n", 1_000_000);
        var nbPsads = o.Entier("psads", 42);
        var requetes = o.Entier("requetes", 200);
        var graine = o.Entier("seed", 42);

        // --tours 2: the same requests twice, only the last pass counted: each query shape is then compiled by EF once
        // already, as in a server that has run for a while (the first pass measures the first use of each shape).
        var tours = o.Entier("tours", 1);
        Mesure.Machine();
        var baseDeBanc = new BaseDeBanc(pg, "raccroche_bench_liste");
        var (cs, options) = (baseDeBanc.Connexion, baseDeBanc.Options);
        var aujourdhui = new DateOnly(2026, 11, 20);

        List<PsadBench> psads;
        if (o.Texte("reutiliser") is null)
        {
            var sw = Stopwatch.StartNew();
            await baseDeBanc.RecreerAsync();

            psads = await PsadsAsync(options, nbPsads, aujourdhui);
            await RemplirAsync(cs, psads, n, graine, aujourdhui);
            Console.WriteLine($"Database raccroche_bench_liste: {n:N0} case files over {nbPsads} PSADs, created and filled in {sw.Elapsed.TotalSeconds:F0} s");
        }
        else
        {
            await using var db = new PostgresRaccrocheDbContext(options);
            psads = await LirePsadsAsync(db);
            Console.WriteLine($"Reusing raccroche_bench_liste: {await db.JeunesSuivis.CountAsync():N0} case files over {psads.Count} PSADs");
        }

        var r = new Random(graine + 1);
        var listes = Enumerable.Range(0, requetes + 20).Select(_ => Requete(r, psads, referent: r.Next(2) == 0)).ToList();
        var comptes = Enumerable.Range(0, requetes + 20).Select(_ => psads[r.Next(psads.Count)]).ToList();

        Console.WriteLine($"Before measuring: {Mesure.Charge()}; passes: {tours} (only the last one counted)");
        var cpu = Cpu.Instantane();
        var liste = await ChronometrerAsync(options, listes, (db, q) => ListeAsync(db, q, aujourdhui), tours);
        var compte = await ChronometrerAsync(options, comptes, (db, p) => ComptesAsync(db, p, aujourdhui), tours);
        Console.WriteLine($"During the run: other processes used {Cpu.Instantane().AutresCoeursDepuis(cpu):F2} cores; after: {Mesure.Charge()}");
        Console.WriteLine();
        Console.WriteLine("| Series | n | p50 ms | p95 ms | p99 ms | max ms | rows (mean) | target p95 |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        void Ligne(string nom, double[] d, double lignes, int cible) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {nom} | {d.Length} | {Mesure.Percentile(d, 0.5):F1} | {Mesure.Percentile(d, 0.95):F1} | {Mesure.Percentile(d, 0.99):F1} | {d.Max():F1} | {lignes:F0} | ≤ {cible} ms |"));
        var referents = liste.Durees.Where((_, i) => listes[i + 20].Referent).ToArray();
        var coordinateurs = liste.Durees.Where((_, i) => !listes[i + 20].Referent).ToArray();
        Ligne("work list, référent (filters + sort, first 50)", referents, liste.Lignes.Where((_, i) => listes[i + 20].Referent).DefaultIfEmpty().Average(), 100);
        Ligne("work list, coordinator (filters + sort, first 50)", coordinateurs, liste.Lignes.Where((_, i) => !listes[i + 20].Referent).DefaultIfEmpty().Average(), 100);
        Ligne("work list, both", liste.Durees, liste.Lignes.Average(), 100);
        Ligne("coordinator counts", compte.Durees, compte.Lignes.Average(), 300);

        // The slowest request of each series again, its SQL under EXPLAIN ANALYZE.
        await ExpliquerAsync(cs, options, "work list", listes[20 + Array.IndexOf(liste.Durees, liste.Durees.Max())], (db, q) => ListeAsync(db, q, aujourdhui));
        await ExpliquerAsync(cs, options, "coordinator counts", comptes[20 + Array.IndexOf(compte.Durees, compte.Durees.Max())], (db, p) => ComptesAsync(db, p, aujourdhui));
        return 0;
    }

    private sealed record RequeteListe(bool Referent, PsadBench Psad, int Structure, FiltresDossiers Filtres, Onglet Onglet)
    {
        public override string ToString() => $"{(Referent ? "référent" : "coordinator")} of PSAD {Psad.Id}, tab {Onglet.Code()}, filters {Filtres}";
    }

    private static RequeteListe Requete(Random r, List<PsadBench> psads, bool referent)
    {
        var p = psads[r.Next(psads.Count)];
        var f = new FiltresDossiers();
        var nombre = r.Next(0, 4);
        for (var i = 0; i < nombre; i++)
        {
            f = r.Next(referent ? 9 : 11) switch
            {
                0 => f with { Statut = Statuts[r.Next(Statuts.Length)].Statut },
                1 or 2 => f with { Drapeau = ValeursFermees.Toutes<FiltreDrapeau>()[r.Next(ValeursFermees.Toutes<FiltreDrapeau>().Count)] },
                3 => f with { Age = ValeursFermees.Toutes<TrancheAge>()[r.Next(ValeursFermees.Toutes<TrancheAge>().Count)] },
                4 => f with { Formation = Formations[r.Next(Formations.Length)] },
                5 => f with { Niveau = Niveaux[r.Next(Niveaux.Length)] },
                6 => f with { LivraisonId = p.Livraisons[r.Next(p.Livraisons.Length)] },
                7 => f with { Commune = p.Communes[r.Next(p.Communes.Length)] },
                8 => f with { Recherche = r.Next(3) == 0 ? Nom(r) : Syllabes[r.Next(16)] + Syllabes[r.Next(16)] },
                9 => f with { StructureId = p.Structures[r.Next(p.Structures.Length)] },
                _ => f with { SansStructure = true },
            };
        }

        var onglets = ValeursFermees.Toutes<Onglet>();
        return new RequeteListe(referent, p, p.Structures[r.Next(p.Structures.Length)], f, onglets[r.Next(onglets.Count)]);
    }

    private static async Task<int> ListeAsync(RaccrocheDbContext db, RequeteListe q, DateOnly aujourdhui)
    {
        IReadOnlyList<int> psad = [q.Psad.Id];
        var visibles = q.Referent ? AccesSuivi.Traites(db, [], psad, q.Structure) : AccesSuivi.Traites(db, psad, [], null);
        var liste = new ListeDossiers(db);
        var reglages = await liste.ReglagesAsync(psad);
        var r = await liste.ChargerAsync(visibles, reglages, q.Filtres, q.Onglet, 1, aujourdhui);
        return r.Lignes.Count;
    }

    private static async Task<int> ComptesAsync(RaccrocheDbContext db, PsadBench p, DateOnly aujourdhui)
    {
        IReadOnlyList<int> psad = [p.Id];
        var liste = new ListeDossiers(db);
        var reglages = await liste.ReglagesAsync(psad);
        var t = await liste.CompterAsync(AccesSuivi.Traites(db, psad, [], null), reglages, psad, aujourdhui);
        return t.ParStatut.Values.Sum();
    }

    private sealed record Chronos(double[] Durees, int[] Lignes);

    /// <summary>
    /// The first 20 items warm up (not counted); each item gets a context of its own, like a request. With
    /// <paramref name="tours"/> above 1 the whole list runs that many times and only the last pass is counted.
    /// </summary>
    private static async Task<Chronos> ChronometrerAsync<T>(DbContextOptions<PostgresRaccrocheDbContext> options, List<T> items, Func<RaccrocheDbContext, T, Task<int>> action, int tours)
    {
        var durees = new List<double>();
        var lignes = new List<int>();
        for (var tour = 1; tour <= tours; tour++)
        {
            for (var i = 0; i < items.Count; i++)
            {
                var t0 = Stopwatch.GetTimestamp();
                await using var db = new PostgresRaccrocheDbContext(options);
                var n = await action(db, items[i]);
                if (tour == tours && i >= 20)
                {
                    durees.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                    lignes.Add(n);
                }
            }
        }

        return new Chronos([.. durees], [.. lignes]);
    }

    /// <summary>Runs the request once more with its commands recorded, then prints EXPLAIN ANALYZE of the slowest command.</summary>
    private static async Task ExpliquerAsync<T>(string cs, DbContextOptions<PostgresRaccrocheDbContext> options, string nom, T item, Func<RaccrocheDbContext, T, Task<int>> action)
    {
        var espion = new Espion();
        await using (var db = new PostgresRaccrocheDbContext(new DbContextOptionsBuilder<PostgresRaccrocheDbContext>(options).AddInterceptors(espion).Options))
        {
            await action(db, item);
        }

        var (texte, parametres, ms) = espion.Commandes.MaxBy(c => c.Ms);
        Console.WriteLine();
        Console.WriteLine($"### Slowest {nom}: {item}");
        Console.WriteLine($"Its slowest SQL command ({ms:F1} ms of {espion.Commandes.Count} commands), EXPLAIN (ANALYZE, BUFFERS):");
        Console.WriteLine("```");
        Console.WriteLine(texte);
        foreach (var p in parametres)
        {
            Console.WriteLine($"-- {p.ParameterName} = {Afficher(p.Value)}");
        }

        await using var c = new NpgsqlConnection(cs);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + texte, c);
        foreach (var p in parametres)
        {
            cmd.Parameters.Add(p.Clone());
        }

        await using var lecteur = await cmd.ExecuteReaderAsync();
        while (await lecteur.ReadAsync())
        {
            Console.WriteLine(lecteur.GetString(0));
        }

        Console.WriteLine("```");
    }

    private static string Afficher(object? v) => v switch
    {
        null or DBNull => "NULL",
        System.Collections.IEnumerable e and not string => "{" + string.Join(",", e.Cast<object>()) + "}",
        IFormattable x => x.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };

    private sealed class Espion : DbCommandInterceptor
    {
        public List<(string Texte, List<NpgsqlParameter> Parametres, double Ms)> Commandes { get; } = [];

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            Commandes.Add((command.CommandText, [.. command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone())], eventData.Duration.TotalMilliseconds));
            return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
        }
    }

    private static string Nom(Random r) =>
        char.ToUpperInvariant(Syllabes[r.Next(16)][0]) + Syllabes[r.Next(16)][1..] + Syllabes[r.Next(16)] + Syllabes[r.Next(16)];

    /// <summary>The PSADs, each with four partner structures, twelve monthly livraisons and a few communes.</summary>
    internal static async Task<List<PsadBench>> PsadsAsync(DbContextOptions<PostgresRaccrocheDbContext> options, int nombre, DateOnly aujourdhui)
    {
        await using var db = new PostgresRaccrocheDbContext(options);
        var result = new List<PsadBench>();
        for (var i = 0; i < nombre; i++)
        {
            var structures = Enumerable.Range(0, 4).Select(k => new Structure
            {
                Slug = $"bench-{i}-{k}",
                Nom = $"Structure {k} de la PSAD {i}",
                Type = k == 0 ? "mission-locale" : "cio",
                DateMaj = aujourdhui,
            }).ToList();
            db.Structures.AddRange(structures);
            await db.SaveChangesAsync();
            var psad = new Psad { Code = $"b{i:D2}", Nom = $"PSAD de mesure {i}", Territoire = [$"{i + 1:D2}"], Partenaires = [.. structures.Select(s => new PartenairePsad { StructureId = s.Id })] };
            db.Psads.Add(psad);
            await db.SaveChangesAsync();
            var livraisons = Enumerable.Range(0, 12).Select(m => new Livraison
            {
                PsadId = psad.Id,
                Mois = new DateOnly(aujourdhui.Year, aujourdhui.Month, 1).AddMonths(-m),
                NomFichier = $"liste-{m}.csv",
                EmpreinteFichier = $"{i:D4}{m:D4}".PadRight(64, '0'),
                ImporteeLe = HeureParis.DebutDuJour(aujourdhui.AddMonths(-m)),
            }).ToList();
            db.Livraisons.AddRange(livraisons);
            await db.SaveChangesAsync();
            result.Add(new PsadBench(psad.Id, [.. structures.Select(s => s.Id)], [.. livraisons.Select(l => l.Id)], [.. Enumerable.Range(0, 6).Select(c => $"Commune {i}-{c}")]));
        }

        return result;
    }

    private static async Task<List<PsadBench>> LirePsadsAsync(RaccrocheDbContext db)
    {
        var psads = await db.Psads.AsNoTracking().Include(p => p.Partenaires).OrderBy(p => p.Id).ToListAsync();
        var livraisons = await db.Livraisons.AsNoTracking().GroupBy(l => l.PsadId).Select(g => new { g.Key, Ids = g.Select(l => l.Id).ToList() }).ToDictionaryAsync(g => g.Key, g => g.Ids);
        return [.. psads.Select((p, i) => new PsadBench(p.Id, [.. p.Partenaires.Select(x => x.StructureId)], [.. livraisons[p.Id]], [.. Enumerable.Range(0, 6).Select(c => $"Commune {i}-{c}")]))];
    }

    /// <summary>The case files by binary COPY (uneven PSAD sizes), one situation per file on its latest livraison and one on an earlier one for half of them.</summary>
    internal static async Task RemplirAsync(string cs, List<PsadBench> psads, int n, int graine, DateOnly aujourdhui)
    {
        var r = new Random(graine);
        var poids = psads.Select(_ => 0.5 + (r.NextDouble() * 1.5)).ToArray();
        var total = poids.Sum();
        var bornes = new double[psads.Count];
        var cumul = 0.0;
        for (var i = 0; i < psads.Count; i++)
        {
            cumul += poids[i] / total;
            bornes[i] = cumul;
        }

        var poidsStatuts = Statuts.Sum(s => s.Poids);
        var maintenant = HeureParis.DebutDuJour(aujourdhui).AddHours(9);
        var situations = new List<(int Livraison, int Jeune)>(n * 3 / 2);
        // No command timeout: completing a COPY of a million rows maintains every index, minutes on a loaded machine.
        await using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cs) { CommandTimeout = 0 }.ToString());
        await c.OpenAsync();
        var sw = Stopwatch.StartNew();
        await using (var copie = await c.BeginBinaryImportAsync(
            "COPY \"JeunesSuivis\" (\"Id\", \"PsadId\", \"Ine\", \"Nom\", \"Prenom\", \"NomRecherche\", \"DateNaissance\", \"CodeInsee\", \"Commune\", \"CreeLe\", \"PremiereLivraisonId\", \"DerniereLivraisonId\", " +
            "\"DateSortie\", \"Statut\", \"StatutDepuis\", \"ArriveLe\", \"StructureId\", \"ReferentId\", \"NombreTentatives\", \"DerniereActionLe\", \"Formation\", \"NiveauFormation\", \"RappelDemandeLe\", \"Version\", \"Sexe\", \"EtablissementUai\") FROM STDIN (FORMAT BINARY)"))
        {
            copie.Timeout = TimeSpan.FromMinutes(30);
            for (var id = 1; id <= n; id++)
            {
                var x = r.NextDouble();
                var k = Array.FindIndex(bornes, b => x <= b);
                var p = psads[k < 0 ? psads.Count - 1 : k];
                var tirage = r.Next(poidsStatuts);
                var statut = Statuts.First(s => (tirage -= s.Poids) < 0).Statut;
                var nom = Nom(r);
                var prenom = Prenoms[r.Next(Prenoms.Length)];
                var arrive = maintenant.AddDays(-r.Next(0, 720)).AddMinutes(r.Next(-600, 600));
                var depuis = arrive.AddDays(r.Next(0, Math.Max(1, (int)(maintenant - arrive).TotalDays)));
                var tentatives = statut is StatutDossier.AAttribuer ? 0 : statut is StatutDossier.AContacter ? r.Next(0, 2) : r.Next(1, 6);
                int? structure = statut is StatutDossier.AAttribuer ? null : p.Structures[r.Next(p.Structures.Length)];
                var commune = r.Next(p.Communes.Length);
                var derniere = p.Livraisons[r.Next(p.Livraisons.Length)];
                var premiere = p.Livraisons[Math.Min(p.Livraisons.Length - 1, Array.IndexOf(p.Livraisons, derniere) + r.Next(0, 4))];
                await copie.StartRowAsync();
                await copie.WriteAsync(id, NpgsqlDbType.Integer);
                await copie.WriteAsync(p.Id, NpgsqlDbType.Integer);
                await copie.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"{id:D10}{(char)('A' + (id % 26))}"), NpgsqlDbType.Varchar);
                await copie.WriteAsync(nom, NpgsqlDbType.Varchar);
                await copie.WriteAsync(prenom, NpgsqlDbType.Varchar);
                await copie.WriteAsync(ImportSiei.NomRecherche(nom, null, prenom)!, NpgsqlDbType.Varchar);
                await copie.WriteAsync(aujourdhui.AddYears(-16 - r.Next(0, 9)).AddDays(-r.Next(0, 365)), NpgsqlDbType.Date);
                await copie.WriteAsync($"{k + 1:D2}{commune:D3}", NpgsqlDbType.Varchar);
                await copie.WriteAsync(p.Communes[commune], NpgsqlDbType.Varchar);
                await copie.WriteAsync(arrive, NpgsqlDbType.TimestampTz);
                await copie.WriteAsync(premiere, NpgsqlDbType.Integer);
                await copie.WriteAsync(derniere, NpgsqlDbType.Integer);
                await copie.WriteAsync(aujourdhui.AddDays(-r.Next(30, 700)), NpgsqlDbType.Date);
                await copie.WriteAsync(statut.Code(), NpgsqlDbType.Varchar);
                await copie.WriteAsync(depuis, NpgsqlDbType.TimestampTz);
                await copie.WriteAsync(arrive, NpgsqlDbType.TimestampTz);
                if (structure is { } s)
                {
                    await copie.WriteAsync(s, NpgsqlDbType.Integer);
                }
                else
                {
                    await copie.WriteNullAsync();
                }

                if (structure is not null && r.Next(3) > 0)
                {
                    await copie.WriteAsync($"referent-{structure}-{r.Next(3)}", NpgsqlDbType.Varchar);
                }
                else
                {
                    await copie.WriteNullAsync();
                }

                await copie.WriteAsync(tentatives, NpgsqlDbType.Integer);
                if (tentatives > 0 || structure is not null)
                {
                    await copie.WriteAsync(depuis.AddDays(r.Next(0, 20)), NpgsqlDbType.TimestampTz);
                }
                else
                {
                    await copie.WriteNullAsync();
                }

                await copie.WriteAsync(Formations[r.Next(Formations.Length)], NpgsqlDbType.Varchar);
                await copie.WriteAsync(Niveaux[r.Next(Niveaux.Length)], NpgsqlDbType.Varchar);
                if (r.Next(50) == 0)
                {
                    await copie.WriteAsync(depuis, NpgsqlDbType.TimestampTz);
                }
                else
                {
                    await copie.WriteNullAsync();
                }

                await copie.WriteAsync(0, NpgsqlDbType.Integer);

                // From the id, not from the random source: the lists' figures stay those of the same files as before.
                await copie.WriteAsync(id % 2 == 0 ? "F" : "M", NpgsqlDbType.Varchar);
                await copie.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"{k + 1:D3}{id % 97:D4}{(char)('A' + (id % 23))}"), NpgsqlDbType.Varchar);
                situations.Add((derniere, id));
                if (premiere != derniere)
                {
                    situations.Add((premiere, id));
                }
            }

            await copie.CompleteAsync();
        }

        Console.WriteLine($"COPY of {n:N0} case files: {sw.Elapsed.TotalSeconds:F1} s");
        sw.Restart();
        await using (var copie = await c.BeginBinaryImportAsync("COPY \"SituationsSiei\" (\"LivraisonId\", \"JeuneSuiviId\", \"Ligne\", \"Issue\", \"Contenu\", \"Candidats\") FROM STDIN (FORMAT BINARY)"))
        {
            copie.Timeout = TimeSpan.FromMinutes(30);
            var ligne = 1;
            foreach (var (livraison, jeune) in situations)
            {
                await copie.StartRowAsync();
                await copie.WriteAsync(livraison, NpgsqlDbType.Integer);
                await copie.WriteAsync(jeune, NpgsqlDbType.Integer);
                await copie.WriteAsync(ligne++, NpgsqlDbType.Integer);
                await copie.WriteAsync(IssueSituation.Rapproche.Code(), NpgsqlDbType.Varchar);
                await copie.WriteAsync("{}", NpgsqlDbType.Varchar);
                await copie.WriteAsync(Array.Empty<int>(), NpgsqlDbType.Array | NpgsqlDbType.Integer);
            }

            await copie.CompleteAsync();
        }

        await new NpgsqlCommand("SELECT setval(pg_get_serial_sequence('\"JeunesSuivis\"', 'Id'), (SELECT max(\"Id\") FROM \"JeunesSuivis\"))", c).ExecuteNonQueryAsync();
        // What autovacuum does on a live table after inserts (PostgreSQL 13 and later): statistics, and the visibility map that
        // lets the lists' index answer without visiting the table. Measuring right after a COPY, before it ran, would time a
        // state a server is in only for the minute after a bulk load.
        await new NpgsqlCommand("VACUUM ANALYZE", c) { CommandTimeout = 1200 }.ExecuteNonQueryAsync();
        Console.WriteLine($"COPY of {situations.Count:N0} livraison rows and VACUUM ANALYZE: {sw.Elapsed.TotalSeconds:F1} s");
    }
}
