using Raccroche.Web.Features.Catalogue;

using Raccroche.Web.Features.Propositions;

namespace Raccroche.Web.Features.Diagnostic;

/// <summary>
/// The diagnostic, one question per screen, entirely server-side: each screen is a GET form that carries
/// the previous answers in hidden fields, so it works without JavaScript, without an account and
/// without storing anything.
/// </summary>
public sealed class DiagnosticModel(InstantaneCatalogue instantane, Donnees.RaccrocheDbContext db) : PageModel
{
    public Reponses Reponses { get; private set; } = new();
    public int Index { get; private set; }
    public Question Question => Questionnaire.Questions[Index];
    public int Total => Questionnaire.Questions.Count;
    public string? Erreur { get; private set; }
    public bool Fin { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] int? etape, [FromQuery] string? fin, CancellationToken ct)
    {
        Reponses = Questionnaire.Lire(Request.Query, instantane.Communes);
        Fin = fin == "1";
        var manquante = Reponses.PremiereManquante();
        var demandee = Math.Clamp((etape ?? (manquante + 1)) - 1, 0, Total);

        // "envoi" marks a submitted screen (a link to a screen has none): after changing one answer
        // from the results page ("fin"), the submission goes straight back to the results.
        var envoye = Request.Query.ContainsKey("envoi");
        if (manquante == Total && (demandee == Total || (Fin && envoye)))
        {
            if (envoye && !Fin)
            {
                // A diagnostic just completed: keep counts only.
                await StatistiqueDiagnostic.CompterAsync(db, Reponses.EnProfil()!, DateOnly.FromDateTime(DateTime.UtcNow), ct);
                if (Reponses.Campagne is { } campagne)
                {
                    await Campagnes.Compteurs.DiagnosticAsync(db, campagne, ct);
                }
            }

            return Redirect("/diagnostic/resultats" + QueryString.Create(Reponses.EnParametres()!));
        }

        Index = Math.Min(demandee, manquante);
        if (Index < demandee || Reponses.Erreurs.ContainsKey(Question.Cle))
        {
            // Asked to go further than the answers allow: this question was skipped or is wrong.
            Erreur = Reponses.Erreurs.GetValueOrDefault(Question.Cle) ?? "Réponds à cette question pour continuer.";
        }

        return Page();
    }

    public bool EstChoisi(string valeur) => Question.Cle switch
    {
        "situation" => Reponses.Situation == valeur,
        "depuis" => Reponses.Depuis == valeur,
        "classe" => Reponses.Classe == valeur,
        "souhait" => Reponses.Souhait == valeur,
        "besoins" => Reponses.Besoins.Contains(valeur),
        "rayon_km" => Reponses.RayonRepondu && (Reponses.RayonKm?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "") == valeur,
        _ => false,
    };

    public string LienEtape(int numero) =>
        "/diagnostic" + QueryString.Create(Reponses.EnParametres().Append(new("etape", numero.ToString(System.Globalization.CultureInfo.InvariantCulture)))!);
}
