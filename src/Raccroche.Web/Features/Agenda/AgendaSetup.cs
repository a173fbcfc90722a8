using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Veille;

namespace Raccroche.Web.Features.Agenda;

/// <summary>
/// The agenda: <c>/agenda</c> and a page per event (Razor Pages), the editors' and structures' pages under
/// <c>/pro/agenda</c>, and the calendars mapped here: <c>/agenda.ics</c> (the upcoming events) and
/// <c>/agenda/{id}.ics</c> (one event), with their ETag and Last-Modified (decision 0019).
/// </summary>
public static class AgendaSetup
{
    /// <summary>Nothing to register beyond the pages and the moderation: the reads are queries on the context.</summary>
    public static IServiceCollection AddAgenda(this IServiceCollection services) => services;

    public static WebApplication MapAgenda(this WebApplication app)
    {
        app.MapMethods("/agenda.ics", VeilleSetup.LectureEtTete, CalendrierAsync).ExcludeFromDescription();
        app.MapMethods("/agenda/{id:int}.ics", VeilleSetup.LectureEtTete, EvenementAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> CalendrierAsync(HttpContext http, RaccrocheDbContext db, IConfiguration config, InstantaneCatalogue instantane, TimeProvider clock, CancellationToken ct)
    {
        var maintenant = clock.GetUtcNow().UtcDateTime;
        var evenements = await LectureAgenda.Publies(db).Where(e => e.Fin > maintenant).OrderBy(e => e.Debut).ThenBy(e => e.Id).Take(500).ToListAsync(ct);
        var derniere = await LectureAgenda.DerniereModificationAsync(db, maintenant, ct);
        return Repondre(http, Calendrier.Document(evenements, AdressePublique.UrlPublique(config), "Agenda – Raccroche", c => instantane.Communes.ParCode(c)?.Nom), derniere, null);
    }

    private static async Task<IResult> EvenementAsync(int id, HttpContext http, RaccrocheDbContext db, IConfiguration config, InstantaneCatalogue instantane, CancellationToken ct)
    {
        var e = await LectureAgenda.Publies(db).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null)
        {
            return TypedResults.NotFound();
        }

        return Repondre(http, Calendrier.Document([e], AdressePublique.UrlPublique(config), e.Titre, c => instantane.Communes.ParCode(c)?.Nom),
            DateTime.SpecifyKind(e.ModifieeLe, DateTimeKind.Utc), $"evenement-{e.Id}.ics");
    }

    /// <summary>The calendar's bytes are the same for the same events (DTSTAMP is the last change), so their hash is the ETag.</summary>
    private static IResult Repondre(HttpContext http, string calendrier, DateTime? derniere, string? fichier)
    {
        var octets = Encoding.UTF8.GetBytes(calendrier);
        var etiquette = ReponseConditionnelle.Etiquette(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(octets)));
        if (ReponseConditionnelle.AJour(http, etiquette, derniere))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        if (fichier is not null)
        {
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fichier}\"";
        }

        return TypedResults.Bytes(octets, Calendrier.TypeMime);
    }
}
