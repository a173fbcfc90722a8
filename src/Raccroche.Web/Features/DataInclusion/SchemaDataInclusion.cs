using System.Net.Mail;
using Raccroche.Web.Features.Catalogue;

namespace Raccroche.Web.Features.DataInclusion;

/// <summary>What a field of the data·inclusion schema holds.</summary>
public enum GenreChampDI
{
    Texte,
    Nombre,
    Entier,
    Liste,
}

/// <summary>The check a text field carries beyond its length (the schema's <c>format</c> or <c>pattern</c>).</summary>
public enum FormeTexte
{
    Libre,
    Url,
    Courriel,
    Date,
    CodeInsee,
    CodePostal,
    Siret,
}

/// <summary>
/// One field of the schema v1 (1.0.8) as the files in <c>../shared/reference/data-inclusion-schema-v1</c> describe it:
/// type, required, lengths, format, vocabulary. The importer checks every record with these rules and the tests check
/// the exports with a real JSON Schema validator against the reference files themselves.
/// </summary>
public sealed record ChampDI(string Nom, GenreChampDI Genre, bool Obligatoire = false)
{
    public int? Min { get; init; }
    public int? Max { get; init; }
    public FormeTexte Forme { get; init; }

    /// <summary>The vocabulary of a choice or of a list's items (null: free, or the zone's codes).</summary>
    public Liste? Vocabulaire { get; init; }

    /// <summary>A list whose items are COG codes (<c>zone_eligibilite</c>).</summary>
    public bool CodesZone { get; init; }
    public bool UnAuMoins { get; init; }
}

/// <summary>A value the reader could not type (a number in a text field, an object in a list): its message.</summary>
public sealed record ValeurInvalide(string Message);

/// <summary>The two record kinds of the schema and their fields, in the order our files write them.</summary>
public sealed partial class SchemaDI
{
    public const string SourceRaccroche = "raccroche";

    private SchemaDI(string nom, IReadOnlyList<ChampDI> champs)
    {
        Nom = nom;
        Champs = champs;
        _index = champs.Select((c, i) => (c.Nom, i)).ToDictionary(x => x.Nom, x => x.i, StringComparer.Ordinal);
    }

    private readonly Dictionary<string, int> _index;

    /// <summary><c>structure</c> or <c>service</c>.</summary>
    public string Nom { get; }
    public IReadOnlyList<ChampDI> Champs { get; }

    public int Index(string champ) => _index.TryGetValue(champ, out var i) ? i : -1;

    public ChampDI? Champ(string nom) => _index.TryGetValue(nom, out var i) ? Champs[i] : null;

    private static ChampDI Texte(string nom, bool obligatoire = false, int? min = null, int? max = null, FormeTexte forme = FormeTexte.Libre) =>
        new(nom, GenreChampDI.Texte, obligatoire) { Min = min, Max = max, Forme = forme };

    private static ChampDI Url(string nom) => Texte(nom, min: 1, max: 2083, forme: FormeTexte.Url);

    private static ChampDI Choix(string nom, Liste vocabulaire) => new(nom, GenreChampDI.Texte) { Vocabulaire = vocabulaire };

    private static ChampDI ListeDe(string nom, Liste? vocabulaire, bool unAuMoins) =>
        new(nom, GenreChampDI.Liste) { Vocabulaire = vocabulaire, UnAuMoins = unAuMoins, CodesZone = vocabulaire is null };

    private static readonly ChampDI[] Adresse =
    [
        Texte("adresse"), Texte("complement_adresse"), Texte("code_postal", forme: FormeTexte.CodePostal),
        Texte("code_insee", forme: FormeTexte.CodeInsee), Texte("commune"),
        new("latitude", GenreChampDI.Nombre), new("longitude", GenreChampDI.Nombre), Texte("horaires_accueil"),
    ];

    public static readonly SchemaDI Structure = new("structure",
    [
        Texte("source", true), Texte("id", true), Texte("nom", true, 3, 150), Texte("date_maj", true, forme: FormeTexte.Date),
        Texte("siret", forme: FormeTexte.Siret), Texte("description", min: 5, max: 10000),
        ListeDe("reseaux_porteurs", Vocabulaire.ReseauxPorteurs, unAuMoins: false),
        Texte("telephone"), Texte("courriel", forme: FormeTexte.Courriel), Url("site_web"),
        .. Adresse,
        Url("accessibilite_lieu"), Url("lien_source"),
    ]);

