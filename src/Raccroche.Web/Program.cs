using Raccroche.Web.Features.Campagnes;
using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Communes;
using Raccroche.Web.Features.Contact;
using Raccroche.Web.Features.Directory;
using Raccroche.Web.Features.Orientation;
using Raccroche.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

// The quick start promises http://localhost:5080 unless ASPNETCORE_URLS (or --urls) says otherwise.
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
{
    builder.WebHost.UseUrls("http://localhost:5080");
}

builder.AddRaccroche();

var app = builder.Build();

if (await CommandLine.TryRunAsync(app, args))
{
    return;
}

// The web server (not the verbs above) needs its production secrets; say which one is missing.
Raccroche.Web.Features.Accounts.ProtectionCles.Verifier(app.Configuration, app.Environment);
await app.PrepareDatabaseAsync();

app.UseRaccrochePipeline();
app.MapRazorPages();
app.MapOpenApiAndDocs();
app.MapCampagnes();

var api = app.MapGroup("/api/v1").WithTags("v1");
api.MapDispositifsApi();
api.MapStructuresApi();
api.MapCommunesApi();
api.MapOrientationApi();
api.MapDemandesContactApi();

app.Run();

/// <summary>Entry point type, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
