using Raccroche.Web.Commun.Api;
using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Propositions;
using Raccroche.Web.Infrastructure;

namespace Raccroche.Web.Features.Diagnostic;

public static class OrientationApi
{
    public static RouteGroupBuilder MapOrientationApi(this RouteGroupBuilder api)
    {
        api.MapPost("/orientation", Orienter)
            .WithName("Orienter")
            .WithSummary("Propositions adaptées à un jeune, avec leurs raisons et les structures compétentes")
            .WithDescription("Seuls age et code_commune sont obligatoires. situation : scolarise-en-risque | sorti-sans-diplome | en-formation-en-difficulte | diplome-sans-emploi | emploi-precaire ; niveau : sans-diplome | niveau-3 | niveau-4 | niveau-5 | niveau-6 ; souhait : formation | metier-paye | travail | sais-pas ; besoins : argent, logement, sante, mobilite, numerique, francais, handicap, justice ; rayon_km entre 0 (exclu) et 200.")
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .AvecCorpsLimite()
            .AvecCorpsJson<DemandeOrientation>()
            .RequireRateLimiting(LimitesDebit.Orientation);
        return api;
    }

    internal static Results<Ok<ReponseOrientation>, ValidationProblem> Orienter(CorpsJson<DemandeOrientation> corps, InstantaneCatalogue instantane, InstantaneMaintiens maintiens)
    {
        var erreurs = new Erreurs();
        if (ProfilJson.LireProfil(corps.Valeur, instantane, erreurs) is not { } profil)
        {
            return erreurs.EnProbleme();
        }

        var r = Appariement.Orienter(profil, instantane.Index, instantane.Annuaire, maintiens.Actuel);
        return TypedResults.Ok(ReponseOrientation.De(r));
    }
}


public sealed record PropositionDto(int Id, string Nom, string Resume, string Structure, List<string> Raisons, double? DistanceKm,
    string? Commune, bool? Remunere, bool? Internat, int? DureeSemaines, string Url);

public sealed record GroupeDto(string Entree, string Libelle, List<PropositionDto> Propositions);

public sealed record StructureCompetenteDto(int Id, string Nom, string Type, string Raison, string? Courriel, string? Telephone,
    double? DistanceKm, string? Commune, string Url);

public sealed record ReponseOrientation(List<GroupeDto> Groupes, List<StructureCompetenteDto> StructuresCompetentes)
{
    public static ReponseOrientation De(ResultatAppariement r) => new(
        [.. r.Groupes.Select(g => new GroupeDto(g.Entree, g.Libelle, [.. g.Propositions.Select(p => new PropositionDto(
            p.Dispositif.Id, p.Dispositif.Nom, p.Dispositif.Resume, p.Dispositif.StructureNom, [.. p.Raisons],
            p.DistanceKm is { } km ? Math.Round(km, 1) : null, p.Lieu?.NomCommune, p.Dispositif.Remunere, p.Dispositif.Internat,
            p.Dispositif.DureeSemaines, $"/dispositifs/{p.Dispositif.Id}/{p.Dispositif.Slug}"))]))],
        [.. r.PointsEntree.Select(s => new StructureCompetenteDto(s.Structure.Id, s.Structure.Nom, s.Structure.Type, s.Raison,
            s.Structure.Courriel, s.Structure.Telephone, s.DistanceKm is { } km ? Math.Round(km, 1) : null, s.Lieu?.NomCommune,
            $"/structures/{s.Structure.Id}"))]);
}
