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
            .Accepts<DemandeContactDto>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .AvecCorpsLimite()
            .RequireRateLimiting(LimitesDebit.Formulaires);
        return api;
    }

    internal static async Task<Results<Created<DemandeCreee>, ValidationProblem>> Creer(HttpRequest request, InstantaneCatalogue holder, Recontact recontact, CancellationToken ct)
    {
        var erreurs = new Erreurs();
        if (await ProfilJson.LireCorpsAsync(request, erreurs, ct) is not { } json)
        {
            return erreurs.EnProbleme();
        }

        if (json.ValueKind != JsonValueKind.Object)
        {
            erreurs.Ajouter("corps", "Le corps de la requête doit être un objet JSON.");
            return erreurs.EnProbleme();
        }

        string? Texte(string cle) => json.TryGetProperty(cle, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var saisie = new SaisieContact
        {
            Prenom = Texte("prenom"),
            Telephone = Texte("telephone"),
            Courriel = Texte("courriel"),
            Creneau = Texte("creneau"),
            Message = Texte("message"),
            Consentement = json.TryGetProperty("consentement", out var c) && c.ValueKind == JsonValueKind.True,

            // The form's honeypot, under the API's naming: never documented, so only a bot fills it.
            SiteWeb = json.TryGetProperty("site_web", out var h) && h.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) ? h.ToString() : null,
        };
        int? dispositif = json.TryGetProperty("dispositif_id", out var d) && d.ValueKind == JsonValueKind.Number && d.TryGetInt32(out var id) ? id : null;
        if (json.TryGetProperty("dispositif_id", out var d2) && d2.ValueKind is not (JsonValueKind.Number or JsonValueKind.Null))
        {
            erreurs.Ajouter("dispositif_id", "dispositif_id doit être un identifiant numérique.");
        }

        var reponses = new Erreurs();
        var profil = json.TryGetProperty("reponses", out var r)
            ? ProfilJson.LireProfil(r, holder, reponses)
            : null;
        if (!json.TryGetProperty("reponses", out _))
        {
            erreurs.Ajouter("reponses", "reponses est obligatoire : au moins {\"age\": 17, \"code_commune\": \"63430\"}.");
        }

        foreach (var (champ, messages) in reponses.EnDictionnaire())
        {
            foreach (var m in messages)
            {
                erreurs.Ajouter($"reponses.{champ}", m);
            }
        }

        if (profil is null)
        {
            // Still report the form's own problems together with the answers'.
            Recontact.Valider(saisie, new Profil { Age = 99, Commune = holder.Communes.Toutes.First() }, erreurs);
            return erreurs.EnProbleme();
        }

        var creee = await recontact.CreerAsync(saisie, profil, dispositif, erreurs, ct);
        return creee is null ? erreurs.EnProbleme() : TypedResults.Created($"/api/v1/demandes-de-contact/{creee.Reference}", creee);
    }
}

// Shown in the OpenAPI document, hence in French.
/// <summary>Demande d'un jeune à être recontacté·e : prénom, téléphone ou courriel, créneau, consentement et réponses au diagnostic.</summary>
public sealed record DemandeContactDto(string Prenom, string? Telephone, string? Courriel, string Creneau, string? Message,
    bool Consentement, int? DispositifId, DemandeOrientation Reponses);
