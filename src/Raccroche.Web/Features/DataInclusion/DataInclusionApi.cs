using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Communes;

namespace Raccroche.Web.Features.DataInclusion;

/// <summary>
/// <c>/api/v1/data-inclusion</c>: the catalogue in the shape of the national API (pages of <c>{items, total, page, size,
/// pages}</c>, its filters, its vocabularies), open to any origin for GET, with the catalogue's ETag.
/// </summary>
public static class DataInclusionApi
{
    public const string PolitiqueCors = "data-inclusion";

    public static RouteGroupBuilder MapDataInclusionApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/data-inclusion").RequireCors(PolitiqueCors).WithTags("data·inclusion");
        var pages = g.MapGroup("").AddEndpointFilter<CatalogueCacheFilter>();
        pages.MapGet("/structures", Structures).WithName("StructuresDataInclusion")
            .WithSummary("Les structures du catalogue au schéma data·inclusion v1, par pages")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesValidationProblem();
        pages.MapGet("/services", Services).WithName("ServicesDataInclusion")
            .WithSummary("Les dispositifs du catalogue comme services data·inclusion v1 (un par lieu quand ils en ont plusieurs), par pages")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesValidationProblem();
        g.MapGet("/doc/{vocabulaire}", Doc).WithName("VocabulaireDataInclusion")
            .WithSummary("Un vocabulaire du schéma (thematiques, publics, types-de-services, frais, modes-accueil, modes-mobilisation, personnes-mobilisatrices, reseaux-porteurs)");
        return api;
    }

    internal static async Task<IResult> Structures([AsParameters] ParametresDI p, ExportDataInclusion export, InstantaneCatalogue catalogue, CancellationToken ct)
    {
        var erreurs = new Erreurs();
        var v = p.Valider(catalogue.Communes, erreurs);
        if (v is null)
        {
            return erreurs.EnProbleme();
        }

        var (total, items) = await export.PageStructuresAsync(v.Value.Filtres, v.Value.Page, v.Value.Taille, ct);
        return new PageDI(total, v.Value.Page, v.Value.Taille, items);
    }

    internal static async Task<IResult> Services([AsParameters] ParametresDI p, ExportDataInclusion export, InstantaneCatalogue catalogue, CancellationToken ct)
    {
        var erreurs = new Erreurs();
        var v = p.Valider(catalogue.Communes, erreurs);
        if (v is null)
        {
            return erreurs.EnProbleme();
        }

        var (total, items) = await export.PageServicesAsync(v.Value.Filtres, v.Value.Page, v.Value.Taille, ct);
        return new PageDI(total, v.Value.Page, v.Value.Taille, items);
    }

    internal static Results<Ok<List<TermeDI>>, NotFound<ProblemDetails>> Doc(string vocabulaire, HttpContext http)
    {
        if (!SchemaDI.Vocabulaires.TryGetValue(vocabulaire, out var liste))
        {
            return TypedResults.NotFound(new ProblemDetails
            {
                Status = 404,
                Title = "Vocabulaire inconnu",
                Detail = $"Vocabulaires disponibles : {string.Join(", ", SchemaDI.Vocabulaires.Keys)}.",
            });
        }

        http.Response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.Ok(liste.Termes.Select(t => new TermeDI(t.Valeur, t.Libelle, t.Description)).ToList());
    }

    /// <summary>A page written as it is read: <c>items</c> first (streamed), then the counts.</summary>
    private sealed class PageDI(int total, int page, int taille, IAsyncEnumerable<EnregistrementDI> items) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            await using var w = new Utf8JsonWriter(http.Response.Body, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            w.WriteStartObject();
            w.WriteStartArray("items");
            var n = 0;
            await foreach (var r in items.WithCancellation(http.RequestAborted))
            {
                FormatsDI.EcrireObjet(w, r);
                if (++n % 500 == 0)
                {
                    await w.FlushAsync(http.RequestAborted);
                }
            }

            w.WriteEndArray();
            w.WriteNumber("total", total);
            w.WriteNumber("page", page);
            w.WriteNumber("size", taille);
            w.WriteNumber("pages", total == 0 ? 0 : (total + taille - 1) / taille);
            w.WriteEndObject();
            await w.FlushAsync(http.RequestAborted);
        }
    }
}

