
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
        // With a commune, only the programmes whose zone covers it are scored (a few thousand of 50,000): the
        // words' postings are still read, but nothing outside the zone is written, merged or filtered.
        Cumul? scores = null;
        var clauses = string.IsNullOrWhiteSpace(q.Texte) ? [] : _lexique.Analyser(q.Texte);
        List<string> sansResultat = [];
        var zone = q.Commune is { } commune ? CandidatsPour(commune) : null;
        byte[]? masque = null;
        try
        {
            if (clauses.Count > 0)
            {
                if (zone is not null)
                {
                    masque = System.Buffers.ArrayPool<byte>.Shared.Rent(_docs.Length);
                    Array.Clear(masque, 0, _docs.Length);
                    foreach (var i in zone)
                    {
                        masque[i] = 1;
                    }
                }

                scores = ScoresTexte(clauses, masque, sansResultat);
            }

            return Filtrer(q, scores, zone, sansResultat);
        }
        finally
        {
            if (scores is not null)
            {
                _reserve.Rendre(scores);
            }

            if (masque is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(masque);
            }
        }
    }

    private ResultatsRecherche Filtrer(RequeteRecherche q, Cumul? scores, int[]? zone, List<string> sansResultat)
    {
        // 2. Filters, distance, facets. A text query can keep 40,000 programmes to show 20: what is kept is a
        // struct per programme in a pooled array, the facets are counted by number, and a result object is only
        // made for the page shown (a record and a dictionary lookup per programme were 60 % of a query's time).
        var comptes = System.Buffers.ArrayPool<int>.Shared.Rent(_facettes.Length);
        Array.Clear(comptes, 0, _facettes.Length);
        var nombre = 0;
        int remunere = 0, internat = 0, permanente = 0, gratuit = 0;
        var regionDep = q.Departement is null ? null : _regionParDepartement.GetValueOrDefault(q.Departement);
        var demande = Demande.De(q, _criteres);
        var maxScore = 0.0;

        // Only the programmes the words scored (already limited to the zone), else those of the zone, else all.
        var tous = scores is null && zone is null;
        var candidats = scores is not null ? scores.Tenus : zone;
        var n = tous ? _docs.Length : candidats.Length;

        // As long as the candidates, not the catalogue: a query of a commune keeps a few hundred, and arrays sized for
        // 50,000 (1.5 MB each) piled up in the pool under load.
        var retenus = System.Buffers.ArrayPool<Retenu>.Shared.Rent(Math.Max(n, 1));
        for (var k = 0; k < n; k++)
        {
            var i = tous ? k : candidats[k];
            var score = 0.0;
            if (scores is not null)
            {
                score = scores.Valeurs[i];
                if (score <= 0)
                {
                    continue;
                }
            }

            if (!Garder(i, q, demande, regionDep, out var distance, out var lieu))
            {
                continue;
            }

            maxScore = Math.Max(maxScore, score);
            retenus[nombre++] = new Retenu(i, score, distance, lieu);
            foreach (var f in _facettesParDoc[i])
            {
                comptes[f]++;
            }

            var particularites = _criteres.Docs[i].Particularites;
            remunere += (particularites & Particularites.Remunere) != 0 ? 1 : 0;
            internat += (particularites & Particularites.Internat) != 0 ? 1 : 0;
            permanente += (particularites & Particularites.EntreePermanente) != 0 ? 1 : 0;
            gratuit += (particularites & Particularites.Gratuit) != 0 ? 1 : 0;
        }

        var page = Math.Max(1, q.Page);
        var taille = Math.Clamp(q.Taille, 1, 100);
        var items = MeilleursResultats(retenus.AsSpan(0, nombre), maxScore, page * taille)
            .Skip((page - 1) * taille)
            .Select(r => new DispositifTrouve(_docs[r.Position], r.Pertinence, r.Distance == double.MaxValue ? null : r.Distance,
                r.Lieu < 0 ? null : _docs[r.Position].Lieux[r.Lieu]))
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

    /// <summary>
    /// A programme kept by a query: its position, its text score, its distance (MaxValue: none) and its nearest place
    /// (a position in its <see cref="DispositifDoc.Lieux"/>, -1: none).
    /// </summary>
    private readonly record struct Retenu(int Position, double Pertinence, double Distance, int Lieu);

    /// <summary>
    /// A query's filter values in the bits of <see cref="CriteresIndex"/>, computed once per query; with a radius, the
    /// largest difference of latitudes (degrees) of a place within it (else infinity).
    /// </summary>
    private readonly record struct Demande(ulong Entree, ulong Niveau, ulong Situation, Particularites Requis, double EcartLatitude)
    {
        public static Demande De(RequeteRecherche q, CriteresIndex criteres) => new(
            q.Entree is null ? 0 : criteres.Entree(q.Entree),
            q.Niveau is null ? 0 : criteres.Niveau(q.Niveau),
            q.Situation is null ? 0 : criteres.Situation(q.Situation),
            (q.Remunere ? Particularites.Remunere : 0) | (q.Internat ? Particularites.Internat : 0)
            | (q.EntreePermanente ? Particularites.EntreePermanente : 0) | (q.Gratuit ? Particularites.Gratuit : 0),
            q.RayonKm is { } rayon ? CriteresIndex.EcartLatitudeMax(rayon) : double.PositiveInfinity);
    }

    private bool Garder(int i, RequeteRecherche q, in Demande demande, string? regionDep, out double distance, out int lieuProche)
    {
        distance = double.MaxValue;
        lieuProche = -1;
        var c = _criteres.Docs[i];
        if (c.A(Particularites.Suspendu) || (c.Particularites & demande.Requis) != demande.Requis)
        {
            return false;
        }

        if (q.Age is { } age && (age < c.AgeMin || age > c.AgeMax))
        {
            return false;
        }

        if (c.A(Particularites.Incomplet) ? !ListesConviennent(_docs[i], q) : !MasquesConviennent(c, q, demande))
        {
            return false;
        }

        if (q.Thematiques.Count > 0 && !UneThematique(_docs[i], q.Thematiques))
        {
            return false;
        }

        if (q.Departement is not null)
        {
            var d = _docs[i];
            if (!d.CouvreDepartement(q.Departement, regionDep))
            {
                return false;
            }

            if (d.Lieux.Length > 0 && !UnLieuDans(d.Lieux, q.Departement))
            {
                return false;
            }
        }

        if (q.Commune is { } commune)
        {
            // Zone coverage is guaranteed by the candidate lists (CandidatsPour). With a radius, a place whose
            // latitude alone puts it beyond is not measured: it could be neither within the radius nor the nearest
            // of a programme kept.
            var debut = _criteres.DebutLieux[i];
            var fin = _criteres.DebutLieux[i + 1];
            for (var l = debut; l < fin; l++)
            {
                var latitude = _criteres.Latitudes[l];
                if (Math.Abs(latitude - commune.Latitude) > demande.EcartLatitude)
                {
                    continue;
                }

                var km = Communes.Distances.DistanceKm(commune.Latitude, commune.Longitude, latitude, _criteres.Longitudes[l]);
                if (lieuProche < 0 || km < distance)
                {
                    distance = km;
                    lieuProche = l - debut;
                }
            }

            // A programme with no place of its own (remote, or delivered where the young person is)
            // is kept: its zone covers the commune, which is what matters for it.
            if (fin > debut && (lieuProche < 0 || (q.RayonKm is { } rayon && distance > rayon)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool MasquesConviennent(in CriteresDoc c, RequeteRecherche q, in Demande demande) =>
        (q.Entree is null || (c.Entrees & demande.Entree) != 0)
        && (q.Niveau is null || c.Niveaux == 0 || (c.Niveaux & demande.Niveau) != 0)
        && (q.Situation is null || c.Situations == 0 || (c.Situations & demande.Situation) != 0);

    /// <summary>The same test on the strings, for a programme one of whose lists has a value past the 64 bits.</summary>
    private static bool ListesConviennent(DispositifDoc d, RequeteRecherche q) =>
        (q.Entree is null || Array.IndexOf(d.Entrees, q.Entree) >= 0)
        && (q.Niveau is null || d.Niveaux.Length == 0 || Array.IndexOf(d.Niveaux, q.Niveau) >= 0)
        && (q.Situation is null || d.Situations.Length == 0 || Array.IndexOf(d.Situations, q.Situation) >= 0);

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
    private Cumul ScoresTexte(List<Clause> clauses, byte[]? masque, List<string> sansResultat)
    {
        var total = _reserve.Prendre();
        var clause = _reserve.Prendre();
        var premiere = true;
        foreach (var c in clauses.OrderBy(c => c.Facultative))
        {
            var trouve = false;
            foreach (var alt in c.Alternatives)
            {
                var alternative = ScoresAlternative(alt, masque, ref trouve);
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
    private Cumul ScoresAlternative(Alternative alt, byte[]? masque, ref bool trouve)
    {
        var k = alt.Termes.Length;
        if (k == 1)
        {
            // Most alternatives are one word: its scores are the alternative's.
            var seul = _reserve.Prendre();
            trouve |= ScoresTerme(alt.Termes[0], seul, masque);
            return seul;
        }

        var somme = _reserve.Prendre();
        var terme = _reserve.Prendre();
        foreach (var t in alt.Termes)
        {
            trouve |= ScoresTerme(t, terme, masque);
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
    private bool ScoresTerme(string t, Cumul courant, byte[]? masque)
    {
        var trouve = false;
        var idfMax = float.MaxValue;
        if (_postings.TryGetValue(t, out var exact))
        {
            Cumuler(courant, masque, exact, 1f);
            idfMax = Idf(exact);
            trouve = true;
        }

        trouve |= Prefixes(t, courant, masque, FacteurPrefixe);
        foreach (var e in _lexique.VariantesSimples(t))
        {
            if (_postings.TryGetValue(e, out var synonyme))
            {
                Cumuler(courant, masque, synonyme, Lexique.FacteurSynonyme, idfMax);
                trouve = true;
            }

            trouve |= Prefixes(e, courant, masque, Lexique.FacteurSynonyme * FacteurPrefixe);
        }

        if (t.Length >= 5 && _parRacine.TryGetValue(TexteFrancais.Racine(t), out var memeRacine))
        {
            foreach (var r in memeRacine)
            {
                if (r != t)
                {
                    Cumuler(courant, masque, _postings[r], FacteurRacine, idfMax);
                    trouve = true;
                }
            }
        }

        if (!trouve && t.Length >= 5)
        {
            foreach (var v in Voisins(t))
            {
                Cumuler(courant, masque, _postings[v], FacteurFaute);
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
                        Cumuler(courant, masque, proche, e == forme ? FacteurFaute : FacteurFaute * Lexique.FacteurSynonyme, idfForme);
                        trouve = true;
                    }
                }
            }
        }

        return trouve;
    }

    private bool Prefixes(string terme, Cumul courant, byte[]? masque, float facteur)
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
                Cumuler(courant, masque, _postings[t], facteur);
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
            // An edit changes the set of letters by two at most (a substitution: one out, one in), so a term whose
            // letters differ from the word's by more than four is more than two edits away: most terms go at once.
            var lettres = Lettres(forme);
            for (var k = 0; k < _termesTries.Length; k++)
            {
                var t = _termesTries[k];
                if (Math.Abs(t.Length - forme.Length) > 2 || ulong.PopCount(lettres ^ _lettresTermes[k]) > 4)
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

    private void Cumuler(Cumul courant, byte[]? masque, uint[] postings, float facteur, float idfMax = float.MaxValue)
    {
        // Rarer terms weigh more (idf); a programme keeps its best match for this query term. An equivalent
        // is never rarer than the word typed (idfMax), so that an exact match stays above a synonym.
        // With a mask (the zone of a commune), only the programmes it holds are written.
        var idf = Math.Min(Idf(postings), idfMax);
        Span<float> parRang = stackalloc float[PoidsParRang.Length];
        for (var r = 0; r < parRang.Length; r++)
        {
            parRang[r] = PoidsParRang[r] * facteur * idf;
        }

        if (masque is null)
        {
            foreach (var p in postings)
            {
                courant.Garder((int)(p & MasquePosition), parRang[(int)(p >> BitsPosition)]);
            }
        }
        else
        {
            foreach (var p in postings)
            {
                var doc = (int)(p & MasquePosition);
                if (masque[doc] != 0)
                {
                    courant.Garder(doc, parRang[(int)(p >> BitsPosition)]);
                }
            }
        }
    }

    private float Idf(uint[] postings) => (float)Math.Log(1 + ((double)_docs.Length / postings.Length));

    /// <summary>
    /// The letters of a word as bits (a character's code modulo 64): two words' bits differ in no more places
    /// than their sets of letters do, whatever characters share a bit.
    /// </summary>
    private static ulong Lettres(string mot)
    {
        var bits = 0UL;
        foreach (var c in mot)
        {
            bits |= 1UL << (c & 63);
        }

        return bits;
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

}
