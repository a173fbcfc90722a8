namespace Raccroche.Web.Features.Fiches;

/// <summary>Answers offered by the sheet forms' radio buttons; the empty value means "not stated".</summary>
public static class ChoixProposes
{
    public static readonly IReadOnlyList<Terme> Internat = OuiNon(oui: "Possible");
    public static readonly IReadOnlyList<Terme> EntreePermanente = OuiNon("À tout moment (entrée permanente)", "Par sessions");

    public static IReadOnlyList<Terme> OuiNon(string oui = "Oui", string non = "Non") =>
        [new("oui", oui), new("non", non), new("", "Non précisé")];

    public static IReadOnlyList<Terme> AvecNonPrecise(Liste liste) => [.. liste.Termes, new("", "Non précisé")];
}
