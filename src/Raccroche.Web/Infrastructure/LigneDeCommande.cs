using Raccroche.Web.Features.Communes;

namespace Raccroche.Web.Infrastructure;

/// <summary>
/// Verbs run instead of the web server: <c>migrate</c> (apply migrations and seed, for production)
/// and <c>import-communes FILE</c> (override estimated commune positions from an official file).
/// </summary>
public static class LigneDeCommande
{
    public static async Task<bool> ExecuterVerbeAsync(WebApplication app, string[] args)
    {
        // Only the first argument can be a verb: later ones may be option values (--urls http://...).
        var verb = args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=') ? args[0] : null;
        switch (verb)
        {
            case null:
                return false;
            case "migrate":
                await RaccrocheSetup.MigrerEtAmorcerAsync(app.Services);
                Console.WriteLine("Database migrated and seeded.");
                Console.WriteLine(await Features.Comptes.ProtectionCles.PreparerClesAsync(app.Services)
                    ? "Data Protection key ring ready: every instance started from now on shares its key."
                    : $"Data Protection keys not prepared: {Features.Comptes.ProtectionCles.CleCertificat} is not set for this command (then start one instance first, the others once it is ready).");
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
                    var importer = ActivatorUtilities.CreateInstance<ImportCommunes>(scope.ServiceProvider);
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
            case "import-siei":
                Environment.ExitCode = await ImporterSieiAsync(app, args);
                return true;
            case "import-valeurs-externes":
                Environment.ExitCode = await ImporterValeursExternesAsync(app, args);
                return true;
            case "export-data-inclusion":
                Environment.ExitCode = await Features.DataInclusion.VerbesDataInclusion.ExporterAsync(app.Services, args);
                return true;
            case "import-data-inclusion":
                Environment.ExitCode = await Features.DataInclusion.VerbesDataInclusion.ImporterAsync(app.Services, args);
                return true;
            case "psad":
                Environment.ExitCode = await ListerPsadAsync(app, args);
                return true;
            case "habilitation-suivi":
                Environment.ExitCode = await HabilitationSuiviAsync(app, args);
                return true;
            case "retention":
                using (var scope = app.Services.CreateScope())
                {
                    var bilan = await scope.ServiceProvider.GetRequiredService<Features.Retention.Retention>().ExecuterAsync("ligne de commande");
                    if (bilan.EnCoursAilleurs)
                    {
                        Console.Error.WriteLine("Rétention non appliquée : une autre instance l'applique en ce moment ; relancez la commande plus tard.");
                        Environment.ExitCode = 1;
                    }
                    else
                    {
                        Console.WriteLine($"Rétention appliquée : {bilan.Resume()}.");
                    }
                }

                return true;
            case "verifier-journal":
                using (var scope = app.Services.CreateScope())
                {
                    var bilan = await Features.Journal.VerificationJournal.VerifierAsync(scope.ServiceProvider.GetRequiredService<RaccrocheDbContext>());
                    Console.WriteLine(bilan.Resume());
                    Environment.ExitCode = bilan.Intacte ? 0 : 1;
                }

                return true;
            case "droits-journal":
                Environment.ExitCode = await DroitsJournalAsync(app, args);
                return true;
            default:
                Console.Error.WriteLine($"Unknown command '{verb}'. Known: migrate, verifier-journal, droits-journal --application ROLE [--purge ROLE], import-communes FILE, import-siei --psad CODE [--mois AAAA-MM] [--essai] [--ignorer-invalides] [--rapport RAPPORT.json] FICHIER, import-valeurs-externes [--essai] [--ignorer-erreurs] FICHIER, export-data-inclusion --dossier DOSSIER, import-data-inclusion [--essai] [--ignorer-invalides] [--rapport RAPPORT.json] FICHIER..., psad --liste, habilitation-suivi --psad CODE --courriel ADRESSE --role coordinateur-psad|referent-suivi [--export] [--retirer], creer-admin --courriel ADRESSE, retention, campagne --nom N --territoire T [--structure SLUG] [--debut AAAA-MM-JJ] [--fin AAAA-MM-JJ].");
                Environment.ExitCode = 2;
                return true;
        }
    }

    /// <summary>
    /// <c>droits-journal --application ROLE [--purge ROLE]</c> (PostgreSQL, run with the owner's connection string): the app's
    /// role may read and add audit lines, not change or delete them; the purge role may delete them. Exit 2 for bad usage.
    /// </summary>
    private static async Task<int> DroitsJournalAsync(WebApplication app, string[] args)
    {
        string? Option(string nom) => args.SkipWhile(a => a != nom).Skip(1).FirstOrDefault();
        var application = Option("--application");
        var purge = Option("--purge");
        if (application is null)
        {
            Console.Error.WriteLine("Usage : droits-journal --application ROLE [--purge ROLE]");
            return 2;
        }

        using var scope = app.Services.CreateScope();
        try
        {
            await Features.Journal.DroitsJournal.AppliquerAsync(scope.ServiceProvider.GetRequiredService<RaccrocheDbContext>(), application, purge);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }

        Console.WriteLine($"Droits appliqués : {application} lit et ajoute les lignes du journal sans pouvoir les modifier ni les supprimer" +
            (purge is null ? "." : $" ; {purge} peut les supprimer (purge de rétention)."));
        return 0;
    }

