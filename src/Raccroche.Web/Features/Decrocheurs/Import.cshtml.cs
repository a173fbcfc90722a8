namespace Raccroche.Web.Features.Decrocheurs;

/// <summary>
/// Importing a SIEI list (<c>/pro/decrocheurs/import</c>, coordinators): the file is checked first (a dry run: what each row
/// becomes, every error with its line and field), kept for two hours, then imported on the coordinator's word, all or
/// nothing; rows in error are left out only when they tick the box that says so.
/// </summary>
[RequestSizeLimit(TailleRequete)]
[RequestFormLimits(MultipartBodyLengthLimit = TailleRequete)]
public sealed class ImportModel(AccesSuivi acces, RaccrocheDbContext db, ImportSiei import, CorrespondancesPsad correspondances, TimeProvider clock) : PageModel
{
    /// <summary>A little over the reader's 50 MB, so that a file just over it gets the reader's French message, not a bare 413.</summary>
    public const long TailleRequete = LecteurTableau.TailleMaximale + (2 * 1024 * 1024);

    public IReadOnlyList<(string Code, string Nom)> Psads { get; private set; } = [];
    public RapportSiei? Rapport { get; private set; }
    public Guid? Depot { get; private set; }
    public Erreurs Erreurs { get; } = new();

    [BindProperty] public string? Psad { get; set; }
    [BindProperty] public string? Mois { get; set; }
    [BindProperty] public IFormFile? Fichier { get; set; }
    [BindProperty] public Guid? DepotId { get; set; }
    [BindProperty] public bool IgnorerInvalides { get; set; }

    /// <summary>The mapping table: column index → field code or "ignorer".</summary>
    [BindProperty] public Dictionary<string, string?> Colonne { get; set; } = [];
    [BindProperty] public bool EnregistrerCorrespondance { get; set; }

