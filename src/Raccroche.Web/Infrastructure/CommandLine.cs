using Microsoft.EntityFrameworkCore;
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
            case "campagne":
                Environment.ExitCode = await CreerCampagneAsync(app, args);
                return true;
            case "creer-admin":
                Environment.ExitCode = await CreerAdminAsync(app, args);
                return true;
            case "retention":
                using (var scope = app.Services.CreateScope())
                {
                    var bilan = await scope.ServiceProvider.GetRequiredService<Features.Retention.Retention>().ExecuterAsync("ligne de commande");
                    Console.WriteLine($"Rétention appliquée : {bilan.Resume()}.");
                }

                return true;
            default:
                Console.Error.WriteLine($"Unknown command '{verb}'. Known: migrate, import-communes FILE, creer-admin --courriel ADRESSE, retention, campagne --nom N --territoire T [--structure SLUG] [--debut AAAA-MM-JJ] [--fin AAAA-MM-JJ].");
                Environment.ExitCode = 2;
                return true;
        }
    }

    /// <summary>
    /// Invites the first regional administrator (or another one): prints the one-time link and also
    /// queues it by e-mail. The account is created when the link is opened, with its second factor.
    /// </summary>
    private static async Task<int> CreerAdminAsync(WebApplication app, string[] args)
    {
        var courriel = args.SkipWhile(a => a != "--courriel").Skip(1).FirstOrDefault()?.Trim();
        if (string.IsNullOrEmpty(courriel) || courriel.Length > 256 || !System.Net.Mail.MailAddress.TryCreate(courriel, out _))
        {
            Console.Error.WriteLine("Usage: creer-admin --courriel ADRESSE (une adresse e-mail valide)");
            return 2;
        }

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.AppDbContext>();
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == courriel.ToUpperInvariant()))
        {
            Console.Error.WriteLine($"Un compte existe déjà pour {courriel}.");
            return 2;
        }

        var invitations = scope.ServiceProvider.GetRequiredService<Features.Accounts.Invitations>();
        var lien = invitations.Creer(courriel, Features.Accounts.Roles.AdminRegional, null, [], null);
        var journal = scope.ServiceProvider.GetRequiredService<Features.Audit.Journal>();
        journal.Ajouter(Features.Audit.Journal.Creation, "invitation", courriel, "administrateur régional invité en ligne de commande", "ligne de commande");
        await db.SaveChangesAsync();
        Console.WriteLine($"Invitation créée pour {courriel} (valable 7 jours) : {lien}");
        return 0;
    }

    /// <summary>Creates an outreach campaign and prints its code, poster and figures addresses.</summary>
    private static async Task<int> CreerCampagneAsync(WebApplication app, string[] args)
    {
        string? Option(string nom) => args.SkipWhile(a => a != nom).Skip(1).FirstOrDefault();
        var nom = Option("--nom")?.Trim();
        var territoire = Option("--territoire")?.Trim();
        if (string.IsNullOrEmpty(nom) || nom.Length > 100 || string.IsNullOrEmpty(territoire) || territoire.Length > 100)
        {
            Console.Error.WriteLine("Usage: campagne --nom NOM --territoire TERRITOIRE [--structure SLUG] [--debut AAAA-MM-JJ] [--fin AAAA-MM-JJ] (nom et territoire : 1 à 100 caractères)");
            return 2;
        }

        DateOnly? Date(string option)
        {
            var v = Option(option);
            return v is null ? null : DateOnly.TryParseExact(v, "yyyy-MM-dd", out var d) ? d : throw new ArgumentException($"{option} : date invalide « {v} » (format AAAA-MM-JJ).");
        }

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.AppDbContext>();
        int? structureId = null;
        if (Option("--structure") is { } slug)
        {
            structureId = db.Structures.Where(s => s.Slug == slug).Select(s => (int?)s.Id).FirstOrDefault();
            if (structureId is null)
            {
                Console.Error.WriteLine($"Structure « {slug} » inconnue.");
                return 2;
            }
        }

        try
        {
            var campagne = new Features.Campagnes.Campagne
            {
                Code = Features.Campagnes.Campagne.NouveauCode(),
                Nom = nom,
                Territoire = territoire,
                StructureId = structureId,
                Debut = Date("--debut") ?? DateOnly.FromDateTime(DateTime.UtcNow),
                Fin = Date("--fin"),
            };
            db.Campagnes.Add(campagne);
            await db.SaveChangesAsync();
            Console.WriteLine($"Campagne {campagne.Code} créée. Lien : /d/{campagne.Code} · affiche : /campagnes/{campagne.Code}/affiche · chiffres : /campagnes/{campagne.Code}");
            return 0;
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }
    }
}
