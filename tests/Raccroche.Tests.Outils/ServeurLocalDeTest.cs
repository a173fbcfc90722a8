using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging;

namespace Raccroche.Tests.Outils;

/// <summary>
/// A real HTTP server for a test double (an SMS gateway, an OTLP collector...): Kestrel on 127.0.0.1, a free port, the
/// routes the double maps, no logs. Returns the running app and its base address (no trailing slash).
/// </summary>
public static class ServeurLocalDeTest
{
    public static async Task<(WebApplication App, string Adresse)> DemarrerAsync(Action<WebApplication> routes)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        routes(app);
        await app.StartAsync();
        return (app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/'));
    }
}
