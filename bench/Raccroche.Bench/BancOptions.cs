using System.Globalization;

namespace Raccroche.Bench;

/// <summary>"--name value" pairs after the verb.</summary>
internal sealed class BancOptions
{
    private readonly Dictionary<string, string> _valeurs = new(StringComparer.Ordinal);

    public BancOptions(IEnumerable<string> args)
    {
        string? cle = null;
        foreach (var a in args)
        {
            if (a.StartsWith("--", StringComparison.Ordinal))
            {
                if (cle is not null)
                {
                    _valeurs[cle] = "true";
                }

                cle = a[2..];
            }
            else if (cle is not null)
            {
                _valeurs[cle] = a;
                cle = null;
            }
            else
            {
                throw new ArgumentException($"Unexpected argument: {a}");
            }
        }

        if (cle is not null)
        {
            _valeurs[cle] = "true";
        }
    }

    public string? Texte(string cle) => _valeurs.GetValueOrDefault(cle);

    public string Requis(string cle) =>
        _valeurs.TryGetValue(cle, out var v) ? v : throw new ArgumentException($"Missing option --{cle}.");

    public int Entier(string cle, int defaut) =>
        _valeurs.TryGetValue(cle, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : defaut;
}
