namespace Raccroche.Web.Features.Decrocheurs;

/// <summary>
/// What the PSAD prints at the top of its letters (<see cref="LettreModel"/>): its postal address, a phone number and a
/// generic e-mail address (never a person's), and the address of the conseil départemental the transmissions go to.
/// Stored with the PSAD, edited by its coordinators on <c>/pro/decrocheurs/equipe</c>.
/// </summary>
public sealed class EnTeteLettres
{
    /// <summary>Address lines, one per line.</summary>
    public string? Adresse { get; set; }
    public string? Telephone { get; set; }
    public string? Courriel { get; set; }

    /// <summary>The conseil départemental's service and address lines, one per line (the transmission's addressee).</summary>
    public string? ConseilDepartemental { get; set; }

    public const int AdresseMax = 300;

    /// <summary>The lines of a multi-line text, blank ones left out.</summary>
    public static IReadOnlyList<string> Lignes(string? texte) =>
        [.. (texte ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>The letterhead typed in a form: every field checked on its own; null when one is wrong.</summary>
    public static EnTeteLettres? Lire(string? adresse, string? telephone, string? courriel, string? conseil, Erreurs erreurs)
    {
        var e = new EnTeteLettres
        {
            Adresse = Saisie.Facultatif(erreurs, "enTeteAdresse", "L'adresse de la PSAD", Normaliser(adresse), AdresseMax),
            Telephone = Saisie.Telephone(erreurs, "enTeteTelephone", "Le téléphone de la PSAD", telephone),
            Courriel = Saisie.Courriel(erreurs, "enTeteCourriel", "Le courriel de la PSAD", courriel),
            ConseilDepartemental = Saisie.Facultatif(erreurs, "enTeteConseil", "L'adresse du conseil départemental", Normaliser(conseil), AdresseMax),
        };
        return erreurs.Any ? null : e;
    }

    private static string? Normaliser(string? texte) => texte is null ? null : string.Join('\n', Lignes(texte.Replace("\r", "")));
}
