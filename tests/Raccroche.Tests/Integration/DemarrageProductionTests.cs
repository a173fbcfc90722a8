using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Raccroche.Tests.Integration;

/// <summary>
/// Outside Development and Testing the web server starts only with its secrets: without the
/// certificate that encrypts the Data Protection key ring it stops with a message naming the setting.
/// </summary>
public sealed class DemarrageProductionTests
{
    private sealed class Production(string? certificat) : WebApplicationFactory<Program>
    {
        private readonly string _db = Path.Combine(Path.GetTempPath(), $"raccroche-prod-{Guid.NewGuid():N}.db");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:Raccroche", $"Data Source={_db}");
            builder.UseSetting("Database:MigrateOnStartup", "true");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Mail:Host", "127.0.0.1");
            foreach (var tache in ReglagesDeTest.TachesDeFond)
            {
                builder.UseSetting(tache, "false");
            }

            builder.UseSetting("AllowedHosts", "localhost");
            builder.UseSetting("DataProtection:Certificat", certificat ?? "");
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { _db, _db + "-wal", _db + "-shm" })
            {
                File.Delete(f);
            }
        }
    }

    [Fact]
    public async Task WithoutTheKeyRingCertificate_TheServerRefusesToStart_NamingTheSetting()
    {
        await using var app = new Production(null);
        var ex = Assert.ThrowsAny<Exception>(() => app.Server);
        var messages = string.Join(" | ", Chaine(ex).Select(e => e.Message));
        Assert.Contains("DataProtection:Certificat", messages);
    }

    [Fact]
    public async Task WithTheCertificate_TheServerStarts()
    {
        // The certificate the Testing hosts create is a valid PKCS#12 file: make sure it exists, then use it.
        var test = new SqliteAppFactory();
        await test.InitializeAsync();
        await ((IAsyncLifetime)test).DisposeAsync();

        await using var app = new Production(AppFactory.CertificatDeTest);
        var r = await app.CreateClient(new() { BaseAddress = AppFactory.Https }).GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);

        // No SMS gateway configured: SMS are not offered (no drop folder in production), and the server still starts.
        Assert.Null(app.Services.GetService<IExpediteurSms>());
    }

    private static IEnumerable<Exception> Chaine(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException a)
            {
                foreach (var i in a.InnerExceptions.SelectMany(Chaine))
                {
                    yield return i;
                }
            }
        }
    }
}
