
namespace Raccroche.Tests.Unit;

/// <summary>Matching over the real seed catalogue, one row per young person's profile.</summary>
public sealed class MatcherTests
{
    public sealed record Cas(
        string Description, string Commune, int Age, string? Situation = null, string? Niveau = null, string? Souhait = null,
        string[]? Besoins = null, double? Rayon = null, string[]? Inclus = null, string[]? Exclus = null,
        string[]? Points = null, string[]? PasDePoints = null)
    {
        public override string ToString() => Description;
    }

    public static TheoryData<Cas> Profils => new(
    [
        new("17 ans, a quitté une seconde pro il y a 3 mois, Thiers, veut apprendre un métier", "63430", 17, "sorti-sans-diplome", "sans-diplome", "metier-paye",
            Points: ["cio", "mlds", "mission-locale", "psad"], Exclus: ["lycee-nouvelle-chance"]),
        new("19 ans sans diplôme à Lyon, veut se former", "69123", 19, "sorti-sans-diplome", "sans-diplome", "formation",
            Inclus: ["e2c-rhone"], Points: ["mission-locale"], PasDePoints: ["mlds", "psad"]),
        new("22 ans, bac, sans emploi à Grenoble, veut travailler", "38185", 22, "diplome-sans-emploi", "niveau-4", "travail",
            Exclus: ["mlds-aar", "mlds-morea", "e2c-auvergne-rhone-alpes", "classe-relais"], Points: ["mission-locale"]),
        new("15 ans au collège qui décroche, Lyon", "69123", 15, "scolarise-en-risque", "sans-diplome",
            Exclus: ["contrat-engagement-jeune", "e2c-rhone", "epide", "service-civique"], Points: ["cio"], PasDePoints: ["mission-locale", "mlds"]),
        new("24 ans sans diplôme à Clermont, besoin d'argent", "63113", 24, "sorti-sans-diplome", "sans-diplome", Besoins: ["argent"],
            Exclus: ["mlds-aar", "obligation-de-formation-16-18"], Points: ["mission-locale"]),
        new("20 ans à Lyon, sans logement", "69123", 20, "sorti-sans-diplome", "sans-diplome", Besoins: ["logement"], Inclus: ["epide"]),
        new("16 ans à Villeurbanne, suivi par la justice", "69266", 16, "sorti-sans-diplome", "sans-diplome", Besoins: ["justice"],
            Inclus: ["ueaj-villeurbanne"], Points: ["mission-locale", "cio", "mlds", "psad"]),
        new("26 ans : trop âgé pour la mission locale", "63113", 26, "sorti-sans-diplome", "sans-diplome",
            Exclus: ["contrat-engagement-jeune", "e2c-auvergne-rhone-alpes", "mission-locale-accompagnement"], PasDePoints: ["mission-locale", "cio"]),
        new("17 ans à Paris : hors de la région", "75056", 17, "sorti-sans-diplome", "sans-diplome",
            Exclus: ["e2c-rhone", "cio-conseil-orientation", "mission-locale-accompagnement"], PasDePoints: ["mission-locale", "cio"]),
        new("18 ans à Aurillac, 10 km au plus", "15014", 18, "sorti-sans-diplome", "sans-diplome", Rayon: 10,
            Exclus: ["e2c-rhone", "epide"], Points: ["mission-locale"]),
        new("21 ans, bac+2, sans emploi à Annecy", "74010", 21, "diplome-sans-emploi", "niveau-5", "travail",
            Exclus: ["e2c-auvergne-rhone-alpes", "pass-numeriques", "formations-preparatoires"]),
        new("Chatbot : seulement 18 ans et Saint-Étienne", "42218", 18, Points: ["mission-locale", "cio", "mlds", "psad"]),
        new("17 ans en apprentissage qui se passe mal, Saint-Étienne", "42218", 17, "en-formation-en-difficulte", "sans-diplome",
            Inclus: ["mission-locale-accompagnement"], Exclus: ["classe-relais"]),
        new("19 ans, petits boulots à Valence, veut un vrai travail", "26362", 19, "emploi-precaire", "niveau-3", "travail",
            Inclus: ["contrat-engagement-jeune"]),
        new("16 ans au lycée à Villeurbanne qui décroche", "69266", 16, "scolarise-en-risque", "sans-diplome",
            Inclus: ["hello-perseverance-fil-d-ariane"], Exclus: ["contrat-engagement-jeune"]),
        new("25 ans à Chambéry, besoin de numérique", "73065", 25, "sorti-sans-diplome", "sans-diplome", Besoins: ["numerique"],
            Inclus: ["teenlab-la-dynamo"]),
        new("13 ans au collège à Lyon", "69123", 13, "scolarise-en-risque", "sans-diplome",
            Inclus: ["atelier-relais"], Points: ["cio"], PasDePoints: ["mission-locale", "mlds", "psad"]),
        new("18 ans à Thiers avec un handicap", "63430", 18, "sorti-sans-diplome", "sans-diplome", Besoins: ["handicap"], Points: ["mission-locale"]),
        new("20 ans sans diplôme au Puy, veut un métier payé", "43157", 20, "sorti-sans-diplome", "sans-diplome", "metier-paye",
            Exclus: ["micro-lycee-saint-marc", "e2c-rhone"]),
        new("18 ans à Aubenas qui ne sait pas quoi faire", "07019", 18, "sorti-sans-diplome", "sans-diplome", "sais-pas",
            Inclus: ["cirque-social-aubenas"]),
        new("23 ans, CAP, sans emploi à Bourg-en-Bresse", "01053", 23, "diplome-sans-emploi", "niveau-3", "formation",
            Exclus: ["e2c-auvergne-rhone-alpes", "mlds-aar"]),
    ]);

