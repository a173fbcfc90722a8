using Raccroche.Web.Features.Catalogue;


namespace Raccroche.Web.Features.Propositions;

/// <summary>
/// Reads a young person's profile sent as JSON (<c>POST /api/v1/orientation</c> and the API's contact
/// requests): each field checked, one French message per field.
/// </summary>
public static class ProfilJson
{
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
    public static Profil? LireProfil(JsonElement json, InstantaneCatalogue holder, Erreurs erreurs)
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
            erreurs.Ajouter("code_commune", $"Le code commune « {Saisie.Tronquer(code)} » ne correspond à aucune commune.");
        }

        var situation = Valeur(json, "situation", ChoixDiagnostic.SituationsJeune, erreurs);
        var niveau = Valeur(json, "niveau", Vocabulaire.Niveaux, erreurs);
        var souhait = Valeur(json, "souhait", ChoixDiagnostic.Souhaits, erreurs);
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
            else if (b.GetArrayLength() > ChoixDiagnostic.Besoins.Termes.Count)
            {
                erreurs.Ajouter("besoins", $"besoins compte {b.GetArrayLength()} éléments : {ChoixDiagnostic.Besoins.Termes.Count} au plus, un par besoin.");
            }
            else
            {
                var inconnus = new List<string>();
                foreach (var item in b.EnumerateArray())
                {
                    var s = item.ValueKind == JsonValueKind.String ? item.GetString()! : item.ToString();
                    if (ChoixDiagnostic.Besoins.Contient(s))
                    {
                        besoins.Add(s);
                    }
                    else
                    {
                        inconnus.Add($"« {Saisie.Tronquer(s)} »");
                    }
                }

                if (inconnus.Count > 0)
                {
                    erreurs.Ajouter("besoins", $"{(inconnus.Count == 1 ? "Ce besoin n'existe pas" : "Ces besoins n'existent pas")} : {string.Join(", ", inconnus.Distinct())}. Valeurs possibles : {string.Join(", ", ChoixDiagnostic.Besoins.Termes.Select(t => t.Valeur))}.");
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

        erreurs.Ajouter(champ, $"La valeur « {Saisie.Tronquer(s)} » n'est pas permise pour {champ}. Valeurs possibles : {string.Join(", ", liste.Termes.Select(t => t.Valeur))}.");
        return null;
    }
}

// Shown in the OpenAPI document, hence in French; the endpoint reads it field by field.
/// <summary>Réponses d'un jeune au diagnostic : âge et code commune obligatoires, le reste facultatif.</summary>
public sealed record DemandeOrientation(int Age, string CodeCommune, string? Situation, int? DepuisMois, string? Niveau, string? Souhait, List<string>? Besoins, double? RayonKm);
