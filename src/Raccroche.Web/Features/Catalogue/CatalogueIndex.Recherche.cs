
namespace Raccroche.Web.Features.Catalogue;

public sealed partial class CatalogueIndex
{
    private const float FacteurPrefixe = 0.7f;
    private const float FacteurFaute = 0.6f;
    private const int MaxTermesParPrefixe = 200;

    public ResultatsRecherche Rechercher(RequeteRecherche q)
    {
        // 1. Text: every query term must match the programme (exactly, as a prefix, or with one typo).
        float[]? scores = null;
        var termes = string.IsNullOrWhiteSpace(q.Texte) ? [] : TexteFrancais.Termes(q.Texte);
        if (termes.Count > 0)
        {
            scores = ScoresTexte(termes);
        }

        // 2. Filters, distance, facets.
        var hits = new List<DispositifTrouve>();
        var entrees = new Dictionary<string, int>(StringComparer.Ordinal);
        var categories = new Dictionary<string, int>(StringComparer.Ordinal);
        var types = new Dictionary<string, int>(StringComparer.Ordinal);
        int remunere = 0, internat = 0, permanente = 0, gratuit = 0;
        var regionDep = q.Departement is null ? null : _regionParDepartement.GetValueOrDefault(q.Departement);
        var maxScore = 0.0;

        // With a commune, only the programmes whose zone covers it are looked at (a few thousand of 50,000).
        var candidats = q.Commune is { } commune ? CandidatsPour(commune) : null;
        var n = candidats?.Length ?? _docs.Length;
        for (var k = 0; k < n; k++)
        {
            var i = candidats is null ? k : candidats[k];
            var score = 0.0;
            if (scores is not null)
            {
                score = scores[i];
                if (score <= 0)
                {
                    continue;
                }
            }

            var d = _docs[i];
            if (!Garder(d, q, regionDep, out var distance, out var lieu))
            {
                continue;
            }

            maxScore = Math.Max(maxScore, score);
            hits.Add(new DispositifTrouve(d, score, distance, lieu));
            foreach (var e in d.Entrees)
            {
                Incrementer(entrees, e);
            }

            foreach (var c in d.Categories)
            {
                Incrementer(categories, c);
            }

            if (d.TypeService is not null)
            {
                Incrementer(types, d.TypeService);
            }

            remunere += d.Remunere == true ? 1 : 0;
            internat += d.Internat == true ? 1 : 0;
            permanente += d.EntreePermanente == true ? 1 : 0;
            gratuit += d.Frais == "gratuit" ? 1 : 0;
        }

        var page = Math.Max(1, q.Page);
        var taille = Math.Clamp(q.Taille, 1, 100);
        var items = MeilleursResultats(hits, maxScore, page * taille).Skip((page - 1) * taille).ToList();
        if (scores is not null)
        {
            System.Buffers.ArrayPool<float>.Shared.Return(scores);
        }

        return new ResultatsRecherche(hits.Count, items,
            new Facettes(entrees, categories, types, remunere, internat, permanente, gratuit));
    }

