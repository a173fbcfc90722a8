using Raccroche.Web.Features.Catalogue;

using Raccroche.Web.Features.Propositions;

namespace Raccroche.Web.Features.Diagnostic;

/// <summary>What fits the young person, grouped by the three doors, with who to contact. The URL holds only the answers, so it can be shared.</summary>
/// <remarks>The programmes' outcomes (<see cref="InstantaneMaintiens"/>) add a retention signal where it is published.</remarks>
public sealed class ResultatsModel(InstantaneCatalogue instantane, InstantaneMaintiens maintiens) : PageModel
{
    public Reponses Reponses { get; private set; } = new();
    public Profil Profil { get; private set; } = null!;
    public ResultatAppariement Resultat { get; private set; } = null!;

    public IActionResult OnGet()
    {
        Reponses = Questionnaire.Lire(Request.Query, instantane.Communes);
        if (Reponses.EnProfil() is not { } profil || Reponses.Erreurs.Count > 0)
        {
            // Age and commune are needed; anything wrong goes back to the first question to fix.
            return Redirect("/diagnostic" + QueryString.Create(Reponses.EnParametres()!));
        }

        Profil = profil;
        Resultat = Appariement.Orienter(profil, instantane.Index, instantane.Annuaire, maintiens.Actuel);
        return Page();
    }

    public string LienModifier(int numero) =>
        "/diagnostic" + QueryString.Create(Reponses.EnParametres()
            .Append(new("etape", numero.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Append(new("fin", "1"))!);

    public string LienRecontact(int? dispositif = null) =>
        "/diagnostic/recontact" + QueryString.Create(Reponses.EnParametres()
            .Concat(dispositif is { } id ? [new("dispositif", id.ToString(System.Globalization.CultureInfo.InvariantCulture))] : [])!);

    public string Resume(Question q) => q.Cle switch
    {
        "age" => $"{Reponses.Age} ans",
        "situation" => ChoixDiagnostic.SituationsJeune.Libelle(Reponses.Situation ?? ""),
        "depuis" => Questionnaire.Depuis.Libelle(Reponses.Depuis ?? ""),
        "classe" => Questionnaire.Classes.Libelle(Reponses.Classe ?? ""),
        "commune" => Reponses.Commune is { } c ? Raccroche.Web.Features.Communes.RepertoireCommunes.Libelle(c) : "",
        "souhait" => ChoixDiagnostic.Souhaits.Libelle(Reponses.Souhait ?? ""),
        "besoins" => Reponses.Besoins.Count == 0 ? "Rien de plus" : string.Join(", ", Reponses.Besoins.Select(ChoixDiagnostic.Besoins.Libelle)),
        "rayon_km" => Reponses.RayonKm is { } km ? $"{km} km" : "Peu importe",
        _ => "",
    };
}