    /// <summary>
    /// <c>import-valeurs-externes [--essai] [--ignorer-erreurs] FICHIER</c>: the observatory's context figures, the same import
    /// as <c>/pro/observatoire/import</c>. Exit 0 when imported (or a clean dry run), 1 when refused or with errors, 2 for bad usage.
    /// </summary>
    private static async Task<int> ImporterValeursExternesAsync(WebApplication app, string[] args)
    {
        const string usage = "Usage : import-valeurs-externes [--essai] [--ignorer-erreurs] FICHIER";
        var essai = args.Contains("--essai");
        var ignorer = args.Contains("--ignorer-erreurs");
        var autres = args.Skip(1).Where(a => a is not "--essai" and not "--ignorer-erreurs").ToList();
        if (autres.Count != 1 || autres[0].StartsWith("--", StringComparison.Ordinal))
        {
            Console.Error.WriteLine(usage);
            return 2;
        }

        if (!File.Exists(autres[0]))
        {
            Console.Error.WriteLine($"Fichier introuvable : {autres[0]}");
            return 2;
        }

        var texte = Features.Observatoire.ImportValeursExternes.Texte(await File.ReadAllBytesAsync(autres[0]));
        if (texte is null)
        {
            Console.Error.WriteLine("Le fichier n'est pas en UTF-8.");
            return 1;
        }

        using var scope = app.Services.CreateScope();
        var r = await scope.ServiceProvider.GetRequiredService<Features.Observatoire.ImportValeursExternes>().ExecuterAsync(texte, essai, ignorer, "ligne de commande");
        Console.WriteLine(r.Resume());
        foreach (var e in r.Erreurs)
        {
            Console.WriteLine($"  ligne {e.Ligne}, {e.Champ} : {e.Message}");
        }

        return r.Erreurs.Count == 0 || r.Importe ? 0 : 1;
    }

