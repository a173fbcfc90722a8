namespace Raccroche.Web.Features.DataInclusion;

/// <summary>How an imported record credits its producer: the source's name and its licence, as the producer asks.</summary>
public static class SourcesDonnees
{
    public sealed record Credit(string Nom, string Licence);

    private static readonly Dictionary<string, Credit> Connues = new(StringComparer.Ordinal)
    {
        ["annuaire-service-public"] = new("Annuaire de l'administration (DILA, service-public.fr)", "Licence Ouverte 2.0"),
        [SchemaDI.SourceRaccroche] = new("Raccroche", "Licence Ouverte 2.0"),
        ["dora"] = new("DORA (via data·inclusion)", "Licence Ouverte 2.0"),
        ["france-travail"] = new("France Travail (via data·inclusion)", "Licence Ouverte 2.0"),
        ["mission-locale"] = new("Missions locales (via data·inclusion)", "Licence Ouverte 2.0"),
        ["soliguide"] = new("Soliguide (via data·inclusion)", "Licence Ouverte 2.0"),
    };

    /// <summary>Another producer is credited by its identifier, under the licence data·inclusion republishes it with.</summary>
    public static Credit De(string source) => Connues.GetValueOrDefault(source) ?? new($"{source} (via data·inclusion)", "Licence Ouverte 2.0");

    /// <summary>A record not reviewed by its source for more than 12 months is to be checked.</summary>
    public static bool AVerifier(DateOnly dateMaj, DateOnly aujourdhui) => dateMaj < aujourdhui.AddMonths(-12);
}
