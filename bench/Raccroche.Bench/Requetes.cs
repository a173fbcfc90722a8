using Microsoft.EntityFrameworkCore;
using Raccroche.Web.Donnees;
using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Communes;

namespace Raccroche.Bench;

/// <summary>
/// One parameter set, drawn from a fixed seed: what a professional types (one or two words, now and
/// then a prefix or a typo), the young person's commune (drawn by population), age and level.
/// Each query family uses part of it: (a) text, (b) everything with 30 km, (c) everything but text.
/// </summary>
internal sealed record JeuRequete(string Texte, Commune Commune, int Age, string Niveau)
{
    public const double RayonKm = 30;

    public RequeteRecherche TexteSeul() => new() { Texte = Texte };

    public RequeteRecherche Complete() => new() { Texte = Texte, Commune = Commune, RayonKm = RayonKm, Age = Age, Niveau = Niveau };

    public RequeteRecherche FiltresSeuls() => new() { Commune = Commune, RayonKm = RayonKm, Age = Age, Niveau = Niveau };

    public string CheminApi() =>
        $"/api/v1/dispositifs?q={Uri.EscapeDataString(Texte)}&code_commune={Commune.CodeInsee}&rayon_km={RayonKm:0}&age={Age}&niveau={Niveau}";

    private static readonly string[] Prefixes = ["formation", "chantier", "apprentissage", "insertion", "emploi", "atelier", "CAP", "prépa", "stage"];

    private static string DeuxMots(Random rng)
    {
        var premier = Prefixes[rng.Next(Prefixes.Length)];
        string second;
        do
        {
            second = Lexique.MotsRecherche[rng.Next(Lexique.MotsRecherche.Length)];
        }
        while (string.Equals(second, premier, StringComparison.OrdinalIgnoreCase));

        return $"{premier} {second}";
    }

    public static List<JeuRequete> Tirer(int n, int seed, IReadOnlyList<Commune> communes)
    {
        var rng = new Random(seed);
        var parPopulation = new Tirage<Commune>(communes, c => Math.Max(c.Population ?? 0, 50));
        var jeux = new List<JeuRequete>(n);
        for (var i = 0; i < n; i++)
        {
            var r = rng.NextDouble();
            var texte = r switch
            {
                < 0.55 => Lexique.MotsRecherche[rng.Next(Lexique.MotsRecherche.Length)],
                < 0.85 => DeuxMots(rng),
                _ => Lexique.MotsRechercheFautes[rng.Next(Lexique.MotsRechercheFautes.Length)],
            };
            var age = rng.NextDouble() < 0.9 ? rng.Next(16, 26) : rng.Next(26, 30);
            var niveau = rng.NextDouble() switch
            {
                < 0.5 => "sans-diplome",
                < 0.75 => "niveau-3",
                < 0.9 => "niveau-4",
                _ => "niveau-5",
            };
            jeux.Add(new JeuRequete(texte, parPopulation.Tirer(rng), age, niveau));
        }

        return jeux;
    }
}

/// <summary>The catalogue read back from a generated SQLite file, the way <see cref="InstantaneCatalogue"/> reads it.</summary>
internal sealed class Catalogue
{
    public required List<Commune> Communes { get; init; }
    public required RepertoireCommunes Annuaire { get; init; }
    public required List<Dispositif> Dispositifs { get; set; }

    public static SqliteRaccrocheDbContext Contexte(string fichier)
    {
        if (!File.Exists(fichier))
        {
            throw new ArgumentException($"No database at {fichier} (run \"generate --out {fichier}\" first).");
        }

        return new SqliteRaccrocheDbContext(new DbContextOptionsBuilder<SqliteRaccrocheDbContext>()
            .UseSqlite($"Data Source={Path.GetFullPath(fichier)};Mode=ReadOnly;Pooling=False").Options);
    }

    public static async Task<List<Commune>> CommunesAsync(SqliteRaccrocheDbContext db) =>
        await db.Communes.AsNoTracking().ToListAsync();

    public static async Task<List<Dispositif>> DispositifsAsync(SqliteRaccrocheDbContext db) =>
        await db.Dispositifs.AsNoTracking()
            .Include(d => d.Structure)
            .Include(d => d.Lieux)
            .AsSplitQuery()
            .ToListAsync();

    /// <summary>Communes, programmes and structures with their places, read the way <c>InstantaneCatalogue</c> reads them.</summary>
    public static async Task<(List<Commune> Communes, List<Dispositif> Dispositifs, List<Structure> Structures)> ToutAsync(string fichier)
    {
        await using var db = Contexte(fichier);
        return (await CommunesAsync(db), await DispositifsAsync(db),
            await db.Structures.AsNoTracking().Include(s => s.Lieux).AsSplitQuery().ToListAsync());
    }

    public static async Task<Catalogue> ChargerAsync(string fichier)
    {
        await using var db = Contexte(fichier);
        var communes = await CommunesAsync(db);
        return new Catalogue
        {
            Communes = communes,
            Annuaire = new RepertoireCommunes(communes),
            Dispositifs = await DispositifsAsync(db),
        };
    }
}
