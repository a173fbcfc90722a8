using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Raccroche.Web.Commun;
using Raccroche.Web.Donnees;
using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Decrocheurs;
using Raccroche.Web.Features.Observatoire;
using Raccroche.Web.Features.Propositions;
using Raccroche.Web.Features.Resultats;

namespace Raccroche.Bench;

/// <summary>
/// The programmes' outcomes over <c>--n</c> case files (default 1,000,000) on a fresh PostgreSQL database
/// <c>raccroche_bench_resultats</c>: the files of the work lists' bench (<see cref="ListeBench"/>, same seed), then
/// <c>--dispositifs</c> programmes (default 2,000, each local to a PSAD, a tenth regional), entretiens, catalogue solutions
/// and their check-ins at 1, 3, 6 and 12 months, by binary COPY from a fixed seed. It times what the night's job does
/// (<see cref="ResultatsDispositifs.CalculerAsync"/>: the aggregate query and the snapshot's writes), the query alone
/// (<c>--tours</c> times), the masking of every programme's table, and what an instance does to load a snapshot; then
/// prints EXPLAIN (ANALYZE, BUFFERS) of the query.
/// </summary>
internal static class ResultatsBench
{
    private static readonly string[] Niveaux = ["sans-diplome", "sans-diplome", "niveau-3", "niveau-3", "niveau-4", "niveau-5"];

    public static async Task<int> ExecuterAsync(BancOptions o)
    {
        var pg = o.Requis("pg");
        var n = o.Entier("n", 1_000_000);
        var nbPsads = o.Entier("psads", 42);
        var nbDispositifs = o.Entier("dispositifs", 2_000);
        var tours = o.Entier("tours", 5);
        var graine = o.Entier("seed", 42);
        Mesure.Machine();
        var baseDeBanc = new BaseDeBanc(pg, "raccroche_bench_resultats");
        var (cs, options) = (baseDeBanc.Connexion, baseDeBanc.Options);
        var aujourdhui = new DateOnly(2026, 11, 20);

        if (o.Texte("reutiliser") is null)
        {
            var sw = Stopwatch.StartNew();
            await baseDeBanc.RecreerAsync();

            var psads = await ListeBench.PsadsAsync(options, nbPsads, aujourdhui);
            await ListeBench.RemplirAsync(cs, psads, n, graine, aujourdhui);
            var dispositifs = await DispositifsAsync(options, psads, nbDispositifs, aujourdhui);
            await SuivreAsync(cs, psads, dispositifs, graine, aujourdhui);
            Console.WriteLine($"Database raccroche_bench_resultats: {n:N0} case files, {nbDispositifs:N0} programmes, created and filled in {sw.Elapsed.TotalSeconds:F0} s");
        }
        else
        {
            Console.WriteLine("Reusing raccroche_bench_resultats");
        }

        await using (var db = new PostgresRaccrocheDbContext(options))
        {
            Console.WriteLine($"Rows: {await db.JeunesSuivis.CountAsync():N0} case files, {await db.SolutionsSuivi.CountAsync(s => s.DispositifId != null):N0} catalogue solutions, " +
                $"{await db.PointsSuivi.CountAsync():N0} check-ins ({await db.PointsSuivi.CountAsync(p => p.FaitLe != null):N0} done), {await db.EntretiensSituation.CountAsync():N0} entretiens");
        }

        var regles = new ObservatoireOptions().Regles;
        Console.WriteLine($"Before measuring: {Mesure.Charge()}");
        var cpu = Cpu.Instantane();

        // The night's job, as the app runs it (query, bulk insert of the cells, older snapshots deleted, one transaction).
        var calculs = new List<double>();
        CalculResultats? calcul = null;
        for (var i = 0; i < 3; i++)
        {
            await using var db = new PostgresRaccrocheDbContext(options);
            var t0 = Stopwatch.GetTimestamp();
            calcul = await Service(db).CalculerAsync();
            calculs.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
        }

        // The aggregate query alone.
        var requetes = new List<double>();
        List<LigneAgregee> lignes = [];
        for (var i = 0; i < tours; i++)
        {
            await using var db = new PostgresRaccrocheDbContext(options);
            var t0 = Stopwatch.GetTimestamp();
            lignes = await ResultatsDispositifs.AgregerAsync(db);
            requetes.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
        }

        // What an instance does with a snapshot: read its cells, mask every programme's table, build the matcher's figures.
        var chargements = new List<double>();
        var masquages = new List<double>();
        EtatResultats etat = EtatResultats.Vide;
        MaintiensDispositifs maintiens = MaintiensDispositifs.Aucun;
        for (var i = 0; i < 3; i++)
        {
            await using var db = new PostgresRaccrocheDbContext(options);
            var t0 = Stopwatch.GetTimestamp();
            etat = await Service(db).ActuelAsync();
            chargements.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            var cellules = await db.CellulesResultats.AsNoTracking().Where(c => c.CalculId == calcul!.Id).ToListAsync();
            var psads = await db.Psads.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Nom);
            t0 = Stopwatch.GetTimestamp();
            (_, maintiens) = ResultatsDispositifs.Construire(calcul!.Id, calcul.CalculeLe, cellules, psads, regles);
            masquages.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
        }

