
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
        Cumul? scores = null;
        var clauses = string.IsNullOrWhiteSpace(q.Texte) ? [] : _lexique.Analyser(q.Texte);
        List<string> sansResultat = [];
        if (clauses.Count > 0)
        {
            scores = ScoresTexte(clauses, sansResultat);
        }

        try
        {
            return Filtrer(q, scores, sansResultat);
        }
        finally
        {
            if (scores is not null)
            {
                _reserve.Rendre(scores);
            }
        }
    }

    private ResultatsRecherche Filtrer(RequeteRecherche q, Cumul? scores, List<string> sansResultat)
    {
        // 2. Filters, distance, facets. A text query can keep 40,000 programmes to show 20: what is kept is a
        // struct per programme in a pooled array, the facets are counted by number, and a result object is only
        // made for the page shown (a record and a dictionary lookup per programme were 60 % of a query's time).
        var retenus = System.Buffers.ArrayPool<Retenu>.Shared.Rent(_docs.Length);
        var comptes = System.Buffers.ArrayPool<int>.Shared.Rent(_facettes.Length);
        Array.Clear(comptes, 0, _facettes.Length);
        var nombre = 0;
        int remunere = 0, internat = 0, permanente = 0, gratuit = 0;
        var regionDep = q.Departement is null ? null : _regionParDepartement.GetValueOrDefault(q.Departement);
        var maxScore = 0.0;

        // With a commune, only the programmes whose zone covers it are looked at (a few thousand of 50,000); with
        // words, only those the words matched.
        var candidats = q.Commune is { } commune ? CandidatsPour(commune)
            : scores is not null ? scores.Tenus.ToArray()
            : null;
        var n = candidats?.Length ?? _docs.Length;
        for (var k = 0; k < n; k++)
        {
            var i = candidats is null ? k : candidats[k];
            var score = 0.0;
            if (scores is not null)
            {
                score = scores.Valeurs[i];
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
            retenus[nombre++] = new Retenu(i, score, distance ?? double.MaxValue, lieu);
            foreach (var f in _facettesParDoc[i])
            {
                comptes[f]++;
            }

            remunere += d.Remunere == true ? 1 : 0;
            internat += d.Internat == true ? 1 : 0;
            permanente += d.EntreePermanente == true ? 1 : 0;
            gratuit += d.Frais == "gratuit" ? 1 : 0;
        }

        var page = Math.Max(1, q.Page);
        var taille = Math.Clamp(q.Taille, 1, 100);
        var items = MeilleursResultats(retenus.AsSpan(0, nombre), maxScore, page * taille)
            .Skip((page - 1) * taille)
            .Select(r => new DispositifTrouve(_docs[r.Position], r.Pertinence, r.Distance == double.MaxValue ? null : r.Distance, r.Lieu))
            .ToList();
        var entrees = new Dictionary<string, int>(StringComparer.Ordinal);
        var categories = new Dictionary<string, int>(StringComparer.Ordinal);
        var types = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var f = 0; f < _facettes.Length; f++)
        {
            if (comptes[f] > 0)
            {
                var (famille, valeur) = _facettes[f];
                (famille == FacetteEntree ? entrees : famille == FacetteCategorie ? categories : types)[valeur] = comptes[f];
            }
        }

        System.Buffers.ArrayPool<Retenu>.Shared.Return(retenus);
        System.Buffers.ArrayPool<int>.Shared.Return(comptes);
        return new ResultatsRecherche(nombre, items,
            new Facettes(entrees, categories, types, remunere, internat, permanente, gratuit))
        {
            Suggestion = nombre == 0 && sansResultat.Count > 0 ? Suggerer(q.Texte!, sansResultat) : null,
        };
    }

    /// <summary>A programme kept by a query: its position, its text score, its distance (MaxValue: none) and nearest place.</summary>
    private readonly record struct Retenu(int Position, double Pertinence, double Distance, LieuDoc? Lieu);

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

        if (q.Thematiques.Count > 0 && !UneThematique(d, q.Thematiques))
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

            if (d.Lieux.Length > 0 && !UnLieuDans(d.Lieux, q.Departement))
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

    // Written as loops: a lambda capturing the query made Garder allocate a closure for every programme looked at.
    private static bool UneThematique(DispositifDoc d, IReadOnlyCollection<string> thematiques)
    {
        foreach (var t in thematiques)
        {
            if (Array.IndexOf(d.Thematiques, t) >= 0 || Array.IndexOf(d.Categories, t) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool UnLieuDans(LieuDoc[] lieux, string departement)
    {
        foreach (var l in lieux)
        {
            if (l.Departement == departement)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Orders by relevance then distance: relevance is bucketed in tenths of the best score so that
    /// programmes about as relevant as each other come nearest first; then the exact score, then the name.
    /// </summary>
    private List<Retenu> MeilleursResultats(Span<Retenu> retenus, double maxScore, int k)
    {
        var ordre = new OrdreResultats(maxScore, _rangNom);
        if (retenus.Length <= k)
        {
            retenus.Sort(ordre);
            return [.. retenus];
        }

        // Keep only the k best in a bounded heap whose top is the worst kept: sorting 50,000 to show 20 is wasted work.
        var heap = new PriorityQueue<Retenu, Retenu>(k + 1, Comparer<Retenu>.Create((a, b) => ordre.Compare(b, a)));
        foreach (var r in retenus)
        {
            if (heap.Count < k)
            {
                heap.Enqueue(r, r);
            }
            else if (ordre.Compare(r, heap.Peek()) < 0)
            {
                heap.DequeueEnqueue(r, r);
            }
        }

        var top = new List<Retenu>(heap.Count);
        while (heap.Count > 0)
        {
            top.Add(heap.Dequeue());
        }

        top.Reverse();
        return top;
    }

    private sealed class OrdreResultats(double maxScore, int[] rangNom) : IComparer<Retenu>
    {
        public int Compare(Retenu a, Retenu b)
        {
            var ba = maxScore > 0 ? Math.Round(a.Pertinence / maxScore * 10) : 0;
            var bb = maxScore > 0 ? Math.Round(b.Pertinence / maxScore * 10) : 0;
            var c = bb.CompareTo(ba);
            if (c != 0)
            {
                return c;
            }

            c = a.Distance.CompareTo(b.Distance);
            if (c != 0)
            {
                return c;
            }

            c = b.Pertinence.CompareTo(a.Pertinence);
            return c != 0 ? c : rangNom[a.Position].CompareTo(rangNom[b.Position]);
        }
    }

    /// <summary>
    /// The text score of every programme (0 = left out): the sum of its clause scores, each the best of the
    /// clause's alternatives. <paramref name="sansResultat"/> gets the clauses that match no programme at all.
    /// The caller gives the result back to <see cref="_reserve"/>.
    /// </summary>
    private Cumul ScoresTexte(List<Clause> clauses, List<string> sansResultat)
    {
        var total = _reserve.Prendre();
        var clause = _reserve.Prendre();
        var premiere = true;
        foreach (var c in clauses.OrderBy(c => c.Facultative))
        {
            var trouve = false;
            foreach (var alt in c.Alternatives)
            {
                var alternative = ScoresAlternative(alt, ref trouve);
                var poids = alt.Facteur * c.Longueur / alt.Termes.Length;
                foreach (var i in alternative.Tenus)
                {
                    clause.Garder(i, alternative.Valeurs[i] * poids);
                }

                _reserve.Rendre(alternative);
            }

            if (!trouve)
            {
                sansResultat.Add(c.Forme);
            }

            // AND over required clauses: a programme missing one drops out; optional ones only add.
            if (c.Facultative)
            {
                foreach (var i in total.Tenus)
                {
                    total.Valeurs[i] += clause.Valeurs[i];
                }

                clause.Vider();
            }
            else if (premiere)
            {
                (total, clause) = (clause, total);
                premiere = false;
            }
            else
            {
                var restants = _reserve.Prendre();
                foreach (var i in total.Tenus)
                {
                    if (clause.Valeurs[i] > 0)
                    {
                        restants.Ajouter(i, total.Valeurs[i] + clause.Valeurs[i]);
                    }
                }

                _reserve.Rendre(total);
                total = restants;
                clause.Vider();
            }
        }

        _reserve.Rendre(clause);
        return total;
    }

    /// <summary>
    /// An alternative's score: the sum of its terms' scores, a programme needing all of them (for three words
    /// or more, all but one, at a lower score: "français langue étrangère" finds "la langue française").
    /// The caller gives the result back to <see cref="_reserve"/>.
    /// </summary>
    private Cumul ScoresAlternative(Alternative alt, ref bool trouve)
    {
        var k = alt.Termes.Length;
        if (k == 1)
        {
            // Most alternatives are one word: its scores are the alternative's.
            var seul = _reserve.Prendre();
            trouve |= ScoresTerme(alt.Termes[0], seul);
            return seul;
        }

        var somme = _reserve.Prendre();
        var terme = _reserve.Prendre();
        foreach (var t in alt.Termes)
        {
            trouve |= ScoresTerme(t, terme);
            foreach (var i in terme.Tenus)
            {
                somme.Ajouter(i, terme.Valeurs[i]);
                somme.Presences[i]++;
            }

            terme.Vider();
        }

        _reserve.Rendre(terme);
        var minimum = k >= 3 ? k - 1 : k;
        var resultat = _reserve.Prendre();
        foreach (var i in somme.Tenus)
        {
            var presents = somme.Presences[i];
            if (presents >= minimum)
            {
                resultat.Ajouter(i, somme.Valeurs[i] * presents * presents / (k * k));
            }
        }

        _reserve.Rendre(somme);
        return resultat;
    }

    /// <summary>One word's score in every programme: the best of exact, prefix, stem, one-word equivalent and (failing all) one typo.</summary>
    private bool ScoresTerme(string t, Cumul courant)
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

    private bool Prefixes(string terme, Cumul courant, float facteur)
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

    private void Cumuler(Cumul courant, Posting[] postings, float facteur, float idfMax = float.MaxValue)
    {
        // Rarer terms weigh more (idf); a programme keeps its best match for this query term. An equivalent
        // is never rarer than the word typed (idfMax), so that an exact match stays above a synonym.
        var idf = Math.Min(Idf(postings), idfMax);
        foreach (var p in postings)
        {
            courant.Garder(p.Doc, p.Poids * facteur * idf);
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

}
