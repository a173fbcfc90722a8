using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Communes;
using Raccroche.Web.Features.Diagnostic;
using Raccroche.Web.Features.Propositions;
using ProfilJeune = Raccroche.Web.Features.Propositions.Profil;

namespace Raccroche.Bench;

/// <summary>
/// The orientation matcher on the synthetic national catalogue: one <see cref="Appariement.Orienter"/>
/// call per young person's profile (programmes, reasons and competent entry points), plus the
/// mapping to the API's response, which is all the work POST /api/v1/orientation does for a
/// profile once the body is read.
/// </summary>
internal static class MatchBench
{
    public const double CibleP99Ms = 10;

    public static async Task<int> ExecuterAsync(BancOptions o)
    {
        var fichier = o.Requis("db");
        var n = o.Entier("n", 2000);
        var seed = o.Entier("seed", 11);
        Mesure.Machine();

        // Loaded and built exactly as InstantaneCatalogue does.
        var sw = Stopwatch.StartNew();
        var (communes, dispositifs, structures) = await Catalogue.ToutAsync(fichier);

        Console.WriteLine($"Read {communes.Count:N0} communes, {dispositifs.Count:N0} programmes, {structures.Count:N0} structures in {sw.ElapsedMilliseconds} ms");
        sw.Restart();
        var communesAnnuaire = new RepertoireCommunes(communes);
        var index = CatalogueIndex.Construire(dispositifs, communesAnnuaire, 1);
        var annuaire = new RepertoireStructures(structures, communesAnnuaire);
        Console.WriteLine($"Index and directory built in {sw.ElapsedMilliseconds} ms");
        dispositifs = [];
        structures = [];
        Mesure.MemoireGeree();

        var profils = TirerProfils(n, seed, communes);
        var echauffement = TirerProfils(Math.Max(500, n / 4), seed + 1000, communes);
        Console.WriteLine();
        Console.WriteLine(Decrire(profils));
        Console.WriteLine(Selectivite(profils, index));

        // Warm-up on other profiles, a pause for tiered compilation, then a second short pass.
        foreach (var p in echauffement)
        {
            Orienter(p, index, annuaire);
        }

        Thread.Sleep(200);
        foreach (var p in echauffement.Take(100))
        {
            Orienter(p, index, annuaire);
        }

        Console.WriteLine();
        Console.WriteLine($"Timing — {Mesure.Charge()}");
        var series = new List<Serie>
        {
            Mesure.Chronometrer("orientation: Appariement.Orienter + response DTO (one profile)", profils, p => Orienter(p, index, annuaire)),
            Mesure.Chronometrer("  of which the competent entry points (Appariement.PointsEntree)", profils, p => Appariement.PointsEntree(p, annuaire).Count),
        };

        Console.WriteLine();
        Console.WriteLine(Serie.EnTete);
        foreach (var s in series)
        {
            Console.WriteLine(s.Ligne());
        }

        var orientation = series[0];
        Console.WriteLine();
        Console.WriteLine("The 10 slowest profiles:");
        foreach (var i in Enumerable.Range(0, orientation.DureesMs.Length).OrderByDescending(i => orientation.DureesMs[i]).Take(10))
        {
            Console.WriteLine($"  {orientation.DureesMs[i],7:F3} ms  {Resumer(profils[i])} — {orientation.Totaux[i]} proposals");
        }

        if (o.Texte("empreintes") is { } sortie)
        {
            // One line per profile with everything the matcher returned, to check that a change of
            // the matcher keeps its results identical (diff two files).
            await File.WriteAllLinesAsync(sortie, profils.Select(p => Empreinte(Appariement.Orienter(p, index, annuaire))), new UTF8Encoding(false));
            Console.WriteLine($"Results of the {profils.Count} profiles written to {sortie}");
        }

        Console.WriteLine();
        Console.WriteLine($"Target p99 ≤ {CibleP99Ms} ms: measured {orientation.P(0.99):F3} ms → {(orientation.P(0.99) <= CibleP99Ms ? "MET" : "MISSED")}");
        Console.WriteLine($"After measuring: {Mesure.Charge()}");
        GC.KeepAlive(index);
        return 0;
    }

