using System.Reflection;
using Raccroche.Web.Features.Annuaire;
using Raccroche.Web.Features.Dispositifs;

namespace Raccroche.Tests.Unit;

/// <summary>
/// The field descriptions (<see cref="ChampsDispositif"/>, <see cref="ChampsStructure"/>, <see cref="ChampsLieu"/>) are the one
/// declaration of a sheet's editable fields: every place that lists them by hand (entity, content, form, seed, API) must
/// hold exactly those, so a field added in one place and forgotten in another fails here. The search index's document
/// carries them too, but for those it leaves out with a stated reason.
/// </summary>
public sealed class ChampsTests
{
    [Fact]
    public void Entities_HoldExactlyTheDescribedFieldsAndTheListedOthers()
    {
        Assert.Equal(Decrits(ChampsDispositif.Tous).Union(ChampsDispositif.NonEditables).Order(), Proprietes<Dispositif>());
        Assert.Equal(Decrits(ChampsStructure.Tous).Union(ChampsStructure.NonEditables).Order(), Proprietes<Structure>());
        Assert.Equal(Decrits(ChampsLieu.Tous).Union(ChampsLieu.NonEditables).Order(), Proprietes<Lieu>());
    }

    [Fact]
    public void SheetContents_HoldExactlyTheDescribedFields()
    {
        Assert.Equal(Decrits(ChampsDispositif.Tous).Order(), Proprietes<ContenuDispositif>());
        Assert.Equal(Decrits(ChampsStructure.Tous).Append(nameof(ContenuStructure.Lieux)).Order(), Proprietes<ContenuStructure>());
        Assert.Equal(Decrits(ChampsLieu.Tous).Append(nameof(ContenuLieu.Id)).Order(), Proprietes<ContenuLieu>());
    }

    [Fact]
    public void Forms_HaveOneInputPerContentField()
    {
        Assert.Equal(Proprietes<ContenuDispositif>(), Proprietes<SaisieDispositif>());
        Assert.Equal(Proprietes<ContenuStructure>(), Proprietes<SaisieStructure>());
        Assert.Equal(Proprietes<ContenuLieu>(), Proprietes<SaisieLieu>());
    }

    [Fact]
    public void Seed_CarriesEveryDescribedField()
    {
        Assert.Empty(Decrits(ChampsDispositif.Tous).Except(Proprietes<DispositifSeed>()));
        Assert.Empty(Decrits(ChampsStructure.Tous).Except(Proprietes<StructureSeed>()));
        Assert.Empty(Decrits(ChampsLieu.Tous).Except(Proprietes<LieuSeed>()));
    }

    /// <summary>The API's names are a published contract: they stay hand-written, with these known renames.</summary>
    [Fact]
    public void Api_PublishesEveryDescribedField()
    {
        var renommes = new Dictionary<string, string>
        {
            [nameof(Dispositif.TypeService)] = nameof(FicheDispositif.Type),
            [nameof(Dispositif.ZoneType)] = nameof(FicheDispositif.Zone),
            [nameof(Dispositif.ZoneCodes)] = nameof(FicheDispositif.Zone),
        };
        Assert.Empty(Decrits(ChampsDispositif.Tous).Select(p => renommes.GetValueOrDefault(p, p)).Except(Proprietes<FicheDispositif>()));
        Assert.Empty(Decrits(ChampsStructure.Tous).Except(Proprietes<FicheStructure>()));
        Assert.Empty(Decrits(ChampsLieu.Tous).Except(Proprietes<LieuDto>()));
    }

    [Fact]
    public void Descriptions_HaveDistinctKeysAndLengthsForTexts()
    {
        foreach (var champs in new[] { ChampsDispositif.Tous, ChampsStructure.Tous, ChampsLieu.Tous })
        {
            Assert.Equal(champs.Count, champs.Select(c => c.Cle).Distinct().Count());
            Assert.All(champs.Where(c => c.Genre == GenreChamp.Texte), c => Assert.NotNull(c.LongueurMax));
            Assert.All(champs.Where(c => c.Genre is GenreChamp.Choix or GenreChamp.Liste), c => Assert.NotNull(c.Vocabulaire));
        }
    }

    /// <summary>Every described field goes from the live programme to its content and back: none is dropped on publishing.</summary>
    [Fact]
    public void Dispositif_ContentRoundTrip_KeepsEveryField()
    {
        var lieu = new Lieu { Id = 7, Slug = "l", Nom = "Lieu", CodeInsee = "63113" };
        var source = Remplir(new Dispositif { Slug = "d", Nom = "", Resume = "" });
        source.Lieux = [lieu];
        var contenu = ContenuDispositif.De(source);
        var cible = new Dispositif { Slug = "d", Nom = "", Resume = "" };
        contenu.Appliquer(cible, [lieu]);

        foreach (var p in Decrits(ChampsDispositif.Tous).Where(p => p != nameof(Dispositif.Lieux)))
        {
            var propriete = typeof(Dispositif).GetProperty(p)!;
            Assert.Equivalent(propriete.GetValue(source), propriete.GetValue(cible), strict: true);
        }

        Assert.Equal([7], cible.Lieux.Select(l => l.Id));
    }

    [Fact]
    public void Structure_ContentRoundTrip_KeepsEveryField()
    {
        var source = Remplir(new Structure { Slug = "s", Nom = "", Type = "cio" });
        source.Lieux = [Remplir(new Lieu { Id = 3, Slug = "l", Nom = "", CodeInsee = "63113" })];
        var cible = new Structure { Slug = "s", Nom = "", Type = "cio", Lieux = [new Lieu { Id = 3, Slug = "l", Nom = "", CodeInsee = "63113" }] };
        ContenuStructure.De(source).Appliquer(cible);

        foreach (var p in Decrits(ChampsStructure.Tous))
        {
            Assert.Equal(typeof(Structure).GetProperty(p)!.GetValue(source), typeof(Structure).GetProperty(p)!.GetValue(cible));
        }

        foreach (var p in Decrits(ChampsLieu.Tous))
        {
            Assert.Equal(typeof(Lieu).GetProperty(p)!.GetValue(source.Lieux[0]), typeof(Lieu).GetProperty(p)!.GetValue(cible.Lieux[0]));
        }
    }

