
namespace Raccroche.Web.Features.Communes;

public static class CommunesApi
{
    public static RouteGroupBuilder MapCommunesApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/communes");
        g.MapGet("/", Rechercher).WithName("RechercherCommunes")
            .WithSummary("Communes par nom ou code postal (insensible aux accents, à la casse, aux tirets, « St »/« Saint » et aux articles)")
            .ProducesValidationProblem();
        g.MapGet("/{codeInsee}", Lire).WithName("LireCommune").WithSummary("Une commune par son code INSEE");
        return api;
    }

    internal static Results<Ok<List<CommuneDto>>, ValidationProblem> Rechercher(ReferentielCommunes instantane, [FromQuery] string? q, [FromQuery] string? taille)
    {
        var erreurs = new Erreurs();
        if (string.IsNullOrWhiteSpace(q))
        {
            erreurs.Ajouter("q", "Indiquez au moins deux caractères du nom ou du code postal de la commune.");
        }
        else if (q.Length > 100)
        {
            erreurs.Ajouter("q", "Le texte recherché est trop long : 100 caractères au maximum.");
        }

        var max = Saisie.Entier(taille, "taille", 1, 50, "La taille doit être un entier entre 1 et 50.", erreurs) ?? 10;
        if (erreurs.Any)
        {
            return erreurs.EnProbleme();
        }

        return TypedResults.Ok(instantane.Repertoire.Rechercher(q, max).Select(CommuneDto.De).ToList());
    }

    internal static Results<Ok<CommuneDto>, NotFound<ProblemDetails>> Lire(string codeInsee, ReferentielCommunes instantane) =>
        instantane.Repertoire.ParCode(codeInsee.ToUpperInvariant()) is { } c
            ? TypedResults.Ok(CommuneDto.De(c))
            : TypedResults.NotFound(new ProblemDetails
            {
                Status = 404,
                Title = "Commune introuvable",
                Detail = $"Aucune commune n'a le code INSEE « {Saisie.Tronquer(codeInsee)} ».",
            });
}

public sealed record CommuneDto(
    string CodeInsee, string Nom, string[] CodesPostaux, string Departement, string Region, string? Epci,
    int? Population, double Latitude, double Longitude, bool PositionEstimee, string Libelle)
{
    public static CommuneDto De(Commune c) => new(c.CodeInsee, c.Nom, [.. c.ListeCodesPostaux()], c.Departement, c.Region,
        c.Epci, c.Population, c.Latitude, c.Longitude, c.PositionEstimee, RepertoireCommunes.Libelle(c));
}