    /// <summary>
    /// <c>import-siei --psad CODE [--mois AAAA-MM] [--essai] [--ignorer-invalides] [--rapport RAPPORT.json] FICHIER</c>:
    /// the same import as the page (the PSAD's saved column mapping included). Progress lines go to stderr at most once a
    /// second; stdout is the summary. Exit 0 when imported (or a clean dry run), 1 when refused, 2 for bad usage.
    /// </summary>
    private static async Task<int> ImporterSieiAsync(WebApplication app, string[] args)
    {
        const string usage = "Usage : import-siei --psad CODE [--mois AAAA-MM] [--essai] [--ignorer-invalides] [--rapport RAPPORT.json] FICHIER";
        string? psad = null, mois = null, rapport = null, fichier = null;
        bool essai = false, ignorer = false;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--psad" when i + 1 < args.Length: psad = args[++i]; break;
                case "--mois" when i + 1 < args.Length: mois = args[++i]; break;
                case "--rapport" when i + 1 < args.Length: rapport = args[++i]; break;
                case "--essai": essai = true; break;
                case "--ignorer-invalides": ignorer = true; break;
                case var a when !a.StartsWith("--", StringComparison.Ordinal) && fichier is null: fichier = a; break;
                default:
                    Console.Error.WriteLine($"Argument inattendu « {args[i]} ». {usage}");
                    return 2;
            }
        }

        DateOnly? leMois = null;
        if (mois is not null)
        {
            if (!DateOnly.TryParseExact(mois + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var m))
            {
                Console.Error.WriteLine($"--mois « {mois} » : écrivez le mois AAAA-MM (ex. 2026-11).");
                return 2;
            }

            leMois = m;
        }

        if (psad is null || fichier is null)
        {
            Console.Error.WriteLine(usage);
            return 2;
        }

        if (!File.Exists(fichier))
        {
            Console.Error.WriteLine($"Fichier introuvable : {fichier}");
            return 2;
        }

        using var scope = app.Services.CreateScope();
        await using var flux = File.OpenRead(fichier);
        var r = await scope.ServiceProvider.GetRequiredService<Features.Decrocheurs.ImportSiei>()
            .ExecuterAsync(psad, leMois, flux, fichier, essai, ignorer, "ligne de commande",
                avancement: new Features.Decrocheurs.AvancementTexte(Console.Error, scope.ServiceProvider.GetRequiredService<TimeProvider>()));
        Console.WriteLine(r.Resume());
        foreach (var e in r.Erreurs.Take(20))
        {
            Console.WriteLine($"  ligne {e.Ligne}, {e.Champ} : {e.Message}");
        }

        if (r.Erreurs.Count > 20)
        {
            Console.WriteLine($"  … et {r.Erreurs.Count - 20} autre(s) (voir --rapport).");
        }

        if (rapport is not null)
        {
            await File.WriteAllTextAsync(rapport, System.Text.Json.JsonSerializer.Serialize(r, Features.Decrocheurs.ImportSiei.Json));
        }

        return r.Refus is null && (r.Importe || r.DejaImporte || (r.Essai && r.Erreurs.Count == 0)) ? 0 : 1;
    }

    /// <summary>
    /// <c>habilitation-suivi --psad CODE --courriel ADRESSE --role coordinateur-psad|referent-suivi [--export] [--retirer]</c>:
    /// gives (or with --retirer removes) a follow-up role to an existing account, with the same checks as the team page.
    /// </summary>
    private static async Task<int> HabilitationSuiviAsync(WebApplication app, string[] args)
    {
        const string usage = "Usage : habilitation-suivi --psad CODE --courriel ADRESSE --role coordinateur-psad|referent-suivi [--export] [--retirer]";
        string? Option(string nom) => args.SkipWhile(a => a != nom).Skip(1).FirstOrDefault();
        var code = Option("--psad");
        var courriel = Option("--courriel");
        var role = ValeursFermees.Lire<Features.Decrocheurs.RoleSuivi>(Option("--role"));
        if (code is null || courriel is null || role is null)
        {
            Console.Error.WriteLine(usage);
            return 2;
        }

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Donnees.RaccrocheDbContext>();
        var psad = await db.Psads.AsNoTracking().Where(p => p.Code == code).Select(p => (int?)p.Id).FirstOrDefaultAsync();
        if (psad is null)
        {
            Console.Error.WriteLine($"Aucune PSAD n'a le code « {code} » (la commande « psad --liste » les donne).");
            return 1;
        }

        var equipe = scope.ServiceProvider.GetRequiredService<Features.Decrocheurs.EquipeSuivi>();
        if (args.Contains("--retirer"))
        {
            var normalise = courriel.Trim().ToUpperInvariant();
            var id = await db.HabilitationsSuivi.Where(h => h.PsadId == psad && h.Role == role && db.Users.Any(u => u.Id == h.UtilisateurId && u.NormalizedEmail == normalise))
                .Select(h => (int?)h.Id).FirstOrDefaultAsync();
            if (id is null || !await equipe.RetirerAsync(psad.Value, id.Value, parAdminRegional: true, "ligne de commande"))
            {
                Console.Error.WriteLine($"{courriel} n'a pas le rôle « {role.Value.Libelle()} » dans la PSAD {code}.");
                return 1;
            }

            Console.WriteLine($"Rôle « {role.Value.Libelle()} » retiré à {courriel} dans la PSAD {code}.");
            return 0;
        }

        var r = await equipe.AccorderAsync(psad.Value, courriel, role, args.Contains("--export"), parAdminRegional: true, "ligne de commande");
        if (!r.Reussi)
        {
            foreach (var (champ, messages) in r.Erreurs.EnDictionnaire())
            {
                Console.Error.WriteLine($"{champ} : {string.Join(" ", messages)}");
            }

            return 1;
        }

        Console.WriteLine($"Rôle « {role.Value.Libelle()} » donné à {courriel} dans la PSAD {code}{(args.Contains("--export") ? ", avec le droit d'exporter" : "")}.");
        return 0;
    }

    /// <summary><c>psad --liste</c>: code, name and territory of every PSAD.</summary>
    private static async Task<int> ListerPsadAsync(WebApplication app, string[] args)
    {
        if (!args.Contains("--liste"))
        {
            Console.Error.WriteLine("Usage : psad --liste");
            return 2;
        }

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Donnees.RaccrocheDbContext>();
        foreach (var p in await db.Psads.AsNoTracking().OrderBy(p => p.Code).ToListAsync())
        {
            Console.WriteLine($"{p.Code}\t{p.Nom}\t{string.Join(",", p.Territoire)}");
        }

        return 0;
    }

    /// <summary>
    /// Invites the first regional administrator (or another one): prints the one-time link and also
    /// queues it by e-mail. The account is created when the link is opened, with its second factor.
    /// </summary>
    private static async Task<int> CreerAdminAsync(WebApplication app, string[] args)
    {
        var courriel = args.SkipWhile(a => a != "--courriel").Skip(1).FirstOrDefault()?.Trim();
        if (string.IsNullOrEmpty(courriel) || !Saisie.EstCourriel(courriel, 256))
        {
            Console.Error.WriteLine("Usage: creer-admin --courriel ADRESSE (une adresse e-mail valide)");
            return 2;
        }

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Donnees.RaccrocheDbContext>();
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == courriel.ToUpperInvariant()))
        {
            Console.Error.WriteLine($"Un compte existe déjà pour {courriel}.");
            return 2;
        }

        var invitations = scope.ServiceProvider.GetRequiredService<Features.Comptes.Invitations>();
        var lien = invitations.Creer(courriel, Features.Comptes.Roles.AdminRegional, null, [], null);
        var journal = scope.ServiceProvider.GetRequiredService<Features.Journal.Tracabilite>();
        journal.Ajouter(Features.Journal.Tracabilite.Creation, "invitation", courriel, "administrateur régional invité en ligne de commande", "ligne de commande");
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
        var db = scope.ServiceProvider.GetRequiredService<Donnees.RaccrocheDbContext>();
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
