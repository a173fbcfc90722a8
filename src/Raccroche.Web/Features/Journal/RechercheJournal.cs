using Microsoft.Extensions.Primitives;

namespace Raccroche.Web.Features.Journal;

/// <summary>
/// The audit trail search as typed in the GET form (so a search can be bookmarked), validated into a
/// <see cref="RequeteJournal"/>. Dates are French calendar days (Europe/Paris), from the date picker
/// (AAAA-MM-JJ) or typed (JJ/MM/AAAA).
/// </summary>
public sealed partial class FiltresJournal
{
    public const int TaillePage = 50;

    public string? Utilisateur { get; init; }
    public string? Action { get; init; }
    public string? Ressource { get; init; }
    public string? RessourceId { get; init; }
    public string? Du { get; init; }
    public string? Au { get; init; }
    public string? Page { get; init; }

    /// <summary>Actions offered in the form, with their labels.</summary>
    public static readonly IReadOnlyList<(string Valeur, string Libelle)> Actions =
    [
        (Tracabilite.Lecture, "Lecture"),
        (Tracabilite.Creation, "Création"),
        (Tracabilite.Modification, "Modification"),
        (Tracabilite.Export, "Export"),
        (Tracabilite.Anonymisation, "Anonymisation"),
        (Tracabilite.Connexion, "Connexion"),
    ];

    /// <summary>Read from the query string: "page" is also Razor Pages' route value, so no model binding here.</summary>
    public static FiltresJournal Depuis(IQueryCollection q)
    {
        static string? Premier(StringValues v) => v.Count == 0 ? null : v[0];
        return new()
        {
            Utilisateur = Premier(q["utilisateur"]),
            Action = Premier(q["action"]),
            Ressource = Premier(q["ressource"]),
            RessourceId = Premier(q["ressource_id"]),
            Du = Premier(q["du"]),
            Au = Premier(q["au"]),
            Page = Premier(q["page"]),
        };
    }

    public RequeteJournal? Valider(Erreurs erreurs)
    {
        var utilisateur = Texte(Utilisateur, "utilisateur", 256, "L'utilisateur recherché est trop long : 256 caractères au maximum.", erreurs);
        var action = Texte(Action, "action", 40, "L'action est trop longue : 40 caractères au maximum.", erreurs);
        if (action is not null && !Code().IsMatch(action))
        {
            erreurs.Ajouter("action", "Cette action n'existe pas : choisissez-en une dans la liste.");
        }

        var ressource = Texte(Ressource, "ressource", 40, "Le type de ressource est trop long : 40 caractères au maximum.", erreurs);
        var ressourceId = Texte(RessourceId, "ressource_id", 64, "L'identifiant est trop long : 64 caractères au maximum.", erreurs);
        var du = Date(Du, "du", "de début", erreurs);
        var au = Date(Au, "au", "de fin", erreurs);
        if (du is not null && au is not null && au < du)
        {
            erreurs.Ajouter("au", $"La date de fin ({au.Value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}) est antérieure à la date de début ({du.Value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}).");
        }

        var page = 1;
        if (!string.IsNullOrWhiteSpace(Page) && (!int.TryParse(Page.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1 || page > 100_000))
        {
            erreurs.Ajouter("page", "Le numéro de page doit être un entier entre 1 et 100 000.");
        }

        return erreurs.Any ? null : new RequeteJournal(utilisateur, action, ressource, ressourceId, du, au, page);
    }

    private static string? Texte(string? valeur, string champ, int max, string message, Erreurs erreurs)
    {
        var v = valeur?.Trim();
        if (string.IsNullOrEmpty(v))
        {
            return null;
        }

        if (v.Length > max)
        {
            erreurs.Ajouter(champ, message);
            return null;
        }

        return v;
    }

    private static readonly string[] FormatsDate = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];

    private static DateOnly? Date(string? valeur, string champ, string nom, Erreurs erreurs)
    {
        var v = valeur?.Trim();
        if (string.IsNullOrEmpty(v))
        {
            return null;
        }

        if (!DateOnly.TryParseExact(v, FormatsDate, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            erreurs.Ajouter(champ, $"La date {nom} « {Saisie.Tronquer(v)} » n'est pas une date valide : écrivez-la sous la forme JJ/MM/AAAA, par exemple 31/01/2025.");
            return null;
        }

        if (d.Year is < 2000 or > 2100)
        {
            erreurs.Ajouter(champ, $"La date {nom} doit être comprise entre 2000 et 2100.");
            return null;
        }

        return d;
    }

    [GeneratedRegex("^[a-zA-Z-]+$")]
    private static partial Regex Code();
}

/// <summary>A valid audit trail search: filters combine (AND), newest lines first.</summary>
public sealed record RequeteJournal(string? Utilisateur, string? Action, string? Ressource, string? RessourceId, DateOnly? Du, DateOnly? Au, int Page)
{
    public IQueryable<JournalAcces> Appliquer(IQueryable<JournalAcces> lignes)
    {
        if (Utilisateur is { } u)
        {
            // lower() on both sides: PostgreSQL's comparison is case-sensitive, SQLite's instr() too.
            var bas = u.ToLowerInvariant();
            lignes = lignes.Where(j => j.Utilisateur.ToLower().Contains(bas));
        }

        if (Action is { } a)
        {
            lignes = lignes.Where(j => j.Action == a);
        }

        if (Ressource is { } r)
        {
            lignes = lignes.Where(j => j.Ressource == r);
        }

        if (RessourceId is { } id)
        {
            lignes = lignes.Where(j => j.RessourceId == id);
        }

        if (Du is { } du)
        {
            var debut = HeureParis.DebutDuJour(du);
            lignes = lignes.Where(j => j.Le >= debut);
        }

        if (Au is { } au)
        {
            var fin = HeureParis.DebutDuJour(au.AddDays(1));
            lignes = lignes.Where(j => j.Le < fin);
        }

        return lignes.OrderByDescending(j => j.Le).ThenByDescending(j => j.Id);
    }

    /// <summary>The filters in words, for the export's own audit line.</summary>
    public string Description()
    {
        var parties = new List<string>();
        void Si(string? v, string nom)
        {
            if (v is not null)
            {
                parties.Add($"{nom} {v}");
            }
        }

        Si(Utilisateur, "utilisateur contient");
        Si(Action, "action");
        Si(Ressource, "ressource");
        Si(RessourceId, "identifiant");
        Si(Du?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), "du");
        Si(Au?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), "au");
        return parties.Count == 0 ? "sans filtre" : string.Join(", ", parties);
    }
}
