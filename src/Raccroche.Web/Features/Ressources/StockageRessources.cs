namespace Raccroche.Web.Features.Ressources;

public sealed class RessourcesOptions
{
    public const string Section = "Ressources";

    /// <summary>Where the uploaded PDF files go; relative paths are under the content root. Never under wwwroot.</summary>
    public string Dossier { get; set; } = "App_Data/ressources";
}

/// <summary>
/// The resources' PDF files, on disk in a folder of their own outside wwwroot (nothing there is served as a static file): a
/// file is taken only if it is at most 20 MB and its content starts as a PDF does (<c>%PDF-</c>), whatever its name says;
/// it is stored under a random name, so that no typed name reaches the file system.
/// </summary>
public sealed partial class StockageRessources
{
    public const long TailleMaximale = 20 * 1024 * 1024;

    private static readonly byte[] SignaturePdf = "%PDF-"u8.ToArray();

    private readonly string _dossier;

    public StockageRessources(IOptions<RessourcesOptions> options, IWebHostEnvironment env)
    {
        _dossier = Path.GetFullPath(Path.Combine(env.ContentRootPath, options.Value.Dossier));
        var web = env.WebRootPath is { Length: > 0 } w ? Path.GetFullPath(w) : null;
        if (web is not null && (_dossier + Path.DirectorySeparatorChar).StartsWith(web.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Ressources:Dossier ({_dossier}) is inside wwwroot: the files would be served without their checks.");
        }
    }

    [GeneratedRegex("^[0-9a-f]{32}\\.pdf$")]
    private static partial Regex NomStocke();

    /// <summary>Whether the first bytes are a PDF's header.</summary>
    public static bool EstPdf(ReadOnlySpan<byte> debut) => debut.StartsWith(SignaturePdf);

    /// <summary>
    /// Checks and stores an uploaded file; its stored name, or null with a French message on <paramref name="champ"/>.
    /// </summary>
    public async Task<string?> EnregistrerAsync(IFormFile fichier, Erreurs e, string champ, CancellationToken ct)
    {
        if (fichier.Length == 0)
        {
            e.Ajouter(champ, "Le fichier est vide : choisissez le PDF à déposer.");
            return null;
        }

        if (fichier.Length > TailleMaximale)
        {
            e.Ajouter(champ, $"Le fichier pèse {Format.Taille(fichier.Length)} : 20 Mo au plus. Réduisez-le (export PDF « taille réduite ») ou donnez plutôt un lien.");
            return null;
        }

        await using var flux = fichier.OpenReadStream();
        var debut = new byte[SignaturePdf.Length];
        var lus = await flux.ReadAtLeastAsync(debut, debut.Length, throwOnEndOfStream: false, ct);
        if (!EstPdf(debut.AsSpan(0, lus)))
        {
            e.Ajouter(champ, $"« {Saisie.Tronquer(Path.GetFileName(fichier.FileName))} » n'est pas un PDF : son contenu n'en est pas un, quel que soit son nom. Enregistrez le document au format PDF puis déposez-le à nouveau.");
            return null;
        }

        Directory.CreateDirectory(_dossier);
        var nom = $"{Guid.NewGuid():N}.pdf";
        var chemin = Path.Combine(_dossier, nom);
        try
        {
            await using var sortie = new FileStream(chemin, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await sortie.WriteAsync(debut.AsMemory(0, lus), ct);
            await flux.CopyToAsync(sortie, ct);
        }
        catch
        {
            File.Delete(chemin);
            throw;
        }

        return nom;
    }

    /// <summary>The stored file to read, or null when the name is not one of ours or the file is gone.</summary>
    public FileStream? Ouvrir(string? nom) =>
        nom is not null && NomStocke().IsMatch(nom) && File.Exists(Path.Combine(_dossier, nom))
            ? new FileStream(Path.Combine(_dossier, nom), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true)
            : null;

    public void Supprimer(string? nom)
    {
        if (nom is not null && NomStocke().IsMatch(nom))
        {
            File.Delete(Path.Combine(_dossier, nom));
        }
    }

    /// <summary>
    /// Removes the stored files no resource names any more and last written more than <paramref name="age"/> ago: a file
    /// whose save did not commit because the process stopped in between (an upload in progress is younger than that).
    /// Returns how many went.
    /// </summary>
    public async Task<int> NettoyerOrphelinsAsync(RaccrocheDbContext db, TimeSpan age, DateTime maintenantUtc, CancellationToken ct)
    {
        if (!Directory.Exists(_dossier))
        {
            return 0;
        }

        var candidats = Directory.EnumerateFiles(_dossier)
            .Select(Path.GetFileName)
            .Where(n => n is not null && NomStocke().IsMatch(n) && File.GetLastWriteTimeUtc(Path.Combine(_dossier, n)) < maintenantUtc - age)
            .Select(n => n!)
            .ToList();
        var supprimes = 0;
        foreach (var lot in candidats.Chunk(500))
        {
            var nommes = await db.Ressources.Where(r => r.Fichier != null && lot.Contains(r.Fichier)).Select(r => r.Fichier!).ToListAsync(ct);
            foreach (var nom in lot.Except(nommes))
            {
                Supprimer(nom);
                supprimes++;
            }
        }

        return supprimes;
    }

    /// <summary>The uploaded name made safe to offer back (no folders, no control characters, a .pdf end).</summary>
    public static string NomPropre(string? nom)
    {
        var n = Path.GetFileName((nom ?? "").Replace('\\', '/'));
        n = new string([.. n.Where(c => !char.IsControl(c) && c is not '"' and not '/')]).Trim();
        if (n.Length == 0)
        {
            n = "document.pdf";
        }

        if (!n.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            n += ".pdf";
        }

        return n.Length <= 200 ? n : n[..196] + ".pdf";
    }
}
