using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Recherche;

namespace Raccroche.Web.Features.Dispositifs;

public static class DispositifsApi
{
    public static RouteGroupBuilder MapDispositifsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/dispositifs").AddEndpointFilter<CatalogueCacheFilter>();
        g.MapGet("/", Rechercher)
            .WithName("RechercherDispositifs")
            .WithSummary("Recherche dans le catalogue des dispositifs")
            .WithDescription("Filtres combinables. Valeurs : entree = reflechir-projet | se-former | emploi ; niveau = sans-diplome | niveau-3 | niveau-4 | niveau-5 | niveau-6 ; thematiques = valeurs data·inclusion ou catégories, séparées par des virgules ; rayon_km entre 0 (exclu) et 200, avec code_commune ; age entre 10 et 99 ; taille ≤ 100.")
            .ProducesValidationProblem();
        g.MapGet("/{id:int}", Lire).WithName("LireDispositif").WithSummary("Fiche complète d'un dispositif");
        return api;
    }

    internal static Results<Ok<PageDispositifs>, ValidationProblem> Rechercher(InstantaneCatalogue instantane, [AsParameters] ParametresRecherche p)
    {
        var erreurs = new Erreurs();
        var query = p.Valider(instantane.Communes, erreurs);
        if (query is null)
        {
            return erreurs.EnProbleme();
        }

        var r = instantane.Index.Rechercher(query);
        return TypedResults.Ok(new PageDispositifs(
            r.Total, query.Page, query.Taille,
            [.. r.Items.Select(h => ResumeDispositif.De(h))],
            r.Facettes,
            r.Suggestion));
    }

    internal static async Task<Results<Ok<FicheDispositif>, NotFound<ProblemDetails>>> Lire(int id, RaccrocheDbContext db, CancellationToken ct)
    {
        var d = await db.Dispositifs.AsNoTracking()
            .Include(x => x.Structure)
            .Include(x => x.Lieux)
            .AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        return d is null
            ? TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Dispositif introuvable", Detail = $"Aucun dispositif n'a l'identifiant {id}." })
            : TypedResults.Ok(FicheDispositif.De(d));
    }
}

/// <summary>Une page de résultats de recherche.</summary>
/// <param name="Total">Nombre de dispositifs qui correspondent.</param>
/// <param name="Page">Numéro de la page (à partir de 1).</param>
/// <param name="Taille">Nombre de dispositifs par page.</param>
/// <param name="Items">Les dispositifs de la page, les plus pertinents d'abord.</param>
/// <param name="Facettes">Nombre de résultats par valeur de chaque filtre.</param>
/// <param name="Suggestion">Quand rien ne correspond : la recherche avec ses mots inconnus remplacés par les plus proches du catalogue (« vouliez-vous dire »), sinon absent.</param>
public sealed record PageDispositifs(int Total, int Page, int Taille, List<ResumeDispositif> Items, Facettes Facettes, string? Suggestion = null);

public sealed record LieuProche(int Id, string Nom, string CodeInsee, string Commune);

public sealed record ResumeDispositif(
    int Id, string Slug, string Nom, string Resume, string Structure, string[] Entrees, string[] Thematiques,
    int? AgeMin, int? AgeMax, bool? Remunere, bool? Internat, bool? EntreePermanente, string? Frais,
    int? DureeSemaines, double? DistanceKm, LieuProche? LieuProche, double Pertinence, string Url)
{
    public static ResumeDispositif De(DispositifTrouve h) => new(
        h.Doc.Id, h.Doc.Slug, h.Doc.Nom, h.Doc.Resume, h.Doc.StructureNom, h.Doc.Entrees, h.Doc.Thematiques,
        h.Doc.AgeMin, h.Doc.AgeMax, h.Doc.Remunere, h.Doc.Internat, h.Doc.EntreePermanente, h.Doc.Frais,
        h.Doc.DureeSemaines, h.DistanceKm is { } km ? Math.Round(km, 1) : null,
        h.LieuProche is { } l ? new LieuProche(l.Id, l.Nom, l.CodeInsee, l.NomCommune) : null,
        Math.Round(h.Pertinence, 3), $"/dispositifs/{h.Doc.Id}/{h.Doc.Slug}");
}

public sealed record ZoneDto(string Type, List<string> Codes);

public sealed record LieuDto(
    int Id, string Nom, string? Adresse, string? CodePostal, string CodeInsee, double Latitude, double Longitude,
    bool PositionApprochee, string? Horaires, bool? AccessiblePmr, string? Telephone, string? Courriel)
{
    public static LieuDto De(Lieu l) => new(l.Id, l.Nom, l.Adresse, l.CodePostal, l.CodeInsee, l.Latitude, l.Longitude,
        l.PositionApprochee, l.Horaires, l.AccessiblePmr, l.Telephone, l.Courriel);
}

public sealed record StructureCourte(int Id, string Nom, string Type, string? Courriel, string? Telephone, string? SiteWeb);

public sealed record FicheDispositif(
    int Id, string Slug, string Nom, string Resume, string Description, List<string> Entrees, List<string> Thematiques,
    string? Type, List<string> Publics, int? AgeMin, int? AgeMax, List<string> Niveaux, List<string> Situations,
    string? ConditionsAcces, int? DureeSemaines, int? HeuresHebdo, bool? Internat, bool? Remunere,
    string? RemunerationDetail, string? Frais, bool? EntreePermanente, int? Capacite, List<string> ModesMobilisation,
    List<string> PersonnesMobilisatrices, bool PrescriptionProfessionnel, string? LienMobilisation, ZoneDto Zone,
    StructureCourte Structure, List<LieuDto> Lieux, DateOnly DateMaj, string? Source, bool Suspendu)
{
    public static FicheDispositif De(Dispositif d) => new(
        d.Id, d.Slug, d.Nom, d.Resume, d.Description, d.Entrees, d.Thematiques, d.TypeService, d.Publics,
        d.AgeMin, d.AgeMax, d.Niveaux, d.Situations, d.ConditionsAcces, d.DureeSemaines, d.HeuresHebdo,
        d.Internat, d.Remunere, d.RemunerationDetail, d.Frais, d.EntreePermanente, d.Capacite, d.ModesMobilisation,
        d.PersonnesMobilisatrices, d.PrescriptionProfessionnel, d.LienMobilisation,
        new ZoneDto(d.ZoneType.ToString().ToLowerInvariant(), d.ZoneCodes),
        new StructureCourte(d.Structure!.Id, d.Structure.Nom, d.Structure.Type, d.Structure.Courriel, d.Structure.Telephone, d.Structure.SiteWeb),
        [.. d.Lieux.Select(LieuDto.De)], d.DateMaj, d.Source, d.Suspendu);
}
