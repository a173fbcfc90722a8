using System.Collections.Frozen;

namespace Raccroche.Web.Commun;

/// <summary>A controlled value and its French label.</summary>
public sealed record Terme(string Valeur, string Libelle, string? Description = null);

/// <summary>A closed list of values: the data·inclusion ones are read from the schema's files, the rest are ours.</summary>
public sealed class Liste
{
    private readonly FrozenDictionary<string, Terme> _parValeur;

    public Liste(string nom, IEnumerable<Terme> termes)
    {
        Nom = nom;
        Termes = termes.ToList();
        _parValeur = Termes.ToFrozenDictionary(t => t.Valeur, StringComparer.Ordinal);
    }

    public string Nom { get; }
    public IReadOnlyList<Terme> Termes { get; }
    public bool Contient(string valeur) => _parValeur.ContainsKey(valeur);
    public string Libelle(string valeur) => _parValeur.TryGetValue(valeur, out var t) ? t.Libelle : valeur;
}
