namespace Raccroche.Web.Commun;

/// <summary>
/// One copy of each distinct string: readers that keep many rows (a spreadsheet's cells, the catalogue's levels,
/// themes and codes) get every repeated value as the same instance instead of one copy per row.
/// Not thread-safe: one per read.
/// </summary>
public sealed class ChainesUniques
{
    private readonly HashSet<string> _vues = new(StringComparer.Ordinal);

    /// <summary>The copy already kept of <paramref name="valeur"/>, else <paramref name="valeur"/>, kept from now on.</summary>
    public string Une(string valeur)
    {
        if (_vues.TryGetValue(valeur, out var deja))
        {
            return deja;
        }

        _vues.Add(valeur);
        return valeur;
    }
}
