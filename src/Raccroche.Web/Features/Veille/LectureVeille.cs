using Raccroche.Web.Features.Moderation;

namespace Raccroche.Web.Features.Veille;

/// <summary>A published news item as the lists, the sheets of the catalogue and the feeds show it.</summary>
public sealed record CarteActualite(int Id, string Titre, DateOnly Date, string Resume, string? SourceNom, string? SourceUrl,
    string? Corps, IReadOnlyList<string> Themes, IReadOnlyList<string> Territoire, DateTime ModifieeLe)
{
    public string Slug => TexteFrancais.Slug(Titre);
    public string Chemin => $"/veille/{Id}/{Slug}";
}

/// <summary>What the news watch's list is asked for, once checked (<see cref="ParametresVeille"/>).</summary>
public sealed record FiltresVeille(string? Texte, string? Theme, string? Public, string? Departement, int Page);

/// <summary>The public reads of the news watch: only published items, newest first.</summary>
public static class LectureVeille
{
    public const int ParPage = 20;
    public const int DansLesFlux = 50;

    public static IQueryable<Actualite> Publiees(RaccrocheDbContext db) =>
        db.Actualites.AsNoTracking().Where(a => a.Statut == StatutModeration.Publiee);

    /// <summary>Newest first: the day of the news, then the latest published, then the latest written.</summary>
    public static IOrderedQueryable<Actualite> RecentesDabord(this IQueryable<Actualite> q) =>
        q.OrderByDescending(a => a.Date).ThenByDescending(a => a.PublieLe).ThenByDescending(a => a.Id);

    private static IQueryable<CarteActualite> Cartes(IQueryable<Actualite> q) =>
        q.Select(a => new CarteActualite(a.Id, a.Titre, a.Date, a.Resume, a.SourceNom, a.SourceUrl, a.Corps, a.Themes, a.Territoire, a.ModifieeLe));

    /// <summary>
    /// One page of the list. The text is matched as the catalogue matches it (folded, without stop words, plural-stemmed,
    /// each term a word or the start of one: <see cref="TexteFrancais.CleRecherche"/>); a département keeps its items and
    /// those of the whole region.
    /// </summary>
    public static async Task<(int Total, List<CarteActualite> Items)> RechercherAsync(RaccrocheDbContext db, FiltresVeille f, CancellationToken ct)
    {
        var q = Publiees(db);
        foreach (var terme in TexteFrancais.Termes(f.Texte ?? "").Distinct().Take(10))
        {
            var motif = " " + terme;
            q = q.Where(a => a.CleRecherche.Contains(motif));
        }

        if (f.Theme is { } theme)
        {
            q = q.Where(a => a.Themes.Contains(theme));
        }

        if (f.Public is { } pub)
        {
            q = q.Where(a => a.Publics.Contains(pub));
        }

        if (f.Departement is { } dep)
        {
            q = q.Where(a => a.Territoire.Count == 0 || a.Territoire.Contains(dep));
        }

        var total = await q.CountAsync(ct);
        var items = await Cartes(q.RecentesDabord().Skip((f.Page - 1) * ParPage).Take(ParPage)).ToListAsync(ct);
        return (total, items);
    }

    /// <summary>The latest items of a feed (all, or one theme's).</summary>
    public static Task<List<CarteActualite>> PourFluxAsync(RaccrocheDbContext db, string? theme, CancellationToken ct)
    {
        var q = Publiees(db);
        if (theme is not null)
        {
            q = q.Where(a => a.Themes.Contains(theme));
        }

        return Cartes(q.RecentesDabord().Take(DansLesFlux)).ToListAsync(ct);
    }

    /// <summary>The latest published items about a programme (its public sheet shows them).</summary>
    public static Task<List<CarteActualite>> DuDispositifAsync(RaccrocheDbContext db, int dispositifId, CancellationToken ct) =>
        Cartes(Publiees(db).Where(a => a.DispositifsLies.Any(d => d.Id == dispositifId)).RecentesDabord().Take(5)).ToListAsync(ct);

    /// <summary>The latest published items about a structure (its page in the directory shows them).</summary>
    public static Task<List<CarteActualite>> DeLaStructureAsync(RaccrocheDbContext db, int structureId, CancellationToken ct) =>
        Cartes(Publiees(db).Where(a => a.StructuresLiees.Any(s => s.Id == structureId)).RecentesDabord().Take(5)).ToListAsync(ct);

    /// <summary>
    /// What a feed's validators are made of: the last change of any item (a publication, an edit, an item taken back to draft
    /// all move it) and the number published. One aggregate read: a client whose copy is current gets its 304 without the
    /// items being read.
    /// </summary>
    public static async Task<(DateTime? DerniereModification, int Publiees)> VersionAsync(RaccrocheDbContext db, CancellationToken ct)
    {
        var derniere = await db.Actualites.MaxAsync(a => (DateTime?)a.ModifieeLe, ct);
        var publiees = await db.Actualites.CountAsync(a => a.Statut == StatutModeration.Publiee, ct);
        return (derniere is { } d ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : null, publiees);
    }
}
