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
    private int[] _tenus;
    private byte[]? _presences;

    public Cumul(int taille)
    {
        Valeurs = new float[taille];
        _tenus = new int[Math.Min(taille, 1024)];
    }

    public float[] Valeurs { get; }

    /// <summary>How many of an alternative's words a programme matched (made on first use: most alternatives are one word).</summary>
    public byte[] Presences => _presences ??= new byte[Valeurs.Length];

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
                Tenir(position);
            }

            Valeurs[position] = valeur;
        }
    }

    /// <summary>Adds <paramref name="valeur"/> (&gt; 0) to the score held.</summary>
    public void Ajouter(int position, float valeur)
    {
        if (Valeurs[position] == 0)
        {
            Tenir(position);
        }

        Valeurs[position] += valeur;
    }

    /// <summary>The list of positions grows with what is held (most words hold a few hundred of 50,000).</summary>
    private void Tenir(int position)
    {
        if (Nombre == _tenus.Length)
        {
            Array.Resize(ref _tenus, Math.Min(_tenus.Length * 2, Valeurs.Length));
        }

        _tenus[Nombre++] = position;
    }

    public void Vider()
    {
        if (Nombre > Valeurs.Length / 8)
        {
            Array.Clear(Valeurs);
            if (_presences is not null)
            {
                Array.Clear(_presences);
            }
        }
        else
        {
            foreach (var p in Tenus)
            {
                Valeurs[p] = 0;
            }

            if (_presences is not null)
            {
                foreach (var p in Tenus)
                {
                    _presences[p] = 0;
                }
            }
        }

        Nombre = 0;
    }

    /// <summary>
    /// Empty accumulators of one index's size, reused across queries: one query needs six, 200 KB each at national
    /// scale (plus what they held); the pool keeps as many as queries ran at once.
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
