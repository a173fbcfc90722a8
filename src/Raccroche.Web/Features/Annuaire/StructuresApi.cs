using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Dispositifs;
using Raccroche.Web.Features.Recherche;

namespace Raccroche.Web.Features.Annuaire;

public static class StructuresApi
{
    public static RouteGroupBuilder MapStructuresApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/structures").AddEndpointFilter<CatalogueCacheFilter>();
        g.MapGet("/", Rechercher).WithName("RechercherStructures")
            .WithSummary("Annuaire des structures (missions locales, CIO, PSAD...) près d'une commune")
            .ProducesValidationProblem();
        g.MapGet("/{id:int}", Lire).WithName("LireStructure").WithSummary("Une structure, ses lieux et ses dispositifs");
        return api;
    }

    internal static Results<Ok<PageStructures>, ValidationProblem> Rechercher(InstantaneCatalogue instantane, [AsParameters] ParametresStructures p)
    {
        var erreurs = new Erreurs();
        var query = ParametresAnnuaire.Valider(instantane.Communes, erreurs, p.Q, p.Type, p.CodeCommune, null, p.RayonKm, p.Departement, p.Page, p.Taille);
        if (query is null)
        {
            return erreurs.EnProbleme();
        }

        var (total, items) = instantane.Annuaire.Rechercher(query);
        return TypedResults.Ok(new PageStructures(total, query.Page, query.Taille, [.. items.Select(StructureResume.De)]));
    }

    internal static async Task<Results<Ok<FicheStructure>, NotFound<ProblemDetails>>> Lire(int id, RaccrocheDbContext db, CancellationToken ct)
    {
        var s = await db.Structures.AsNoTracking().Include(x => x.Lieux).Include(x => x.Dispositifs)
            .AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null)
        {
            return TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Structure introuvable", Detail = $"Aucune structure n'a l'identifiant {id}." });
        }

        return TypedResults.Ok(new FicheStructure(s.Id, s.Slug, s.Nom, s.Type, Vocabulaire.TypesStructure.Libelle(s.Type), s.ReseauPorteur,
            s.Siret, s.SiteWeb, s.Description, s.Courriel, s.Telephone,
            new ZoneDto(s.ZoneType.ToString().ToLowerInvariant(), s.ZoneCodes),
            [.. s.Lieux.Select(LieuDto.De)],
            [.. s.Dispositifs.Where(d => !d.Suspendu).Select(d => new DispositifCourt(d.Id, d.Nom, d.Resume))]));
    }
}

public sealed record PageStructures(int Total, int Page, int Taille, List<StructureResume> Items);

public sealed record StructureResume(int Id, string Nom, string Type, string TypeLibelle, string? Courriel, string? Telephone,
    string? SiteWeb, double? DistanceKm, LieuProche? LieuProche, bool Competente, string Url)
{
    public static StructureResume De(StructureTrouvee h) => new(h.Doc.Id, h.Doc.Nom, h.Doc.Type, Vocabulaire.TypesStructure.Libelle(h.Doc.Type),
        h.Doc.Courriel, h.Doc.Telephone, h.Doc.SiteWeb, h.DistanceKm is { } km ? Math.Round(km, 1) : null,
        h.LieuProche is { } l ? new LieuProche(l.Id, l.Nom, l.CodeInsee, l.NomCommune) : null, h.Competente, $"/structures/{h.Doc.Id}");
}

public sealed record DispositifCourt(int Id, string Nom, string Resume);

public sealed record FicheStructure(int Id, string Slug, string Nom, string Type, string TypeLibelle, string? ReseauPorteur, string? Siret,
    string? SiteWeb, string Description, string? Courriel, string? Telephone, ZoneDto ZoneCompetence, List<LieuDto> Lieux,
    List<DispositifCourt> Dispositifs);

/// <summary>The directory API's query parameters, as typed (see <see cref="ParametresAnnuaire"/>).</summary>
public sealed class ParametresStructures
{
    [FromQuery(Name = "q")] public string? Q { get; set; }
    [FromQuery(Name = "type")] public string? Type { get; set; }
    [FromQuery(Name = "code_commune")] public string? CodeCommune { get; set; }
    [FromQuery(Name = "rayon_km")] public string? RayonKm { get; set; }
    [FromQuery(Name = "departement")] public string? Departement { get; set; }
    [FromQuery(Name = "page")] public string? Page { get; set; }
    [FromQuery(Name = "taille")] public string? Taille { get; set; }
}

/// <summary>Validation of the directory's parameters, shared by the API and the page.</summary>
public static class ParametresAnnuaire
{
    public static RequeteStructures? Valider(Communes.RepertoireCommunes communes, Erreurs erreurs, string? q, string? type,
        string? codeCommune, Communes.Commune? commune, string? rayonKm, string? departement, string? page, string? taille)
    {
        var p = new ParametresRecherche { Q = q, CodeCommune = codeCommune, RayonKm = rayonKm, Departement = departement, Page = page, Taille = taille };
        var query = p.Valider(communes, erreurs, commune);
        var t = Saisie.Valeur(type, "type", Vocabulaire.TypesStructure, "type de structure", erreurs);
        return query is null || erreurs.Any
            ? null
            : new RequeteStructures(query.Texte, t, query.Commune, query.RayonKm, query.Departement, query.Page, query.Taille);
    }
}
