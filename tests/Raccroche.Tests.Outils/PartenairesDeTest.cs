using Raccroche.Web.Features.Moderation;
using Raccroche.Web.Features.Partenaires;
using Raccroche.Web.Features.Ressources;

namespace Raccroche.Tests.Outils;

/// <summary>
/// Partners and resources written straight into the database (the forms are tested through their pages): each test names
/// its own with a word of <see cref="VeilleDeTest.Mot"/>, since both tables are kept from one test class to the next.
/// </summary>
public static class PartenairesDeTest
{
    public static async Task<Partenaire> CreerPartenaireAsync(IServiceProvider services, string nom,
        StatutModeration statut = StatutModeration.Publiee, NaturePartenaire nature = NaturePartenaire.Association, string[]? territoire = null,
        string? presentation = null, string? contactNom = null, bool consentement = false, int[]? dispositifs = null)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RaccrocheDbContext>();
        var maintenant = Micro(DateTime.UtcNow);
        var p = new Partenaire
        {
            Nom = nom,
            Nature = nature,
            Presentation = presentation ?? $"Présentation de test de {nom}.",
            Territoire = [.. territoire ?? []],
            Courriel = "contact@partenaire.test",
            ContactNom = contactNom,
            ContactFonction = contactNom is null ? null : "Chargée de mission",
            ContactCourriel = contactNom is null ? null : "personne@partenaire.test",
            ContactConsentementLe = consentement ? maintenant : null,
            Statut = statut,
            Auteur = "Compte de test",
            CreeLe = maintenant,
            ModifieeLe = maintenant,
            PublieLe = statut == StatutModeration.Publiee ? maintenant : null,
            DispositifsLies = dispositifs is null ? [] : await db.Dispositifs.Where(d => dispositifs.Contains(d.Id)).ToListAsync(),
        };
        p.Indexer();
        db.Partenaires.Add(p);
        await db.SaveChangesAsync();
        return p;
    }

    public static async Task<Ressource> CreerRessourceAsync(IServiceProvider services, string titre, DateOnly date,
        StatutModeration statut = StatutModeration.Publiee, NatureRessource nature = NatureRessource.Etude, string[]? themes = null, string? resume = null)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RaccrocheDbContext>();
        var maintenant = Micro(DateTime.UtcNow);
        var r = new Ressource
        {
            Titre = titre,
            Date = date,
            Resume = resume ?? $"Résumé de test de {titre}.",
            Nature = nature,
            Themes = [.. themes ?? []],
            Lien = "https://exemple.fr/ressource",
            Statut = statut,
            Auteur = "Compte de test",
            CreeLe = maintenant,
            ModifieeLe = maintenant,
            PublieLe = statut == StatutModeration.Publiee ? maintenant : null,
        };
        r.Indexer();
        db.Ressources.Add(r);
        await db.SaveChangesAsync();
        return r;
    }

    private static DateTime Micro(DateTime t) => new(t.Ticks - (t.Ticks % 10), DateTimeKind.Utc);
}
