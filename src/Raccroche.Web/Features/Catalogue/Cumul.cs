using System.Collections.Concurrent;

namespace Raccroche.Web.Features.Catalogue;

/// <summary>
/// A score per programme that holds only the programmes it scored: a dense array read in O(1) plus the list of the
/// positions written, so that walking and clearing it cost what it holds, not the catalogue's 50,000 positions.
/// A query word touches a few hundred programmes; the dense version cleared and walked every array for every word,
/// alternative and clause (4 times the cost of the same query before the lexicon multiplied the words).
/// Every score written is positive: 0 means "not held".
/// </summary>
internal sealed class Cumul
{
    private readonly int[] _tenus;

    public Cumul(int taille)
    {
        Valeurs = new float[taille];
        Presences = new byte[taille];
        _tenus = new int[taille];
    }

    public float[] Valeurs { get; }

    /// <summary>How many of an alternative's words a programme matched.</summary>
    public byte[] Presences { get; }

    public int Nombre { get; private set; }

    /// <summary>The positions held, in the order they were first written.</summary>
    public ReadOnlySpan<int> Tenus => _tenus.AsSpan(0, Nombre);

    /// <summary>Keeps the best of the score held and <paramref name="valeur"/> (&gt; 0).</summary>
    public void Garder(int position, float valeur)
    {
        var actuelle = Valeurs[position];
        if (valeur > actuelle)
        {
            if (actuelle == 0)
            {
                _tenus[Nombre++] = position;
            }

            Valeurs[position] = valeur;
        }
    }

    /// <summary>Adds <paramref name="valeur"/> (&gt; 0) to the score held.</summary>
    public void Ajouter(int position, float valeur)
    {
        if (Valeurs[position] == 0)
        {
            _tenus[Nombre++] = position;
        }

        Valeurs[position] += valeur;
    }

    public void Vider()
    {
        if (Nombre > Valeurs.Length / 8)
        {
            Array.Clear(Valeurs);
            Array.Clear(Presences);
        }
        else
        {
            foreach (var p in Tenus)
            {
                Valeurs[p] = 0;
                Presences[p] = 0;
            }
        }

        Nombre = 0;
    }

    /// <summary>
    /// Empty accumulators of one index's size, reused across queries: one query needs six, 450 KB each at national
    /// scale; the pool keeps as many as queries ran at once.
    /// </summary>
    internal sealed class Reserve(int taille)
    {
        private readonly ConcurrentBag<Cumul> _libres = [];

        public Cumul Prendre() => _libres.TryTake(out var c) ? c : new Cumul(taille);

        public void Rendre(Cumul c)
        {
            c.Vider();
            _libres.Add(c);
        }
    }
}
