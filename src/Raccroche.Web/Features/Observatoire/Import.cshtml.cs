using Raccroche.Web.Features.Comptes;

namespace Raccroche.Web.Features.Observatoire;

/// <summary>
/// Importing external indicator values (<c>/pro/observatoire/import</c>, regional administrators): the file is checked
/// first (a dry run, every error with its line and field); the checked text travels back in the form, and "Importer"
/// checks it again before writing it, all or nothing unless the box to leave the faulty lines out is ticked.
/// </summary>
[Authorize(Policy = ComptesSetup.PolitiquePro, Roles = Roles.AdminRegional)]
[RequestSizeLimit(TailleRequete)]
[RequestFormLimits(MultipartBodyLengthLimit = TailleRequete, ValueLengthLimit = TailleRequete)]
public sealed class ImportValeursModel(ImportValeursExternes import, Habilitations habilitations) : PageModel
{
    /// <summary>Room for the file twice (the file and, on import, its text in the form) and the form's fields.</summary>
    public const int TailleRequete = (2 * ImportValeursExternes.TailleMaximale) + (64 * 1024);

    public Erreurs Erreurs { get; } = new();
    public RapportValeursExternes? Rapport { get; private set; }

    [BindProperty] public IFormFile? Fichier { get; set; }

    /// <summary>The checked file's text, sent back by the import form.</summary>
    [BindProperty] public string? Contenu { get; set; }
    [BindProperty] public bool IgnorerErreurs { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostVerifierAsync(CancellationToken ct)
    {
        if (Fichier is null || Fichier.Length == 0)
        {
            Erreurs.Ajouter("fichier", "Choisissez le fichier des valeurs (CSV).");
            return Page();
        }

        if (Fichier.Length > ImportValeursExternes.TailleMaximale)
        {
            Erreurs.Ajouter("fichier", $"Le fichier dépasse {ImportValeursExternes.TailleMaximale / (1024 * 1024)} Mo : découpez-le.");
            return Page();
        }

        using var m = new MemoryStream();
        await using (var flux = Fichier.OpenReadStream())
        {
            await flux.CopyToAsync(m, ct);
        }

        Contenu = ImportValeursExternes.Texte(m.ToArray());
        if (Contenu is null)
        {
            Erreurs.Ajouter("fichier", "Le fichier n'est pas en UTF-8 : enregistrez-le en « CSV UTF-8 » et vérifiez-le de nouveau.");
            return Page();
        }

        Rapport = await import.ExecuterAsync(Contenu, essai: true, ignorerErreurs: false, habilitations.Nom, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostImporterAsync(CancellationToken ct)
    {
        if (string.IsNullOrEmpty(Contenu) || Contenu.Length > ImportValeursExternes.TailleMaximale)
        {
            Erreurs.Ajouter("fichier", "Vérifiez d'abord le fichier : l'import reprend le fichier vérifié.");
            return Page();
        }

        Rapport = await import.ExecuterAsync(Contenu, essai: false, IgnorerErreurs, habilitations.Nom, ct);
        if (!Rapport.Importe && Rapport.Erreurs.Count > 0)
        {
            Erreurs.Ajouter("ignorer", "Le fichier contient des lignes en erreur : corrigez-les, ou cochez la case pour les écarter.");
        }

        return Page();
    }
}
