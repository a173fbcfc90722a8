namespace Raccroche.Tests.Unit;

/// <summary>The rules of a case file's life: transitions, contact attempts, "injoignable", computed flags.</summary>
public sealed class CycleDossierTests
{
    private static readonly DateOnly Aujourdhui = new(2026, 12, 2);
    private static readonly DateTime Maintenant = new(2026, 12, 2, 10, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(StatutDossier.AAttribuer, StatutDossier.AContacter, true)]
    [InlineData(StatutDossier.AAttribuer, StatutDossier.Joint, false)]
    [InlineData(StatutDossier.AContacter, StatutDossier.EnSolution, false)]
    [InlineData(StatutDossier.Joint, StatutDossier.EntretienRealise, true)]
    [InlineData(StatutDossier.EntretienRealise, StatutDossier.SolutionProposee, true)]
    [InlineData(StatutDossier.SolutionProposee, StatutDossier.EnSolution, true)]
    [InlineData(StatutDossier.EnSolution, StatutDossier.AContacter, false)]
    [InlineData(StatutDossier.Cloture, StatutDossier.AAttribuer, true)]
    [InlineData(StatutDossier.Cloture, StatutDossier.Joint, false)]
    [InlineData(StatutDossier.Annule, StatutDossier.AAttribuer, false)]
    public void Transitions_FollowTheTable(StatutDossier de, StatutDossier vers, bool permise) =>
        Assert.Equal(permise, CycleDossier.PeutPasser(de, vers));

    [Fact]
    public void SideExits_AreOpenFromEveryOpenStatus_AndFromNoFinalOne()
    {
        foreach (var s in ValeursFermees.Toutes<StatutDossier>())
        {
            foreach (var sortie in new[] { StatutDossier.Cloture, StatutDossier.Transfere, StatutDossier.Annule })
            {
                Assert.Equal(!CycleDossier.EstFinal(s), CycleDossier.PeutPasser(s, sortie));
            }
        }

        Assert.False(CycleDossier.PeutPasser(StatutDossier.Joint, StatutDossier.Joint));
    }

    [Theory]
    [InlineData(StatutDossier.AContacter, IssueTentative.PasDeReponse, StatutDossier.ContactEnCours)]
    [InlineData(StatutDossier.AContacter, IssueTentative.Joint, StatutDossier.Joint)]
    [InlineData(StatutDossier.ContactEnCours, IssueTentative.Messagerie, StatutDossier.ContactEnCours)]
    [InlineData(StatutDossier.Injoignable, IssueTentative.Joint, StatutDossier.Joint)]
    [InlineData(StatutDossier.Injoignable, IssueTentative.PasDeReponse, StatutDossier.ContactEnCours)]
    [InlineData(StatutDossier.EntretienPlanifie, IssueTentative.PasDeReponse, StatutDossier.EntretienPlanifie)]
    [InlineData(StatutDossier.EnSolution, IssueTentative.Joint, StatutDossier.EnSolution)]
    public void AnAttempt_MovesOnlyAFileStillBeingContacted(StatutDossier avant, IssueTentative issue, StatutDossier apres) =>
        Assert.Equal(apres, CycleDossier.ApresTentative(avant, issue));

    [Fact]
    public void EveryStatus_CanBeReachedFromAAttribuer()
    {
        var atteints = new HashSet<StatutDossier> { StatutDossier.AAttribuer };
        var file = new Queue<StatutDossier>(atteints);
        while (file.TryDequeue(out var s))
        {
            foreach (var v in CycleDossier.SuivantsDe(s).Where(atteints.Add))
            {
                file.Enqueue(v);
            }
        }

        Assert.Equal(ValeursFermees.Toutes<StatutDossier>().ToHashSet(), atteints);
    }

    private static TentativeContact T(int joursAvant, CanalContact canal, IssueTentative issue = IssueTentative.PasDeReponse) =>
        new() { Quand = Maintenant.AddDays(-joursAvant), Canal = canal, Issue = issue, Destinataire = DestinataireContact.Jeune, Auteur = "test" };