    [Theory]
    [MemberData(nameof(Profils))]
    public void Orienter_RespectsHardRulesAndExpectations(Cas cas)
    {
        var commune = CatalogueDeReference.Communes.ParCode(cas.Commune)!;
        var profil = new Profil
        {
            Age = cas.Age,
            Commune = commune,
            Situation = cas.Situation,
            Niveau = cas.Niveau,
            Souhait = cas.Souhait,
            Besoins = cas.Besoins ?? [],
            RayonKm = cas.Rayon,
        };

        var r = Appariement.Orienter(profil, CatalogueDeReference.Index, CatalogueDeReference.Annuaire);
        var propositions = r.Groupes.SelectMany(g => g.Propositions).ToList();
        var slugs = propositions.Select(p => p.Dispositif.Slug).ToList();

        Assert.True(propositions.Count <= Appariement.MaxPropositions);
        foreach (var p in propositions)
        {
            var d = p.Dispositif;
            Assert.False(d.AgeMin > cas.Age || d.AgeMax < cas.Age, $"{d.Slug}: age {d.AgeMin}-{d.AgeMax} for {cas.Age}");
            Assert.True(cas.Niveau is null || d.Niveaux.Length == 0 || d.Niveaux.Contains(cas.Niveau), $"{d.Slug}: level");
            Assert.True(d.Couvre(commune), $"{d.Slug}: zone does not cover {commune.Nom}");
            Assert.True(cas.Rayon is null || p.DistanceKm is null || p.DistanceKm <= cas.Rayon, $"{d.Slug}: {p.DistanceKm} km");
            Assert.StartsWith($"Tu as {cas.Age} ans", p.Raisons[0]);
            Assert.True(p.Raisons.Count >= 2, $"{d.Slug}: a single reason");
        }

        foreach (var s in cas.Inclus ?? [])
        {
            Assert.True(slugs.Contains(s), $"{s} expected among {string.Join(", ", slugs)}");
        }

        foreach (var s in cas.Exclus ?? [])
        {
            Assert.DoesNotContain(s, slugs);
        }

        var types = r.PointsEntree.Select(pe => pe.Structure.Type).ToList();
        foreach (var t in cas.Points ?? [])
        {
            Assert.Contains(t, types);
        }

        foreach (var t in cas.PasDePoints ?? [])
        {
            Assert.DoesNotContain(t, types);
        }

        Assert.All(r.PointsEntree, pe => Assert.True(
            Raccroche.Web.Features.Catalogue.Zones.Couvre(pe.Structure.ZoneType, pe.Structure.ZoneCodes, commune),
            $"{pe.Structure.Nom} is not competent for {commune.Nom}"));
    }

    [Fact]
    public void Orienter_InLyon_PrefersTheCityMissionLocaleOverTheDepartementalOne()
    {
        var r = Appariement.Orienter(new Profil { Age = 20, Commune = CatalogueDeReference.Communes.ParCode("69123")! },
            CatalogueDeReference.Index, CatalogueDeReference.Annuaire);
        Assert.Equal("ml-lyon", r.PointsEntree.Single(p => p.Structure.Type == "mission-locale").Structure.Slug);
    }

    [Fact]
    public void Orienter_WishedEntryComesFirst_AndReasonsExplainIt()
    {
        var r = Appariement.Orienter(new Profil
        {
            Age = 19,
            Commune = CatalogueDeReference.Communes.ParCode("69123")!,
            Situation = "sorti-sans-diplome",
            Niveau = "sans-diplome",
            Souhait = "formation",
        }, CatalogueDeReference.Index, CatalogueDeReference.Annuaire);
        Assert.Equal("se-former", r.Groupes[0].Entree);
        var e2c = r.Groupes.SelectMany(g => g.Propositions).Single(p => p.Dispositif.Slug == "e2c-rhone");
        Assert.Equal("Tu as 19 ans et pas de diplôme : École de la 2e chance du Rhône (E2C) accueille les 16-25 ans sans diplôme.", e2c.Raisons[0]);
        Assert.Contains(e2c.Raisons, x => x.Contains("reprendre une formation"));
        Assert.Contains(e2c.Raisons, x => x.Contains("de chez toi") || x.Contains("dans ta commune"));
    }
}
