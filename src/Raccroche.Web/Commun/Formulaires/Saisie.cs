using System.Net.Mail;

namespace Raccroche.Web.Commun.Formulaires;

/// <summary>Checks shared by the sheet forms. Each adds a French message naming the field and returns the clean value.</summary>
public static class Saisie
{
    public static string Texte(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static string Texte(bool? b) => b switch { true => "oui", false => "non", null => "" };

    /// <summary>Trimmed, line breaks as \n, control characters removed (PostgreSQL refuses NUL); null when empty.</summary>
    public static string? Nettoyer(string? s)
    {
        if (s is null)
        {
            return null;
        }

        var t = s.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        if (t.Any(c => char.IsControl(c) && c is not '\n' and not '\t'))
        {
            t = new string([.. t.Where(c => !char.IsControl(c) || c is '\n' or '\t')]);
        }

        t = t.Trim();
        return t.Length == 0 ? null : t;
    }

    public static string? Requis(Erreurs e, string id, string quoi, string? valeur, int max)
    {
        var v = Nettoyer(valeur);
        if (v is null)
        {
            e.Ajouter(id, $"Indiquez {quoi}.");
            return null;
        }

        return Longueur(e, id, char.ToUpperInvariant(quoi[0]) + quoi[1..], v, max);
    }

    public static string? Facultatif(Erreurs e, string id, string libelle, string? valeur, int max) =>
        Nettoyer(valeur) is { } v ? Longueur(e, id, libelle, v, max) : null;

    private static string? Longueur(Erreurs e, string id, string libelle, string v, int max)
    {
        if (v.Length > max)
        {
            e.Ajouter(id, $"{libelle} doit compter au plus {max} caractères (actuellement {v.Length}).");
            return null;
        }

        return v;
    }

    /// <summary>A one-line text (a title): as <see cref="Requis"/>, line breaks and tabs becoming spaces.</summary>
    public static string? Ligne(Erreurs e, string id, string quoi, string? valeur, int max) =>
        Requis(e, id, quoi, valeur?.Replace('\r', ' ').Replace('\n', ' ').Replace('\t', ' '), max);

    /// <summary>A day as a date field sends it (2026-03-29), or as typed in French (29/03/2026); null when empty or wrong (with the message).</summary>
    public static DateOnly? Date(Erreurs e, string id, string libelle, string? valeur)
    {
        var v = Nettoyer(valeur);
        if (v is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(v, ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is >= 2000 and <= 2100)
        {
            return d;
        }

        e.Ajouter(id, $"{libelle} doit être une date, par exemple 29/03/2026 (entre 2000 et 2100).");
        return null;
    }

    /// <summary>A time of day as a time field sends it (14:30), or typed "14h30" / "14 h"; null when empty or wrong (with the message).</summary>
    public static TimeOnly? Heure(Erreurs e, string id, string libelle, string? valeur)
    {
        var v = Nettoyer(valeur)?.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant().Replace('h', ':');
        if (v is null)
        {
            return null;
        }

        if (v.EndsWith(':'))
        {
            v += "00";
        }

        if (TimeOnly.TryParseExact(v, ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
        {
            return t;
        }

        e.Ajouter(id, $"{libelle} doit être une heure, par exemple 14:30.");
        return null;
    }

    public static int? Entier(Erreurs e, string id, string libelle, string? valeur, int min, int max, string unite)
    {
        var v = Nettoyer(valeur)?.Replace(" ", "", StringComparison.Ordinal);
        if (v is null)
        {
            return null;
        }

        if (!int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
        {
            e.Ajouter(id, $"{libelle} doit être un nombre entier de {unite}, entre {min} et {max}.");
            return null;
        }

        return n;
    }

    public static bool? OuiNon(Erreurs e, string id, string libelle, string? valeur)
    {
        switch (Nettoyer(valeur))
        {
            case null: return null;
            case "oui": return true;
            case "non": return false;
            default:
                e.Ajouter(id, $"{libelle} : choisissez une des réponses proposées.");
                return null;
        }
    }

    public static string? Choix(Erreurs e, string id, string libelle, string? valeur, Liste liste)
    {
        var v = Nettoyer(valeur);
        if (v is not null && !liste.Contient(v))
        {
            e.Ajouter(id, $"{libelle} : choisissez une des valeurs proposées.");
            return null;
        }

        return v;
    }

    /// <summary>Ticked values, in the list's order (so that the order never shows up as a change).</summary>
    public static List<string> Liste(Erreurs e, string id, string libelle, List<string> valeurs, Liste liste)
    {
        if (valeurs.Any(v => !liste.Contient(v)))
        {
            e.Ajouter(id, $"{libelle} : une valeur cochée n'est pas dans la liste proposée.");
            return [];
        }

        var cochees = valeurs.ToHashSet(StringComparer.Ordinal);
        return [.. liste.Termes.Where(t => cochees.Contains(t.Valeur)).Select(t => t.Valeur)];
    }

    public static string? Url(Erreurs e, string id, string libelle, string? valeur)
    {
        var v = Nettoyer(valeur);
        if (v is null)
        {
            return null;
        }

        if (v.Length > 500 || v.Any(char.IsWhiteSpace) || !Uri.TryCreate(v, UriKind.Absolute, out var u)
            || (u.Scheme != Uri.UriSchemeHttps && u.Scheme != Uri.UriSchemeHttp) || string.IsNullOrEmpty(u.Host))
        {
            e.Ajouter(id, $"{libelle} doit être une adresse web complète commençant par https:// (500 caractères au plus).");
            return null;
        }

        return v;
    }

    /// <summary>
    /// The one rule for an e-mail address everywhere (forms, imports, accounts, verbs): at most <paramref name="max"/>
    /// characters, one address that reads back as typed (no display name, no list), a domain with a dot.
    /// </summary>
    public static bool EstCourriel(string v, int max = 254) =>
        v.Length <= max && MailAddress.TryCreate(v, out var m) && m.Address == v && m.Host.Contains('.', StringComparison.Ordinal);

    public static string? Courriel(Erreurs e, string id, string libelle, string? valeur)
    {
        var v = Nettoyer(valeur);
        if (v is null)
        {
            return null;
        }

        if (!EstCourriel(v, 200))
        {
            e.Ajouter(id, $"{libelle} doit être une adresse e-mail valide, par exemple contact@structure.fr.");
            return null;
        }

        return v;
    }

    public static string? Telephone(Erreurs e, string id, string libelle, string? valeur)
    {
        var v = Nettoyer(valeur);
        if (v is null)
        {
            return null;
        }

        var chiffres = v.Count(char.IsAsciiDigit);
        if (v.Length > 30 || chiffres < 4 || chiffres > 15 || !v.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '.' or '-' or '(' or ')'))
        {
            e.Ajouter(id, $"{libelle} doit être un numéro de téléphone, par exemple 04 73 00 00 00.");
            return null;
        }

        return v;
    }

    // Readers of raw query-string values (the search, the directory, the APIs).
    /// <summary>The page number of a listing (1 to 1000, 1 when absent).</summary>
    public static int Page(string? brut, Erreurs erreurs) =>
        Entier(brut, "page", 1, 1000, "Le numéro de page doit être un entier entre 1 et 1000.", erreurs) ?? 1;

    public static int? Entier(string? brut, string champ, int min, int max, string message, Erreurs erreurs)
    {
        if (string.IsNullOrWhiteSpace(brut))
        {
            return null;
        }

        if (int.TryParse(brut.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max)
        {
            return v;
        }

        erreurs.Ajouter(champ, message);
        return null;
    }

    public static string? Valeur(string? brut, string champ, Liste liste, string nom, Erreurs erreurs)
    {
        if (string.IsNullOrWhiteSpace(brut))
        {
            return null;
        }

        var v = brut.Trim();
        if (liste.Contient(v))
        {
            return v;
        }

        erreurs.Ajouter(champ, $"La valeur « {Tronquer(v)} » n'est pas un(e) {nom} connu(e). Valeurs possibles : {string.Join(", ", liste.Termes.Select(t => t.Valeur))}.");
        return null;
    }

    public static bool Booleen(string? brut, string champ, Erreurs erreurs)
    {
        switch (brut?.Trim().ToLowerInvariant())
        {
            case null or "" or "false" or "0" or "non":
                return false;
            case "true" or "1" or "oui" or "on":
                return true;
            default:
                erreurs.Ajouter(champ, $"« {Tronquer(brut!)} » n'est pas une valeur valide : utilisez true ou false.");
                return false;
        }
    }

    public static string Tronquer(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
