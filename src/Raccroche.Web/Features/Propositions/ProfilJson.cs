using Raccroche.Web.Features.Catalogue;


namespace Raccroche.Web.Features.Propositions;

/// <summary>
/// Checks a young person's profile sent as JSON (<c>POST /api/v1/orientation</c> and the API's contact
/// requests): each field checked, one French message per field.
/// </summary>
public static class ProfilJson
{
    /// <summary>Validates the answers (the body already bound by <c>CorpsJson</c>); every problem is reported against its field, in French.</summary>
    public static Profil? LireProfil(DemandeOrientation d, InstantaneCatalogue instantane, Erreurs erreurs)
    {
        // A missing age binds as 0: the same sentence as an age out of range.
        int? age = d.Age is >= 10 and <= 99 ? d.Age : null;
        if (age is null)
        {
            erreurs.Ajouter("age", "L'âge est obligatoire : un nombre entier entre 10 et 99.");
        }

        var code = Texte(d.CodeCommune, "code_commune", erreurs);
        var commune = code is null ? null : instantane.Communes.ParCode(code.ToUpperInvariant());
        if (code is null && erreurs.Pour("code_commune") is null)
        {
            erreurs.Ajouter("code_commune", "Le code commune est obligatoire (code INSEE à 5 caractères, par exemple 63430 pour Thiers).");
        }
        else if (code is not null && commune is null)
        {
            erreurs.Ajouter("code_commune", $"Le code commune « {Saisie.Tronquer(code)} » ne correspond à aucune commune.");
        }

        var situation = Valeur(d.Situation, "situation", ChoixDiagnostic.SituationsJeune, erreurs);
        var niveau = Valeur(d.Niveau, "niveau", Vocabulaire.Niveaux, erreurs);
        var souhait = Valeur(d.Souhait, "souhait", ChoixDiagnostic.Souhaits, erreurs);
        if (d.DepuisMois is < 0 or > 600)
        {
            erreurs.Ajouter("depuis_mois", "depuis_mois doit être un nombre entier de mois entre 0 et 600.");
        }

        if (d.RayonKm is { } r && (r <= 0 || r > 200 || double.IsNaN(r)))
        {
            erreurs.Ajouter("rayon_km", "Le rayon doit être un nombre de kilomètres supérieur à 0 et au plus de 200.");
        }

        var besoins = new List<string>();
        if (d.Besoins is { } b)
        {
            if (b.Count > ChoixDiagnostic.Besoins.Termes.Count)
            {
                erreurs.Ajouter("besoins", $"besoins compte {b.Count} éléments : {ChoixDiagnostic.Besoins.Termes.Count} au plus, un par besoin.");
            }
            else
            {
                var inconnus = new List<string>();
                foreach (var s in b.Select(x => x ?? "null"))
                {
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
            DepuisMois = d.DepuisMois,
            Besoins = besoins.Distinct().ToList(),
            RayonKm = d.RayonKm,
        };
    }

    private static string? Texte(string? brut, string champ, Erreurs erreurs)
    {
        var s = brut?.Trim();
        if (s is { Length: > 100 })
        {
            erreurs.Ajouter(champ, $"{champ} est trop long : 100 caractères au maximum.");
            return null;
        }

        return string.IsNullOrEmpty(s) ? null : s;
    }

    private static string? Valeur(string? brut, string champ, Liste liste, Erreurs erreurs)
    {
        var s = Texte(brut, champ, erreurs);
        if (s is null || liste.Contient(s))
        {
            return s;
        }

        erreurs.Ajouter(champ, $"La valeur « {Saisie.Tronquer(s)} » n'est pas permise pour {champ}. Valeurs possibles : {string.Join(", ", liste.Termes.Select(t => t.Valeur))}.");
        return null;
    }
}

// Shown in the OpenAPI document, hence in French; the endpoints bind it (CorpsJson) and LireProfil checks it.
/// <summary>Réponses d'un jeune au diagnostic : âge et code commune obligatoires, le reste facultatif.</summary>
// The optional fields have defaults, so that the document lists only age and code_commune as required.
public sealed record DemandeOrientation(int Age, string CodeCommune, string? Situation = null, int? DepuisMois = null, string? Niveau = null,
    string? Souhait = null, List<string>? Besoins = null, double? RayonKm = null);
