using Raccroche.Web.Features.Agenda;
using Raccroche.Web.Features.Moderation;
using Raccroche.Web.Features.Veille;

namespace Raccroche.Tests.Outils;

/// <summary>
/// News items and events written straight into the database (the forms are tested through their pages): each test names
/// its own with a word no other test uses (<see cref="Mot"/>), since the news watch is kept from one test class to the next.
/// </summary>
public static class VeilleDeTest
{
    /// <summary>A word of letters only, unique in the run, that the French search keeps as it is ("vt" and 14 letters a–p).</summary>
    public static string Mot() => "vt" + new string([.. Guid.NewGuid().ToString("N")[..14].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16)))]);

    public static async Task<Actualite> CreerActualiteAsync(IServiceProvider services, string titre, DateOnly date,
        StatutModeration statut = StatutModeration.Publiee, string[]? themes = null, string[]? publics = null, string[]? territoire = null,
        int? structureId = null, string? resume = null, string? corps = null, int[]? dispositifs = null, int[]? structures = null, string? auteurId = null)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RaccrocheDbContext>();
        var maintenant = Micro(DateTime.UtcNow);
        var a = new Actualite
        {
            Titre = titre,
            Date = date,
            Resume = resume ?? $"Résumé de test de {titre}.",
            Corps = corps,
            Themes = [.. themes ?? ["raccrochage"]],
            Publics = [.. publics ?? []],
            Territoire = [.. territoire ?? []],
            StructureId = structureId,
            Statut = statut,
            Auteur = "Compte de test",
            AuteurId = auteurId,
            CreeLe = maintenant,
            ModifieeLe = maintenant,
            PublieLe = statut == StatutModeration.Publiee ? maintenant : null,
            DispositifsLies = dispositifs is null ? [] : await db.Dispositifs.Where(d => dispositifs.Contains(d.Id)).ToListAsync(),
            StructuresLiees = structures is null ? [] : await db.Structures.Where(s => structures.Contains(s.Id)).ToListAsync(),
        };
        a.Indexer();
        db.Actualites.Add(a);
        await db.SaveChangesAsync();
        return a;
    }

    public static async Task<Evenement> CreerEvenementAsync(IServiceProvider services, string titre, DateTime debut, DateTime fin,
        StatutModeration statut = StatutModeration.Publiee, string[]? themes = null, string[]? territoire = null, string? codeCommune = "63430",
        bool journeeEntiere = false, string? resume = null)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RaccrocheDbContext>();
        var maintenant = Micro(DateTime.UtcNow);
        var e = new Evenement
        {
            Titre = titre,
            Resume = resume ?? $"Résumé de test de {titre}.",
            Debut = debut,
            Fin = fin,
            JourneeEntiere = journeeEntiere,
            CodeCommune = codeCommune,
            EnLigne = codeCommune is null,
            LienEnLigne = codeCommune is null ? "https://visio.exemple.fr/salle" : null,
            Organisateur = "Organisateur de test",
            Themes = [.. themes ?? ["raccrochage"]],
            Territoire = [.. territoire ?? (codeCommune is null ? [] : [codeCommune[..2]])],
            Uid = $"{Guid.NewGuid():N}@test",
            Statut = statut,
            Auteur = "Compte de test",
            CreeLe = maintenant,
            ModifieeLe = maintenant,
            PublieLe = statut == StatutModeration.Publiee ? maintenant : null,
        };
        db.Evenements.Add(e);
        await db.SaveChangesAsync();
        return e;
    }

    private static DateTime Micro(DateTime t) => new(t.Ticks - (t.Ticks % 10), DateTimeKind.Utc);
}