        Console.WriteLine($"During the run: other processes used {Cpu.Instantane().AutresCoeursDepuis(cpu):F2} cores; after: {Mesure.Charge()}");
        Console.WriteLine();
        var masques = etat.ParDispositif.Values.Sum(t => t.Cellules.Marques.Count(m => m is not null));
        var total = etat.ParDispositif.Values.Sum(t => t.Cellules.Marques.Count);
        Console.WriteLine($"Snapshot: {calcul!.Propositions:N0} (programme, young person) pairs, {calcul.Cellules:N0} cells, {etat.ParDispositif.Count:N0} programme tables " +
            $"({total:N0} published cells, {masques:N0} masked), {maintiens.Cellules:N0} retention profiles for the matcher; aggregate rows {lignes.Count:N0}");
        Console.WriteLine();
        Console.WriteLine("| Step | runs | each (ms) | median ms | target |");
        Console.WriteLine("|---|---:|---|---:|---|");
        void Ligne(string nom, List<double> d, string cible) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {nom} | {d.Count} | {string.Join(" / ", d.Select(x => x.ToString("F0", CultureInfo.InvariantCulture)))} | {Mesure.Mediane(d):F0} | {cible} |"));
        Ligne("night's computation (CalculerAsync: query + writes)", calculs, "≤ 2000 ms");
        Ligne("aggregate query alone (AgregerAsync)", requetes, "");
        Ligne("masking every programme's table (Construire)", masquages, "");
        Ligne("an instance loading the snapshot (ActuelAsync: read + mask)", chargements, "");

