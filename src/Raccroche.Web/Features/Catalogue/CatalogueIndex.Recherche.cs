
namespace Raccroche.Web.Features.Catalogue;

public sealed partial class CatalogueIndex
{
    private const float FacteurPrefixe = 0.7f;
    private const float FacteurFaute = 0.6f;
    private const float FacteurRacine = 0.75f;
    private const int MaxTermesParPrefixe = 200;

    private ResultatsRecherche? _premierePage;

    /// <summary>
    /// A search. The page everyone lands on (no criterion, first page of 20) is computed once per snapshot: it ranks
    /// the whole catalogue and counts every facet, 25-60 ms at national scale, for a result that only a catalogue
    /// change (a new snapshot) alters.
    /// </summary>
    public ResultatsRecherche Rechercher(RequeteRecherche q) =>
        SansCritere(q) && q.Page == 1 && q.Taille == 20 ? _premierePage ??= Calculer(q) : Calculer(q);

    private static bool SansCritere(RequeteRecherche q) =>
        string.IsNullOrWhiteSpace(q.Texte) && q.Entree is null && q.Thematiques.Count == 0 && q.Age is null && q.Niveau is null
        && q.Situation is null && q.Commune is null && q.RayonKm is null && q.Departement is null
        && !q.Remunere && !q.Internat && !q.EntreePermanente && !q.Gratuit;

    private ResultatsRecherche Calculer(RequeteRecherche q)
    {
        // 1. Text: every clause of the query (a word or a phrase of the lexicon, with its equivalents) must match
        // the programme, exactly, as a prefix, by its stem or with one typo; intent words only add to the score.
        float[]? scores = null;
        var clauses = string.IsNullOrWhiteSpace(q.Texte) ? [] : _lexique.Analyser(q.Texte);
        List<string> sansResultat = [];
        if (clauses.Count > 0)
        {
            scores = ScoresTexte(clauses, sansResultat);
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
            new Facettes(entrees, categories, types, remunere, internat, permanente, gratuit))
        {
            Suggestion = hits.Count == 0 && sansResultat.Count > 0 ? Suggerer(q.Texte!, sansResultat) : null,
        };
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

    /// <summary>
    /// The text score of every programme (0 = left out): the sum of its clause scores, each the best of the
    /// clause's alternatives. <paramref name="sansResultat"/> gets the clauses that match no programme at all.
    /// </summary>
    private float[] ScoresTexte(List<Clause> clauses, List<string> sansResultat)
    {
        // Pooled buffers: several float[50,000] per query otherwise, which kept the GC busy under load.
        var pool = System.Buffers.ArrayPool<float>.Shared;
        var n = _docs.Length;
        var total = pool.Rent(n);
        var clause = pool.Rent(n);
        var alternative = pool.Rent(n);
        var terme = pool.Rent(n);
        var presents = System.Buffers.ArrayPool<byte>.Shared.Rent(n);
        var premiere = true;
        Array.Clear(total, 0, n);
        foreach (var c in clauses.OrderBy(c => c.Facultative))
        {
            Array.Clear(clause, 0, n);
            var trouve = false;
            foreach (var alt in c.Alternatives)
            {
                trouve |= ScoresAlternative(alt, alternative, terme, presents);
                var poids = alt.Facteur * c.Longueur / alt.Termes.Length;
                for (var i = 0; i < n; i++)
                {
                    clause[i] = Math.Max(clause[i], alternative[i] * poids);
                }
            }

            if (!trouve)
            {
                sansResultat.Add(c.Forme);
            }

            for (var i = 0; i < n; i++)
            {
                // AND over required clauses: a programme missing one drops out; optional ones only add.
                total[i] = c.Facultative ? (total[i] > 0 ? total[i] + clause[i] : 0)
                    : premiere ? clause[i]
                    : clause[i] > 0 && total[i] > 0 ? total[i] + clause[i] : 0;
            }

            premiere &= c.Facultative;
        }

        pool.Return(clause);
        pool.Return(alternative);
        pool.Return(terme);
        System.Buffers.ArrayPool<byte>.Shared.Return(presents);
        return total;
    }

    /// <summary>
    /// An alternative's score: the sum of its terms' scores, a programme needing all of them (for three words
    /// or more, all but one, at a lower score: "français langue étrangère" finds "la langue française").
    /// </summary>
    private bool ScoresAlternative(Alternative alt, float[] resultat, float[] terme, byte[] presents)
    {
        var n = _docs.Length;
        Array.Clear(resultat, 0, n);
        Array.Clear(presents, 0, n);
        var trouve = false;
        foreach (var t in alt.Termes)
        {
            Array.Clear(terme, 0, n);
            trouve |= ScoresTerme(t, terme);
            for (var i = 0; i < n; i++)
            {
                if (terme[i] > 0)
                {
                    resultat[i] += terme[i];
                    presents[i]++;
                }
            }
        }

        var k = alt.Termes.Length;
        var minimum = k >= 3 ? k - 1 : k;
        for (var i = 0; i < n; i++)
        {
            resultat[i] = presents[i] >= minimum ? resultat[i] * presents[i] * presents[i] / (k * k) : 0;
        }

        return trouve;
    }

    /// <summary>One word's score in every programme: the best of exact, prefix, stem, one-word equivalent and (failing all) one typo.</summary>
    private bool ScoresTerme(string t, float[] courant)
    {
        var trouve = false;
        var idfMax = float.MaxValue;
        if (_postings.TryGetValue(t, out var exact))
        {
            Cumuler(courant, exact, 1f);
            idfMax = Idf(exact);
            trouve = true;
        }

        trouve |= Prefixes(t, courant, FacteurPrefixe);
        foreach (var e in _lexique.VariantesSimples(t))
        {
            if (_postings.TryGetValue(e, out var synonyme))
            {
                Cumuler(courant, synonyme, Lexique.FacteurSynonyme, idfMax);
                trouve = true;
            }

            trouve |= Prefixes(e, courant, Lexique.FacteurSynonyme * FacteurPrefixe);
        }

        if (t.Length >= 5 && _parRacine.TryGetValue(TexteFrancais.Racine(t), out var memeRacine))
        {
            foreach (var r in memeRacine)
            {
                if (r != t)
                {
                    Cumuler(courant, _postings[r], FacteurRacine, idfMax);
                    trouve = true;
                }
            }
        }

        if (!trouve && t.Length >= 5)
        {
            foreach (var v in Voisins(t))
            {
                Cumuler(courant, _postings[v], FacteurFaute);
                trouve = true;
            }
        }

        if (exact is null)
        {
            // A word the sheets never use as typed (cut short or with a typo) may still be a form of the lexicon:
            // "deuxiem" is "deuxieme", whose equivalent "2e" is what the sheets say.
            foreach (var forme in _lexique.FormesProches(t))
            {
                var idfForme = _postings.TryGetValue(forme, out var f) ? Idf(f) : float.MaxValue;
                foreach (var e in _lexique.VariantesSimples(forme).Prepend(forme))
                {
                    if (_postings.TryGetValue(e, out var proche))
                    {
                        Cumuler(courant, proche, e == forme ? FacteurFaute : FacteurFaute * Lexique.FacteurSynonyme, idfForme);
                        trouve = true;
                    }
                }
            }
        }

        return trouve;
    }

    private bool Prefixes(string terme, float[] courant, float facteur)
    {
        if (terme.Length < 2)
        {
            return false;
        }

        var trouve = false;
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
                Cumuler(courant, _postings[t], facteur);
                trouve = true;
                n++;
            }
        }

