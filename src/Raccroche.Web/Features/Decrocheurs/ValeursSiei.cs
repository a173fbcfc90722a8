
namespace Raccroche.Web.Features.Decrocheurs;

/// <summary>A value read, or the French sentence that says why it could not be.</summary>
public readonly record struct Lu<T>(T? Valeur, string? Erreur)
{
    public static Lu<T> Ok(T? valeur) => new(valeur, null);

    public static Lu<T> Faux(string erreur) => new(default, erreur);
}

/// <summary>
/// Parsing of the values of a SIEI list, each with a French message that says what was expected.
/// Empty cells are "absent" (null), never an error here: whether a field is required is the row's
/// business (<see cref="AnalyseSiei"/>).
/// </summary>
public static partial class ValeursSiei
{
    private static readonly string[] FormatsDate = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "dd-MM-yyyy", "dd.MM.yyyy", "yyyy-MM-ddTHH:mm:ss", "dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy HH:mm"];

    /// <summary>JJ/MM/AAAA or AAAA-MM-JJ (and what spreadsheets make of them: a time part, a serial day number).</summary>
    public static Lu<DateOnly?> Date(string? texte)
    {
        var t = (texte ?? "").Trim();
        if (t.Length == 0)
        {
            return Lu<DateOnly?>.Ok(null);
        }

        // The two usual shapes read digit by digit (a list has 100,000 rows of them); anything else tries every format.
        if (DateCourante(t) is { } courante)
        {
            return Lu<DateOnly?>.Ok(courante);
        }

        if (DateTime.TryParseExact(t, FormatsDate, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return Lu<DateOnly?>.Ok(DateOnly.FromDateTime(d));
        }

        // A date cell of a spreadsheet saved as a number: days since 30/12/1899.
        if (t.Length == 5 && int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var serie) && serie is > 3_000 and < 80_000)
        {
            return Lu<DateOnly?>.Ok(new DateOnly(1899, 12, 30).AddDays(serie));
        }

        return Lu<DateOnly?>.Faux($"« {Court(t)} » n'est pas une date : écrivez-la JJ/MM/AAAA (ex. 05/09/2008) ou AAAA-MM-JJ.");
    }

    /// <summary>JJ/MM/AAAA or AAAA-MM-JJ, exactly 10 characters and a real day; otherwise null (and the formats are tried in turn).</summary>
    private static DateOnly? DateCourante(string t)
    {
        static int Chiffres(string t, int debut, int longueur)
        {
            var n = 0;
            for (var i = debut; i < debut + longueur; i++)
            {
                if (!char.IsAsciiDigit(t[i]))
                {
                    return -1;
                }

                n = (n * 10) + (t[i] - '0');
            }

            return n;
        }

        if (t.Length != 10)
        {
            return null;
        }

        var (jour, mois, annee) = t[2] == '/' && t[5] == '/'
            ? (Chiffres(t, 0, 2), Chiffres(t, 3, 2), Chiffres(t, 6, 4))
            : t[4] == '-' && t[7] == '-' ? (Chiffres(t, 8, 2), Chiffres(t, 5, 2), Chiffres(t, 0, 4)) : (-1, -1, -1);
        return annee >= 1 && mois is >= 1 and <= 12 && jour >= 1 && jour <= DateTime.DaysInMonth(annee, mois) ? new DateOnly(annee, mois, jour) : null;
    }

    /// <summary>A French number in E.164 (+33612345678); overseas départements get their own country code.</summary>
    public static Lu<string?> Telephone(string? texte)
    {
        var t = (texte ?? "").Trim();
        if (t.Length == 0)
        {
            return Lu<string?>.Ok(null);
        }

        var chiffres = new StringBuilder(t.Length);
        for (var i = 0; i < t.Length; i++)
        {
            var c = t[i];
            if (char.IsAsciiDigit(c))
            {
                chiffres.Append(c);
            }
            else if (c == '+' && chiffres.Length == 0)
            {
                chiffres.Append('+');
            }
            else if (c is not (' ' or '.' or '-' or '(' or ')' or '/' or '\u00a0'))
            {
                return Lu<string?>.Faux($"« {Court(t)} » n'est pas un numéro de téléphone (seuls les chiffres, espaces, points et tirets sont admis).");
            }
        }

        var n = chiffres.ToString();
        if (n.StartsWith("00", StringComparison.Ordinal))
        {
            n = "+" + n[2..];
        }

        // A spreadsheet that took the number for a number dropped its leading zero: 612345678.
        if (n.Length == 9 && n[0] is >= '1' and <= '9')
        {
            n = "0" + n;
        }

        if (n.Length == 10 && n[0] == '0' && n[1] != '0')
        {
            n = Indicatif(n) + n[1..];
        }

        return n.StartsWith('+') && n.Length is >= 9 and <= 16 && n[1..].All(char.IsAsciiDigit)
            ? Lu<string?>.Ok(n)
            : Lu<string?>.Faux($"« {Court(t)} » n'est pas un numéro de téléphone complet (10 chiffres, ex. 06 12 34 56 78, ou +33 6 12 34 56 78).");
    }

    /// <summary>The INE: 11 characters, letters and digits, the last one a letter (key).</summary>
    public static Lu<string?> Ine(string? texte)
    {
        var brut = texte ?? "";
        var t = (brut.Any(char.IsWhiteSpace) ? new string(brut.Where(c => !char.IsWhiteSpace(c)).ToArray()) : brut).ToUpperInvariant();
        if (t.Length == 0)
        {
            return Lu<string?>.Ok(null);
        }

        return IneRegex().IsMatch(t)
            ? Lu<string?>.Ok(t)
            : Lu<string?>.Faux($"« {Court(texte!.Trim())} » n'est pas un INE : il compte 11 caractères, chiffres et lettres, le dernier étant une lettre (ex. 1234567890A).");
    }

    public static Lu<string?> CodePostal(string? texte)
    {
        var t = (texte ?? "").Trim().Replace(" ", "", StringComparison.Ordinal);
        if (t.Length == 0)
        {
            return Lu<string?>.Ok(null);
        }

        if (t.Length == 4 && t.All(char.IsAsciiDigit))
        {
            t = "0" + t; // the leading zero of the Ain, the Aisne... lost by a spreadsheet
        }

        return t.Length == 5 && t.All(char.IsAsciiDigit)
            ? Lu<string?>.Ok(t)
            : Lu<string?>.Faux($"« {Court(t)} » n'est pas un code postal (5 chiffres).");
    }

    /// <summary>A commune's INSEE code: 5 characters, Corsica as 2A/2B.</summary>
    public static Lu<string?> CodeInsee(string? texte)
    {
        var t = (texte ?? "").Trim().ToUpperInvariant();
        if (t.Length == 0)
        {
            return Lu<string?>.Ok(null);
        }

        if (t.Length == 4 && t.All(char.IsAsciiDigit))
        {
            t = "0" + t;
        }

        return InseeRegex().IsMatch(t)
            ? Lu<string?>.Ok(t)
            : Lu<string?>.Faux($"« {Court(t)} » n'est pas un code INSEE de commune (5 caractères, ex. 63113 ou 2A004).");
    }

    /// <summary>An establishment's UAI (formerly RNE): 7 digits and a letter.</summary>
    public static Lu<string?> Uai(string? texte)
    {
        var t = (texte ?? "").Trim().ToUpperInvariant();
        if (t.Length == 0)
        {
            return Lu<string?>.Ok(null);
        }

        return UaiRegex().IsMatch(t)
            ? Lu<string?>.Ok(t)
            : Lu<string?>.Faux($"« {Court(t)} » n'est pas un code UAI (7 chiffres et une lettre, ex. 0631234X).");
    }

    public static Lu<string?> Courriel(string? texte)
    {
        var t = (texte ?? "").Trim();
        if (t.Length == 0)
        {
            return Lu<string?>.Ok(null);
        }

        return Saisie.EstCourriel(t)
            ? Lu<string?>.Ok(t)
            : Lu<string?>.Faux($"« {Court(t)} » n'est pas une adresse e-mail.");
    }

    /// <summary>"F", "M" (and 1/2, féminin, masculin, fille, garçon...).</summary>
    public static Lu<string?> Sexe(string? texte) => Ferme(texte, "sexe", "F (féminin) ou M (masculin)", new()
    {
        ["f"] = "F",
        ["feminin"] = "F",
        ["femme"] = "F",
        ["fille"] = "F",
        ["2"] = "F",
        ["m"] = "M",
        ["h"] = "M",
        ["masculin"] = "M",
        ["homme"] = "M",
        ["garcon"] = "M",
        ["1"] = "M",
    });

    /// <summary>Where the young person was last trained: school, apprenticeship or agricultural education.</summary>
    public static Lu<string?> Systeme(string? texte) => Ferme(texte, "système de formation", "scolaire, apprentissage ou agricole", new()
    {
        ["scolaire"] = "scolaire",
        ["en"] = "scolaire",
        ["education nationale"] = "scolaire",
        ["lycee"] = "scolaire",
        ["college"] = "scolaire",
        ["apprentissage"] = "apprentissage",
        ["apprenti"] = "apprentissage",
        ["cfa"] = "apprentissage",
        ["alternance"] = "apprentissage",
        ["agricole"] = "agricole",
        ["agriculture"] = "agricole",
        ["enseignement agricole"] = "agricole",
        ["lycee agricole"] = "agricole",
        ["masa"] = "agricole",
        ["draaf"] = "agricole",
    });

    /// <summary>Oui / non (and o, n, 1, 0, vrai, faux, x).</summary>
    public static Lu<bool?> OuiNon(string? texte)
    {
        var n = ColonnesSiei.Normaliser(texte);
        return n switch
        {
            "" => Lu<bool?>.Ok(null),
            "oui" or "o" or "1" or "vrai" or "x" or "yes" => Lu<bool?>.Ok(true),
            "non" or "n" or "0" or "faux" or "no" => Lu<bool?>.Ok(false),
            _ => Lu<bool?>.Faux($"« {Court(texte!.Trim())} » : répondez oui ou non."),
        };
    }

    /// <summary>A diploma level of the 2019 nomenclature (3 = CAP/BEP … 8 = doctorat), from its number or the usual names.</summary>
    public static Lu<string?> Niveau(string? texte)
    {
        var n = ColonnesSiei.Normaliser(texte).Replace("niveau ", "", StringComparison.Ordinal);
        return n switch
        {
            "" => Lu<string?>.Ok(null),
            "1" or "2" or "3" or "4" or "5" or "6" or "7" or "8" => Lu<string?>.Ok(n),
            "infra 3" or "sans diplome" or "aucun" or "brevet" or "dnb" or "cfg" => Lu<string?>.Ok("infra-3"),
            "cap" or "bep" or "cap bep" or "v" => Lu<string?>.Ok("3"),
            "bac" or "bac pro" or "bac professionnel" or "bac general" or "bac technologique" or "bp" or "iv" => Lu<string?>.Ok("4"),
            "bts" or "dut" or "but" or "bac 2" or "iii" => Lu<string?>.Ok("5"),
            _ => Lu<string?>.Faux($"« {Court(texte!.Trim())} » n'est pas un niveau : indiquez 3 (CAP, BEP), 4 (bac), 5 (bac+2)… ou « infra 3 »."),
        };
    }

    /// <summary>A person's name: letters (any alphabet), spaces, hyphens, apostrophes, dots; at most 100 characters.</summary>
    public static Lu<string?> Nom(string? texte, string quoi)
    {
        var t = Espaces(texte);
        if (t.Length == 0)
        {
            return Lu<string?>.Ok(null);
        }

        if (t.Length > 100)
        {
            return Lu<string?>.Faux($"Le {quoi} dépasse 100 caractères.");
        }

        return t.All(c => char.IsLetter(c) || c is ' ' or '-' or '\'' or '’' or '.' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            ? Lu<string?>.Ok(t)
            : Lu<string?>.Faux($"Le {quoi} « {Court(t)} » contient des caractères qu'un nom ne porte pas (chiffres, symboles) : vérifiez la colonne.");
    }

    /// <summary>Free text (address, training, reason...): kept as typed, spaces folded, control characters removed, bounded.</summary>
    public static Lu<string?> Texte(string? texte, int longueurMax, string quoi)
    {
        var t = Espaces(texte);
        if (t.Length == 0)
        {
            return Lu<string?>.Ok(null);
        }

        return t.Length <= longueurMax
            ? Lu<string?>.Ok(t)
            : Lu<string?>.Faux($"Le champ « {quoi} » dépasse {longueurMax} caractères ({t.Length}).");
    }

    private static Lu<string?> Ferme(string? texte, string quoi, string attendu, Dictionary<string, string> valeurs)
    {
        var n = ColonnesSiei.Normaliser(texte);
        if (n.Length == 0)
        {
            return Lu<string?>.Ok(null);
        }

        return valeurs.TryGetValue(n, out var v)
            ? Lu<string?>.Ok(v)
            : Lu<string?>.Faux($"« {Court(texte!.Trim())} » n'est pas un {quoi} reconnu : indiquez {attendu}.");
    }

    private static string Espaces(string? texte)
    {
        // Most cells have nothing to fold: no copy then.
        var brut = texte ?? "";
        if (brut.Length > 0 && !char.IsWhiteSpace(brut[0]) && !char.IsWhiteSpace(brut[^1]) && !ABlancsAReduire(brut))
        {
            return brut;
        }

        var sb = new StringBuilder(brut.Length);
        var espace = false;
        foreach (var c in (texte ?? "").Trim())
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                espace = true;
                continue;
            }

            if (espace && sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(c);
            espace = false;
        }

        return sb.ToString();
    }

    /// <summary>
    /// A number stored in E.164 written back the French national way (+262692123456 → 0692123456), for the forms and
    /// checks of the rest of the platform, which know "0…" and "+33…" numbers only.
    /// </summary>
    public static string? TelephoneNational(string? e164) => e164 switch
    {
        null => null,
        _ when e164.StartsWith("+33", StringComparison.Ordinal) => "0" + e164[3..],
        _ when e164.Length == 13 && e164[0] == '+' && e164[1..4] is "262" or "590" or "594" or "596" or "508" => "0" + e164[4..],
        _ => e164,
    };

    /// <summary>Whether the text holds a control character, a space other than " " or two spaces in a row (something to fold).</summary>
    private static bool ABlancsAReduire(string t)
    {
        for (var i = 0; i < t.Length; i++)
        {
            var c = t[i];
            if (char.IsControl(c) || (char.IsWhiteSpace(c) && (c != ' ' || (i > 0 && t[i - 1] == ' '))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Messages quote the value, never more than 40 characters of it.</summary>
    private static string Court(string t) => t.Length <= 40 ? t : t[..40] + "…";

    private static string Indicatif(string national) => national[..4] switch
    {
        "0262" or "0263" or "0692" or "0693" or "0269" or "0639" => "+262",
        "0590" or "0690" or "0691" => "+590",
        "0594" or "0694" => "+594",
        "0596" or "0696" or "0697" => "+596",
        "0508" => "+508",
        _ => "+33",
    };

    [GeneratedRegex("^[0-9A-Z]{10}[A-Z]$")]
    private static partial Regex IneRegex();

    [GeneratedRegex("^([0-9]{5}|2[AB][0-9]{3})$")]
    private static partial Regex InseeRegex();

    [GeneratedRegex("^[0-9]{7}[A-Z]$")]
    private static partial Regex UaiRegex();
}
