using Raccroche.Web.Features.Moderation;

namespace Raccroche.Web.Features.Agenda;

/// <summary>A published event as the agenda's lists show it.</summary>
public sealed record CarteEvenement(int Id, string Titre, string Resume, DateTime Debut, DateTime Fin, bool JourneeEntiere, bool EnLigne,
    string? CodeCommune, string Organisateur, IReadOnlyList<string> Themes)
{
    public string Chemin => $"/agenda/{Id}/{TexteFrancais.Slug(Titre)}";
    public string Quand => Agenda.Quand.Decrire(Debut, Fin, JourneeEntiere);
}

/// <summary>What the agenda is filtered by, once checked.</summary>
public sealed record FiltresAgenda(string? Theme, string? Departement, int Page);

/// <summary>The public reads of the agenda: only published events; upcoming ones are those not yet over.</summary>
public static class LectureAgenda
{
    public const int PassesParPage = 20;
    public const int AVenirMaximum = 100;

    public static IQueryable<Evenement> Publies(RaccrocheDbContext db) =>
        db.Evenements.AsNoTracking().Where(e => e.Statut == StatutModeration.Publiee);

    private static IQueryable<Evenement> Filtrer(IQueryable<Evenement> q, FiltresAgenda f)
    {
        if (f.Theme is { } theme)
        {
            q = q.Where(e => e.Themes.Contains(theme));
        }

        if (f.Departement is { } dep)
        {
            q = q.Where(e => e.Territoire.Count == 0 || e.Territoire.Contains(dep));
        }

        return q;
    }

    private static IQueryable<CarteEvenement> Cartes(IQueryable<Evenement> q) =>
        q.Select(e => new CarteEvenement(e.Id, e.Titre, e.Resume, e.Debut, e.Fin, e.JourneeEntiere, e.EnLigne, e.CodeCommune, e.Organisateur, e.Themes));

    /// <summary>The events not over at <paramref name="maintenant"/>, soonest first.</summary>
    public static Task<List<CarteEvenement>> AVenirAsync(RaccrocheDbContext db, FiltresAgenda f, DateTime maintenant, CancellationToken ct) =>
        Cartes(Filtrer(Publies(db), f).Where(e => e.Fin > maintenant).OrderBy(e => e.Debut).ThenBy(e => e.Id).Take(AVenirMaximum)).ToListAsync(ct);

    /// <summary>One page of the events already over, the latest first.</summary>
    public static async Task<(int Total, List<CarteEvenement> Items)> PassesAsync(RaccrocheDbContext db, FiltresAgenda f, DateTime maintenant, CancellationToken ct)
    {
        var q = Filtrer(Publies(db), f).Where(e => e.Fin <= maintenant);
        var total = await q.CountAsync(ct);
        var items = await Cartes(q.OrderByDescending(e => e.Debut).ThenByDescending(e => e.Id).Skip((f.Page - 1) * PassesParPage).Take(PassesParPage)).ToListAsync(ct);
        return (total, items);
    }

    /// <summary>
    /// The last time the upcoming events' calendar changed: an event written, published or taken back (its
    /// <see cref="ContenuModere.ModifieeLe"/>), or a published event that ended (it leaves the calendar then).
    /// </summary>
    public static async Task<DateTime?> DerniereModificationAsync(RaccrocheDbContext db, DateTime maintenant, CancellationToken ct)
    {
        var ecrit = await db.Evenements.MaxAsync(e => (DateTime?)e.ModifieeLe, ct);
        var fini = await db.Evenements.Where(e => e.Statut == StatutModeration.Publiee && e.Fin <= maintenant).MaxAsync(e => (DateTime?)e.Fin, ct);
        DateTime? derniere = ecrit is null ? fini : fini is null ? ecrit : ecrit > fini ? ecrit : fini;
        return derniere is { } d ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : null;
    }
}

/// <summary>When an event takes place, in words, Paris time.</summary>
public static class Quand
{
    /// <summary>"mardi 25 octobre 2022 de 14 h à 16 h", "du 7 novembre 2022 au 17 janvier 2023", "mercredi 29 mars 2023, toute la journée".</summary>
    public static string Decrire(DateTime debut, DateTime fin, bool journeeEntiere)
    {
        var premier = HeureParis.Jour(debut);
        if (journeeEntiere)
        {
            var dernier = HeureParis.Jour(fin).AddDays(-1);
            return dernier <= premier ? $"{HeureParis.JourEnToutesLettres(premier)}, toute la journée" : $"du {HeureParis.Date(premier)} au {HeureParis.Date(dernier)}";
        }

        var jourFin = HeureParis.Jour(fin);
        return jourFin == premier
            ? $"{HeureParis.JourEnToutesLettres(premier)} de {HeureParis.Heure(debut)} à {HeureParis.Heure(fin)}"
            : $"du {HeureParis.Date(premier)} à {HeureParis.Heure(debut)} au {HeureParis.Date(jourFin)} à {HeureParis.Heure(fin)}";
    }
}
