using System.Reflection;
using Raccroche.Web.Features.Annuaire;
using Raccroche.Web.Features.Dispositifs;

namespace Raccroche.Tests.Unit;

/// <summary>
/// The field descriptions (<see cref="ChampsDispositif"/>, <see cref="ChampsStructure"/>, <see cref="ChampsLieu"/>) are the one
/// declaration of a sheet's editable fields: every place that lists them by hand (entity, content, form, seed, API) must
/// hold exactly those, so a field added in one place and forgotten in another fails here.
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
