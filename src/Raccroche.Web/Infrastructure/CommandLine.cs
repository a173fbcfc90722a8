using Raccroche.Web.Features.Communes;

namespace Raccroche.Web.Infrastructure;

/// <summary>
/// Verbs run instead of the web server: <c>migrate</c> (apply migrations and seed, for production)
/// and <c>import-communes FILE</c> (override estimated commune positions from an official file).
/// </summary>
public static class CommandLine
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        // Only the first argument can be a verb: later ones may be option values (--urls http://...).
        var verb = args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=') ? args[0] : null;
        switch (verb)
        {
            case null:
                return false;
            case "migrate":
                await Startup.MigrateAndSeedAsync(app.Services);
                Console.WriteLine("Database migrated and seeded.");
                return true;
            case "import-communes":
                var file = args.Skip(1).FirstOrDefault();
                if (file is null)
                {
                    Console.Error.WriteLine("Usage: import-communes FILE.csv");
                    Environment.ExitCode = 2;
                    return true;
                }

                using (var scope = app.Services.CreateScope())
                {
                    var importer = ActivatorUtilities.CreateInstance<CommuneImporter>(scope.ServiceProvider);
                    await using var stream = File.OpenRead(file);
                    var report = await importer.ImportAsync(stream);
                    Console.WriteLine(report.Resume());
                    Environment.ExitCode = report.Erreurs.Count == 0 ? 0 : 1;
                }

                return true;
            default:
                Console.Error.WriteLine($"Unknown command '{verb}'. Known: migrate, import-communes FILE.");
                Environment.ExitCode = 2;
                return true;
        }
    }
}
