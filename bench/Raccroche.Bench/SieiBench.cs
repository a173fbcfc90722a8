using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Raccroche.Web.Donnees;
using Raccroche.Web.Features.Decrocheurs;
using Raccroche.Web.Features.Journal;

namespace Raccroche.Bench;

/// <summary>
/// Import of a SIEI list of <c>--n</c> rows (default 100,000) into a PSAD that already follows
/// <c>--connus</c> percent of them (default 20): the dry run, then the import, on a fresh SQLite file
/// and, with <c>--pg</c>, on a fresh PostgreSQL database. Names are syllables, never real people.
/// </summary>
internal static class SieiBench
{
    private static readonly string[] Syllabes = ["val", "mor", "bre", "lin", "cor", "tan", "gui", "rel", "fon", "das", "mi", "ro", "sel", "ven", "bar", "lo"];
    private static readonly string[] Prenoms = ["Alix", "Noa", "Lou", "Sacha", "Eden", "Milo", "Lina", "Ilan", "Nélia", "Timéo", "Inès", "Yanis"];

    public static async Task<int> ExecuterAsync(BancOptions o)
    {
        var n = o.Entier("n", 100_000);
        var connus = o.Entier("connus", 20);
        Mesure.Machine();
        var mois = new DateOnly(2026, 11, 1);
        var tous = Csv(n, mois);
        var anciens = Csv(n * connus / 100, mois);
        Console.WriteLine($"List: {n:N0} rows, {tous.Length / 1024.0 / 1024.0:F1} MB; {connus} % already followed");
        Phases(tous, mois);

        var fichier = Path.Combine(Path.GetTempPath(), $"raccroche-bench-siei-{Guid.NewGuid():N}.db");
        try
        {
            // --sans-sqlite: PostgreSQL alone, so that its peak is not measured in a heap the SQLite runs already grew.
            if (o.Texte("sans-sqlite") is null)
            {
                await MesurerAsync("SQLite", () => new SqliteRaccrocheDbContext(new DbContextOptionsBuilder<SqliteRaccrocheDbContext>().UseSqlite($"Data Source={fichier}").Options), anciens, tous, mois);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { fichier, fichier + "-wal", fichier + "-shm" })
            {
                File.Delete(f);
            }
        }

        if (o.Texte("pg") is { } pg)
        {
            var cs = new NpgsqlConnectionStringBuilder(pg) { Database = "raccroche_bench_siei" }.ToString();
            await using (var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(pg) { Database = "postgres" }.ToString()))
            {
                await c.OpenAsync();
                await new NpgsqlCommand("DROP DATABASE IF EXISTS raccroche_bench_siei WITH (FORCE)", c).ExecuteNonQueryAsync();
                await new NpgsqlCommand("CREATE DATABASE raccroche_bench_siei", c).ExecuteNonQueryAsync();
            }

            await MesurerAsync("PostgreSQL", () => new PostgresRaccrocheDbContext(new DbContextOptionsBuilder<PostgresRaccrocheDbContext>().UseNpgsql(cs).Options), anciens, tous, mois);
        }

