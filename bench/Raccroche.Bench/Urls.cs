using System.Text;

namespace Raccroche.Bench;

/// <summary>Writes the (b) parameter sets as API paths, one a line, for bench/wrk/varied.lua.</summary>
internal static class Urls
{
    public static async Task<int> ExecuterAsync(BancOptions o)
    {
        var fichier = o.Requis("db");
        var sortie = o.Requis("out");
        var n = o.Entier("n", 2000);
        var seed = o.Entier("seed", 7);
        await using var db = Catalogue.Contexte(fichier);
        var communes = await Catalogue.CommunesAsync(db);
        var jeux = JeuRequete.Tirer(n, seed, communes);
        await File.WriteAllLinesAsync(sortie, jeux.Select(j => j.CheminApi()), new UTF8Encoding(false));
        Console.WriteLine($"{jeux.Count} paths written to {sortie}; first: {jeux[0].CheminApi()}");
        return 0;
    }
}
