using Raccroche.Web.Features.Comptes;

namespace Raccroche.Web.Features.DataInclusion;

/// <summary>
/// <c>/pro/data-inclusion/import</c> (regional administrators): a data·inclusion file is checked first (a dry run, the status
/// of every record, each invalid field with its message); its text travels back in the form and "Importer" checks it
/// again before writing, all or nothing unless the box to leave the invalid records out is ticked.
/// </summary>
[Authorize(Policy = ComptesSetup.PolitiquePro, Roles = Roles.AdminRegional)]
[RequestSizeLimit(TailleRequete)]
[RequestFormLimits(MultipartBodyLengthLimit = TailleRequete, ValueLengthLimit = TailleRequete)]
public sealed class ImportModel(ImportDataInclusion import, Habilitations habilitations, TimeProvider clock) : PageModel
{
    /// <summary>Larger files go through the <c>import-data-inclusion</c> verb.</summary>
    public const int TailleMaximale = 8 * 1024 * 1024;

    public const int TailleRequete = (2 * TailleMaximale) + (64 * 1024);

    public Erreurs Erreurs { get; } = new();
    public RapportDI? Rapport { get; private set; }
    public DateOnly Aujourdhui => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    [BindProperty] public IFormFile? Fichier { get; set; }

    /// <summary>The checked file's text and name, sent back by the import form.</summary>
    [BindProperty] public string? Contenu { get; set; }
    [BindProperty] public string? NomFichier { get; set; }
    [BindProperty] public bool IgnorerInvalides { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostVerifierAsync(CancellationToken ct)
    {
        if (Fichier is null || Fichier.Length == 0)
        {
            Erreurs.Ajouter("fichier", "Choisissez un fichier data·inclusion (JSON, CSV ou GeoJSON).");
            return Page();
        }

        if (Fichier.Length > TailleMaximale)
        {
            Erreurs.Ajouter("fichier", $"Le fichier dépasse {TailleMaximale / (1024 * 1024)} Mo : importez-le avec la commande import-data-inclusion.");
            return Page();
        }

        using var m = new MemoryStream();
        await using (var flux = Fichier.OpenReadStream())
        {
            await flux.CopyToAsync(m, ct);
        }

        try
        {
            Contenu = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(m.ToArray()).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            Erreurs.Ajouter("fichier", "Le fichier n'est pas en UTF-8 : enregistrez-le en UTF-8 et vérifiez-le de nouveau.");
            return Page();
        }

        NomFichier = Path.GetFileName(Fichier.FileName);
        Rapport = await ExecuterAsync(essai: true, ignorer: false, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostImporterAsync(CancellationToken ct)
    {
        if (string.IsNullOrEmpty(Contenu) || Contenu.Length > TailleMaximale)
        {
            Erreurs.Ajouter("fichier", "Vérifiez d'abord le fichier : l'import reprend le fichier vérifié.");
            return Page();
        }

        Rapport = await ExecuterAsync(essai: false, IgnorerInvalides, ct);
        if (!Rapport.Importe && Rapport.Invalides.Count > 0)
        {
            Erreurs.Ajouter("ignorer", "Le fichier contient des enregistrements invalides : corrigez-les, ou cochez la case pour les écarter.");
        }

        return Page();
    }

    private async Task<RapportDI> ExecuterAsync(bool essai, bool ignorer, CancellationToken ct)
    {
        await using var flux = new MemoryStream(Encoding.UTF8.GetBytes(Contenu!));
        return await import.ExecuterAsync([(NomFichier ?? "fichier", flux)], essai, ignorer, habilitations.Nom, ct);
    }
}