    [Fact]
    public void Injoignable_NeedsThreeAttempts_TwoChannels_TenDays_AndNobodyReached()
    {
        var r = new ReglagesSuivi();
        Assert.Contains("3 tentatives au moins (0 enregistrée(s))", Injoignabilite.Manque([], r));
        Assert.False(Injoignabilite.Proposable([T(12, CanalContact.Telephone), T(6, CanalContact.Telephone), T(0, CanalContact.Telephone)], r));
        Assert.Contains("2 canaux différents au moins (1 utilisé(s))", Injoignabilite.Manque([T(12, CanalContact.Telephone), T(6, CanalContact.Telephone), T(0, CanalContact.Telephone)], r));
        Assert.Contains("étalées sur 10 jours au moins (4 jour(s)", Injoignabilite.Manque([T(4, CanalContact.Telephone), T(2, CanalContact.Sms), T(0, CanalContact.Telephone)], r));
        Assert.True(Injoignabilite.Proposable([T(12, CanalContact.Telephone), T(6, CanalContact.Sms), T(0, CanalContact.Telephone)], r));
        Assert.Contains("déjà été joint", Injoignabilite.Manque([T(12, CanalContact.Telephone), T(6, CanalContact.Sms, IssueTentative.Joint), T(0, CanalContact.Telephone)], r));

        // The PSAD's own thresholds.
        var souple = new ReglagesSuivi { InjoignableTentatives = 2, InjoignableCanaux = 1, InjoignableJours = 3 };
        Assert.True(Injoignabilite.Proposable([T(4, CanalContact.Telephone), T(0, CanalContact.Telephone)], souple));
    }

    private static JeuneSuivi Dossier(StatutDossier statut, int joursDepuisArrivee = 1, int joursDansStatut = 1, int tentatives = 0, DateOnly? naissance = null, DateOnly? sortie = null, int? joursDepuisAction = null) => new()
    {
        PsadId = 1,
        Statut = statut,
        ArriveLe = Maintenant.AddDays(-joursDepuisArrivee),
        StatutDepuis = Maintenant.AddDays(-joursDansStatut),
        NombreTentatives = tentatives,
        DerniereActionLe = joursDepuisAction is { } j ? Maintenant.AddDays(-j) : null,
        DateNaissance = naissance ?? new DateOnly(2004, 1, 1),
        DateSortie = sortie ?? new DateOnly(2025, 1, 1),
    };

    [Fact]
    public void Flags_AreComputedFromStatusAndDates()
    {
        var r = new ReglagesSuivi();
        var neuf = Drapeaux.Calculer(Dossier(StatutDossier.AContacter), Aujourdhui, r);
        Assert.True(neuf.ATraiter);
        Assert.False(neuf.EnRetard);
        Assert.False(neuf.Prioritaire);

        var oublie = Drapeaux.Calculer(Dossier(StatutDossier.AContacter, joursDepuisArrivee: 16, joursDansStatut: 16), Aujourdhui, r);
        Assert.Equal("aucune tentative de contact 16 jours après l'arrivée (délai : 15)", oublie.Retard);

        var aRappeler = Drapeaux.Calculer(Dossier(StatutDossier.ContactEnCours, tentatives: 1, joursDepuisAction: 2), Aujourdhui, r);
        Assert.True(aRappeler.ARecontacter);
        Assert.False(aRappeler.ATraiter);

        var sansEntretien = Drapeaux.Calculer(Dossier(StatutDossier.Joint, joursDansStatut: 22, tentatives: 1, joursDepuisAction: 22), Aujourdhui, r);
        Assert.StartsWith("pas d'entretien 22 jours", sansEntretien.Retard);
        Assert.Null(Drapeaux.Calculer(Dossier(StatutDossier.Joint, joursDansStatut: 21, tentatives: 1), Aujourdhui, r).Retard);

        Assert.Equal(31, Drapeaux.Calculer(Dossier(StatutDossier.EntretienRealise, joursDansStatut: 31, tentatives: 1, joursDepuisAction: 31), Aujourdhui, r).SansNouvellesDepuis);
        Assert.Null(Drapeaux.Calculer(Dossier(StatutDossier.EntretienRealise, joursDansStatut: 31, tentatives: 1, joursDepuisAction: 29), Aujourdhui, r).SansNouvellesDepuis);

        // A closed file is late for nothing.
        var clos = Drapeaux.Calculer(Dossier(StatutDossier.Cloture, joursDepuisArrivee: 200, joursDansStatut: 100), Aujourdhui, r);
        Assert.False(clos.ATraiter || clos.EnRetard || clos.SansNouvellesDepuis is not null);
    }