    public static readonly SchemaDI Service = new("service",
    [
        Texte("source", true), Texte("id", true), Texte("structure_id", true), Texte("nom", true, 3, 150),
        Texte("description", true, 5, 10000), Texte("date_maj", true, forme: FormeTexte.Date),
        Choix("type", Vocabulaire.TypesService),
        ListeDe("thematiques", Vocabulaire.Thematiques, unAuMoins: false),
        ListeDe("publics", Vocabulaire.Publics, unAuMoins: true), Texte("publics_precisions"), Texte("conditions_acces"),
        Choix("frais", Vocabulaire.Frais), Texte("frais_precisions"),
        ListeDe("modes_accueil", Vocabulaire.ModesAccueil, unAuMoins: false),
        ListeDe("modes_mobilisation", Vocabulaire.ModesMobilisation, unAuMoins: true),
        ListeDe("mobilisable_par", Vocabulaire.PersonnesMobilisatrices, unAuMoins: true),
        Texte("mobilisation_precisions"), Url("lien_mobilisation"),
        Texte("telephone"), Texte("courriel", forme: FormeTexte.Courriel), Texte("contact_nom_prenom"),
        .. Adresse,
        new("nombre_semaines", GenreChampDI.Entier) { Min = 1 }, new("volume_horaire_hebdomadaire", GenreChampDI.Nombre) { Min = 0 },
        ListeDe("zone_eligibilite", null, unAuMoins: true), Url("lien_source"),
    ]);

    /// <summary>The vocabularies <c>/api/v1/data-inclusion/doc/{vocabulaire}</c> serves, by the names of the schema's files.</summary>
    public static readonly IReadOnlyDictionary<string, Liste> Vocabulaires = new Dictionary<string, Liste>(StringComparer.Ordinal)
    {
        ["thematiques"] = Vocabulaire.Thematiques,
        ["publics"] = Vocabulaire.Publics,
        ["types-de-services"] = Vocabulaire.TypesService,
        ["frais"] = Vocabulaire.Frais,
        ["modes-accueil"] = Vocabulaire.ModesAccueil,
        ["modes-mobilisation"] = Vocabulaire.ModesMobilisation,
        ["personnes-mobilisatrices"] = Vocabulaire.PersonnesMobilisatrices,
        ["reseaux-porteurs"] = Vocabulaire.ReseauxPorteurs,
    };

    /// <summary>The earliest <c>date_maj</c> upstream accepts.</summary>
    public static readonly DateOnly DateMin = new(2000, 1, 1);

    /// <summary>
    /// Every error of one field's value (already typed by the reader): null when none. Messages are French sentences for
    /// the import report; <paramref name="aujourdhui"/> bounds <c>date_maj</c> as upstream does.
    /// </summary>
    public static string? Controler(ChampDI c, object? valeur, DateOnly aujourdhui)
    {
        if (valeur is ValeurInvalide invalide)
        {
            return invalide.Message;
        }

        if (valeur is null)
        {
            return c.Obligatoire ? "Champ obligatoire, absent ou vide." : null;
        }

        switch (c.Genre)
        {
            case GenreChampDI.Texte:
                if (valeur is not string s)
                {
                    return "Un texte est attendu.";
                }

                if (c.Min is { } min && s.Length < min || c.Max is { } max && s.Length > max)
                {
                    return c.Max is null ? $"Au moins {c.Min} caractères." : $"Entre {c.Min ?? 0} et {c.Max} caractères (ici {s.Length}).";
                }

                if (c.Vocabulaire is { } v && !v.Contient(s))
                {
                    return $"Valeur inconnue « {Court(s)} » (valeurs possibles : /api/v1/data-inclusion/doc/{NomVocabulaire(v)}).";
                }

                return c.Forme switch
                {
                    FormeTexte.Url when !UrlValide(s) => $"Adresse web invalide « {Court(s)} » : une URL absolue en caractères ASCII est attendue (accents et espaces encodés, ex. %C3%A8).",
                    FormeTexte.Courriel when !CourrielValide(s) => $"Adresse électronique invalide « {Court(s)} ».",
                    FormeTexte.Date when !DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) => $"Date invalide « {Court(s)} » : AAAA-MM-JJ attendu.",
                    FormeTexte.Date when DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture) is var d && (d < DateMin || d > aujourdhui) => $"La date {s} doit être comprise entre le 2000-01-01 et aujourd'hui.",
                    FormeTexte.CodeInsee when !CodeInsee().IsMatch(s) => $"Code INSEE invalide « {Court(s)} » : 5 caractères.",
                    FormeTexte.CodePostal when !CodePostal().IsMatch(s) => $"Code postal invalide « {Court(s)} » : 5 chiffres.",
                    FormeTexte.Siret when !Siret().IsMatch(s) => $"SIRET invalide « {Court(s)} » : 14 chiffres.",
                    _ => null,
                };
            case GenreChampDI.Nombre:
                return valeur is not double n ? "Un nombre est attendu." : c.Min is { } nmin && n < nmin ? $"Au moins {nmin}." : null;
            case GenreChampDI.Entier:
                return valeur is not long e ? "Un nombre entier est attendu." : c.Min is { } emin && e < emin ? $"Au moins {emin}." : null;
            default:
                if (valeur is not List<string> l)
                {
                    return "Une liste de valeurs est attendue.";
                }

