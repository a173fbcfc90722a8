using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;

namespace Raccroche.Bench;

/// <summary>
/// A load run against a running deployment (deploy/local): <c>--connexions</c> clients, each its own connection, cookie
/// jar and client address (X-Forwarded-For, believed from the local nginx), for <c>--duree</c> seconds of mixed
/// traffic: searches, programme sheets, diagnostic pages and results, and contact requests (the young person's form,
/// read then posted). Every acknowledged write (a 302 to the thank-you page with its reference) is looked up in the
/// database afterwards: a reference missing there is a lost write. Prints, per kind, the count, the errors and
/// p50/p95/p99, a timeline of errors per second (the faults injected meanwhile show there), and writes the same as
/// JSON with <c>--rapport</c>.
/// </summary>
internal static partial class Charge
{
    private const string Reponses = "age=17&situation=sorti-sans-diplome&depuis=3-6-mois&classe=lycee&code_commune=63113&souhait=metier-paye&besoins=aucun&rayon_km=";
    private static readonly string[] Mots = ["mission locale", "apprentissage", "service civique", "e2c", "epide", "garantie jeunes", "formation", "remobilisation", "numérique", "cuisine", "logistique", "santé"];
    private static readonly string[] Communes = ["63113", "63430", "69123", "03185", "15014", "43157", "42218", "38185"];

    private sealed record Echantillon(string Genre, double Ms, bool Erreur, long Seconde, string? Detail);

    public static async Task<int> ExecuterAsync(BancOptions o)
    {
        var url = new Uri(o.Requis("url"));
        var connexions = o.Entier("connexions", 200);
        var duree = TimeSpan.FromSeconds(o.Entier("duree", 60));
        var pg = o.Texte("pg");
        var rapport = o.Texte("rapport");
        var graine = o.Entier("seed", 42);

        // The sheets to read: the API's first pages.
        using var amorce = Client(url, "198.18.255.254");
        var fiches = new List<string>();
        for (var page = 1; page <= 5; page++)
        {
            using var doc = JsonDocument.Parse(await amorce.GetStringAsync($"/api/v1/dispositifs?page={page}&taille=100"));
            var items = doc.RootElement.GetProperty("items");
            fiches.AddRange(items.EnumerateArray().Select(e => e.GetProperty("url").GetString()!));
        }

        Console.WriteLine($"load: {connexions} clients, {duree.TotalSeconds:0} s, {fiches.Count} sheets, against {url}");
        var mesures = new ConcurrentBag<Echantillon>();
        var acquittees = new ConcurrentBag<string>();
        var debut = Stopwatch.StartNew();
        using var fin = new CancellationTokenSource(duree);
        var clients = Enumerable.Range(0, connexions).Select(i => Task.Run(async () =>
        {
            var hasard = new Random(graine + i);
            using var http = Client(url, $"198.18.{i / 250}.{(i % 250) + 1}");
            while (!fin.IsCancellationRequested)
            {
                var tirage = hasard.Next(100);
                var (genre, action) = tirage switch
                {
                    < 35 => ("recherche", (Func<Task<string?>>)(() => Lire(http, $"/recherche?q={Uri.EscapeDataString(Mots[hasard.Next(Mots.Length)])}&commune={Communes[hasard.Next(Communes.Length)]}"))),
                    < 60 => ("fiche", () => Lire(http, fiches[hasard.Next(fiches.Count)])),
                    < 85 => ("diagnostic", () => Lire(http, hasard.Next(2) == 0 ? "/diagnostic" : $"/diagnostic/resultats?{Reponses}")),
                    _ => ("demande", () => DemanderAsync(http, acquittees, hasard)),
                };
                var t0 = debut.Elapsed;
                string? erreur;
                try
                {
                    erreur = await action();
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    erreur = e.GetType().Name;
                }

                if (fin.IsCancellationRequested && erreur == nameof(TaskCanceledException))
                {
                    break;
                }

                mesures.Add(new Echantillon(genre, (debut.Elapsed - t0).TotalMilliseconds, erreur is not null, (long)t0.TotalSeconds, erreur));
            }
        })).ToArray();
        await Task.WhenAll(clients);
        var ecoule = debut.Elapsed.TotalSeconds;

        // Every acknowledged write must be in the database.
        long trouvees = -1;
        if (pg is not null)
        {
            await using var conn = new NpgsqlConnection(pg);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT count(*) FROM \"DemandesContact\" WHERE \"Reference\" = ANY(@r)", conn);
            cmd.Parameters.AddWithValue("r", acquittees.Distinct().ToArray());
            trouvees = (long)(await cmd.ExecuteScalarAsync())!;
        }

