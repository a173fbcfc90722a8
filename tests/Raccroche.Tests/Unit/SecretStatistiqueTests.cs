using System.Numerics;
using Raccroche.Web.Features.Observatoire;

namespace Raccroche.Tests.Unit;

/// <summary>
/// The observatory's statistical secrecy as properties: every small count is masked, published cells keep their values, and
/// no masked value can be recomputed from the published ones by any linear combination of the table's sums. The check
/// here is the test's own (exact rational rank, fraction-free elimination over big integers), not the product's.
/// </summary>
public sealed class SecretStatistiqueTests
{
    private static readonly ReglesSecret Regles = new();

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(10, true)]
    [InlineData(11, false)]
    [InlineData(250, false)]
    public void PrimarySecrecy_MasksCountsFromOneToTen_AndShowsZeroAndEleven(long valeur, bool secret) =>
        Assert.Equal(secret, Regles.EstPetitEffectif(valeur));

    [Theory]
    [InlineData(19, false)]
    [InlineData(20, true)]
    public void ARate_IsShownOnlyWithADenominatorOfTwentyOrMore(long denominateur, bool publiable) =>
        Assert.Equal(publiable, Regles.TauxPubliable(denominateur));

    [Fact]
    public void OneSmallCellInATableWithMargins_IsProtectedByARectangleOfMasks_AndNothingIsRecomputable()
    {
        // 2 × 2 with margins: [40 3 | 43], [25 30 | 55], [65 33 | 98].
        long?[] valeurs = [40, 3, 43, 25, 30, 55, 65, 33, 98];
        var sommes = SecretStatistique.Marges(2, 2);
        var r = SecretStatistique.Appliquer(valeurs, sommes, Regles);

        Assert.Equal(Marque.Secret, r.Marques[1]);
        Assert.True(r.Marques.Count(m => m is not null) >= 4, "one masked cell in a row and a column needs a rectangle");
        Assert.Empty(RecalculablesExact(valeurs.Length, sommes, r.Marques));
        Assert.Equal(98, r.Valeurs[8]);
    }

    [Fact]
    public void ATableWithoutSmallCounts_IsPublishedWhole_AndAMissingValueIsMarkedNotAvailable()
    {
        long?[] valeurs = [40, 13, 53, 25, 30, 55, 65, 43, 108];
        var r = SecretStatistique.Appliquer(valeurs, SecretStatistique.Marges(2, 2), Regles);
        Assert.All(r.Marques, m => Assert.Null(m));
        Assert.Equal(valeurs, r.Valeurs);

        long?[] manquant = [40, null, 53];
        var n = SecretStatistique.Appliquer(manquant, [new Somme(2, [0, 1])], Regles);
        Assert.Equal([null, Marque.NonDisponible, null], n.Marques); // nothing to protect in a value the platform does not have
    }

    [Fact]
    public void EverySmallTable_Exhaustively_IsSafe_AndKeepsItsPublishedValues()
    {
        // Every 2 × 3 table whose cells take 0, a small count or a large one (3^6 tables), with their margins.
        long[] choix = [0, 4, 35];
        var sommes = SecretStatistique.Marges(2, 3);
        var tables = 0;
        foreach (var combinaison in Combinaisons(6, choix.Length))
        {
            var cellules = combinaison.Select(i => choix[i]).ToArray();
            var valeurs = AvecMarges(cellules, 2, 3);
            Verifier(valeurs, sommes);
            tables++;
        }

        Assert.Equal(729, tables);
    }

    [Fact]
    public void RandomTables_WithNestedTerritoriesAndPeriods_AreSafe()
    {
        var r = new Random(20261202);
        for (var essai = 0; essai < 150; essai++)
        {
            var lignes = r.Next(2, 5);
            var colonnes = r.Next(2, 5);
            var cellules = Enumerable.Range(0, lignes * colonnes).Select(_ => (long)(r.Next(3) == 0 ? r.Next(0, 11) : r.Next(11, 80))).ToArray();
            var valeurs = AvecMarges(cellules, lignes, colonnes).ToList();
            var sommes = SecretStatistique.Marges(lignes, colonnes).ToList();

            // Nested: the first two rows also make a published group (e.g. two communes of one EPCI), by column and in total.
            var depart = valeurs.Count;
            for (var c = 0; c <= colonnes; c++)
            {
                valeurs.Add(valeurs[c] + valeurs[(colonnes + 1) + c]);
                sommes.Add(new Somme(depart + c, [c, (colonnes + 1) + c]));
            }

            Verifier([.. valeurs], sommes);
        }
    }

    [Fact]
    public void AYearAndItsMonths_DoNotGiveAwayAMaskedMonth()
    {
        // Twelve months and their year, for two series and their sum: a year minus eleven months must not give the twelfth.
        var r = new Random(7);
        for (var essai = 0; essai < 40; essai++)
        {
            var valeurs = new List<long?>();
            var sommes = new List<Somme>();
            var series = Enumerable.Range(0, 2).Select(_ => Enumerable.Range(0, 12).Select(_ => (long)(r.Next(4) == 0 ? r.Next(1, 11) : r.Next(11, 60))).ToArray()).ToArray();
            foreach (var mois in series.Append([.. Enumerable.Range(0, 12).Select(m => series[0][m] + series[1][m])]))
            {
                var debut = valeurs.Count;
                valeurs.AddRange(mois.Select(v => (long?)v));
                valeurs.Add(mois.Sum());
                sommes.Add(new Somme(debut + 12, [.. Enumerable.Range(debut, 12)]));
            }

            for (var m = 0; m <= 12; m++)
            {
                sommes.Add(new Somme(26 + m, [m, 13 + m]));
            }

            Verifier([.. valeurs], sommes);
        }
    }

    [Fact]
    public void AMonthsQuartersAndYearTable_IsSafe_SoTheMonthlyAndQuarterlyViewsCannotBeSubtracted()
    {
        var r = new Random(17);
        for (var essai = 0; essai < 25; essai++)
        {
            var lignes = r.Next(1, 4);
            var mois = Enumerable.Range(0, lignes).Select(_ => Enumerable.Range(0, 12).Select(_ => (long)(r.Next(4) == 0 ? r.Next(0, 11) : r.Next(11, 50))).ToArray()).ToArray();
            var valeurs = Grille.Remplir(lignes, (l, m) => mois[l][m]);
            Assert.Equal(mois[0][0] + mois[0][1] + mois[0][2], valeurs[Grille.Indice(0, Grille.Mois)]);
            Assert.Equal(mois.Sum(l => l.Sum()), valeurs[Grille.Indice(lignes, Grille.Annee)]);
            Verifier(valeurs, Grille.Sommes(lignes));
        }
    }

    [Fact]
    public void ANestedTable_CheckedBesideItsParent_LeavesTheParentAsPublished_AndNothingCanBeRecomputedFromBoth()
    {
        var r = new Random(20261203);
        var publies = 0;
        for (var essai = 0; essai < 30; essai++)
        {
            // A parent of 3 territories; the second is split into 2 (its communes): the child's total row is its row.
            long Tirage() => r.Next(3) == 0 ? r.Next(0, 11) : r.Next(11, 40);
            var parties = Enumerable.Range(0, 2).Select(_ => Enumerable.Range(0, 12).Select(_ => Tirage()).ToArray()).ToArray();
            var autres = Enumerable.Range(0, 2).Select(_ => Enumerable.Range(0, 12).Select(_ => Tirage()).ToArray()).ToArray();
            var parent = Grille.Remplir(3, (l, m) => l == 1 ? parties[0][m] + parties[1][m] : autres[l == 0 ? 0 : 1][m]);
            var sommesParent = Grille.Sommes(3);
            var masqueParent = SecretStatistique.Appliquer(parent, sommesParent, Regles);
            var enfant = Grille.Remplir(2, (l, m) => parties[l][m]);
            var sommesEnfant = Grille.Sommes(2);
            var partagees = Enumerable.Range(0, Grille.Colonnes).ToDictionary(c => Grille.Indice(2, c), c => Grille.Indice(1, c));

            var masque = SecretStatistique.AppliquerAupres(enfant, sommesEnfant, partagees, parent, sommesParent, masqueParent, Regles);
            if (masque is null)
            {
                continue;
            }

            publies++;
            for (var i = 0; i < enfant.Length; i++)
            {
                if (enfant[i] is { } v && Regles.EstPetitEffectif(v))
                {
                    Assert.Equal(Marque.Secret, masque.Marques[i]);
                }
            }

            // The shared cells show what the parent shows.
            Assert.All(partagees, kv => Assert.Equal(masqueParent.EstMasquee(kv.Value), masque.EstMasquee(kv.Key)));

            // Both tables at once, as a reader has them: one vector, the shared cells once.
            var propres = Enumerable.Range(0, enfant.Length).Where(i => !partagees.ContainsKey(i)).ToList();
            int Indice(int i) => partagees.TryGetValue(i, out var j) ? j : parent.Length + propres.IndexOf(i);
            var marques = masqueParent.Marques.Concat(propres.Select(i => masque.Marques[i])).ToArray();
            List<Somme> toutes = [.. sommesParent, .. sommesEnfant.Select(x => new Somme(Indice(x.Total), [.. x.Parties.Select(Indice)]))];
            var fuites = RecalculablesExact(marques.Length, toutes, marques);
            Assert.True(fuites.Count == 0, $"recomputable masked cells {string.Join(", ", fuites)} (essai {essai})");
        }

        Assert.True(publies >= 20, $"only {publies} nested tables out of 30 could be published");
    }

    [Fact]
    public void TheAgeBand_IsTheAgeInTheMonthTheFileWasOpened()
    {
        Assert.Equal("16-17", TranchesAge.De(2005, 6, 2022, 9));
        Assert.Equal("16-17", TranchesAge.De(2005, 6, 2023, 5));
        Assert.Equal("18-20", TranchesAge.De(2005, 6, 2023, 6));
        Assert.Equal("moins-16", TranchesAge.De(2008, 1, 2023, 12));
        Assert.Equal("26-plus", TranchesAge.De(1990, 1, 2023, 1));
        Assert.Equal("inconnu", TranchesAge.De(0, 0, 2023, 1));
        Assert.Equal("infra-3", NiveauxFormation.De("2"));
        Assert.Equal("6", NiveauxFormation.De("7"));
        Assert.Equal("inconnu", NiveauxFormation.De(null));
    }

    private static void Verifier(long?[] valeurs, IReadOnlyList<Somme> sommes)
    {
        var r = SecretStatistique.Appliquer(valeurs, sommes, Regles);
        for (var i = 0; i < valeurs.Length; i++)
        {
            if (valeurs[i] is { } v && Regles.EstPetitEffectif(v))
            {
                Assert.Equal(Marque.Secret, r.Marques[i]);
            }

            Assert.Equal(r.Marques[i] is null ? valeurs[i] : null, r.Valeurs[i]);
        }

        var fuites = RecalculablesExact(valeurs.Length, sommes, r.Marques);
        Assert.True(fuites.Count == 0, $"recomputable masked cells {string.Join(", ", fuites)} in [{string.Join(" ", valeurs)}]");
    }

    private static long?[] AvecMarges(long[] cellules, int lignes, int colonnes)
    {
        var t = new long?[(lignes + 1) * (colonnes + 1)];
        for (var l = 0; l < lignes; l++)
        {
            for (var c = 0; c < colonnes; c++)
            {
                t[(l * (colonnes + 1)) + c] = cellules[(l * colonnes) + c];
            }
        }

        for (var l = 0; l < lignes; l++)
        {
            t[(l * (colonnes + 1)) + colonnes] = Enumerable.Range(0, colonnes).Sum(c => t[(l * (colonnes + 1)) + c]!.Value);
        }

        for (var c = 0; c <= colonnes; c++)
        {
            t[(lignes * (colonnes + 1)) + c] = Enumerable.Range(0, lignes).Sum(l => t[(l * (colonnes + 1)) + c]!.Value);
        }

        return t;
    }

    private static IEnumerable<int[]> Combinaisons(int longueur, int bases)
    {
        var total = (int)Math.Pow(bases, longueur);
        for (var n = 0; n < total; n++)
        {
            var c = new int[longueur];
            var x = n;
            for (var i = 0; i < longueur; i++)
            {
                c[i] = x % bases;
                x /= bases;
            }

            yield return c;
        }
    }

    /// <summary>
    /// The masked cells a reader can recompute: cell i is determined by the published values exactly when its unit vector is
    /// a combination of the sums' rows over the unknown cells, that is when deleting its column lowers the rank.
    /// </summary>
    private static List<int> RecalculablesExact(int n, IReadOnlyList<Somme> sommes, IReadOnlyList<Marque?> marques)
    {
        var inconnues = Enumerable.Range(0, n).Where(i => marques[i] is not null).ToList();
        var lignes = sommes.Select(s =>
        {
            var l = new BigInteger[inconnues.Count];
            for (var k = 0; k < inconnues.Count; k++)
            {
                l[k] = s.Parties.Count(p => p == inconnues[k]) - (s.Total == inconnues[k] ? 1 : 0);
            }

            return l;
        }).ToList();
        var rang = RangExact(lignes, -1);
        return [.. inconnues.Where((c, k) => marques[c] == Marque.Secret && RangExact(lignes, k) < rang)];
    }

    private static int RangExact(List<BigInteger[]> source, int sauf)
    {
        var m = source.Select(l => l.Where((_, k) => k != sauf).ToArray()).ToList();
        var rang = 0;
        var colonnes = m.Count == 0 ? 0 : m[0].Length;
        for (var c = 0; c < colonnes && rang < m.Count; c++)
        {
            var pivot = m.FindIndex(rang, l => !l[c].IsZero);
            if (pivot < 0)
            {
                continue;
            }

            (m[rang], m[pivot]) = (m[pivot], m[rang]);
            for (var r = rang + 1; r < m.Count; r++)
            {
                if (!m[r][c].IsZero)
                {
                    var (a, b) = (m[rang][c], m[r][c]);
                    m[r] = [.. m[r].Select((x, k) => (x * a) - (m[rang][k] * b))];
                    var pgcd = m[r].Aggregate(BigInteger.Zero, BigInteger.GreatestCommonDivisor);
                    if (pgcd > 1)
                    {
                        m[r] = [.. m[r].Select(x => x / pgcd)];
                    }
                }
            }

            rang++;
        }

        return rang;
    }
}

