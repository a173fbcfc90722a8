using Raccroche.Web.Features.Journal;

namespace Raccroche.Web.Features.Decrocheurs;

/// <summary>
/// Importing a SIEI list (<c>/pro/decrocheurs/import</c>, coordinators): the file is checked first (a dry run: what each row
/// becomes, every error with its line and field), kept for two hours, then imported on the coordinator's word, all or
/// nothing; rows in error are left out only when they tick the box that says so. The import itself runs outside the
/// request (<see cref="ImportsDemandes"/>): the page moves to <c>/pro/decrocheurs/import/{depot}</c>, which shows its
/// progress (refreshed by script, or by the "Actualiser" link without it) and then its report.
/// </summary>
[RequestSizeLimit(TailleRequete)]
[RequestFormLimits(MultipartBodyLengthLimit = TailleRequete)]
public sealed class ImportModel(AccesSuivi acces, RaccrocheDbContext db, ImportSiei import, CorrespondancesPsad correspondances, AvancementsImports avancements, Tracabilite journal,
    TimeProvider clock) : PageModel
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

    /// <summary>On the status page: the kept file's state, and where its import is while it runs.</summary>
    public EtatDepot? Etat { get; private set; }
    public AvancementImport? Avancement { get; private set; }
    public string? NomFichier { get; private set; }

    /// <summary>The current account's imports of the last two hours (asked for, running or ended), newest first.</summary>
    public IReadOnlyList<ImportRecent> Recents { get; private set; } = [];

    public sealed record ImportRecent(Guid Depot, string NomFichier, string Psad, EtatDepot Etat, DateTime DemandeLe, RapportSiei? Rapport);

    public async Task<IActionResult> OnGetAsync(Guid? depot, CancellationToken ct)
    {
        if (!await ChargerAsync(ct))
        {
            return NotFound();
        }

        if (depot is null)
        {
            await RecentsAsync(ct);
            return Page();
        }

        var d = await (await MesDepotsAsync(ct)).Where(x => x.Id == depot)
            .Select(x => new { x.Etat, x.Rapport, x.Phase, x.Faites, x.Total, x.NomFichier, x.Mois, x.PsadId, x.DeposeLe }).FirstOrDefaultAsync(ct);
        if (d is null)
        {
            // Someone else's, or gone (ended more than two hours ago): the same answer (docs/decisions/0009).
            return NotFound();
        }

        (Etat, NomFichier) = (d.Etat, d.NomFichier);
        Psad = await db.Psads.Where(p => p.Id == d.PsadId).Select(p => p.Code).FirstAsync(ct);
        Mois = d.Mois?.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        Rapport = ImportsDemandes.Lire(d.Rapport);
        switch (d.Etat)
        {
            case EtatDepot.EnAttente or EtatDepot.EnCours:
                Avancement = avancements.Lire(depot.Value) ?? (d.Phase is { } phase ? new AvancementImport(phase, d.Faites, d.Total) : null);
                Rapport = null;
                break;
            case EtatDepot.Verifie when d.DeposeLe >= clock.GetUtcNow().UtcDateTime - DepotSiei.Duree:
                // Refused (rows in error, an unexpected failure): the file is still there, to import again.
                Depot = depot;
                break;
        }

        return Page();
    }

    private async Task RecentsAsync(CancellationToken ct)
    {
        var limite = clock.GetUtcNow().UtcDateTime - DepotSiei.Duree;
        var lignes = await (await MesDepotsAsync(ct))
            .Where(d => d.DemandeLe != null && (d.Etat == EtatDepot.EnAttente || d.Etat == EtatDepot.EnCours || d.DemandeLe >= limite))
            .OrderByDescending(d => d.DemandeLe).Take(10)
            .Select(d => new { d.Id, d.NomFichier, d.PsadId, d.Etat, d.DemandeLe, d.Rapport }).ToListAsync(ct);
        var ids = lignes.Select(l => l.PsadId).Distinct().ToList();
        var codes = await db.Psads.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Code, ct);
        Recents = [.. lignes.Select(l => new ImportRecent(l.Id, l.NomFichier, codes.GetValueOrDefault(l.PsadId, "?"), l.Etat, l.DemandeLe!.Value, ImportsDemandes.Lire(l.Rapport)))];
    }

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
            await db.DepotsSiei.Where(DepotSiei.Perime(maintenant)).ExecuteDeleteAsync(ct);
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
        var limite = clock.GetUtcNow().UtcDateTime - DepotSiei.Duree;
        var depot = await (await MesDepotsAsync(ct)).FirstOrDefaultAsync(d => d.Id == DepotId && d.DeposeLe >= limite, ct);
        if (depot is null)
        {
            Erreurs.Ajouter("fichier", "Ce fichier vérifié n'est plus disponible (plus de deux heures, ou déjà importé) : vérifiez-le de nouveau.");
            return null;
        }

        return (depot, await db.Psads.Where(p => p.Id == depot.PsadId).Select(p => p.Code).FirstAsync(ct));
    }

    /// <summary>
    /// The import itself, from the file the dry run kept: asked for here, run by the import job; the page moves to the
    /// import's status. A second click (or a reload) on a file already asked for only moves to its status.
    /// </summary>
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
        if (depot.Etat == EtatDepot.Verifie)
        {
            var demande = await db.DepotsSiei.Where(d => d.Id == depot.Id && d.Etat == EtatDepot.Verifie).ExecuteUpdateAsync(u => u
                .SetProperty(d => d.Etat, EtatDepot.EnAttente)
                .SetProperty(d => d.IgnorerInvalides, IgnorerInvalides)
                .SetProperty(d => d.DemandePar, acces.Habilitations.Nom)
                .SetProperty(d => d.DemandeLe, clock.GetUtcNow().UtcDateTime)
                .SetProperty(d => d.Rapport, (string?)null), ct);
            if (demande == 1)
            {
                await journal.EcrireAsync(Tracabilite.Creation, "import-siei", depot.Id.ToString(),
                    $"import demandé pour la PSAD {code}{(IgnorerInvalides ? ", lignes en erreur écartées" : "")}", acces.Habilitations.Nom, ct);
            }
        }

        return RedirectToPage("/Decrocheurs/Import", new { depot = depot.Id });
    }

    /// <summary>The kept files this page may show or import: the current account's, in a PSAD it still coordinates.</summary>
    private async Task<IQueryable<DepotSiei>> MesDepotsAsync(CancellationToken ct)
    {
        var moi = acces.Habilitations.UtilisateurId;
        var psads = await acces.PsadsCoordonneesAsync(ct);
        return db.DepotsSiei.AsNoTracking().Where(d => d.UtilisateurId == moi && psads.Contains(d.PsadId));
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
