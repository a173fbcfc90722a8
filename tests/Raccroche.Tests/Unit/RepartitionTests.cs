namespace Raccroche.Tests.Unit;

/// <summary>The dispatch rules of a PSAD: each criterion, the order, no match, a structure that left, and the territory.</summary>
public sealed class RepartitionTests
{
    private const int MissionLocale = 1, Cio = 2, Draaf = 3, Ancienne = 9;
    private static readonly IReadOnlySet<int> Partenaires = new HashSet<int> { MissionLocale, Cio, Draaf };
    private static readonly ProfilRepartition Majeur = new(19, "63113", "scolaire", false);

    private static RegleRepartition Regle(int ordre, CritereRepartition critere, int structure, params string[] codes) =>
        new() { Id = ordre * 10, Ordre = ordre, Critere = critere, StructureId = structure, Codes = [.. codes] };

    [Theory]
    [InlineData(CritereRepartition.ObligationFormation, 17, "63113", "scolaire", false, true)]
    [InlineData(CritereRepartition.ObligationFormation, 16, "63113", "scolaire", false, true)]
    [InlineData(CritereRepartition.ObligationFormation, 18, "63113", "scolaire", false, false)]
    [InlineData(CritereRepartition.SystemeAgricole, 19, "63113", "agricole", false, true)]
    [InlineData(CritereRepartition.SystemeAgricole, 19, "63113", "apprentissage", false, false)]
    [InlineData(CritereRepartition.Apprenti, 19, "63113", "apprentissage", false, true)]
    [InlineData(CritereRepartition.Apprenti, 19, "63113", "scolaire", false, false)]
    [InlineData(CritereRepartition.ConnuMissionLocale, 19, "63113", "scolaire", true, true)]
    [InlineData(CritereRepartition.ConnuMissionLocale, 19, "63113", "scolaire", false, false)]
    [InlineData(CritereRepartition.Tous, 19, "63113", "scolaire", false, true)]
    public void EachCriterion_MatchesItsProfilesOnly(CritereRepartition critere, int age, string insee, string systeme, bool connu, bool attendu)
    {
        var choix = Repartition.Choisir([Regle(1, critere, Cio)], Partenaires, new ProfilRepartition(age, insee, systeme, connu));
        Assert.Equal(attendu, choix is not null);
        if (choix is not null)
        {
            Assert.Equal((1, Cio), (choix.Numero, choix.StructureId));
            Assert.StartsWith("répartition automatique : règle 1 (", choix.Detail);
        }
    }

    [Fact]
    public void CommuneAndDepartementRules_ReadTheResidenceCodes()
    {
        Assert.NotNull(Repartition.Choisir([Regle(1, CritereRepartition.Commune, Cio, "63113", "63200")], Partenaires, Majeur));
        Assert.Null(Repartition.Choisir([Regle(1, CritereRepartition.Commune, Cio, "63200")], Partenaires, Majeur));
        Assert.Equal("département 63", Repartition.Choisir([Regle(1, CritereRepartition.Departement, Cio, "03", "63")], Partenaires, Majeur)!.Raison);
        Assert.Null(Repartition.Choisir([Regle(1, CritereRepartition.Departement, Cio, "03")], Partenaires, Majeur));
        Assert.NotNull(Repartition.Choisir([Regle(1, CritereRepartition.Departement, Cio, "974")], Partenaires, Majeur with { CodeInsee = "97411" }));
    }

    [Fact]
    public void Rules_AreTriedInOrder_FirstMatchWins_WhateverTheListOrder()
    {
        var mineurApprenti = new ProfilRepartition(17, "63113", "apprentissage", true);
        RegleRepartition[] regles = [Regle(3, CritereRepartition.Tous, Draaf), Regle(2, CritereRepartition.Apprenti, MissionLocale), Regle(1, CritereRepartition.ObligationFormation, Cio)];
        Assert.Equal((1, Cio), Repartition.Choisir(regles, Partenaires, mineurApprenti) is { } c ? (c.Numero, c.StructureId) : default);
        Assert.Equal((2, MissionLocale), Repartition.Choisir(regles, Partenaires, mineurApprenti with { Age = 19 }) is { } d ? (d.Numero, d.StructureId) : default);
        Assert.Equal((3, Draaf), Repartition.Choisir(regles, Partenaires, Majeur) is { } e ? (e.Numero, e.StructureId) : default);
    }

    [Fact]
    public void NoMatchingRule_LeavesTheFileToAssign()
    {
        Assert.Null(Repartition.Choisir([], Partenaires, Majeur));
        Assert.Null(Repartition.Choisir([Regle(1, CritereRepartition.ObligationFormation, Cio), Regle(2, CritereRepartition.SystemeAgricole, Draaf)], Partenaires, Majeur));
        Assert.Null(Repartition.Choisir([Regle(1, CritereRepartition.ObligationFormation, Cio)], Partenaires, Majeur with { Age = null }));
    }

    [Fact]
    public void ARuleWhoseStructureIsNoLongerAPartner_IsSkipped_AndTheNextOneApplies()
    {
        var choix = Repartition.Choisir([Regle(1, CritereRepartition.Tous, Ancienne), Regle(2, CritereRepartition.Tous, MissionLocale)], Partenaires, Majeur);
        Assert.Equal((2, MissionLocale), (choix!.Numero, choix.StructureId));
    }

    [Theory]
    [InlineData("63113", true)]
    [InlineData("03185", false)]
    [InlineData("03190", true)]
    [InlineData("2A004", true)]
    [InlineData("97411", true)]
    [InlineData("97311", false)]
    [InlineData(null, true)]
    public void Territory_HoldsItsDepartementsAndCommunes(string? insee, bool dedans) =>
        Assert.Equal(dedans, Repartition.Contient(["63", "2A", "974", "03190"], insee));

    [Fact]
    public void OutsideTheTerritory_TheFileIsNotDispatched_AndThePsadOfItsCommuneIsProposed()
    {
        PsadTerritoire ici = new(1, "63", "Puy-de-Dôme", ["63"]), rhone = new(2, "69", "Rhône", ["69"]), lyon = new(3, "lyon", "Lyon", ["69123"]);
        var contexte = new ContexteRepartition(1, ["63"], [Regle(1, CritereRepartition.Tous, Cio)], Partenaires, [ici, rhone, lyon]);
        var ailleurs = contexte.Decider(Majeur with { CodeInsee = "69123" });
        Assert.True(ailleurs.HorsTerritoire);
        Assert.Null(ailleurs.Choix);
        Assert.Equal("lyon", ailleurs.PsadProposee?.Code); // a commune code wins over a département
        Assert.Equal("69", contexte.Decider(Majeur with { CodeInsee = "69001" }).PsadProposee?.Code);
        Assert.Null(contexte.Decider(Majeur with { CodeInsee = "75056" }).PsadProposee);
        var ici2 = contexte.Decider(Majeur);
        Assert.False(ici2.HorsTerritoire);
        Assert.Equal(Cio, ici2.Choix?.StructureId);
    }
}