    [Fact]
    public void Priority_SaysWhy_AMinorUnderTheObligationDeFormation_OrARecentExit()
    {
        var r = new ReglagesSuivi();
        var mineur = Drapeaux.Calculer(Dossier(StatutDossier.AContacter, naissance: new DateOnly(2009, 12, 3)), Aujourdhui, r);
        Assert.Equal(["mineur soumis à l'obligation de formation"], mineur.Priorites);

        // 18 today: out of the obligation.
        Assert.False(Drapeaux.Calculer(Dossier(StatutDossier.AContacter, naissance: new DateOnly(2008, 12, 2)), Aujourdhui, r).Prioritaire);

        var recent = Drapeaux.Calculer(Dossier(StatutDossier.AContacter, sortie: new DateOnly(2026, 6, 3)), Aujourdhui, r);
        Assert.Equal(["sorti·e il y a moins de 6 mois"], recent.Priorites);
        Assert.False(Drapeaux.Calculer(Dossier(StatutDossier.AContacter, sortie: new DateOnly(2026, 6, 2)), Aujourdhui, r).Prioritaire);
    }

    [Fact]
    public void BirthDateBounds_OfTheListsSql_AgreeWithTheAge_EveryDayOfEightYears_29FebruaryIncluded()
    {
        // The lists filter on "born after / on or before a date" (ListeDossiers); the page shows Drapeaux.Age: both must agree.
        var ecarts = new List<string>();
        for (var jour = new DateOnly(2024, 1, 1); jour < new DateOnly(2032, 1, 1); jour = jour.AddDays(1))
        {
            foreach (var ans in new[] { 16, 18, 21 })
            {
                var borne = Drapeaux.NeAvant(jour, ans);
                foreach (var naissance in new[] { borne.AddDays(-1), borne, borne.AddDays(1), borne.AddDays(2) })
                {
                    if ((Drapeaux.Age(naissance, jour) >= ans) != (naissance <= borne))
                    {
                        ecarts.Add($"{naissance} on {jour}, {ans}");
                    }
                }
            }
        }

        Assert.Empty(ecarts);
    }

    [Fact]
    public void Priority_ACallbackRequest_CountsWhileTheFileIsOpen()
    {
        var r = new ReglagesSuivi();
        var d = Dossier(StatutDossier.ContactEnCours, tentatives: 1);
        d.RappelDemandeLe = Maintenant.AddDays(-1);
        Assert.Equal([Drapeaux.Rappel], Drapeaux.Calculer(d, Aujourdhui, r).Priorites);
        d.Statut = StatutDossier.Cloture;
        Assert.False(Drapeaux.Calculer(d, Aujourdhui, r).Prioritaire);
    }

    [Fact]
    public void Settings_OutOfBounds_AreNamedInFrench()
    {
        var fautes = new ReglagesSuivi { DelaiPremiereTentativeJours = 0, InjoignableTentatives = 50 }.Verifier().ToList();
        Assert.Equal(["premiereTentative", "injoignableTentatives"], fautes.Select(f => f.Champ));
        Assert.Contains("entre 1 et 90", fautes[0].Message);
        Assert.Empty(new ReglagesSuivi().Verifier());
    }
}