    /// <summary>The same profiles as results-page paths, one a line (the "page-urls" verb, for the page-weight step of bench/run.sh).</summary>
    public static async Task<int> EcrireUrlsAsync(BancOptions o)
    {
        var fichier = o.Requis("db");
        var sortie = o.Requis("out");
        await using var db = Catalogue.Contexte(fichier);
        var profils = TirerProfils(o.Entier("n", 2000), o.Entier("seed", 11), await Catalogue.CommunesAsync(db));
        await File.WriteAllLinesAsync(sortie, profils.Select(CheminResultats), new UTF8Encoding(false));
        Console.WriteLine($"{profils.Count} results-page paths written to {sortie}; first: {CheminResultats(profils[0])}");
        return 0;
    }

    private static int Orienter(ProfilJeune p, CatalogueIndex index, RepertoireStructures annuaire)
    {
        var r = Appariement.Orienter(p, index, annuaire);
        return ReponseOrientation.De(r).Groupes.Sum(g => g.Propositions.Count);
    }

    /// <summary>
    /// Profiles as the diagnostic and the API produce them: age 15–29 (mostly 16–25), every
    /// situation and level (now and then unknown, as from a chatbot), every wish, 0–3 needs,
    /// every travel distance of the questionnaire, the commune drawn by population.
    /// </summary>
    public static List<ProfilJeune> TirerProfils(int n, int seed, IReadOnlyList<Commune> communes)
    {
        var rng = new Random(seed);
        var parPopulation = new Tirage<Commune>(communes, c => Math.Max(c.Population ?? 0, 50));
        var situations = ChoixDiagnostic.SituationsJeune.Termes.Select(t => t.Valeur).ToArray();
        var souhaits = ChoixDiagnostic.Souhaits.Termes.Select(t => t.Valeur).ToArray();
        var besoins = ChoixDiagnostic.Besoins.Termes.Select(t => t.Valeur).ToArray();
        double?[] rayons = [5, 10, 20, 30, 50, null];
        var profils = new List<ProfilJeune>(n);
        for (var i = 0; i < n; i++)
        {
            var age = rng.NextDouble() switch
            {
                < 0.85 => rng.Next(16, 26),
                < 0.90 => 15,
                _ => rng.Next(26, 30),
            };
            string? situation = rng.NextDouble() < 0.1 ? null : situations[rng.Next(situations.Length)];
            var niveau = rng.NextDouble() switch
            {
                < 0.05 => null,
                < 0.50 => "sans-diplome",
                < 0.72 => "niveau-3",
                < 0.88 => "niveau-4",
                < 0.97 => "niveau-5",
                _ => "niveau-6",
            };
            string? souhait = rng.NextDouble() < 0.1 ? null : souhaits[rng.Next(souhaits.Length)];
            var nombreBesoins = rng.NextDouble() switch
            {
                < 0.4 => 0,
                < 0.7 => 1,
                < 0.9 => 2,
                _ => 3,
            };
            var choisis = besoins.OrderBy(_ => rng.Next()).Take(nombreBesoins).ToList();
            profils.Add(new ProfilJeune
            {
                Age = age,
                Commune = parPopulation.Tirer(rng),
                Situation = situation,
                Niveau = niveau,
                Souhait = souhait,
                Besoins = choisis,
                RayonKm = rayons[rng.Next(rayons.Length)],
            });
        }

        return profils;
    }

