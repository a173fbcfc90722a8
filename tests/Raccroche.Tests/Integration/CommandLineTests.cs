using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Raccroche.Tests.Integration;

/// <summary>The command line verbs, run as a real process on the built app against a fresh SQLite file.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"raccroche-cli-{Guid.NewGuid():N}.db");

    private async Task<(int Code, string Sortie)> Lancer(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Raccroche.Web.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["ConnectionStrings__Raccroche"] = $"Data Source={_db}";
        psi.Environment["Database__Provider"] = "Sqlite";
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["Mail__DossierDepot"] = Path.Combine(Path.GetTempPath(), "raccroche-test-mail");
        using var p = Process.Start(psi)!;
        var sortie = await p.StandardOutput.ReadToEndAsync() + await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, sortie);
    }

    [Fact]
    public async Task CreerAdmin_InvitesTheFirstRegionalAdministrator()
    {
        Assert.Equal(0, (await Lancer("migrate")).Code);
        var (code, sortie) = await Lancer("creer-admin", "--courriel", "admin@region.test");
        Assert.True(code == 0, sortie);
        Assert.Matches(@"/pro/invitation/[A-Za-z0-9_\-]{40,}", sortie);

        await using (var conn = new SqliteConnection($"Data Source={_db}"))
        {
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "SELECT Role FROM Invitations WHERE Courriel = 'admin@region.test'";
            Assert.Equal("admin-regional", (string?)await cmd.ExecuteScalarAsync());
        }

        (code, sortie) = await Lancer("creer-admin", "--courriel", "pas-une-adresse");
        Assert.Equal(2, code);
        Assert.Contains("Usage: creer-admin", sortie);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _db, _db + "-wal", _db + "-shm" })
        {
            File.Delete(f);
        }
    }
}
