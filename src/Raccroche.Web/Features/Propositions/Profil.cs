using Raccroche.Web.Features.Communes;


namespace Raccroche.Web.Features.Propositions;

/// <summary>
/// What a young person told the diagnostic (or an outreach tool's chatbot). Only age and commune are
/// required; every other answer may be unknown, and an unknown answer never excludes a programme.
/// </summary>
public sealed record Profil
{
    public required int Age { get; init; }
    public required Commune Commune { get; init; }

    /// <summary>One of the main situations of <see cref="Features.Catalogue.Vocabulaire.Situations"/> (school, left school, training...).</summary>
    public string? Situation { get; init; }
    public int? DepuisMois { get; init; }

    /// <summary>Highest diploma, as a <see cref="Features.Catalogue.Vocabulaire.Niveaux"/> value.</summary>
    public string? Niveau { get; init; }

    /// <summary>One of <see cref="ChoixDiagnostic.Souhaits"/>.</summary>
    public string? Souhait { get; init; }
    public IReadOnlyList<string> Besoins { get; init; } = [];
    public double? RayonKm { get; init; }
}

/// <summary>The diagnostic's own closed lists (wishes, needs), with what each one means for matching.</summary>
public static class ChoixDiagnostic
{
    public static readonly Liste SituationsJeune = new("situation",
    [
        new("scolarise-en-risque", "Je suis encore au collège ou au lycée, mais je décroche"),
        new("sorti-sans-diplome", "J'ai arrêté l'école"),
        new("en-formation-en-difficulte", "Je suis en formation ou en apprentissage, mais ça se passe mal"),
        new("diplome-sans-emploi", "J'ai un diplôme mais pas de travail"),
        new("emploi-precaire", "Je fais des petits boulots"),
    ]);

    public static readonly Liste Souhaits = new("souhait",
    [
        new("formation", "Reprendre une formation ou des études"),
        new("metier-paye", "Apprendre un métier en étant payé·e"),
        new("travail", "Trouver un travail rapidement"),
        new("sais-pas", "Je ne sais pas encore"),
    ]);

    public static readonly Liste Besoins = new("besoin",
    [
        new("argent", "De l'argent pour vivre"),
        new("logement", "Un logement"),
        new("sante", "Ma santé (physique ou moral)"),
        new("mobilite", "Le permis, les transports"),
        new("numerique", "Me servir d'un ordinateur, d'internet"),
        new("francais", "Parler, lire ou écrire le français"),
        new("handicap", "Un handicap ou une maladie"),
        new("justice", "Une affaire avec la justice"),
    ]);

    /// <summary>The entry a wish points to.</summary>
    public static string? EntreeDuSouhait(string? souhait) => souhait switch
    {
        "formation" or "metier-paye" => "se-former",
        "travail" => "emploi",
        "sais-pas" => "reflechir-projet",
        _ => null,
    };

    /// <summary>The thématique (category or full value) that answers a need.</summary>
    public static string? ThematiqueDuBesoin(string besoin) => besoin switch
    {
        "argent" => "difficultes-financieres",
        "logement" => "logement-hebergement",
        "sante" => "sante",
        "mobilite" => "mobilite",
        "numerique" => "numerique",
        "francais" => "lecture-ecriture-calcul--maitriser-le-francais",
        _ => null,
    };

    /// <summary>The catalogue situation that a need stands for (programmes reserved to it become open).</summary>
    public static string? SituationDuBesoin(string besoin) => besoin switch
    {
        "handicap" => "handicap",
        "justice" => "sous-main-de-justice",
        _ => null,
    };
}
