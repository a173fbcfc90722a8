using Raccroche.Web.Features.Observatoire;
using Raccroche.Web.Features.Resultats;

namespace Raccroche.Tests.Unit;

/// <summary>
/// The programmes' outcomes without a database: the matcher's retention signal (order, reason, thresholds), the masking
/// of a programme's table, and the night's computation time.
/// </summary>
public sealed class ResultatsUnitTests
{
    private static readonly RepertoireStructures AucuneStructure = new([], Fabrique.Communes);

    /// <summary>Two programmes that differ only by their name (same zone, no place: the same score without outcomes).</summary>
    private static (Dispositif A, Dispositif B, CatalogueIndex Index) Jumeaux()
    {
        var a = Fabrique.Dispositif("Parcours Alpha");
        var b = Fabrique.Dispositif("Parcours Bêta");
        return (a, b, Fabrique.Index(a, b));
    }

    private static Profil Jeune(string? niveau = "sans-diplome") => new() { Age = 19, Commune = Fabrique.Thiers, Niveau = niveau, Souhait = "formation" };

    private static MaintiensDispositifs Maintiens(params ((int, ClasseAge, string?) Cle, MaintienProfil Maintien)[] cellules) =>
        new(cellules.ToDictionary(c => c.Cle, c => c.Maintien), seuilEffectif: 11, denominateurMinimum: 20);

    private static List<string> Ordre(ResultatAppariement r) => [.. r.Groupes.SelectMany(g => g.Propositions).Select(p => p.Dispositif.Nom)];

    [Fact]
    public void Matcher_WithEverythingElseEqual_RanksTheProgrammeWithBetterRetentionFirst_AndSaysWhy()
    {
        var (a, b, index) = Jumeaux();
        Assert.Equal(["Parcours Alpha", "Parcours Bêta"], Ordre(Appariement.Orienter(Jeune(), index, AucuneStructure)));

        // Bêta kept 21 of 30 young people of this profile (7 in 10), Alpha 12 of 30 (4 in 10): Bêta comes first now.
        var maintiens = Maintiens(((a.Id, ClasseAge.De18A20, "sans-diplome"), new(12, 30)), ((b.Id, ClasseAge.De18A20, "sans-diplome"), new(21, 30)));
        var r = Appariement.Orienter(Jeune(), index, AucuneStructure, maintiens);
        Assert.Equal(["Parcours Bêta", "Parcours Alpha"], Ordre(r));
        var beta = r.Groupes.SelectMany(g => g.Propositions).First();
        Assert.Contains("7 jeunes sur 10 de ton profil (ton âge, ton diplôme) y étaient encore après 6 mois.", beta.Raisons);
        Assert.Equal(new SignalMaintien(21, 30, AvecDiplome: true), beta.Maintien);
        Assert.Equal("7 jeunes sur 10 de même âge et même diplôme y étaient encore après 6 mois.", beta.Maintien!.RaisonProfessionnel);
    }

    [Theory]
    [InlineData(15, 19)] // fewer than 20 check-ins done: no rate
    [InlineData(5, 30)]  // 5 still in it: a small count, masked
    public void Matcher_UnderTheThreshold_GivesNoSignalAndNoReason(int encore, int suivis)
    {
        var (a, b, index) = Jumeaux();
        var maintiens = Maintiens(((b.Id, ClasseAge.De18A20, "sans-diplome"), new(encore, suivis)), ((b.Id, ClasseAge.De18A20, null), new(encore, suivis)));
        var r = Appariement.Orienter(Jeune(), index, AucuneStructure, maintiens);
        Assert.Equal(["Parcours Alpha", "Parcours Bêta"], Ordre(r));
        Assert.All(r.Groupes.SelectMany(g => g.Propositions), p =>
        {
            Assert.Null(p.Maintien);
            Assert.DoesNotContain(p.Raisons, x => x.Contains("sur 10", StringComparison.Ordinal) || x.Contains("mois", StringComparison.Ordinal));
        });
        Assert.Null(maintiens.Signal(b.Id, Jeune()));
        Assert.Null(maintiens.Signal(a.Id, Jeune()));
    }

    [Fact]
    public void Signal_TooFewForTheDiploma_FallsBackOnTheAgeBand_AndNeverOnAnotherBand()
    {
        var (_, b, _) = Jumeaux();
        var maintiens = Maintiens(
            ((b.Id, ClasseAge.De18A20, "sans-diplome"), new(12, 16)),
            ((b.Id, ClasseAge.De18A20, null), new(22, 28)),
            ((b.Id, ClasseAge.De21A25, null), new(30, 30)));
        var signal = maintiens.Signal(b.Id, Jeune());
        Assert.Equal(new SignalMaintien(22, 28, AvecDiplome: false), signal);
        Assert.Equal("8 jeunes sur 10 de ton âge y étaient encore après 6 mois.", signal!.RaisonJeune);

        // Without a diploma in the profile: the age band's figure; a 17-year-old has none here (no cell for "moins de 18 ans").
        Assert.Equal(signal, maintiens.Signal(b.Id, Jeune(niveau: null)));
        Assert.Null(maintiens.Signal(b.Id, Jeune() with { Age = 17 }));
    }

