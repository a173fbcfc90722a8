namespace Raccroche.Tests.Unit;

/// <summary>The clock of the obligation de formation: which step is next, when it is due, and what stops it.</summary>
public sealed class ObligationFormationTests
{
    private static readonly ReglagesSuivi Reglages = new();

    // Arrived on 2 November 2026 at noon (Paris), born on 10 March 2009: 17 years old, 18 on 10 March 2027.
    private static readonly DateTime Arrivee = new(2026, 11, 2, 11, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Naissance = new(2009, 3, 10);

    private static JeuneSuivi Mineur(StatutDossier statut = StatutDossier.AContacter, DateOnly? naissance = null) => new()
    {
        PsadId = 1,
        Statut = statut,
        ArriveLe = Arrivee,
        StatutDepuis = Arrivee,
        CreeLe = Arrivee,
        DateNaissance = naissance ?? Naissance,
    };

    private static EtatObligation Calculer(JeuneSuivi d, DateOnly jour, TypeSolution? solution = null) => ObligationFormation.Calculer(d, solution, jour, Reglages);

    [Fact]
    public void TheDefaults_AreWrittenDown_AndWithinTheirBounds()
    {
        Assert.Equal((15, 15, 2), (Reglages.ObligationEntretienJours, Reglages.ObligationReponseJours, Reglages.ObligationTransmissionMois));
        Assert.Empty(Reglages.Verifier());
    }

    [Fact]
    public void ANewMinor_IsDueAnEntretienProposal_DaysAfterArrival()
    {
        var e = Calculer(Mineur(), new DateOnly(2026, 11, 10));
        Assert.True(e.Soumis);
        Assert.Equal((StatutObligation.NonVerifiee, (EtapeObligation?)EtapeObligation.EntretienPropose, (DateOnly?)new DateOnly(2026, 11, 17)), (e.Statut, e.Prochaine, e.Echeance));
        Assert.False(e.Due(new DateOnly(2026, 11, 16)));
        Assert.True(e.Due(new DateOnly(2026, 11, 17)));
        Assert.False(e.EnRetard(new DateOnly(2026, 11, 17)));
        Assert.True(e.EnRetard(new DateOnly(2026, 11, 18)));
        Assert.Equal(new DateOnly(2027, 3, 10), e.Fin);
    }

    [Fact]
    public void AMinorWhoTurns16AfterArriving_CountsFromTheBirthday()
    {
        var d = Mineur(naissance: new DateOnly(2010, 11, 20));
        Assert.False(Calculer(d, new DateOnly(2026, 11, 19)).Soumis);
        Assert.Equal(new DateOnly(2026, 12, 5), Calculer(d, new DateOnly(2026, 11, 20)).Echeance);
    }

    [Fact]
    public void NoAnswerToTheEntretien_MakesTheConvocationDue_ThenTheTransmissionTwoMonthsAfterIt()
    {
        var d = Mineur(StatutDossier.ContactEnCours);
        d.EntretienProposeLe = new DateTime(2026, 11, 5, 9, 0, 0, DateTimeKind.Utc);
        var convocation = Calculer(d, new DateOnly(2026, 11, 25));
        Assert.Equal((EtapeObligation.Convocation, new DateOnly(2026, 11, 20)), (convocation.Prochaine!.Value, convocation.Echeance!.Value));
        Assert.True(convocation.EnRetard(new DateOnly(2026, 11, 25)));

        d.ConvocationLe = new DateTime(2026, 11, 25, 14, 0, 0, DateTimeKind.Utc);
        var transmission = Calculer(d, new DateOnly(2026, 12, 1));
        Assert.Equal((EtapeObligation.Transmission, new DateOnly(2027, 1, 25)), (transmission.Prochaine!.Value, transmission.Echeance!.Value));

        d.TransmissionLe = new DateTime(2027, 1, 26, 8, 0, 0, DateTimeKind.Utc);
        var apres = Calculer(d, new DateOnly(2027, 1, 27));
        Assert.Null(apres.Prochaine);
        Assert.Contains("transmis au président du conseil départemental le 26/01/2027", apres.Explication);
    }

    [Fact]
    public void AReachedMinor_OwesNoConvocation_UntilTheRéférentNotesTheObligationUnmet()
    {
        var d = Mineur(StatutDossier.Joint);
        d.EntretienProposeLe = new DateTime(2026, 11, 5, 9, 0, 0, DateTimeKind.Utc);
        var joint = Calculer(d, new DateOnly(2026, 12, 1));
        Assert.Null(joint.Prochaine);
        Assert.StartsWith("jeune joint", joint.Explication);

        // Left the pathway: the convocation is due from the day it was noted.
        d.ObligationStatut = StatutObligation.NonSatisfaite;
        d.ObligationFixeeLe = new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);
        var parti = Calculer(d, new DateOnly(2026, 12, 1));
        Assert.Equal((EtapeObligation.Convocation, new DateOnly(2026, 12, 1)), (parti.Prochaine!.Value, parti.Echeance!.Value));
    }