                if (c.UnAuMoins && l.Count == 0)
                {
                    return "La liste ne peut pas être vide (laissez le champ vide, ou donnez au moins une valeur).";
                }

                if (l.GroupBy(x => x, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1 && !c.CodesZone) is { } doublon)
                {
                    return $"Valeur répétée « {Court(doublon.Key)} ».";
                }

                foreach (var x in l)
                {
                    if (c.Vocabulaire is { } lv && !lv.Contient(x))
                    {
                        return $"Valeur inconnue « {Court(x)} » (valeurs possibles : /api/v1/data-inclusion/doc/{NomVocabulaire(lv)}).";
                    }

                    if (c.CodesZone && !CodeZone().IsMatch(x))
                    {
                        return $"Code de zone invalide « {Court(x)} » : code de commune, de département, d'EPCI, de pays ou « france ».";
                    }
                }

                // Checked by upstream in code, not by the JSON Schema.
                if (c.Nom == "publics" && l.Contains("tous-publics") && l.Count > 1)
                {
                    return "« tous-publics » ne peut pas être combiné avec d'autres publics.";
                }

                return null;
        }
    }

    /// <summary>An absolute URI (RFC 3986: ASCII only, a scheme, no space), what the schema's <c>format: uri</c> asks.</summary>
    public static bool UrlValide(string s) =>
        s.Length is >= 1 and <= 2083 && s.All(ch => ch is > ' ' and < (char)127 && ch is not '"' and not '<' and not '>' and not '\\' and not '^' and not '`' and not '{' and not '|' and not '}') &&
        Uri.TryCreate(s, UriKind.Absolute, out var u) && u.Scheme.Length > 0 && SchemeUri().IsMatch(s);

    public static bool CourrielValide(string s)
    {
        if (!Courriel().IsMatch(s))
        {
            return false;
        }

        try
        {
            return new MailAddress(s).Address == s;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string NomVocabulaire(Liste v) => Vocabulaires.First(kv => ReferenceEquals(kv.Value, v)).Key;

    private static string Court(string s) => s.Length <= 80 ? s : s[..77] + "…";

    [GeneratedRegex(@"^\w{5}$", RegexOptions.ECMAScript)]
    private static partial Regex CodeInsee();

    [GeneratedRegex(@"^\d{5}$", RegexOptions.ECMAScript)]
    private static partial Regex CodePostal();

    [GeneratedRegex(@"^\d{14}$", RegexOptions.ECMAScript)]
    private static partial Regex Siret();

    [GeneratedRegex(@"^(\w{5}|\w{2,3}|\d{9}|99[0-5]\d{2}|france)$", RegexOptions.ECMAScript)]
    private static partial Regex CodeZone();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*:")]
    private static partial Regex SchemeUri();

    [GeneratedRegex(@"^[^@\s""(),:;<>\[\]\\]+@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)+$")]
    private static partial Regex Courriel();
}