    [Theory]
    [InlineData(30, 30, "Tous les jeunes de ton âge suivis à 6 mois y étaient encore.")]
    [InlineData(29, 30, "Plus de 9 jeunes sur 10 de ton âge y étaient encore après 6 mois.")]
    [InlineData(0, 30, "Aucun des jeunes de ton âge suivis à 6 mois n'y était encore.")]
    [InlineData(11, 80, "1 jeune sur 10 de ton âge y était encore après 6 mois.")]
    [InlineData(11, 20, "6 jeunes sur 10 de ton âge y étaient encore après 6 mois.")]
    public void Reason_SaysOutOfTen_NeverTheCounts(int encore, int suivis, string attendu) =>
        Assert.Equal(attendu, new SignalMaintien(encore, suivis, AvecDiplome: false).RaisonJeune);

    [Fact]
    public void Table_MasksSmallBreakdowns_AndTheCellThatWouldGiveThemAway_NeverTheWhole()
    {
        static ComptesResultats Comptes(int proposes, int entres) => new ComptesResultats().Ajouter(new CelluleResultats { Proposes = proposes, Entres = entres, Faits6 = entres, Toujours6 = entres });
        var t = TableauResultats.Construire(1,
        [
            (new(AxeResultats.Ensemble, "ensemble", "Ensemble"), Comptes(43, 40)),
            (new(AxeResultats.Territoire, "1", "P"), Comptes(40, 40)),
            (new(AxeResultats.Territoire, "2", "Q"), Comptes(3, 0)),
            (new(AxeResultats.Sexe, "F", "Femmes"), Comptes(22, 20)),
            (new(AxeResultats.Sexe, "M", "Hommes"), Comptes(21, 20)),
        ], new ReglesSecret());
        var r = new ReglesSecret();
        Assert.Equal("43", t.Texte(0, TableauResultats.Proposes, r));
        Assert.Equal("< 11", t.Texte(2, TableauResultats.Proposes, r));
        Assert.Equal("s", t.Texte(1, TableauResultats.Proposes, r)); // 43 − 40 would give Q's 3
        Assert.Equal("0", t.Texte(2, TableauResultats.Entres, r));
        Assert.Equal("40", t.Texte(1, TableauResultats.Entres, r));
        Assert.Equal("22", t.Texte(3, TableauResultats.Proposes, r));
        Assert.Equal("100,0 %", t.Taux(0, 1, positif: false, r));
        Assert.Null(t.Taux(2, 1, positif: false, r)); // no check-in done there
        Assert.Empty(SecretStatistique.Recalculables(t.Cellules.Valeurs.Count, Sommes(t), t.Cellules.Marques));
    }

    /// <summary>The sums a reader knows: every axis's rows add up to the whole, column by column.</summary>
    private static List<Somme> Sommes(TableauResultats t) =>
    [
        .. t.Lignes.Skip(1).Select(l => l.Axe).Distinct().SelectMany(axe => Enumerable.Range(0, TableauResultats.Colonnes)
            .Select(c => new Somme(TableauResultats.Indice(0, c), [.. t.LignesDe(axe).Select(l => TableauResultats.Indice(l, c))]))),
    ];

    [Theory]
    [InlineData("2026-12-02T01:30:00Z", "2026-12-01T02:00:00Z")] // 02:30 in Paris: before 03:00, the night's time was yesterday's
    [InlineData("2026-12-02T02:00:00Z", "2026-12-02T02:00:00Z")] // 03:00 in Paris exactly
    [InlineData("2026-07-02T12:00:00Z", "2026-07-02T01:00:00Z")] // summer time: 03:00 in Paris is 01:00 UTC
    public void NightlyComputation_IsDueFromThreeInTheMorningParisTime(string maintenant, string echeance) =>
        Assert.Equal(DateTime.Parse(echeance, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
            ResultatsDispositifs.DerniereEcheance(DateTime.Parse(maintenant, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), 3));

    [Fact]
    public void Anonymisation_KeepsTheSexForTheOutcomes_AndErasesTheSchoolOfOrigin()
    {
        var j = new JeuneSuivi { Nom = "Valmor", Prenom = "Lou", Sexe = "F", EtablissementUai = "0631234X", DateNaissance = new DateOnly(2008, 6, 14) };
        ConservationSuivi.Anonymiser(j, DateTime.UtcNow);
        Assert.Equal("F", j.Sexe);
        Assert.Null(j.EtablissementUai);
        Assert.Null(j.Nom);
        Assert.Equal(new DateOnly(2008, 1, 1), j.DateNaissance);
    }
}