#pragma warning disable IDE1006 // the schema's field names
public sealed record TermeDI(string value, string label, string? description);
#pragma warning restore IDE1006

/// <summary>The query parameters of the national API, as typed; lists repeat the parameter or separate values by commas.</summary>
public sealed class ParametresDI
{
    public const int TailleParDefaut = 1000, TailleMax = 10000;

    [FromQuery(Name = "code_departement")] public string? CodeDepartement { get; set; }
    [FromQuery(Name = "code_commune")] public string? CodeCommune { get; set; }
    [FromQuery(Name = "thematiques")] public string[]? Thematiques { get; set; }
    [FromQuery(Name = "publics")] public string[]? Publics { get; set; }
    [FromQuery(Name = "reseaux_porteurs")] public string[]? ReseauxPorteurs { get; set; }
    [FromQuery(Name = "date_maj_apres")] public string? DateMajApres { get; set; }
    [FromQuery(Name = "page")] public string? Page { get; set; }
    [FromQuery(Name = "size")] public string? Size { get; set; }

    public (FiltresDI Filtres, int Page, int Taille)? Valider(RepertoireCommunes communes, Erreurs erreurs)
    {
        string? departement = null;
        if (!string.IsNullOrWhiteSpace(CodeDepartement))
        {
            departement = CodeDepartement.Trim().ToUpperInvariant();
            if (!Departements.Existe(departement))
            {
                erreurs.Ajouter("code_departement", $"Le code département « {Saisie.Tronquer(CodeDepartement)} » n'existe pas (ex. 15 pour le Cantal, 2A, 974).");
            }
        }

        string? commune = null;
        if (!string.IsNullOrWhiteSpace(CodeCommune))
        {
            commune = CodeCommune.Trim().ToUpperInvariant();
            if (communes.ParCode(commune) is null)
            {
                erreurs.Ajouter("code_commune", $"Le code commune « {Saisie.Tronquer(CodeCommune)} » ne correspond à aucune commune (code INSEE à 5 caractères, ex. 15014 pour Aurillac).");
            }
        }

        var thematiques = Liste(Thematiques, "thematiques", Vocabulaire.Thematiques, erreurs);
        var publics = Liste(Publics, "publics", Vocabulaire.Publics, erreurs);
        var reseaux = Liste(ReseauxPorteurs, "reseaux_porteurs", Vocabulaire.ReseauxPorteurs, erreurs);
        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(DateMajApres))
        {
            if (DateOnly.TryParseExact(DateMajApres.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                date = d;
            }
            else
            {
                erreurs.Ajouter("date_maj_apres", "La date doit s'écrire AAAA-MM-JJ, par exemple 2026-01-31.");
            }
        }

        var page = Nombre(Page, "page", 1, 1_000_000, 1, "La page doit être un nombre entier à partir de 1.", erreurs);
        var taille = Nombre(Size, "size", 1, TailleMax, TailleParDefaut, $"La taille de page (size) doit être un nombre entier de 1 à {TailleMax}.", erreurs);
        return erreurs.Any ? null : (new FiltresDI(departement, commune, thematiques, publics, reseaux, date), page, taille);
    }

    private static List<string> Liste(string[]? valeurs, string champ, Liste vocabulaire, Erreurs erreurs)
    {
        var l = (valeurs ?? []).SelectMany(v => v.Split(',')).Select(v => v.Trim()).Where(v => v.Length > 0).Distinct().ToList();
        if (l.Count > 50)
        {
            erreurs.Ajouter(champ, "50 valeurs au plus.");
            return [];
        }

        var inconnues = l.Where(v => !vocabulaire.Contient(v)).ToList();
        if (inconnues.Count > 0)
        {
            erreurs.Ajouter(champ, $"Valeur(s) inconnue(s) : {string.Join(", ", inconnues.Take(5).Select(Saisie.Tronquer))} (la liste : /api/v1/data-inclusion/doc/{SchemaDI.Vocabulaires.First(kv => ReferenceEquals(kv.Value, vocabulaire)).Key}).");
        }

        return l;
    }

    private static int Nombre(string? texte, string champ, int min, int max, int defaut, string message, Erreurs erreurs)
    {
        if (string.IsNullOrWhiteSpace(texte))
        {
            return defaut;
        }

        if (!int.TryParse(texte.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
        {
            erreurs.Ajouter(champ, message);
            return defaut;
        }

        return n;
    }
}