    private static string Decrire(List<ProfilJeune> profils)
    {
        static string Parts<T>(IEnumerable<T> valeurs, int total) => string.Join(", ", valeurs
            .GroupBy(v => v?.ToString() ?? "unknown").OrderByDescending(g => g.Count())
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {g.Count() * 100.0 / total:F0} %")));

        var n = profils.Count;
        return $"{n} profiles (fixed seed): ages {Parts(profils.Select(p => p.Age switch { 15 => "15", <= 25 => "16-25", _ => "26-29" }), n)}; " +
            $"situations {Parts(profils.Select(p => p.Situation), n)}; levels {Parts(profils.Select(p => p.Niveau), n)}; " +
            $"wishes {Parts(profils.Select(p => p.Souhait), n)}; needs {Parts(profils.Select(p => p.Besoins.Count), n)}; " +
            $"radius km {Parts(profils.Select(p => p.RayonKm), n)}; {profils.Select(p => p.Commune.CodeInsee).Distinct().Count()} different communes.";
    }

    /// <summary>
    /// The profile as the diagnostic's results URL (the questionnaire asks the last class, not the
    /// level: each level maps to a class that gives it back; <c>depuis</c> does not change the matching).
    /// </summary>
    public static string CheminResultats(ProfilJeune p)
    {
        var classe = p.Niveau switch
        {
            "niveau-3" => "cap-bep",
            "niveau-4" => "bac",
            "niveau-5" or "niveau-6" => "bac-plus",
            "sans-diplome" => "lycee",
            _ => null,
        };
        var parametres = new List<KeyValuePair<string, string?>> { new("age", p.Age.ToString(CultureInfo.InvariantCulture)) };
        if (p.Situation is not null)
        {
            parametres.Add(new("situation", p.Situation));
            parametres.Add(new("depuis", "3-6-mois"));
        }

        if (classe is not null)
        {
            parametres.Add(new("classe", classe));
        }

        parametres.Add(new("code_commune", p.Commune.CodeInsee));
        if (p.Souhait is not null)
        {
            parametres.Add(new("souhait", p.Souhait));
        }

        parametres.AddRange(p.Besoins.Count == 0 ? [new("besoins", "aucun")] : p.Besoins.Select(b => new KeyValuePair<string, string?>("besoins", b)));
        parametres.Add(new("rayon_km", p.RayonKm is { } r ? r.ToString(CultureInfo.InvariantCulture) : ""));
        return "/diagnostic/resultats" + Microsoft.AspNetCore.Http.QueryString.Create(parametres);
    }

    /// <summary>How many programmes each profile's commune brings (zone lists) and how many pass every hard rule.</summary>
    private static string Selectivite(List<ProfilJeune> profils, CatalogueIndex index)
    {
        var zone = new double[profils.Count];
        var eligibles = new double[profils.Count];
        for (var i = 0; i < profils.Count; i++)
        {
            var p = profils[i];
            HashSet<string> situations = [.. p.Besoins.Select(ChoixDiagnostic.SituationDuBesoin).Append(p.Situation).OfType<string>()];
            foreach (var position in index.ListesDeZonePour(p.Commune).SelectMany(l => l))
            {
                zone[i]++;
                if (Appariement.Eligible(index.Documents[position], p, situations, out _, out _))
                {
                    eligibles[i]++;
                }
            }
        }

        return $"Per profile, the zone of {zone.Average():F0} programmes covers the commune (median {Mesure.Mediane(zone):F0}, max {zone.Max():F0}); " +
            $"{eligibles.Average():F0} pass every hard rule (median {Mesure.Mediane(eligibles):F0}, max {eligibles.Max():F0}, {eligibles.Count(e => e < Appariement.MaxPropositions)} profiles with fewer than {Appariement.MaxPropositions}).";
    }

    private static string Resumer(ProfilJeune p) =>
        $"{p.Age} y, {p.Commune.Nom} ({p.Commune.CodeInsee}), {p.Situation ?? "-"}, {p.Niveau ?? "-"}, {p.Souhait ?? "-"}, " +
        $"[{string.Join(' ', p.Besoins)}], {(p.RayonKm is { } r ? $"{r} km" : "any distance")}";

    private static string Empreinte(ResultatAppariement r)
    {
        var sb = new StringBuilder();
        foreach (var g in r.Groupes)
        {
            sb.Append(g.Entree).Append(" {");
            foreach (var p in g.Propositions)
            {
                sb.Append(CultureInfo.InvariantCulture, $" {p.Dispositif.Id}/{p.Entree}/{p.Score:R}/{p.DistanceKm:R}/{p.Lieu?.Id}/{string.Join('|', p.Raisons)};");
            }

            sb.Append(" } ");
        }

        foreach (var pe in r.PointsEntree)
        {
            sb.Append(CultureInfo.InvariantCulture, $"[{pe.Structure.Id}/{pe.DistanceKm:R}/{pe.Lieu?.Id}/{pe.Raison}] ");
        }

        return sb.ToString();
    }
}
