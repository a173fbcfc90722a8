using Raccroche.Web.Features.Moderation;

namespace Raccroche.Web.Features.Partenaires;

/// <summary>A published partner as the list shows it.</summary>
public sealed record CartePartenaire(int Id, string Nom, NaturePartenaire Nature, string Presentation, IReadOnlyList<string> Territoire, string? SiteWeb)
{
    public string Chemin => $"/partenaires/{Id}/{TexteFrancais.Slug(Nom)}";
}

/// <summary>What the partners' list is asked for, once checked (<see cref="ParametresPartenaires"/>).</summary>
public sealed record FiltresPartenaires(string? Texte, NaturePartenaire? Nature, string? Departement, int Page);

/// <summary>The public reads of the partners' directory: only published partners, by name.</summary>
public static class LecturePartenaires
{
    public const int ParPage = 20;

    public static IQueryable<Partenaire> Publies(RaccrocheDbContext db) =>
        db.Partenaires.AsNoTracking().Where(p => p.Statut == StatutModeration.Publiee);

    /// <summary>
    /// One page of the list, by name. The text is matched as the news watch matches it (the catalogue's folding, stop words and
    /// plural stemming; each term a word or the start of one); a département keeps its partners and the whole region's.
    /// </summary>
    public static async Task<(int Total, List<CartePartenaire> Items)> RechercherAsync(RaccrocheDbContext db, FiltresPartenaires f, CancellationToken ct)
    {
        var q = Publies(db);
        foreach (var terme in TexteFrancais.Termes(f.Texte ?? "").Distinct().Take(10))
        {
            var motif = " " + terme;
            q = q.Where(p => p.CleRecherche.Contains(motif));
        }

        if (f.Nature is { } nature)
        {
            q = q.Where(p => p.Nature == nature);
        }

        if (f.Departement is { } dep)
        {
            q = q.Where(p => p.Territoire.Count == 0 || p.Territoire.Contains(dep));
        }

        var total = await q.CountAsync(ct);
        var items = await q.OrderBy(p => p.Nom).ThenBy(p => p.Id).Skip((f.Page - 1) * ParPage).Take(ParPage)
            .Select(p => new CartePartenaire(p.Id, p.Nom, p.Nature, p.Presentation, p.Territoire, p.SiteWeb))
            .ToListAsync(ct);
        return (total, items);
    }
}
