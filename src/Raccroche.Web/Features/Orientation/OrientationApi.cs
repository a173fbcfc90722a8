using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Search;
using Raccroche.Web.Infrastructure;

namespace Raccroche.Web.Features.Orientation;

public static class OrientationApi
{
    public static RouteGroupBuilder MapOrientationApi(this RouteGroupBuilder api)
    {
        api.MapPost("/orientation", Orienter)
            .WithName("Orienter")
            .WithSummary("Propositions adaptées à un jeune, avec leurs raisons et les structures compétentes")
            .WithDescription("Seuls age et code_commune sont obligatoires. situation : scolarise-en-risque | sorti-sans-diplome | en-formation-en-difficulte | diplome-sans-emploi | emploi-precaire ; niveau : sans-diplome | niveau-3 | niveau-4 | niveau-5 | niveau-6 ; souhait : formation | metier-paye | travail | sais-pas ; besoins : argent, logement, sante, mobilite, numerique, francais, handicap, justice ; rayon_km entre 0 (exclu) et 200.")
            .Accepts<DemandeOrientation>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .AvecCorpsLimite()
            .RequireRateLimiting(RateLimiting.Orientation);
        return api;
    }

    internal static async Task<Results<Ok<ReponseOrientation>, ValidationProblem>> Orienter(HttpRequest request, CatalogueIndexHolder holder, CancellationToken ct)
    {
        var erreurs = new Erreurs();
        if (await LireCorpsAsync(request, erreurs, ct) is not { } json)
        {
            return erreurs.EnProbleme();
        }

        var profil = LireProfil(json, holder, erreurs);
        if (profil is null)
        {
            return erreurs.EnProbleme();
        }

        var r = Matcher.Orienter(profil, holder.Index, holder.Annuaire);
        return TypedResults.Ok(ReponseOrientation.De(r));
    }

    /// <summary>The request body as JSON, or null with a French message when it is not JSON.</summary>
    public static async Task<JsonElement?> LireCorpsAsync(HttpRequest request, Erreurs erreurs, CancellationToken ct)
    {
        try
        {
            using var doc = await JsonDocument.ParseAsync(request.Body, default, ct);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            erreurs.Ajouter("corps", "Le corps de la requête n'est pas un JSON valide.");
            return null;
        }
    }