        return trouve;
    }

    /// <summary>
    /// "Did you mean": the query with each word that matched nothing replaced by the nearest indexed term
    /// (at most two edits, the most frequent first); null when no word has a near term.
    /// </summary>
    private string? Suggerer(string texte, List<string> sansResultat)
    {
        var remplacements = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var forme in sansResultat.Where(f => !f.Contains(' ') && f.Length >= 3))
        {
            string? meilleur = null;
            var meilleureDistance = 3;
            var meilleureFrequence = 0;
            foreach (var t in _termesTries)
            {
                if (Math.Abs(t.Length - forme.Length) > 2)
                {
                    continue;
                }

                var d = TexteFrancais.Distance(forme, t, 2);
                var frequence = _postings[t].Length;
                if (d < meilleureDistance || (d == meilleureDistance && frequence > meilleureFrequence))
                {
                    (meilleur, meilleureDistance, meilleureFrequence) = (t, d, frequence);
                }
            }

            if (meilleur is not null && meilleureDistance <= 2)
            {
                remplacements[forme] = meilleur;
            }
        }

        if (remplacements.Count == 0)
        {
            return null;
        }

        // Rebuilt from the words typed, so that the other words keep their accents and case.
        var mots = texte.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(m => TexteFrancais.Termes(m) is [var seul] && remplacements.TryGetValue(seul, out var r) ? r : m);
        return string.Join(' ', mots);
    }

    private void Cumuler(float[] courant, Posting[] postings, float facteur, float idfMax = float.MaxValue)
    {
        // Rarer terms weigh more (idf); a programme keeps its best match for this query term. An equivalent
        // is never rarer than the word typed (idfMax), so that an exact match stays above a synonym.
        var idf = Math.Min(Idf(postings), idfMax);
        foreach (var p in postings)
        {
            var v = p.Poids * facteur * idf;
            if (v > courant[p.Doc])
            {
                courant[p.Doc] = v;
            }
        }
    }

    private float Idf(Posting[] postings) => (float)Math.Log(1 + ((double)_docs.Length / postings.Length));

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
