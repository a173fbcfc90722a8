using static Raccroche.Tests.Unit.Fabrique;

namespace Raccroche.Tests.Unit;

public sealed class CatalogueIndexTests
{
    [Fact]
    public void Search_WithOneTypo_FindsEpide()
    {
        var index = Index(
            Dispositif("EPIDE", "Parcours d'insertion en internat"),
            Dispositif("École de la 2e chance", "Formation rémunérée"));
        Assert.Equal(["EPIDE"], Noms(index.Rechercher(new RequeteRecherche { Texte = "epyde" })));
    }

    [Fact]
    public void Search_TypoOnShortWord_IsNotTolerated()
    {
        // "cia" is three letters: one edit would match too much, so no typo tolerance below five letters.
        var index = Index(Dispositif("CIO de Thiers", "Orientation"));
        Assert.Empty(index.Rechercher(new RequeteRecherche { Texte = "cia" }).Items);
    }

    [Fact]
    public void Search_Prefix_MatchesWhileTyping()
    {
        var index = Index(Dispositif("Prépa-apprentissage", "Préparer son entrée en apprentissage"), Dispositif("Pix", "Compétences numériques"));
        Assert.Equal(["Prépa-apprentissage"], Noms(index.Rechercher(new RequeteRecherche { Texte = "appren" })));
    }

    [Fact]
    public void Search_ElisionsAccentsAndPlurals_AreNormalised()
    {
        var index = Index(Dispositif("Atelier", "L'école des métiers du bâtiment"));
        Assert.Single(index.Rechercher(new RequeteRecherche { Texte = "ecole metier batiments" }).Items);
    }

    [Fact]
    public void NoCriterion_FirstPage_IsComputedOncePerSnapshot_AndIsTheSameResult()
    {
        var index = Index(Dispositif("Atelier A"), Dispositif("Atelier B"), Dispositif("Atelier C", regler: d => d.Remunere = true));
        var premiere = index.Rechercher(new RequeteRecherche());
        Assert.Same(premiere, index.Rechercher(new RequeteRecherche()));
        Assert.Equal(3, premiere.Total);
        Assert.Equal(1, premiere.Facettes.Remunere);

        // Any criterion, another page or size: computed, never the stored page.
        Assert.NotSame(premiere, index.Rechercher(new RequeteRecherche { Taille = 10 }));
        Assert.Equal(1, index.Rechercher(new RequeteRecherche { Remunere = true }).Total);
        Assert.Equal(Noms(premiere), Noms(index.Rechercher(new RequeteRecherche { Page = 1, Taille = 20, Texte = " " })));
    }

