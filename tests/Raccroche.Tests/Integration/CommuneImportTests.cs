
namespace Raccroche.Tests.Integration;

/// <summary>Importing an official commune file: its own database, since it rewrites positions.</summary>
public sealed class CommuneImportTests : IAsyncLifetime
{
    private readonly SqliteAppFactory _factory = new();

    public Task InitializeAsync() => _factory.InitializeAsync();

    public async Task DisposeAsync() => await ((IAsyncLifetime)_factory).DisposeAsync();

    private async Task<RapportImport> Importer(string csv)
    {
        using var scope = _factory.Services.CreateScope();
        var importer = ActivatorUtilities.CreateInstance<ImportCommunes>(scope.ServiceProvider);
        return await importer.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)));
    }

    [Fact]
    public async Task Import_LaPosteFile_OverridesEstimatedPositions()
    {
        await using var db = _factory.CreateDbContext();
        var estimee = await db.Communes.AsNoTracking().FirstAsync(c => c.PositionEstimee);
        var csv = "#Code_commune_INSEE;Nom_de_la_commune;Code_postal;Libellé_d_acheminement;Ligne_5;coordonnees_gps\n" +
                  $"{estimee.CodeInsee};{estimee.Nom.ToUpperInvariant()};{estimee.CodesPostaux.Split('|')[0]};X;;\"45.5, 4.5\"\n" +
                  "63430;THIERS;63300;THIERS;;\"45.8561, 3.5474\"\n" +
                  "99999;COMMUNE DISPARUE;99999;X;;\"45.0, 4.0\"\n" +
                  "63113;CLERMONT FERRAND;63000;CLERMONT FERRAND;;\n";

        var rapport = await Importer(csv);

        Assert.Empty(rapport.Erreurs);
        Assert.Equal(2, rapport.MisesAJour);
        Assert.Equal(1, rapport.Remplacees);
        Assert.Equal(1, rapport.Inconnues);
        Assert.Equal(1, rapport.SansCoordonnees);
        await using var apres = _factory.CreateDbContext();
        var c = await apres.Communes.AsNoTracking().SingleAsync(x => x.CodeInsee == estimee.CodeInsee);
        Assert.False(c.PositionEstimee);
        Assert.Equal(45.5, c.Latitude, 6);
        Assert.Equal(4.5, c.Longitude, 6);

        // The in-memory directory used by search and the API follows the database (once rebuilt in the background).
        await _factory.AttendreCatalogueAsync();
        var instantane = _factory.Services.GetRequiredService<InstantaneCatalogue>();
        Assert.Equal(45.5, instantane.Communes.ParCode(estimee.CodeInsee)!.Latitude, 6);
    }

    [Fact]
    public async Task Import_WithOneBadLine_WritesNothingAndReportsTheLine()
    {
        await using var db = _factory.CreateDbContext();
        var avant = await db.Communes.AsNoTracking().SingleAsync(x => x.CodeInsee == "63430");
        var csv = "code_commune_insee,nom_commune,latitude,longitude\n" +
                  "63430,Thiers,45.0,3.0\n" +
                  "63113,Clermont-Ferrand,quarante-cinq,3.08\n" +
                  "6311,Tronqué,45.1,3.1\n";

        var rapport = await Importer(csv);

        Assert.Equal([3], rapport.Erreurs.Select(e => e.Ligne).Where(l => l == 3));
        Assert.Contains(rapport.Erreurs, e => e.Ligne == 3 && e.Message.Contains("illisibles"));
        Assert.Contains("rien n'a été écrit", rapport.Resume());
        await using var apres = _factory.CreateDbContext();
        Assert.Equal(avant.Latitude, (await apres.Communes.AsNoTracking().SingleAsync(x => x.CodeInsee == "63430")).Latitude);
    }

    [Fact]
    public async Task Import_WithoutCoordinateColumns_IsRefusedWithAClearMessage()
    {
        var rapport = await Importer("code_insee;nom\n63430;Thiers\n");
        Assert.Equal(1, rapport.Erreurs.Single().Ligne);
        Assert.Contains("coordonnées", rapport.Erreurs[0].Message);
    }
}