    /// <summary>
    /// Described programme fields that the search index's document (<see cref="DispositifDoc"/>, what the search filters,
    /// ranks and shows in its results without the database) deliberately leaves out, with the reason. Every other
    /// described field must be carried under its own name: a field added to the description fails
    /// <see cref="IndexDocument_CarriesEveryDescribedField_ButThoseLeftOutWithAReason"/> until it is carried or listed here.
    /// </summary>
    private static readonly Dictionary<string, string> HorsDocumentIndex = new()
    {
        [nameof(Dispositif.Description)] = "searched as words (indexed with its own weight), not kept: only the sheet shows it, read from the database",
        [nameof(Dispositif.Publics)] = "no search filter or ranking reads it; the sheet shows it",
        [nameof(Dispositif.ConditionsAcces)] = "free text the sheet shows; not searched",
        [nameof(Dispositif.HeuresHebdo)] = "no search filter or ranking reads it; the sheet shows it",
        [nameof(Dispositif.RemunerationDetail)] = "free text the sheet shows; not searched",
        [nameof(Dispositif.Capacite)] = "no search filter or ranking reads it; the sheet shows it",
        [nameof(Dispositif.ModesMobilisation)] = "how to get in, shown on the sheet; not a search criterion",
        [nameof(Dispositif.PersonnesMobilisatrices)] = "who can refer, shown on the sheet; not a search criterion",
        [nameof(Dispositif.PrescriptionProfessionnel)] = "shown on the sheet; not a search criterion",
        [nameof(Dispositif.LienMobilisation)] = "the online service's link, shown on the sheet; not searched",
    };

    /// <summary>What the index document holds besides described fields: identity, review date, and values computed at build time.</summary>
    private static readonly string[] DocumentIndexDerives =
    [
        nameof(DispositifDoc.Id), nameof(DispositifDoc.Slug), nameof(DispositifDoc.DateMaj),
        nameof(DispositifDoc.StructureNom), nameof(DispositifDoc.Categories), nameof(DispositifDoc.ZoneDepartements),
    ];

    [Fact]
    public void IndexDocument_CarriesEveryDescribedField_ButThoseLeftOutWithAReason()
    {
        var decrits = Decrits(ChampsDispositif.Tous).ToList();
        Assert.Empty(decrits.Except(Proprietes<DispositifDoc>()).Except(HorsDocumentIndex.Keys));
        Assert.Empty(HorsDocumentIndex.Keys.Except(decrits));
        Assert.Empty(HorsDocumentIndex.Keys.Intersect(Proprietes<DispositifDoc>()));
        Assert.All(HorsDocumentIndex.Values, raison => Assert.False(string.IsNullOrWhiteSpace(raison)));
        Assert.Empty(DocumentIndexDerives.Intersect(decrits));
        Assert.Equal(decrits.Except(HorsDocumentIndex.Keys).Union(DocumentIndexDerives).Order(), Proprietes<DispositifDoc>());
    }

    /// <summary>Each carried field has the programme's value once the index is built (not only a property of that name).</summary>
    [Fact]
    public void IndexDocument_CarriesTheProgrammesValues()
    {
        var lieu = new Lieu { Id = 7, Slug = "l", Nom = "Lieu", CodeInsee = "63113", Latitude = 45.7, Longitude = 3.1 };
        var source = Remplir(new Dispositif { Id = 5, Slug = "d", Nom = "", Resume = "" });
        source.Lieux = [lieu];
        var doc = Fabrique.Index(source).Document(5)!;

        foreach (var p in Decrits(ChampsDispositif.Tous).Except(HorsDocumentIndex.Keys))
        {
            var attendu = typeof(Dispositif).GetProperty(p)!.GetValue(source);
            var obtenu = typeof(DispositifDoc).GetProperty(p)!.GetValue(doc);
            if (p == nameof(Dispositif.Lieux))
            {
                Assert.Equal([7], ((LieuDoc[])obtenu!).Select(l => l.Id));
            }
            else if (attendu is List<string> liste)
            {
                Assert.Equal(liste.Order(), ((IEnumerable<string>)obtenu!).Order());
            }
            else
            {
                Assert.Equal(attendu, obtenu);
            }
        }
    }

    private static IEnumerable<string> Decrits(IEnumerable<Champ> champs) => champs.SelectMany(c => c.Proprietes);

    private static List<string> Proprietes<T>() =>
        [.. typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).Order()];

    /// <summary>Gives every settable property a value that is not its default, so that a dropped field shows.</summary>
    private static T Remplir<T>(T objet)
    {
        foreach (var p in typeof(T).GetProperties().Where(p => p.CanWrite && p.Name is not ("Id" or "Lieux" or "Dispositifs" or "Structure")))
        {
            var t = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
            object? valeur = t == typeof(string) ? $"valeur de {p.Name}"
                : t == typeof(int) ? 42
                : t == typeof(bool) ? true
                : t == typeof(double) ? 1.5
                : t == typeof(DateOnly) ? new DateOnly(2024, 5, 6)
                : t == typeof(ZoneType) ? ZoneType.Departements
                : t == typeof(List<string>) ? new List<string> { $"code de {p.Name}" }
                : null;
            if (valeur is not null)
            {
                p.SetValue(objet, valeur);
            }
        }

        return objet;
    }
}