    /// <summary>Reads and validates the answers; every problem is reported against its field, in French.</summary>
    public static Profil? LireProfil(JsonElement json, CatalogueIndexHolder holder, Erreurs erreurs)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            erreurs.Ajouter("corps", "Le corps de la requête doit être un objet JSON, par exemple {\"age\": 17, \"code_commune\": \"63430\"}.");
            return null;
        }

        var age = Entier(json, "age", 10, 99, "L'âge est obligatoire : un nombre entier entre 10 et 99.", erreurs, obligatoire: true);
        var code = Texte(json, "code_commune", erreurs);
        var commune = code is null ? null : holder.Communes.ParCode(code.ToUpperInvariant());
        if (code is null && erreurs.Pour("code_commune") is null)
        {
            erreurs.Ajouter("code_commune", "Le code commune est obligatoire (code INSEE à 5 caractères, par exemple 63430 pour Thiers).");
        }
        else if (code is not null && commune is null)
        {
            erreurs.Ajouter("code_commune", $"Le code commune « {SearchParameters.Tronquer(code)} » ne correspond à aucune commune.");
        }

        var situation = Valeur(json, "situation", Orientations.SituationsJeune, erreurs);
        var niveau = Valeur(json, "niveau", Vocabulaire.Niveaux, erreurs);
        var souhait = Valeur(json, "souhait", Orientations.Souhaits, erreurs);
        var depuis = Entier(json, "depuis_mois", 0, 600, "depuis_mois doit être un nombre entier de mois entre 0 et 600.", erreurs);
        double? rayon = null;
        if (json.TryGetProperty("rayon_km", out var r) && r.ValueKind != JsonValueKind.Null)
        {
            if (r.ValueKind != JsonValueKind.Number || !r.TryGetDouble(out var v) || v <= 0 || v > 200)
            {
                erreurs.Ajouter("rayon_km", "Le rayon doit être un nombre de kilomètres supérieur à 0 et au plus de 200.");
            }
            else
            {
                rayon = v;
            }
        }

        var besoins = new List<string>();
        if (json.TryGetProperty("besoins", out var b) && b.ValueKind != JsonValueKind.Null)
        {
            if (b.ValueKind != JsonValueKind.Array)
            {
                erreurs.Ajouter("besoins", "besoins doit être une liste, par exemple [\"argent\", \"logement\"].");
            }
            else if (b.GetArrayLength() > Orientations.Besoins.Termes.Count)
            {
                erreurs.Ajouter("besoins", $"besoins compte {b.GetArrayLength()} éléments : {Orientations.Besoins.Termes.Count} au plus, un par besoin.");
            }
            else
            {
                var inconnus = new List<string>();
                foreach (var item in b.EnumerateArray())
                {
                    var s = item.ValueKind == JsonValueKind.String ? item.GetString()! : item.ToString();
                    if (Orientations.Besoins.Contient(s))
                    {
                        besoins.Add(s);
                    }
                    else
                    {
                        inconnus.Add($"« {SearchParameters.Tronquer(s)} »");
                    }
                }

                if (inconnus.Count > 0)
                {
                    erreurs.Ajouter("besoins", $"{(inconnus.Count == 1 ? "Ce besoin n'existe pas" : "Ces besoins n'existent pas")} : {string.Join(", ", inconnus.Distinct())}. Valeurs possibles : {string.Join(", ", Orientations.Besoins.Termes.Select(t => t.Valeur))}.");
                }
            }
        }

        if (erreurs.Any || age is null || commune is null)
        {
            return null;
        }

        return new Profil
        {
            Age = age.Value,
            Commune = commune,
            Situation = situation,
            Niveau = niveau,
            Souhait = souhait,
            DepuisMois = depuis,
            Besoins = besoins.Distinct().ToList(),
            RayonKm = rayon,
        };
    }

    private static int? Entier(JsonElement json, string champ, int min, int max, string message, Erreurs erreurs, bool obligatoire = false)
    {
        if (!json.TryGetProperty(champ, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            if (obligatoire)
            {
                erreurs.Ajouter(champ, message);
            }

            return null;
        }

        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) && n >= min && n <= max)
        {
            return n;
        }

        if (v.ValueKind == JsonValueKind.String && int.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) && s >= min && s <= max)
        {
            return s;
        }

        erreurs.Ajouter(champ, message);
        return null;
    }

    private static string? Texte(JsonElement json, string champ, Erreurs erreurs)
    {
        if (!json.TryGetProperty(champ, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.String)
        {
            erreurs.Ajouter(champ, $"{champ} doit être une chaîne de caractères.");
            return null;
        }

        var s = v.GetString()!.Trim();
        if (s.Length > 100)
        {
            erreurs.Ajouter(champ, $"{champ} est trop long : 100 caractères au maximum.");
            return null;
        }

        return s.Length == 0 ? null : s;
    }

    private static string? Valeur(JsonElement json, string champ, Liste liste, Erreurs erreurs)
    {
        var s = Texte(json, champ, erreurs);
        if (s is null || liste.Contient(s))
        {
            return s;
        }

        erreurs.Ajouter(champ, $"La valeur « {SearchParameters.Tronquer(s)} » n'est pas permise pour {champ}. Valeurs possibles : {string.Join(", ", liste.Termes.Select(t => t.Valeur))}.");
        return null;
    }
}

/// <summary>The request body (documents the contract in OpenAPI; the endpoint reads it field by field).</summary>
public sealed record DemandeOrientation(int Age, string CodeCommune, string? Situation, int? DepuisMois, string? Niveau, string? Souhait, List<string>? Besoins, double? RayonKm);

public sealed record PropositionDto(int Id, string Nom, string Resume, string Structure, List<string> Raisons, double? DistanceKm,
    string? Commune, bool? Remunere, bool? Internat, int? DureeSemaines, string Url);

public sealed record GroupeDto(string Entree, string Libelle, List<PropositionDto> Propositions);

public sealed record StructureCompetenteDto(int Id, string Nom, string Type, string Raison, string? Courriel, string? Telephone,
    double? DistanceKm, string? Commune, string Url);

public sealed record ReponseOrientation(List<GroupeDto> Groupes, List<StructureCompetenteDto> StructuresCompetentes)
{
    public static ReponseOrientation De(ResultatOrientation r) => new(
        [.. r.Groupes.Select(g => new GroupeDto(g.Entree, g.Libelle, [.. g.Propositions.Select(p => new PropositionDto(
            p.Dispositif.Id, p.Dispositif.Nom, p.Dispositif.Resume, p.Dispositif.StructureNom, [.. p.Raisons],
            p.DistanceKm is { } km ? Math.Round(km, 1) : null, p.Lieu?.NomCommune, p.Dispositif.Remunere, p.Dispositif.Internat,
            p.Dispositif.DureeSemaines, $"/dispositifs/{p.Dispositif.Id}/{p.Dispositif.Slug}"))]))],
        [.. r.PointsEntree.Select(s => new StructureCompetenteDto(s.Structure.Id, s.Structure.Nom, s.Structure.Type, s.Raison,
            s.Structure.Courriel, s.Structure.Telephone, s.DistanceKm is { } km ? Math.Round(km, 1) : null, s.Lieu?.NomCommune,
            $"/structures/{s.Structure.Id}"))]);
}
