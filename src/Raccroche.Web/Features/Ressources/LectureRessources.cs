using Raccroche.Web.Features.Moderation;

namespace Raccroche.Web.Features.Ressources;

/// <summary>A published resource as the list shows it.</summary>
public sealed record CarteRessource(int Id, string Titre, DateOnly Date, NatureRessource Nature, string Resume, string? Editeur,
    string? Lien, bool AFichier, long? FichierTaille)
{
    public string Chemin => $"/ressources/{Id}/{TexteFrancais.Slug(Titre)}";
}

/// <summary>What the library's list is asked for, once checked (<see cref="ParametresRessources"/>).</summary>
public sealed record FiltresRessources(string? Texte, NatureRessource? Nature, string? Theme, int? Annee, int Page);

/// <summary>The public reads of the library: only published resources, newest first.</summary>
public static class LectureRessources
{
    public const int ParPage = 20;

    public static IQueryable<Ressource> Publiees(RaccrocheDbContext db) =>
        db.Ressources.AsNoTracking().Where(r => r.Statut == StatutModeration.Publiee);

    /// <summary>One page of the list, newest first; the text is matched as the news watch matches it.</summary>
    public static async Task<(int Total, List<CarteRessource> Items)> RechercherAsync(RaccrocheDbContext db, FiltresRessources f, CancellationToken ct)
    {
        var q = Publiees(db);
        foreach (var terme in TexteFrancais.Termes(f.Texte ?? "").Distinct().Take(10))
        {
            var motif = " " + terme;
            q = q.Where(r => r.CleRecherche.Contains(motif));
        }

        if (f.Nature is { } nature)
        {
            q = q.Where(r => r.Nature == nature);
        }

        if (f.Theme is { } theme)
        {
            q = q.Where(r => r.Themes.Contains(theme));
        }

        if (f.Annee is { } annee)
        {
            var debut = new DateOnly(annee, 1, 1);
            var fin = debut.AddYears(1);
            q = q.Where(r => r.Date >= debut && r.Date < fin);
        }

        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(r => r.Date).ThenByDescending(r => r.Id).Skip((f.Page - 1) * ParPage).Take(ParPage)
            .Select(r => new CarteRessource(r.Id, r.Titre, r.Date, r.Nature, r.Resume, r.Editeur, r.Lien, r.Fichier != null, r.FichierTaille))
            .ToListAsync(ct);
        return (total, items);
    }
}
