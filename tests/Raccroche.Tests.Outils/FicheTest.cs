using Raccroche.Web.Features.Catalogue;

namespace Raccroche.Tests.Outils;

/// <summary>A structure of its own for one test, with a place in Clermont-Ferrand (63) and a programme last reviewed on 15 January 2025.</summary>
public sealed record FicheTest(int StructureId, string StructureSlug, int LieuId, int DispositifId, string DispositifSlug, string DispositifNom)
{
    public static async Task<FicheTest> CreerAsync(AppFactory f)
    {
        await using var db = f.CreateDbContext();
        return await CreerAsync(db);
    }

    public static async Task<FicheTest> CreerAsync(RaccrocheDbContext db)
    {
        var n = Guid.NewGuid().ToString("N")[..8];
        var s = new Structure
        {
            Slug = $"test-structure-{n}",
            Nom = $"Structure test {n}",
            Type = "association",
            Description = "Une structure de test.",
            ZoneType = ZoneType.Departements,
            ZoneCodes = ["63"],
            DateMaj = new DateOnly(2025, 1, 15),
        };
        var l = new Lieu { Slug = $"test-lieu-{n}", Structure = s, Nom = "Accueil test", CodeInsee = "63113", CodePostal = "63000", Latitude = 45.7797, Longitude = 3.0863 };
        var d = new Dispositif
        {
            Slug = $"test-dispositif-{n}",
            Nom = $"Atelier test {n}",
            Resume = "Un atelier pour tester.",
            Description = "Texte d'origine du dispositif.",
            Structure = s,
            Entrees = ["se-former"],
            AgeMin = 16,
            AgeMax = 25,
            ZoneType = ZoneType.Departements,
            ZoneCodes = ["63"],
            Lieux = [l],
            DateMaj = new DateOnly(2025, 1, 15),
        };
        db.Dispositifs.Add(d);
        await db.SaveChangesAsync();
        return new(s.Id, s.Slug, l.Id, d.Id, d.Slug, d.Nom);
    }
}