    private bool Garder(DispositifDoc d, RequeteRecherche q, string? regionDep, out double? distance, out LieuDoc? lieuProche)
    {
        distance = null;
        lieuProche = null;
        if (d.Suspendu)
        {
            return false;
        }

        if (q.Entree is not null && Array.IndexOf(d.Entrees, q.Entree) < 0)
        {
            return false;
        }

        if (q.Thematiques.Count > 0 && !q.Thematiques.Any(t => Array.IndexOf(d.Thematiques, t) >= 0 || Array.IndexOf(d.Categories, t) >= 0))
        {
            return false;
        }

        if (q.Age is { } age && ((d.AgeMin is { } min && age < min) || (d.AgeMax is { } max && age > max)))
        {
            return false;
        }

        if (q.Niveau is not null && d.Niveaux.Length > 0 && Array.IndexOf(d.Niveaux, q.Niveau) < 0)
        {
            return false;
        }

        if (q.Situation is not null && d.Situations.Length > 0 && Array.IndexOf(d.Situations, q.Situation) < 0)
        {
            return false;
        }

        if ((q.Remunere && d.Remunere != true) || (q.Internat && d.Internat != true) ||
            (q.EntreePermanente && d.EntreePermanente != true) || (q.Gratuit && d.Frais != "gratuit"))
        {
            return false;
        }

        if (q.Departement is not null)
        {
            if (!d.CouvreDepartement(q.Departement, regionDep))
            {
                return false;
            }

            if (d.Lieux.Length > 0 && !d.Lieux.Any(l => l.Departement == q.Departement))
            {
                return false;
            }
        }

        if (q.Commune is { } c)
        {
            // Zone coverage is guaranteed by the candidate lists (CandidatsPour).
            foreach (var l in d.Lieux)
            {
                var km = Communes.Distances.DistanceKm(c.Latitude, c.Longitude, l.Latitude, l.Longitude);
                if (distance is null || km < distance)
                {
                    distance = km;
                    lieuProche = l;
                }
            }

            // A programme with no place of its own (remote, or delivered where the young person is)
            // is kept: its zone covers the commune, which is what matters for it.
            if (q.RayonKm is { } rayon && distance is { } dist && dist > rayon)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Orders by relevance then distance: relevance is bucketed in tenths of the best score so that
    /// programmes about as relevant as each other come nearest first.
    /// </summary>
    private static IEnumerable<DispositifTrouve> MeilleursResultats(List<DispositifTrouve> hits, double maxScore, int k)
    {
        var comparer = Comparer<DispositifTrouve>.Create((a, b) =>
        {
            var ba = maxScore > 0 ? Math.Round(a.Pertinence / maxScore * 10) : 0;
            var bb = maxScore > 0 ? Math.Round(b.Pertinence / maxScore * 10) : 0;
            var c = bb.CompareTo(ba);
            if (c != 0)
            {
                return c;
            }

            c = (a.DistanceKm ?? double.MaxValue).CompareTo(b.DistanceKm ?? double.MaxValue);
            if (c != 0)
            {
                return c;
            }

            c = b.Pertinence.CompareTo(a.Pertinence);
            return c != 0 ? c : string.CompareOrdinal(a.Doc.Nom, b.Doc.Nom) is var n && n != 0 ? n : a.Doc.Id.CompareTo(b.Doc.Id);
        });

        if (hits.Count <= k)
        {
            hits.Sort(comparer);
            return hits;
        }

        // Keep only the k best in a bounded heap: sorting 50,000 hits to show 20 is wasted work.
        var heap = new PriorityQueue<DispositifTrouve, DispositifTrouve>(k + 1, Comparer<DispositifTrouve>.Create((a, b) => comparer.Compare(b, a)));
        foreach (var h in hits)
        {
            heap.Enqueue(h, h);
            if (heap.Count > k)
            {
                heap.Dequeue();
            }
        }

        var top = new List<DispositifTrouve>(heap.Count);
        while (heap.Count > 0)
        {
            top.Add(heap.Dequeue());
        }

        top.Reverse();
        return top;
    }

    private float[] ScoresTexte(List<string> termes)
    {
        // Pooled buffers: two float[50,000] per query otherwise, which kept the GC busy under load.
        var pool = System.Buffers.ArrayPool<float>.Shared;
        float[]? total = null;
        var courant = pool.Rent(_docs.Length);
        foreach (var terme in termes.Distinct())
        {
            Array.Clear(courant, 0, _docs.Length);
            var trouve = false;
            if (_postings.TryGetValue(terme, out var exact))
            {
                Cumuler(courant, exact, 1f);
                trouve = true;
            }

            if (terme.Length >= 2)
            {
                var n = 0;
                for (var i = BorneInferieure(terme); i < _termesTries.Length && n < MaxTermesParPrefixe; i++)
                {
                    var t = _termesTries[i];
                    if (!t.StartsWith(terme, StringComparison.Ordinal))
                    {
                        break;
                    }

                    if (t.Length > terme.Length)
                    {
                        Cumuler(courant, _postings[t], FacteurPrefixe);
                        trouve = true;
                        n++;
                    }
                }
            }

            if (!trouve && terme.Length >= 5)
            {
                foreach (var t in Voisins(terme))
                {
                    Cumuler(courant, _postings[t], FacteurFaute);
                }
            }

            if (total is null)
            {
                total = pool.Rent(_docs.Length);
                Array.Copy(courant, total, _docs.Length);
            }
            else
            {
                for (var i = 0; i < _docs.Length; i++)
                {
                    // AND: a programme missing one term drops out.
                    total[i] = courant[i] > 0 && total[i] > 0 ? total[i] + courant[i] : 0;
                }
            }
        }

        pool.Return(courant);
        if (total is null)
        {
            total = pool.Rent(_docs.Length);
            Array.Clear(total, 0, _docs.Length);
        }

        return total;
    }

    private void Cumuler(float[] courant, Posting[] postings, float facteur)
    {
        // Rarer terms weigh more (idf); a programme keeps its best match for this query term.
        var idf = (float)Math.Log(1 + ((double)_docs.Length / postings.Length));
        foreach (var p in postings)
        {
            var v = p.Poids * facteur * idf;
            if (v > courant[p.Doc])
            {
                courant[p.Doc] = v;
            }
        }
    }

    /// <summary>Indexed terms at one edit (insertion, deletion, substitution or transposition) from the word.</summary>
    internal IEnumerable<string> Voisins(string mot)
    {
        var candidats = new HashSet<string>(StringComparer.Ordinal);
        if (_suppressions.TryGetValue(mot, out var parInsertion))
        {
            candidats.UnionWith(parInsertion);
        }

        for (var i = 0; i < mot.Length; i++)
        {
            var del = mot.Remove(i, 1);
            if (_postings.ContainsKey(del))
            {
                candidats.Add(del);
            }

            if (_suppressions.TryGetValue(del, out var l))
            {
                candidats.UnionWith(l);
            }
        }

        return candidats.Where(c => c != mot && TexteFrancais.Distance(mot, c, 1) <= 1);
    }

    private int BorneInferieure(string prefixe)
    {
        int lo = 0, hi = _termesTries.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(_termesTries[mid], prefixe) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static void Incrementer(Dictionary<string, int> d, string cle) =>
        d[cle] = d.TryGetValue(cle, out var n) ? n + 1 : 1;
}
