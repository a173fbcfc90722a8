namespace Raccroche.Web.Features.Veille;

/// <summary>
/// The news watch: <c>/veille</c> and a page per item (Razor Pages), the editors' and structures' pages under
/// <c>/pro/veille</c>, and the feeds mapped here: <c>/veille/flux.atom</c>, <c>/veille/flux.rss</c>,
/// <c>/veille/themes/{theme}/flux.atom</c>, each with its ETag and Last-Modified (decision 0019).
/// </summary>
public static class VeilleSetup
{
    public const string TypeAtom = "application/atom+xml; charset=utf-8";
    public const string TypeRss = "application/rss+xml; charset=utf-8";

    /// <summary>Feed readers also ask HEAD (Kestrel sends the headers, not the body).</summary>
    public static readonly string[] LectureEtTete = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>Nothing to register beyond the pages and the moderation: the reads are queries on the context.</summary>
    public static IServiceCollection AddVeille(this IServiceCollection services) => services;

    public static WebApplication MapVeille(this WebApplication app)
    {
        var g = app.MapGroup("/veille").ExcludeFromDescription();
        g.MapMethods("/flux.atom", LectureEtTete, (HttpContext http, RaccrocheDbContext db, IConfiguration config, CancellationToken ct) =>
            FluxAsync(http, db, config, null, atom: true, ct));
        g.MapMethods("/flux.rss", LectureEtTete, (HttpContext http, RaccrocheDbContext db, IConfiguration config, CancellationToken ct) =>
            FluxAsync(http, db, config, null, atom: false, ct));
        g.MapMethods("/themes/{theme}/flux.atom", LectureEtTete, (string theme, HttpContext http, RaccrocheDbContext db, IConfiguration config, CancellationToken ct) =>
            Etiquettes.Themes.Contient(theme) ? FluxAsync(http, db, config, theme, atom: true, ct) : Task.FromResult<IResult>(TypedResults.NotFound()));
        return app;
    }

    private static async Task<IResult> FluxAsync(HttpContext http, RaccrocheDbContext db, IConfiguration config, string? theme, bool atom, CancellationToken ct)
    {
        var (derniere, publiees) = await LectureVeille.VersionAsync(db, ct);
        var etiquette = ReponseConditionnelle.Etiquette($"{derniere?.Ticks}:{publiees}:{http.Request.Path}");
        if (ReponseConditionnelle.AJour(http, etiquette, derniere))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var entrees = await LectureVeille.PourFluxAsync(db, theme, ct);
        var url = AdressePublique.UrlPublique(config);
        var titre = theme is null ? "Veille – Raccroche" : $"Veille : {Etiquettes.Themes.Libelle(theme)} – Raccroche";
        var page = theme is null ? "/veille" : $"/veille?theme={theme}";
        var misAJour = derniere ?? DateTime.UnixEpoch;
        return atom
            ? TypedResults.Bytes(FluxVeille.Atom(entrees, url, titre, http.Request.Path, page, misAJour), TypeAtom)
            : TypedResults.Bytes(FluxVeille.Rss(entrees, url, titre, http.Request.Path, page, misAJour), TypeRss);
    }
}
