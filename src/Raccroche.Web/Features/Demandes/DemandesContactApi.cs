using System.Text.Json.Serialization;
using Raccroche.Web.Commun.Api;
using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Propositions;
using Raccroche.Web.Infrastructure;

namespace Raccroche.Web.Features.Demandes;

public static class DemandesContactApi
{
    public static RouteGroupBuilder MapDemandesContactApi(this RouteGroupBuilder api)
    {
        api.MapPost("/demandes-de-contact", Creer)
            .WithName("CreerDemandeDeContact")
            .WithSummary("Demande d'un jeune à être recontacté (mêmes règles que le formulaire)")
            .WithDescription("Champs : prenom (obligatoire), telephone et/ou courriel, creneau (matin | midi | apres-midi | soir | indifferent), message (≤ 1000), consentement (true obligatoire), dispositif_id (facultatif), reponses (les réponses de /api/v1/orientation ; age ≥ 16 et code_commune obligatoires).")
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .AvecCorpsLimite()
            .AvecCorpsJson<DemandeContactDto>()
            .RequireRateLimiting(LimitesDebit.Formulaires);
        return api;
    }

    internal static async Task<Results<Created<DemandeCreee>, ValidationProblem>> Creer(CorpsJson<DemandeContactDto> corps, InstantaneCatalogue instantane, Recontact recontact, CancellationToken ct)
    {
        var erreurs = new Erreurs();
        var json = corps.Valeur;
        var saisie = new SaisieContact
        {
            Prenom = json.Prenom,
            Telephone = json.Telephone,
            Courriel = json.Courriel,
            Creneau = json.Creneau,
            Message = json.Message,
            Consentement = json.Consentement,

            // The form's honeypot, under the API's naming: never documented, so only a bot fills it.
            SiteWeb = json.AutresChamps?.TryGetValue("site_web", out var h) == true && h.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) ? h.ToString() : null,
        };

        var reponses = new Erreurs();
        var profil = json.Reponses is { } r ? ProfilJson.LireProfil(r, instantane, reponses) : null;
        if (json.Reponses is null)
        {
            erreurs.Ajouter("reponses", "reponses est obligatoire : au moins {\"age\": 17, \"code_commune\": \"63430\"}.");
        }

        erreurs.Ajouter(reponses, "reponses.");

        if (profil is null)
        {
            // Still report the form's own problems together with the answers'.
            Recontact.Valider(saisie, new Profil { Age = 99, Commune = instantane.Communes.Toutes.First() }, erreurs);
            return erreurs.EnProbleme();
        }

        var resultat = await recontact.CreerAsync(saisie, profil, json.DispositifId, ct);
        return resultat.Reussi
            ? TypedResults.Created($"/api/v1/demandes-de-contact/{resultat.Valeur.Reference}", resultat.Valeur)
            : resultat.Erreurs.EnProbleme();
    }
}

// Shown in the OpenAPI document, hence in French.
/// <summary>Demande d'un jeune à être recontacté·e : prénom, téléphone ou courriel, créneau, consentement et réponses au diagnostic.</summary>
// The optional fields come after the required ones, with defaults, so that the document says which are required.
public sealed record DemandeContactDto(string Prenom, string Creneau, bool Consentement, DemandeOrientation Reponses,
    string? Telephone = null, string? Courriel = null, string? Message = null, int? DispositifId = null)
{
    // Unknown fields are ignored, as before; among them the form's honeypot, read here so that it stays undocumented.
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AutresChamps { get; init; }
}