        return 0;
    }

    private static async Task MesurerAsync(string nom, Func<RaccrocheDbContext> contexte, byte[] anciens, byte[] tous, DateOnly mois)
    {
        await using (var db = contexte())
        {
            await db.Database.MigrateAsync();
            db.Psads.Add(new Psad { Code = "bench", Nom = "PSAD de mesure", Territoire = ["63"] });
            await db.SaveChangesAsync();
        }

        async Task<(RapportSiei Rapport, long Ms, long PicMo)> Une(byte[] octets, DateOnly m, bool essai)
        {
            GC.Collect();
            RemettrePic();
            await using var db = contexte();
            var import = new ImportSiei(db, new Tracabilite(db, new HttpContextAccessor(), TimeProvider.System), TimeProvider.System);
            var sw = Stopwatch.StartNew();
            var r = await import.ExecuterAsync("bench", m, new MemoryStream(octets), "liste.csv", essai, false, "mesure");
            sw.Stop();
            return (r, sw.ElapsedMilliseconds, Pic() / 1024 / 1024);
        }

        var prealable = await Une(anciens, mois.AddMonths(-1), false);
        Console.WriteLine($"{nom}: previous list imported ({prealable.Rapport.Nouveaux:N0} young people) in {prealable.Ms:N0} ms");
        var essai = await Une(tous, mois, true);
        Console.WriteLine($"{nom}: dry run of {essai.Rapport.Lignes:N0} rows: {essai.Ms:N0} ms ({essai.Rapport.Nouveaux:N0} new, {essai.Rapport.Rapproches:N0} matched, {essai.Rapport.AArbitrer:N0} to arbitrate)");
        var import = await Une(tous, mois, false);
        Console.WriteLine($"{nom}: import of {import.Rapport.Lignes:N0} rows: {import.Ms:N0} ms; process peak working set {import.PicMo:N0} MB ({import.Rapport.Resume()})");
    }

    /// <summary>
    /// The pure stages of the import timed one by one on the whole list (no database): reading the table, the headers,
    /// typing and checking the rows, recognising people among the first 20 % (as if already followed).
    /// </summary>
    private static void Phases(byte[] octets, DateOnly mois)
    {
        var sw = Stopwatch.StartNew();
        var tableau = LecteurTableau.Lire(octets);
        var lecture = sw.ElapsedMilliseconds;
        var entetes = ColonnesSiei.Reconnaitre(tableau.EnTetes);
        var analyse = AnalyseSiei.Analyser(tableau, entetes, mois.AddMonths(1).AddDays(-1));
        var typage = sw.ElapsedMilliseconds - lecture;
        var connus = analyse.Lignes.Take(analyse.Lignes.Count / 5).Select((l, i) => new PersonneConnue(i + 1, l.Ine, l.Nom, l.NomNaissance, l.Prenom, l.DateNaissance, l.LieuNaissance));
        var r = new Rapprochement(connus);
        var issues = 0;
        foreach (var l in analyse.Lignes)
        {
            issues += (int)r.Chercher(l).Issue;
        }

        var rapprochement = sw.ElapsedMilliseconds - lecture - typage;
        var instantanes = 0L;
        foreach (var l in analyse.Lignes)
        {
            instantanes += ImportSiei.Instantane(l).Length;
        }

        var json = sw.ElapsedMilliseconds - lecture - typage - rapprochement;
        Console.WriteLine($"Stages without database: read {lecture:N0} ms, headers + typing {typage:N0} ms, matching {rapprochement:N0} ms, snapshots {json:N0} ms ({instantanes / 1024 / 1024:N0} M chars); peak working set {Pic() / 1024 / 1024:N0} MB");
    }

    /// <summary>The process's peak resident set (VmHWM) since the last <see cref="RemettrePic"/>, so each step has its own peak.</summary>
    private static long Pic()
    {
        foreach (var ligne in File.ReadLines("/proc/self/status"))
        {
            if (ligne.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(ligne[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }

        Process.GetCurrentProcess().Refresh();
        return Process.GetCurrentProcess().PeakWorkingSet64;
    }

    /// <summary>Linux resets VmHWM to the current resident set when "5" is written to clear_refs.</summary>
    private static void RemettrePic()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (IOException)
        {
            // Not Linux, or not allowed: the peak is then the process's since it started.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>The synthetic list as a file, for a run of the app's own <c>import-siei</c> verb (bench/panne-import.sh).</summary>
    public static async Task<int> EcrireCsvAsync(BancOptions o)
    {
        var n = o.Entier("n", 100_000);
        var sortie = o.Requis("out");
        await File.WriteAllBytesAsync(sortie, Csv(n, new DateOnly(2026, 11, 1)));
        Console.WriteLine($"{n:N0} rows written to {sortie}");
        return 0;
    }

    /// <summary>The first rows are the same people whatever <paramref name="n"/>, so a shorter list is a previous livraison.</summary>
    private static byte[] Csv(int n, DateOnly mois)
    {
        var sb = new StringBuilder("INE;Nom;Prénom;Date de naissance;Commune;Code INSEE;Téléphone;Date de sortie;Système de formation\r\n");
        for (var i = 0; i < n; i++)
        {
            var r = new Random(i);
            var nom = char.ToUpperInvariant(Syllabes[r.Next(16)][0]) + Syllabes[r.Next(16)][1..] + Syllabes[r.Next(16)] + Syllabes[r.Next(16)];
            var naissance = mois.AddYears(-17 - r.Next(0, 4)).AddDays(-r.Next(0, 360));
            sb.Append(CultureInfo.InvariantCulture, $"{i:D10}{(char)('A' + (i % 26))};{nom};{Prenoms[r.Next(12)]};{naissance:dd/MM/yyyy};Thiers;63430;06 {r.Next(10, 99)} {r.Next(10, 99)} {r.Next(10, 99)} {r.Next(10, 99)};{mois.AddDays(-r.Next(100, 300)):dd/MM/yyyy};scolaire\r\n");
        }

        return new UTF8Encoding(true).GetBytes(sb.ToString());
    }
}
