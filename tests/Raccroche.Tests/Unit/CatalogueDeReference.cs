using Raccroche.Web.Data.Seed;
using Raccroche.Web.Features.Communes;
using Raccroche.Web.Features.Directory;
using Raccroche.Web.Features.Search;

namespace Raccroche.Tests.Unit;

/// <summary>The shipped seed catalogue and commune file, indexed in memory as the app does (no database).</summary>
internal static class CatalogueDeReference
{
    private static readonly Lazy<(CatalogueIndex Index, Annuaire Annuaire, CommuneDirectory Communes)> Charge = new(() =>
    {
        var communes = CommunesCsv.LireEmbarque();
        var directory = new CommuneDirectory(communes);
        var (structures, dispositifs) = Seeder.Construire(CatalogueSeed.Embarque(), communes.ToDictionary(c => c.CodeInsee));
        var id = 0;
        foreach (var s in structures)
        {
            s.Id = ++id;
            foreach (var l in s.Lieux)
            {
                l.Id = ++id;
            }
        }

        foreach (var d in dispositifs)
        {
            d.Id = ++id;
        }

        return (CatalogueIndex.Construire(dispositifs, directory, 1), new Annuaire(structures, directory), directory);
    });

    public static CatalogueIndex Index => Charge.Value.Index;
    public static Annuaire Annuaire => Charge.Value.Annuaire;
    public static CommuneDirectory Communes => Charge.Value.Communes;
}