        Console.WriteLine();
        Console.WriteLine("EXPLAIN (ANALYZE, BUFFERS) of the aggregate query (jit off, work_mem 64MB, as the app runs it):");
        Console.WriteLine("```");
        await using (var c = new NpgsqlConnection(cs))
        {
            await c.OpenAsync();
            await new NpgsqlCommand("SET jit = off; SET work_mem = '64MB'", c).ExecuteNonQueryAsync(); // as AgregerAsync does
            await using var cmd = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + ResultatsDispositifs.Requete(postgres: true), c) { CommandTimeout = 600 };
            await using var lecteur = await cmd.ExecuteReaderAsync();
            while (await lecteur.ReadAsync())
            {
                Console.WriteLine(lecteur.GetString(0));
            }
        }

        Console.WriteLine("```");
        return 0;
    }

    private static ResultatsDispositifs Service(RaccrocheDbContext db) => new(db, new InstantaneResultats(), new InstantaneMaintiens(),
        Options.Create(new ObservatoireOptions()), Options.Create(new ResultatsOptions()), TimeProvider.System);

    /// <summary>The programmes: each local to one PSAD (a partner structure's), one in ten regional (proposed anywhere).</summary>
    private static async Task<List<(int Id, int? Psad)>> DispositifsAsync(DbContextOptions<PostgresRaccrocheDbContext> options, List<ListeBench.PsadBench> psads, int nombre, DateOnly aujourdhui)
    {
        await using var db = new PostgresRaccrocheDbContext(options);
        var dispositifs = new List<(Dispositif D, int? Psad)>();
        for (var i = 0; i < nombre; i++)
        {
            var p = psads[i % psads.Count];
            int? local = i % 10 == 9 ? null : p.Id;
            var d = new Dispositif
            {
                Slug = $"bench-dispositif-{i}",
                Nom = $"Dispositif de mesure {i}",
                Resume = "Un dispositif du banc de mesure.",
                StructureId = p.Structures[i % p.Structures.Length],
                Entrees = ["se-former"],
                DateMaj = aujourdhui,
            };
            dispositifs.Add((d, local));
            db.Dispositifs.Add(d);
        }

        await db.SaveChangesAsync();
        return [.. dispositifs.Select(x => (x.D.Id, x.Psad))];
    }

    /// <summary>
    /// For each file, from a seeded source: an entretien for 45 % (a second one for a tenth of them); for 80 % of those a
    /// catalogue solution (a second, another programme, for 15 %), a local programme of the file's PSAD or a regional one,
    /// the popular ones more often; 55 % entered, 3 to 40 days after the proposal; check-ins at 1, 3, 6 and 12 months, due
    /// from the entry, done for 85 % of those due (still in it 65 %, another solution 15 %, left without one 12 %,
    /// unreachable 8 %); after a "left without one" the next ones are cancelled.
    /// </summary>
    private static async Task SuivreAsync(string cs, List<ListeBench.PsadBench> psads, List<(int Id, int? Psad)> dispositifs, int graine, DateOnly aujourdhui)
    {
        var r = new Random(graine + 7);
        var regionaux = dispositifs.Where(d => d.Psad is null).Select(d => d.Id).ToArray();
        var locaux = dispositifs.Where(d => d.Psad is not null).GroupBy(d => d.Psad!.Value).ToDictionary(g => g.Key, g => g.Select(d => d.Id).ToArray());
        var maintenant = HeureParis.DebutDuJour(aujourdhui).AddHours(9);
        var sw = Stopwatch.StartNew();
        await using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cs) { CommandTimeout = 0 }.ToString());
        await c.OpenAsync();
        var dossiers = new List<(int Id, int Psad, DateTime Arrive)>();
        await using (var cmd = new NpgsqlCommand("SELECT \"Id\", \"PsadId\", \"ArriveLe\" FROM \"JeunesSuivis\" ORDER BY \"Id\"", c))
        await using (var lecteur = await cmd.ExecuteReaderAsync())
        {
            while (await lecteur.ReadAsync())
            {
                dossiers.Add((lecteur.GetInt32(0), lecteur.GetInt32(1), lecteur.GetDateTime(2)));
            }
        }

        var entretiens = new List<(int Jeune, DateTime Le, string Niveau)>();
        var solutions = new List<(long Id, int Jeune, int Dispositif, DateTime CreeLe, DateOnly? Entree)>();
        var points = new List<(int Jeune, long Solution, int Mois, DateOnly Echeance, DateTime? FaitLe, ConstatSuivi? Constat, DateTime? AnnuleLe)>();
        long idSolution = 0;
        foreach (var (id, psad, arrive) in dossiers)
        {
            if (r.NextDouble() >= 0.45)
            {
                continue;
            }

            var jours = Math.Max(1, (int)(maintenant - arrive).TotalDays);
            var le = arrive.AddDays(r.Next(0, Math.Min(jours, 60)));
            entretiens.Add((id, le, Niveaux[r.Next(Niveaux.Length)]));
            if (r.Next(10) == 0)
            {
                entretiens.Add((id, le.AddDays(r.Next(1, 30)), Niveaux[r.Next(Niveaux.Length)]));
            }

            if (r.NextDouble() >= 0.8)
            {
                continue;
            }

            var nombre = r.NextDouble() < 0.15 ? 2 : 1;
            var deja = -1;
            for (var s = 0; s < nombre; s++)
            {
                var parmi = r.Next(5) == 0 || !locaux.TryGetValue(psad, out var l) ? regionaux : l;
                var dispositif = parmi[r.Next(r.Next(1, parmi.Length + 1))];
                if (dispositif == deja)
                {
                    continue;
                }

                deja = dispositif;
                var cree = le.AddDays(r.Next(1, 30));
                if (cree > maintenant)
                {
                    cree = maintenant;
                }

                DateOnly? entree = r.NextDouble() < 0.55 ? DateOnly.FromDateTime(cree).AddDays(r.Next(3, 40)) : null;
                if (entree > aujourdhui)
                {
                    entree = null;
                }

                solutions.Add((++idSolution, id, dispositif, cree, entree));
                if (entree is not { } e)
                {
                    continue;
                }

                var annule = false;
                foreach (var mois in new[] { 1, 3, 6, 12 })
                {
                    var echeance = e.AddMonths(mois);
                    if (annule)
                    {
                        points.Add((id, idSolution, mois, echeance, null, null, maintenant));
                        continue;
                    }

                    if (echeance > aujourdhui || r.NextDouble() >= 0.85)
                    {
                        points.Add((id, idSolution, mois, echeance, null, null, null));
                        continue;
                    }

                    var x = r.NextDouble();
                    var constat = x < 0.65 ? ConstatSuivi.ToujoursEnSolution : x < 0.80 ? ConstatSuivi.AChange : x < 0.92 ? ConstatSuivi.SortiSansSolution : ConstatSuivi.Injoignable;
                    var fait = HeureParis.DebutDuJour(echeance).AddHours(10).AddDays(r.Next(0, 14));
                    points.Add((id, idSolution, mois, echeance, fait > maintenant ? maintenant : fait, constat, null));
                    annule = constat == ConstatSuivi.SortiSansSolution;
                }
            }
        }

        await using (var copie = await c.BeginBinaryImportAsync("COPY \"EntretiensSituation\" (\"JeuneSuiviId\", \"Date\", \"Mode\", \"JeunePresent\", \"ResponsablePresent\", \"Situation\", \"Niveau\", \"Souhaits\", \"Besoins\", \"Auteur\", \"EnregistreLe\") FROM STDIN (FORMAT BINARY)"))
        {
            copie.Timeout = TimeSpan.FromMinutes(30);
            foreach (var (jeune, le, niveau) in entretiens)
            {
                await copie.StartRowAsync();
                await copie.WriteAsync(jeune, NpgsqlDbType.Integer);
                await copie.WriteAsync(DateOnly.FromDateTime(le), NpgsqlDbType.Date);
                await copie.WriteAsync(ModeEntretien.Presentiel.Code(), NpgsqlDbType.Varchar);
                await copie.WriteAsync(true, NpgsqlDbType.Boolean);
                await copie.WriteAsync(false, NpgsqlDbType.Boolean);
                await copie.WriteAsync(SituationEntretien.SansActivite.Code(), NpgsqlDbType.Varchar);
                await copie.WriteAsync(niveau, NpgsqlDbType.Varchar);
                await copie.WriteAsync(new[] { "se-former" }, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await copie.WriteAsync(Array.Empty<int>(), NpgsqlDbType.Array | NpgsqlDbType.Integer);
                await copie.WriteAsync("banc", NpgsqlDbType.Varchar);
                await copie.WriteAsync(le, NpgsqlDbType.TimestampTz);
            }

            await copie.CompleteAsync();
        }

        await using (var copie = await c.BeginBinaryImportAsync("COPY \"SolutionsSuivi\" (\"Id\", \"JeuneSuiviId\", \"DispositifId\", \"Type\", \"Statut\", \"EntreeLe\", \"CreeLe\", \"StatutDepuis\", \"Auteur\") FROM STDIN (FORMAT BINARY)"))
        {
            copie.Timeout = TimeSpan.FromMinutes(30);
            foreach (var (id, jeune, dispositif, cree, entree) in solutions)
            {
                await copie.StartRowAsync();
                await copie.WriteAsync(id, NpgsqlDbType.Bigint);
                await copie.WriteAsync(jeune, NpgsqlDbType.Integer);
                await copie.WriteAsync(dispositif, NpgsqlDbType.Integer);
                await copie.WriteAsync(TypeSolution.FormationProfessionnelle.Code(), NpgsqlDbType.Varchar);
                await copie.WriteAsync((entree is null ? StatutSolution.Proposee : StatutSolution.Entree).Code(), NpgsqlDbType.Varchar);
                if (entree is { } e)
                {
                    await copie.WriteAsync(e, NpgsqlDbType.Date);
                }
                else
                {
                    await copie.WriteNullAsync();
                }

                await copie.WriteAsync(cree, NpgsqlDbType.TimestampTz);
                await copie.WriteAsync(cree, NpgsqlDbType.TimestampTz);
                await copie.WriteAsync("banc", NpgsqlDbType.Varchar);
            }

            await copie.CompleteAsync();
        }

        await using (var copie = await c.BeginBinaryImportAsync("COPY \"PointsSuivi\" (\"JeuneSuiviId\", \"SolutionId\", \"Mois\", \"Echeance\", \"FaitLe\", \"Constat\", \"ParJeune\", \"Auteur\", \"AnnuleLe\") FROM STDIN (FORMAT BINARY)"))
        {
            copie.Timeout = TimeSpan.FromMinutes(30);
            foreach (var (jeune, solution, mois, echeance, fait, constat, annule) in points)
            {
                await copie.StartRowAsync();
                await copie.WriteAsync(jeune, NpgsqlDbType.Integer);
                await copie.WriteAsync(solution, NpgsqlDbType.Bigint);
                await copie.WriteAsync(mois, NpgsqlDbType.Integer);
                await copie.WriteAsync(echeance, NpgsqlDbType.Date);
                await (fait is { } f ? copie.WriteAsync(f, NpgsqlDbType.TimestampTz) : copie.WriteNullAsync());
                await (constat is { } k ? copie.WriteAsync(k.Code(), NpgsqlDbType.Varchar) : copie.WriteNullAsync());
                await copie.WriteAsync(false, NpgsqlDbType.Boolean);
                await (fait is null ? copie.WriteNullAsync() : copie.WriteAsync("banc", NpgsqlDbType.Varchar));
                await (annule is { } a ? copie.WriteAsync(a, NpgsqlDbType.TimestampTz) : copie.WriteNullAsync());
            }

            await copie.CompleteAsync();
        }

        await new NpgsqlCommand("SELECT setval(pg_get_serial_sequence('\"SolutionsSuivi\"', 'Id'), (SELECT max(\"Id\") FROM \"SolutionsSuivi\"))", c).ExecuteNonQueryAsync();
        await new NpgsqlCommand("VACUUM ANALYZE", c) { CommandTimeout = 1200 }.ExecuteNonQueryAsync();
        Console.WriteLine($"COPY of {entretiens.Count:N0} entretiens, {solutions.Count:N0} solutions and {points.Count:N0} check-ins, VACUUM ANALYZE: {sw.Elapsed.TotalSeconds:F1} s");
    }
}
