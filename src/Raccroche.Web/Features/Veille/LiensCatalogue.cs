namespace Raccroche.Web.Features.Veille;

/// <summary>
/// Programmes and structures of the catalogue named in a form: the number of their sheet or its address
/// (<c>/dispositifs/12/…</c>, <c>https://…/structures/34</c>), separated by commas or spaces. Works without JavaScript on a
/// catalogue of any size (no list of thousands of boxes to tick).
/// </summary>
public static partial class LiensCatalogue
{
    public const int Maximum = 20;

    [GeneratedRegex(@"^(?:https?://[^/\s]+)?/(dispositifs|structures)/(\d{1,9})(?:[/?#].*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Adresse();

    /// <summary>The ids named in <paramref name="saisie"/> for <paramref name="segment"/> ("dispositifs" or "structures"), or null with a French message.</summary>
    public static List<int>? Lire(Erreurs e, string champ, string libelle, string segment, string? saisie)
    {
        var ids = new List<int>();
        var refuses = new List<string>();
        foreach (var morceau in (saisie ?? "").Split([',', ' ', '\n', '\r', '\t', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(morceau, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                ids.Add(n);
            }
            else if (Adresse().Match(morceau) is { Success: true } m && string.Equals(m.Groups[1].Value, segment, StringComparison.OrdinalIgnoreCase)
                && int.TryParse(m.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
            {
                ids.Add(id);
            }
            else
            {
                refuses.Add(Saisie.Tronquer(morceau));
            }
        }

        if (refuses.Count > 0)
        {
            e.Ajouter(champ, $"{libelle} : « {refuses[0]} » n'est ni un numéro de fiche ni l'adresse d'une fiche /{segment}/… du répertoire.");
            return null;
        }

        ids = [.. ids.Distinct()];
        if (ids.Count > Maximum)
        {
            e.Ajouter(champ, $"{libelle} : {Maximum} fiches au plus.");
            return null;
        }

        return ids;
    }

    /// <summary>The ids among <paramref name="ids"/> that the catalogue does not have, as a French message (null: all found).</summary>
    public static string? Inconnus(string libelle, IEnumerable<int> ids, IReadOnlyCollection<int> trouves)
    {
        var manquants = ids.Where(i => !trouves.Contains(i)).Take(3).ToList();
        return manquants.Count == 0 ? null
            : $"{libelle} : aucune fiche n° {string.Join(", ", manquants)} dans le répertoire.";
    }
}