    /// <summary>A filter added to the query must be added to what "no criterion" means (CatalogueIndex.SansCritere) too.</summary>
    [Fact]
    public void QueryFields_AreTheOnesTheNoCriterionCheckKnows()
    {
        Assert.Equal(
            ["Age", "Commune", "Departement", "Entree", "EntreePermanente", "Gratuit", "Internat", "Niveau", "Page", "RayonKm", "Remunere", "Situation", "Taille", "Texte", "Thematiques"],
            typeof(RequeteRecherche).GetProperties().Select(p => p.Name).Where(n => n != "EqualityContract").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Search_AllTermsMustMatch()
    {
        var index = Index(Dispositif("Service civique", "Mission d'engagement"), Dispositif("Mission locale", "Accompagnement global"));
        Assert.Equal(["Mission locale"], Noms(index.Rechercher(new RequeteRecherche { Texte = "mission accompagnement" })));
    }

    [Fact]
    public void Search_NameMatch_RanksAboveDescriptionMatch()
    {
        var index = Index(
            Dispositif("Tutorat scolaire", "Aide aux devoirs", d => d.Description = "Un programme proche du mentorat."),
            Dispositif("Mentorat étudiant", "Un étudiant accompagne un jeune"));
        Assert.Equal("Mentorat étudiant", Noms(index.Rechercher(new RequeteRecherche { Texte = "mentorat" }))[0]);
    }

    [Fact]
    public void Search_ByCommuneAndRadius_ReturnsOnlyNearbyPlaces()
    {
        var index = Index(
            Dispositif("Près de Thiers", lieux: Thiers),
            Dispositif("À Clermont", lieux: Clermont),
            Dispositif("À Lyon", lieux: Lyon));
        var r = index.Rechercher(new RequeteRecherche { Commune = Thiers, RayonKm = 50 });
        Assert.Equal(["Près de Thiers", "À Clermont"], Noms(r));
        Assert.Equal(0, r.Items[0].DistanceKm!.Value, 1);
        Assert.InRange(r.Items[1].DistanceKm!.Value, 35, 40);
    }

    [Fact]
    public void Search_SameRelevance_NearestFirst()
    {
        var index = Index(
            Dispositif("Mission locale Lyon", lieux: Lyon),
            Dispositif("Mission locale Thiers", lieux: Thiers));
        Assert.Equal(["Mission locale Thiers", "Mission locale Lyon"], Noms(index.Rechercher(new RequeteRecherche { Texte = "mission locale", Commune = Thiers })));
    }

    [Fact]
    public void Search_ZoneNotCoveringCommune_IsHidden()
    {
        var index = Index(
            Dispositif("Rhône seulement", regler: d => { d.ZoneType = ZoneType.Departements; d.ZoneCodes = ["69"]; }, lieux: Lyon),
            Dispositif("Région", regler: d => { d.ZoneType = ZoneType.Region; d.ZoneCodes = ["84"]; }, lieux: Lyon),
            Dispositif("Commune de Thiers", regler: d => { d.ZoneType = ZoneType.Communes; d.ZoneCodes = ["63430"]; }, lieux: Thiers),
            Dispositif("EPCI de Thiers", regler: d => { d.ZoneType = ZoneType.Epci; d.ZoneCodes = ["200071389"]; }, lieux: Thiers));
        Assert.Equal(["Commune de Thiers", "EPCI de Thiers", "Région"], Noms(index.Rechercher(new RequeteRecherche { Commune = Thiers })).Order().ToList());
        Assert.Empty(index.Rechercher(new RequeteRecherche { Commune = Paris }).Items);
    }

    [Fact]
    public void Search_ProgrammeWithoutPlace_IsKeptWithinRadiusWhenZoneCovers()
    {
        var index = Index(Dispositif("Pix en ligne"), Dispositif("Loin", lieux: Lyon));
        var r = index.Rechercher(new RequeteRecherche { Commune = Thiers, RayonKm = 20 });
        Assert.Equal(["Pix en ligne"], Noms(r));
        Assert.Null(r.Items[0].DistanceKm);
    }

    [Fact]
    public void Search_ByAge_UsesInclusiveBounds()
    {
        var index = Index(
            Dispositif("16-18", regler: d => { d.AgeMin = 16; d.AgeMax = 18; }),
            Dispositif("18-25", regler: d => { d.AgeMin = 18; d.AgeMax = 25; }),
            Dispositif("Tout âge"));
        Assert.Equal(["16-18", "18-25", "Tout âge"], Noms(index.Rechercher(new RequeteRecherche { Age = 18 })).Order().ToList());
        Assert.Equal(["16-18", "Tout âge"], Noms(index.Rechercher(new RequeteRecherche { Age = 16 })).Order().ToList());
        Assert.Equal(["Tout âge"], Noms(index.Rechercher(new RequeteRecherche { Age = 30 })));
    }

    [Fact]
    public void Search_FiltersCombine()
    {
        var index = Index(
            Dispositif("A", regler: d => { d.Niveaux = ["sans-diplome"]; d.Remunere = true; d.Internat = true; d.Entrees = ["se-former"]; }),
            Dispositif("B", regler: d => { d.Niveaux = ["sans-diplome"]; d.Remunere = true; d.Internat = false; d.Entrees = ["se-former"]; }),
            Dispositif("C", regler: d => { d.Niveaux = ["niveau-4"]; d.Remunere = true; d.Internat = true; d.Entrees = ["se-former"]; }),
            Dispositif("D", regler: d => { d.Niveaux = []; d.Remunere = true; d.Internat = true; d.Entrees = ["emploi"]; }));
        var r = index.Rechercher(new RequeteRecherche { Niveau = "sans-diplome", Remunere = true, Internat = true, Entree = "se-former" });
        Assert.Equal(["A"], Noms(r));
    }

    [Fact]
    public void Search_ByThematiqueCategory_MatchesItsSubThemes()
    {
        var index = Index(
            Dispositif("Numérique", regler: d => d.Thematiques = ["numerique--maitriser-les-fondamentaux-du-numerique"]),
            Dispositif("Logement", regler: d => d.Thematiques = ["logement-hebergement--louer-un-logement"]));
        Assert.Equal(["Numérique"], Noms(index.Rechercher(new RequeteRecherche { Thematiques = ["numerique"] })));
        Assert.Equal(["Logement"], Noms(index.Rechercher(new RequeteRecherche { Thematiques = ["logement-hebergement--louer-un-logement"] })));
    }

    [Fact]
    public void Search_BySituation_KeepsOpenProgrammesAndThoseListingIt()
    {
        var index = Index(
            Dispositif("Justice", regler: d => d.Situations = ["sous-main-de-justice"]),
            Dispositif("Décrocheurs", regler: d => d.Situations = ["sorti-sans-diplome"]),
            Dispositif("Ouvert"));
        Assert.Equal(["Justice", "Ouvert"], Noms(index.Rechercher(new RequeteRecherche { Situation = "sous-main-de-justice" })).Order().ToList());
    }

    [Fact]
    public void Search_ByDepartement_KeepsProgrammesWithAPlaceThere()
    {
        var index = Index(Dispositif("Loire", lieux: SaintEtienne), Dispositif("Rhône", lieux: Lyon), Dispositif("À distance"));
        Assert.Equal(["À distance", "Loire"], Noms(index.Rechercher(new RequeteRecherche { Departement = "42" })).Order().ToList());
    }

    [Fact]
    public void Search_SuspendedProgramme_IsNeverShown()
    {
        var index = Index(Dispositif("Suspendu", regler: d => d.Suspendu = true), Dispositif("Actif"));
        Assert.Equal(["Actif"], Noms(index.Rechercher(new RequeteRecherche())));
    }

    [Fact]
    public void Search_Facets_CountTheFilteredResults()
    {
        var index = Index(
            Dispositif("A", regler: d => { d.Entrees = ["se-former", "emploi"]; d.Remunere = true; d.AgeMin = 16; }),
            Dispositif("B", regler: d => { d.Entrees = ["emploi"]; d.Frais = "gratuit"; d.AgeMin = 16; }),
            Dispositif("C", regler: d => { d.Entrees = ["emploi"]; d.AgeMin = 26; }));
        var f = index.Rechercher(new RequeteRecherche { Age = 20 }).Facettes;
        Assert.Equal(1, f.Entrees["se-former"]);
        Assert.Equal(2, f.Entrees["emploi"]);
        Assert.Equal(1, f.Remunere);
        Assert.Equal(1, f.Gratuit);
    }

    [Fact]
    public void Search_Pagination_ReturnsTheRequestedSliceAndTotal()
    {
        var index = Index([.. Enumerable.Range(1, 25).Select(i => Dispositif($"Dispositif {i:00}"))]);
        var r = index.Rechercher(new RequeteRecherche { Page = 3, Taille = 10 });
        Assert.Equal(25, r.Total);
        Assert.Equal(5, r.Items.Count);
        var all = index.Rechercher(new RequeteRecherche { Taille = 100 }).Items.Select(h => h.Doc.Nom).ToList();
        Assert.Equal(all.Skip(20).ToList(), Noms(r));
    }

    [Fact]
    public void Filters_ValuesPastTheSixtyFourthBit_AreStillTestedOnTheirStrings()
    {
        // 70 distinct levels: the last six have no bit, and the programmes holding them are tested on their strings.
        var dispositifs = Enumerable.Range(0, 70)
            .Select(k => Dispositif($"Niveau {k}", regler: d => d.Niveaux = [$"niveau-special-{k}"]))
            .Append(Dispositif("Tous niveaux"))
            .ToArray();
        var index = Index(dispositifs);

        Assert.Equal(["Niveau 3", "Tous niveaux"], Noms(index.Rechercher(new RequeteRecherche { Niveau = "niveau-special-3", Taille = 100 })).Order());
        Assert.Equal(["Niveau 68", "Tous niveaux"], Noms(index.Rechercher(new RequeteRecherche { Niveau = "niveau-special-68", Taille = 100 })).Order());
        Assert.Equal(["Tous niveaux"], Noms(index.Rechercher(new RequeteRecherche { Niveau = "inconnu", Taille = 100 })));
    }

    [Fact]
    public void Radius_KeepsAPlaceJustInside_AndReportsTheNearestOfSeveral()
    {
        // Thiers to Clermont-Ferrand: about 36 km, almost all of it east-west; Le Puy is about 90 km south.
        var loin = Dispositif("Deux lieux", "Un dispositif de test.", null, LePuy, Clermont);
        var index = Index(loin);
        var km = Raccroche.Web.Features.Communes.Distances.DistanceKm(Thiers.Latitude, Thiers.Longitude, Clermont.Latitude, Clermont.Longitude);

        var juste = index.Rechercher(new RequeteRecherche { Commune = Thiers, RayonKm = km + 0.01 });
        var trouve = Assert.Single(juste.Items);
        Assert.Equal("Lieu de Clermont-Ferrand", trouve.LieuProche?.Nom);
        Assert.Equal(km, trouve.DistanceKm!.Value, 6);

        Assert.Empty(index.Rechercher(new RequeteRecherche { Commune = Thiers, RayonKm = km - 0.01 }).Items);

        var sansRayon = Assert.Single(index.Rechercher(new RequeteRecherche { Commune = Thiers }).Items);
        Assert.Equal("Lieu de Clermont-Ferrand", sansRayon.LieuProche?.Nom);
    }
}
