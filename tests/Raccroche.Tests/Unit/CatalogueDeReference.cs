using Raccroche.Web.Donnees.Initiales;

namespace Raccroche.Tests.Unit;

/// <summary>The shipped seed catalogue and commune file, indexed in memory as the app does (no database).</summary>
internal static class CatalogueDeReference
{
    private static readonly Lazy<(CatalogueIndex Index, RepertoireStructures Annuaire, RepertoireCommunes Communes)> Charge = new(() =>
    {
        var communes = CommunesCsv.LireEmbarque();
        var directory = new RepertoireCommunes(communes);
        var (structures, dispositifs) = DonneesInitiales.Construire(CatalogueInitial.Embarque(), communes.ToDictionary(c => c.CodeInsee));
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

        return (CatalogueIndex.Construire(dispositifs, directory, 1), new RepertoireStructures(structures, directory), directory);
    });

    public static CatalogueIndex Index => Charge.Value.Index;
    public static RepertoireStructures Annuaire => Charge.Value.Annuaire;
    public static RepertoireCommunes Communes => Charge.Value.Communes;
}