    /// <summary>The header line as read, for the mapping table (after a dry run, or a header refused).</summary>
    public IReadOnlyList<ColonneLue> Colonnes { get; private set; } = [];
    public bool CorrespondanceEnregistree { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await ChargerAsync(ct) ? Page() : NotFound();

    /// <summary>The dry run: nothing is written but the file, kept for the import that may follow.</summary>
    public async Task<IActionResult> OnPostVerifierAsync(CancellationToken ct)
    {
        if (!await ChargerAsync(ct))
        {
            return NotFound();
        }

        var psad = LirePsad();
        var mois = LireMois();
        if (Fichier is null || Fichier.Length == 0)
        {
            Erreurs.Ajouter("fichier", "Choisissez le fichier de la livraison (CSV ou XLSX).");
        }

        if (Erreurs.Any)
        {
            return Page();
        }

        byte[] contenu;
        await using (var flux = Fichier!.OpenReadStream())
        {
            using var m = new MemoryStream();
            await flux.CopyToAsync(m, ct);
            contenu = m.ToArray();
        }

        Rapport = await import.ExecuterAsync(psad!, mois, new MemoryStream(contenu), Fichier.FileName, essai: true, ignorerInvalides: false, acces.Habilitations.Nom, ct: ct);
        Colonnes = Rapport.Colonnes;

        // A refused header line keeps the file too: the coordinator may fix the mapping and check again.
        if ((Rapport.Refus is null || Rapport.EnTeteRefusee) && !Rapport.DejaImporte)
        {
            var maintenant = clock.GetUtcNow().UtcDateTime;
            await db.DepotsSiei.Where(d => d.DeposeLe < maintenant - DepotSiei.Duree).ExecuteDeleteAsync(ct);
            var depot = new DepotSiei
            {
                Id = Guid.NewGuid(),
                PsadId = await db.Psads.Where(p => p.Code == psad).Select(p => p.Id).FirstAsync(ct),
                UtilisateurId = acces.Habilitations.UtilisateurId!,
                NomFichier = Path.GetFileName(Fichier.FileName) is { Length: > 0 and <= 200 } n ? n : "liste",
                Mois = mois,
                Contenu = contenu,
                DeposeLe = maintenant,
            };
            db.DepotsSiei.Add(depot);
            await db.SaveChangesAsync(ct);
            Depot = depot.Id;
        }

        return Page();
    }

    /// <summary>
    /// "Vérifier avec cette correspondance": the kept file checked again with the fields chosen per column; the mapping
    /// is saved for the PSAD when the box says so (audited), and the file's import will use it in any case.
    /// </summary>
    public async Task<IActionResult> OnPostCorrigerAsync(CancellationToken ct)
    {
        if (!await ChargerAsync(ct))
        {
            return NotFound();
        }

        if (await DepotAsync(ct) is not { } trouve)
        {
            return Page();
        }

        var (depot, code) = trouve;

        (Psad, Mois, Depot) = (code, depot.Mois?.ToString("yyyy-MM", CultureInfo.InvariantCulture), depot.Id);
        var saisie = new Erreurs();
        Tableau tableau;
        try
        {
            tableau = LecteurTableau.Lire(new MemoryStream(depot.Contenu));
        }
        catch (FichierIlisibleException e)
        {
            Erreurs.Ajouter("fichier", e.Message);
            return Page();
        }

        Colonnes = ColonnesSiei.Reconnaitre(tableau.EnTetes, await correspondances.LireAsync(depot.PsadId, ct)).ParColonne;
        var choisie = CorrespondanceSiei.Lire(Colonnes, Colonne, saisie);
        if (choisie is null)
        {
            Erreurs.Ajouter(saisie);
            return Page();
        }

        if (EnregistrerCorrespondance)
        {
            await correspondances.EnregistrerAsync(depot.PsadId, choisie, acces.Habilitations.Nom, ct);
            CorrespondanceEnregistree = true;
        }

        await db.DepotsSiei.Where(d => d.Id == depot.Id).ExecuteUpdateAsync(u => u.SetProperty(d => d.Correspondance, CorrespondanceSiei.Serialiser(choisie)), ct);
        Rapport = await import.ExecuterAsync(code, depot.Mois, new MemoryStream(depot.Contenu), depot.NomFichier, essai: true, ignorerInvalides: false, acces.Habilitations.Nom, choisie, ct: ct);
        Colonnes = Rapport.Colonnes;
        return Page();
    }

    /// <summary>The current account's kept file named by <see cref="DepotId"/>, in a PSAD they coordinate, less than two hours old.</summary>
    private async Task<(DepotSiei Depot, string Code)?> DepotAsync(CancellationToken ct)
    {
        var moi = acces.Habilitations.UtilisateurId;
        var limite = clock.GetUtcNow().UtcDateTime - DepotSiei.Duree;
        var psads = await acces.PsadsCoordonneesAsync(ct);
        var depot = await db.DepotsSiei.AsNoTracking().FirstOrDefaultAsync(d => d.Id == DepotId && d.UtilisateurId == moi && psads.Contains(d.PsadId) && d.DeposeLe >= limite, ct);
        if (depot is null)
        {
            Erreurs.Ajouter("fichier", "Ce fichier vérifié n'est plus disponible (plus de deux heures, ou déjà importé) : vérifiez-le de nouveau.");
            return null;
        }

        return (depot, await db.Psads.Where(p => p.Id == depot.PsadId).Select(p => p.Code).FirstAsync(ct));
    }

    /// <summary>The import itself, from the file the dry run kept; the file is deleted once imported.</summary>
    public async Task<IActionResult> OnPostImporterAsync(CancellationToken ct)
    {
        if (!await ChargerAsync(ct))
        {
            return NotFound();
        }

        if (await DepotAsync(ct) is not { } trouve)
        {
            return Page();
        }

        var (depot, code) = trouve;

        Psad = code;
        Mois = depot.Mois?.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        Rapport = await import.ExecuterAsync(code, depot.Mois, new MemoryStream(depot.Contenu), depot.NomFichier, essai: false, IgnorerInvalides, acces.Habilitations.Nom,
            CorrespondanceSiei.Deserialiser(depot.Correspondance), ct: ct);
        Colonnes = Rapport.Colonnes;
        if (Rapport.Importe || Rapport.DejaImporte)
        {
            await db.DepotsSiei.Where(d => d.Id == depot.Id).ExecuteDeleteAsync(ct);
        }
        else
        {
            Depot = depot.Id;
        }

        return Page();
    }

    private async Task<bool> ChargerAsync(CancellationToken ct)
    {
        var ids = await acces.PsadsCoordonneesAsync(ct);
        if (ids.Count == 0)
        {
            return false;
        }

        Psads = [.. (await db.Psads.AsNoTracking().Where(p => ids.Contains(p.Id)).OrderBy(p => p.Code).Select(p => new { p.Code, p.Nom }).ToListAsync(ct)).Select(p => (p.Code, p.Nom))];
        Psad ??= Psads[0].Code;
        return true;
    }

    private string? LirePsad()
    {
        if (Psads.All(p => p.Code != Psad))
        {
            Erreurs.Ajouter("psad", "Choisissez une PSAD que vous coordonnez.");
            return null;
        }

        return Psad;
    }

    private DateOnly? LireMois()
    {
        if (string.IsNullOrWhiteSpace(Mois))
        {
            return null;
        }

        if (DateOnly.TryParseExact(Mois.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m))
        {
            return m;
        }

        Erreurs.Ajouter("mois", "Le mois s'écrit AAAA-MM, par exemple 2026-11.");
        return null;
    }
}