/// <summary>The observatory's reuse of a year's counts: within its duration, then read again; never with 0.</summary>
public sealed class CacheObservatoireTests
{
    private static readonly DateTime Midi = new(2026, 12, 2, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void TheYearsCounts_AreReusedForTheSetDuration_ThenReadAgain_AndNeverWithZero()
    {
        IReadOnlyList<CalculIndicateurs.Cohorte> cohortes = [new("1", 3, StatutDossier.AContacter, null, 25)];
        var cache = new CacheObservatoire(Microsoft.Extensions.Options.Options.Create(new ObservatoireOptions { CacheSecondes = 60 }));
        Assert.Null(cache.Lire("2026|psad", Midi));
        cache.Ecrire("2026|psad", cohortes, Midi);
        Assert.Same(cohortes, cache.Lire("2026|psad", Midi.AddSeconds(59)));
        Assert.Null(cache.Lire("2025|psad", Midi.AddSeconds(1)));
        Assert.Null(cache.Lire("2026|departement", Midi.AddSeconds(1)));
        Assert.Null(cache.Lire("2026|psad", Midi.AddSeconds(60)));

        var sans = new CacheObservatoire(Microsoft.Extensions.Options.Options.Create(new ObservatoireOptions { CacheSecondes = 0 }));
        sans.Ecrire("2026|psad", cohortes, Midi);
        Assert.Null(sans.Lire("2026|psad", Midi));
    }
}
