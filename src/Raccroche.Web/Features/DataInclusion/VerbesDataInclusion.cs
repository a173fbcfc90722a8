namespace Raccroche.Web.Features.DataInclusion;

/// <summary>The command-line verbs <c>export-data-inclusion</c> and <c>import-data-inclusion</c>.</summary>
public static class VerbesDataInclusion
{
    /// <summary>
    /// <c>export-data-inclusion --dossier DIR</c>: writes structures and services in the three formats
    /// (<c>structures.json</c>, <c>services.csv</c>, <c>structures.geojson</c>…). Exit 0 when written, 2 for bad usage.
    /// </summary>
    public static async Task<int> ExporterAsync(IServiceProvider services, string[] args)
    {
        const string usage = "Usage : export-data-inclusion --dossier DOSSIER";
        var i = Array.IndexOf(args, "--dossier");
        if (i < 0 || i + 1 >= args.Length || args.Length != 3)
        {
            Console.Error.WriteLine(usage);
            return 2;
        }

        var dossier = args[i + 1];
        Directory.CreateDirectory(dossier);
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<Catalogue.InstantaneCatalogue>().ChargerCommunesAsync();
        foreach (var format in Enum.GetValues<FormatDI>())
        {
            foreach (var schema in new[] { SchemaDI.Structure, SchemaDI.Service })
            {
                var export = scope.ServiceProvider.GetRequiredService<ExportDataInclusion>();
                var chemin = Path.Combine(dossier, $"{schema.Nom}s.{FormatsDI.Extension(format)}");
                var debut = TimeProvider.System.GetTimestamp();
                await using var flux = File.Create(chemin);
                var n = await FormatsDI.EcrireAsync(flux, format, schema, schema == SchemaDI.Structure ? export.StructuresAsync() : export.ServicesAsync());
                Console.WriteLine($"{chemin} : {n} {schema.Nom}(s) en {TimeProvider.System.GetElapsedTime(debut).TotalSeconds:0.0} s");
            }
        }

        return 0;
    }

    /// <summary>
    /// <c>import-data-inclusion [--essai] [--ignorer-invalides] [--rapport RAPPORT.json] FICHIER...</c>: the import of the
    /// page. Exit 0 when imported (or a clean dry run), 1 when refused or with invalid records, 2 for bad usage.
    /// </summary>
    public static async Task<int> ImporterAsync(IServiceProvider services, string[] args)
    {
        const string usage = "Usage : import-data-inclusion [--essai] [--ignorer-invalides] [--rapport RAPPORT.json] FICHIER...";
        bool essai = false, ignorer = false;
        string? rapport = null;
        var fichiers = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--essai": essai = true; break;
                case "--ignorer-invalides": ignorer = true; break;
                case "--rapport" when i + 1 < args.Length: rapport = args[++i]; break;
                case var a when !a.StartsWith("--", StringComparison.Ordinal): fichiers.Add(a); break;
                default:
                    Console.Error.WriteLine($"Argument inattendu « {args[i]} ». {usage}");
                    return 2;
            }
        }

        if (fichiers.Count == 0)
        {
            Console.Error.WriteLine(usage);
            return 2;
        }

        if (fichiers.FirstOrDefault(f => !File.Exists(f)) is { } absent)
        {
            Console.Error.WriteLine($"Fichier introuvable : {absent}");
            return 2;
        }

        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<Catalogue.InstantaneCatalogue>().ChargerCommunesAsync();
        var flux = fichiers.Select(f => (Path.GetFileName(f), (Stream)File.OpenRead(f))).ToList();
        try
        {
            var r = await scope.ServiceProvider.GetRequiredService<ImportDataInclusion>().ExecuterAsync(flux, essai, ignorer, "ligne de commande");
            Console.WriteLine(r.Resume());
            foreach (var e in r.Invalides.Take(20))
            {
                Console.WriteLine($"  {e.Id}, {e.Champ} : {e.Message}");
            }

            if (r.Invalides.Count > 20)
            {
                Console.WriteLine($"  … et {r.Invalides.Count - 20} autre(s) (voir --rapport).");
            }

            foreach (var d in r.DoublonsProposes.Take(20))
            {
                Console.WriteLine($"  doublon possible : {d.Id} et la structure n° {d.StructureExistante} « {d.NomExistant} » ({d.Raison})");
            }

            if (rapport is not null)
            {
                await File.WriteAllTextAsync(rapport, JsonSerializer.Serialize(r, RapportDI.Json));
            }

            return r.Refus is null && (r.Importe || (r.Essai && r.Invalides.Count == 0)) ? 0 : 1;
        }
        finally
        {
            foreach (var (_, f) in flux)
            {
                await f.DisposeAsync();
            }
        }
    }
}
