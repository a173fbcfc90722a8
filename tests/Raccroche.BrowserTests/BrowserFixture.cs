using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Raccroche.BrowserTests;

/// <summary>
/// The real app on a real Kestrel port (fresh SQLite file, seeded) and Debian's headless Chromium
/// driven by Playwright. Playwright's own browser download cannot run here, so the browser is launched
/// by path (CHROMIUM_PATH, default /usr/bin/chromium).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"raccroche-browser-{Guid.NewGuid():N}.db");
    private AppServer? _server;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The app's services (to create professional accounts, read the outbox...).</summary>
    public IServiceProvider Services => _server!.Services;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _server = new AppServer(_db);
        _server.UseKestrel(0);
        _server.StartServer();
        BaseUrl = _server.ClientOptions.BaseAddress.ToString().TrimEnd('/');

        // The first request of each page compiles its view and warms the search: on a CI machine busy with
        // the integration suite that took over the 15 s a test waits for a navigation. Do it once here.
        using (var chauffe = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromMinutes(2) })
        {
            foreach (var url in new[] { "/", "/recherche?q=formation", "/recherche?q=mission+locale&commune=Thiers&rayon_km=30", "/diagnostic", "/annuaire", "/pro/connexion" })
            {
                (await chauffe.GetAsync(url)).EnsureSuccessStatusCode();
            }
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh page; external requests (map tiles) are answered with an empty 204 so tests never touch the network.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
            Locale = "fr-FR",
        });
        // Generous: the browser suite runs beside the integration suite on two shared cores.
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(30_000);
        await context.RouteAsync(url => !url.StartsWith(BaseUrl, StringComparison.Ordinal), route => route.FulfillAsync(new() { Status = 204 }));
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _db, _db + "-wal", _db + "-shm" })
        {
            File.Delete(f);
        }
    }

    private sealed class AppServer(string db) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // Background jobs off (the outbox stays in the database, where tests read it), generous rate limits:
            // every browser test signs in from 127.0.0.1, and the per-address sign-in limit is tested in SecurityTests.
            ReglagesDeTest.Appliquer(builder);
            JournalDeSuite.Brancher(builder);
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:Raccroche", $"Data Source={db}");
            builder.UseSetting("Mail:DossierDepot", Path.Combine(Path.GetTempPath(), "raccroche-navigateur-mail"));
            builder.UseSetting("Sms:DossierDepot", Path.Combine(Path.GetTempPath(), "raccroche-navigateur-sms"));
            builder.UseSetting("DataProtection:Certificat", Path.Combine(Path.GetTempPath(), $"raccroche-navigateur-cles-{Environment.ProcessId}.pfx"));

            // Kestrel serves plain HTTP on loopback here (no certificate): Secure-only cookies would be refused.
            // The integration tests, over HTTPS, check the production cookie flags.
            builder.UseSetting("Securite:CookiesSecurises", "false");

            // The SIEI import job on: a coordinator confirms an import and watches its status page until the report.
            builder.UseSetting(ReglagesDeTest.ImportsSiei, "true");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
