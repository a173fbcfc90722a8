using System.Globalization;
using Raccroche.Bench;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

const string Usage = """
    Raccroche.Bench — benchmarks of the catalogue search and the orientation matcher (docs/benchmarks.md)

      generate --out FILE.db [--seed 42]
          Synthetic national catalogue (50,000 programmes, 20,000 structures, 60,000 places) in a
          SQLite database created with the app's migrations.
      search --db FILE.db [--n 2000] [--builds 5] [--seed 7] [--familles a,b,c,d,e]
          In-process index: build time, memory, latency of (a) text, (b) text + commune + 30 km +
          age + level, (c) filters only, (d) empty query, (e) the hot wrk query repeated.
      postgres --db FILE.db --pg "Host=127.0.0.1;Port=5432;Username=raccroche;Password=raccroche" [--n 1000] [--seed 7] [--reutiliser]
          Copies the catalogue into a fresh database raccroche_bench, adds a French tsvector + GIN
          index, runs query (b) in SQL and in process on the same parameter sets; prints the ratio.
          --reutiliser keeps the raccroche_bench database of a previous run instead of copying again.
      urls --db FILE.db --out FILE.txt [--n 2000] [--seed 7]
          The (b) parameter sets as API paths, one a line, for bench/wrk/varied.lua.
      match --db FILE.db [--n 2000] [--seed 11] [--empreintes FILE.txt]
          The orientation matcher: one Appariement.Orienter call (programmes, reasons, competent entry
          points) per young person's profile; --empreintes writes every result, to diff two versions.
      page-urls --db FILE.db --out FILE.txt [--n 2000] [--seed 11]
          The same profiles as /diagnostic/resultats paths, one a line (results-page weight).
      siei [--n 100000] [--connus 20] [--pg "Host=127.0.0.1;Port=5432;Username=raccroche;Password=raccroche"] [--sans-sqlite]
          A SIEI list of n rows into a PSAD that already follows --connus % of them: dry run, then
          import, on a fresh SQLite file (and a fresh PostgreSQL database raccroche_bench_siei).
          --sans-sqlite measures PostgreSQL alone (its peak memory then owes nothing to the SQLite runs).
      siei-csv --out FILE.csv [--n 100000]
          The same synthetic SIEI list as a CSV file, for the app's import-siei verb (bench/panne-import.sh).
      suivi-liste --pg "Host=127.0.0.1;Port=5432;Username=raccroche;Password=raccroche" [--n 1000000] [--psads 42] [--requetes 200] [--seed 42] [--reutiliser] [--tours 1]
          The follow-up's work lists (référent and coordinator, varied filters + sort, first 50 rows) and the
          coordinator's counts over n case files in a fresh database raccroche_bench_liste (binary COPY);
          p50/p95/p99 and EXPLAIN ANALYZE of the slowest. --reutiliser keeps the database of a previous run.
      resultats --pg "Host=127.0.0.1;Port=5432;Username=raccroche;Password=raccroche" [--n 1000000] [--psads 42] [--dispositifs 2000] [--tours 5] [--seed 42] [--reutiliser]
          The programmes' outcomes over n case files (those of suivi-liste) with entretiens, catalogue solutions and
          check-ins in a fresh database raccroche_bench_resultats (binary COPY): the night's computation (query and
          snapshot writes), the query alone, the masking of every programme's table, an instance's load; EXPLAIN ANALYZE.
      charge --url https://127.0.0.1:8443 [--connexions 200] [--duree 60] [--pg CONNECTION] [--rapport FILE.json] [--seed 42]
          Mixed traffic against a running deployment (deploy/local): searches, sheets, diagnostic, contact requests;
          errors and p50/p95/p99 per kind, errors per second, every acknowledged write looked up in --pg's database.
      profile --db FILE.db [--famille a|b|c|d] [--secondes 20]
          One family in a loop (attach perf to the printed PID) and the types its queries allocate.
    """;

if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine(Usage);
    return args.Length == 0 ? 2 : 0;
}

try
{
    var options = new BancOptions(args.Skip(1));
    return args[0] switch
    {
        "generate" => await Generateur.ExecuterAsync(options),
        "search" => await RechercheBench.ExecuterAsync(options),
        "postgres" => await PostgresBench.ExecuterAsync(options),
        "urls" => await Urls.ExecuterAsync(options),
        "match" => await MatchBench.ExecuterAsync(options),
        "page-urls" => await MatchBench.EcrireUrlsAsync(options),
        "profile" => await ProfilCpu.ExecuterAsync(options),
        "siei" => await SieiBench.ExecuterAsync(options),
        "siei-csv" => await SieiBench.EcrireCsvAsync(options),
        "suivi-liste" => await ListeBench.ExecuterAsync(options),
        "resultats" => await ResultatsBench.ExecuterAsync(options),
        "charge" => await Charge.ExecuterAsync(options),
        _ => Inconnu(args[0]),
    };
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(Usage);
    return 2;
}

static int Inconnu(string verbe)
{
    Console.Error.WriteLine($"Unknown verb: {verbe}");
    Console.Error.WriteLine(Usage);
    return 2;
}