        var toutes = mesures.ToList();
        var parGenre = toutes.GroupBy(m => m.Genre).OrderBy(g => g.Key).Select(g => new
        {
            genre = g.Key,
            requetes = g.Count(),
            erreurs = g.Count(m => m.Erreur),
            p50 = Rang(g, 0.50),
            p95 = Rang(g, 0.95),
            p99 = Rang(g, 0.99),
        }).ToList();
        var chronologie = toutes.Where(m => m.Erreur).GroupBy(m => m.Seconde).OrderBy(g => g.Key)
            .Select(g => new { seconde = g.Key, erreurs = g.Count(), causes = g.GroupBy(m => m.Detail).ToDictionary(c => c.Key ?? "?", c => c.Count()) }).ToList();
        var resume = new
        {
            url = url.ToString(),
            connexions,
            secondes = Math.Round(ecoule, 1),
            requetes = toutes.Count,
            parSeconde = Math.Round(toutes.Count / ecoule, 1),
            erreurs = toutes.Count(m => m.Erreur),
            p99 = Rang(toutes, 0.99),
            ecrituresAcquittees = acquittees.Distinct().Count(),
            ecrituresTrouvees = trouvees,
            ecrituresPerdues = trouvees < 0 ? -1 : acquittees.Distinct().Count() - trouvees,
            parGenre,
            chronologie,
        };

        Console.WriteLine($"{resume.requetes} requests in {resume.secondes} s ({resume.parSeconde}/s), {resume.erreurs} errors, p99 {resume.p99} ms");
        foreach (var g in parGenre)
        {
            Console.WriteLine($"  {g.genre,-11} {g.requetes,7} req  {g.erreurs,5} err  p50 {g.p50,7} ms  p95 {g.p95,7} ms  p99 {g.p99,7} ms");
        }

        Console.WriteLine($"writes: {resume.ecrituresAcquittees} acknowledged, {(trouvees < 0 ? "not checked (no --pg)" : $"{trouvees} in the database, {resume.ecrituresPerdues} lost")}");
        foreach (var s in chronologie)
        {
            Console.WriteLine($"  t={s.seconde,3}s  {s.erreurs,5} errors  {string.Join(", ", s.causes.Select(c => $"{c.Key}: {c.Value}"))}");
        }

        if (rapport is not null)
        {
            await File.WriteAllTextAsync(rapport, JsonSerializer.Serialize(resume, new JsonSerializerOptions { WriteIndented = true }));
        }

        return resume.erreurs == 0 && resume.ecrituresPerdues <= 0 ? 0 : 1;
    }

    private static HttpClient Client(Uri url, string adresse)
    {
        var gestion = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 1,
            AllowAutoRedirect = false,
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            AutomaticDecompression = DecompressionMethods.All,
            SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true }, // the local topology's self-signed certificate
        };
        var http = new HttpClient(gestion) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Forwarded-For", adresse);
        return http;
    }

    /// <summary>Null when the page answered 200, else what went wrong.</summary>
    private static async Task<string?> Lire(HttpClient http, string chemin)
    {
        using var r = await http.GetAsync(chemin);
        await r.Content.LoadIntoBufferAsync();
        return r.StatusCode == HttpStatusCode.OK ? null : $"{(int)r.StatusCode} GET";
    }

    /// <summary>The contact form as a young person fills it: read (token and hidden answers), then posted.</summary>
    private static async Task<string?> DemanderAsync(HttpClient http, ConcurrentBag<string> acquittees, Random hasard)
    {
        var page = await http.GetAsync($"/diagnostic/recontact?{Reponses}");
        var html = await page.Content.ReadAsStringAsync();
        if (page.StatusCode != HttpStatusCode.OK)
        {
            return $"{(int)page.StatusCode} GET form";
        }

        var champs = Caches().Matches(html).Select(m => KeyValuePair.Create(WebUtility.HtmlDecode(m.Groups["n"].Value), WebUtility.HtmlDecode(m.Groups["v"].Value))).ToList();
        var prenom = "Charge" + new string([.. Enumerable.Range(0, 8).Select(_ => (char)('a' + hasard.Next(26)))]);
        champs.AddRange([new("Saisie.Prenom", prenom), new("Saisie.Telephone", $"06 {hasard.Next(10, 99)} {hasard.Next(10, 99)} {hasard.Next(10, 99)} {hasard.Next(10, 99)}"), new("Saisie.Creneau", "matin"), new("Saisie.Consentement", "true")]);
        using var r = await http.PostAsync("/diagnostic/recontact", new FormUrlEncodedContent(champs));
        var reference = r.Headers.Location is { } l ? Reference().Match(l.OriginalString) : null;
        if (r.StatusCode != HttpStatusCode.Redirect || reference is not { Success: true })
        {
            return $"{(int)r.StatusCode} POST";
        }

        acquittees.Add(reference.Groups[1].Value);
        return null;
    }

    private static double Rang(IEnumerable<Echantillon> mesures, double q)
    {
        var tri = mesures.Select(m => m.Ms).Order().ToArray();
        return tri.Length == 0 ? 0 : Math.Round(tri[Math.Min(tri.Length - 1, (int)Math.Ceiling(q * tri.Length) - 1)], 1);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<n>[^\"]+)\" value=\"(?<v>[^\"]*)\"|<input name=\"(?<n>__RequestVerificationToken)\" type=\"hidden\" value=\"(?<v>[^\"]*)\"")]
    private static partial Regex Caches();

    [GeneratedRegex("reference=([A-Z0-9-]+)")]
    private static partial Regex Reference();
}