    [Theory]
    [InlineData(TypeSolution.Apprentissage, FormeObligation.Apprentissage)]
    [InlineData(TypeSolution.FormationInitiale, FormeObligation.Scolarite)]
    [InlineData(TypeSolution.E2cEpideSmv, FormeObligation.Formation)]
    [InlineData(TypeSolution.EmploiCourt, FormeObligation.Emploi)]
    [InlineData(TypeSolution.ServiceCivique, FormeObligation.ServiceCivique)]
    [InlineData(TypeSolution.AccompagnementMissionLocale, FormeObligation.Accompagnement)]
    public void ASolutionEntered_SatisfiesTheObligation_AndStopsTheClock(TypeSolution type, FormeObligation forme)
    {
        var d = Mineur(StatutDossier.EnSolution);
        d.ObligationStatut = StatutObligation.NonSatisfaite;
        d.ConvocationLe = new DateTime(2026, 11, 25, 14, 0, 0, DateTimeKind.Utc);
        var e = Calculer(d, new DateOnly(2027, 2, 1), type);
        Assert.Equal((StatutObligation.Satisfaite, (FormeObligation?)forme, true, (EtapeObligation?)null), (e.Statut, e.Forme, e.Derive, e.Prochaine));
    }

    [Fact]
    public void ASolutionOfAnotherKind_SatisfiesNothingByItself()
    {
        var e = Calculer(Mineur(StatutDossier.EnSolution), new DateOnly(2026, 11, 10), TypeSolution.Autre);
        Assert.Equal((StatutObligation.NonVerifiee, (EtapeObligation?)EtapeObligation.EntretienPropose), (e.Statut, e.Prochaine));
    }

    [Fact]
    public void SatisfiedOrExempted_ByHand_OrAlreadyFollowedElsewhere_StopsTheClock()
    {
        var satisfaite = Mineur();
        satisfaite.ObligationStatut = StatutObligation.Satisfaite;
        satisfaite.ObligationForme = FormeObligation.Emploi;
        Assert.Equal((StatutObligation.Satisfaite, (FormeObligation?)FormeObligation.Emploi, false, (EtapeObligation?)null),
            Calculer(satisfaite, new DateOnly(2026, 12, 1)) is var s ? (s.Statut, s.Forme, s.Derive, s.Prochaine) : default);

        var exemptee = Mineur();
        exemptee.ObligationStatut = StatutObligation.Exemptee;
        Assert.Null(Calculer(exemptee, new DateOnly(2026, 12, 1)).Prochaine);

        var ailleurs = Mineur(StatutDossier.Cloture);
        ailleurs.MotifCloture = MotifCloture.DejaAccompagne;
        var a = Calculer(ailleurs, new DateOnly(2026, 12, 1));
        Assert.Equal((StatutObligation.Satisfaite, (FormeObligation?)FormeObligation.Accompagnement, (EtapeObligation?)null), (a.Statut, a.Forme, a.Prochaine));
    }

    [Fact]
    public void TheClockStopsAt18_NoStepIsDueOnOrAfterTheBirthday()
    {
        // Convoked on 25 January 2027: the transmission would fall on 25 March, after the 18th birthday (10 March).
        var d = Mineur(StatutDossier.ContactEnCours);
        d.EntretienProposeLe = new DateTime(2026, 11, 5, 9, 0, 0, DateTimeKind.Utc);
        d.ConvocationLe = new DateTime(2027, 1, 25, 14, 0, 0, DateTimeKind.Utc);
        var avant = Calculer(d, new DateOnly(2027, 2, 1));
        Assert.Null(avant.Prochaine);
        Assert.True(avant.Soumis);
        Assert.Contains("après les 18 ans (10/03/2027)", avant.Explication);

        var majeur = Calculer(d, new DateOnly(2027, 3, 10));
        Assert.False(majeur.Soumis);
        Assert.Null(majeur.Prochaine);
        Assert.Contains("18 ans le 10/03/2027", majeur.Explication);
        Assert.True(Calculer(d, new DateOnly(2027, 3, 9)).Soumis);
    }

    [Fact]
    public void AFileWithoutBirthDate_OrTransferred_RunsNoClock()
    {
        var sansDate = Mineur();
        sansDate.DateNaissance = null;
        Assert.False(Calculer(sansDate, new DateOnly(2026, 12, 1)).Soumis);

        var transfere = Calculer(Mineur(StatutDossier.Transfere), new DateOnly(2026, 12, 1));
        Assert.True(transfere.Soumis);
        Assert.Null(transfere.Prochaine);
    }

    [Fact]
    public void ClosedWithoutReachingTheMinor_StillRunsTheClock()
    {
        var d = Mineur(StatutDossier.Cloture);
        d.MotifCloture = MotifCloture.Injoignable;
        d.EntretienProposeLe = new DateTime(2026, 11, 5, 9, 0, 0, DateTimeKind.Utc);
        Assert.Equal(EtapeObligation.Convocation, Calculer(d, new DateOnly(2026, 12, 1)).Prochaine);
    }
}
