namespace Raccroche.Web.Features.Decrocheurs;

/// <summary>
/// The follow-up team of a PSAD (<c>/pro/decrocheurs/equipe</c>): its partner structures and who holds which role. The
/// regional administrator names coordinators of any PSAD; a coordinator names the référents of theirs.
/// </summary>
public sealed class EquipeModel(AccesSuivi acces, RaccrocheDbContext db, EquipeSuivi equipe, Journal.Tracabilite journal, IConfiguration config) : PageModel
{
    /// <summary>The chosen PSAD's message texts (defaults where it wrote none).</summary>
    public ModelesMessages Modeles { get; private set; } = new();
    public bool ModelesEnregistres { get; private set; }
    [BindProperty] public Dictionary<string, string?> SaisieModeles { get; set; } = [];

    /// <summary>A link of the real length, for the SMS lengths shown beside the texts.</summary>
    public string LienExemple => config.UrlPublique() + LienPersonnel.Chemin + new string('x', 22);

    /// <summary>The chosen PSAD's deadlines and thresholds (its coordinators edit them here).</summary>
    public ReglagesSuivi Reglages { get; private set; } = new();

    /// <summary>The letterhead of the PSAD's printed letters (its coordinators edit it here).</summary>
    public EnTeteLettres EnTete { get; private set; } = new();
    [BindProperty] public string? EnTeteAdresse { get; set; }
    [BindProperty] public string? EnTeteTelephone { get; set; }
    [BindProperty] public string? EnTeteCourriel { get; set; }
    [BindProperty] public string? EnTeteConseil { get; set; }
    public bool Coordinateur { get; private set; }
    public bool Enregistre { get; private set; }

    [BindProperty] public Dictionary<string, string?> Saisie { get; set; } = [];

    public IReadOnlyList<(int Id, string Code, string Nom)> Psads { get; private set; } = [];
    public (int Id, string Code, string Nom)? Choisie { get; private set; }
    public IReadOnlyList<EquipeSuivi.Membre> Membres { get; private set; } = [];
    public IReadOnlyList<string> Partenaires { get; private set; } = [];
    public bool AdminRegional => acces.Habilitations.EstAdminRegional;
    public Erreurs Erreurs { get; } = new();

    [BindProperty(SupportsGet = true, Name = "psad")] public string? Psad { get; set; }
    [BindProperty] public string? Courriel { get; set; }
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public bool PeutExporter { get; set; }
    [BindProperty] public int HabilitationId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ChargerAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAccorderAsync(CancellationToken ct)
    {
        if (!await ChargerAsync(ct) || Choisie is not { } p)
        {
            return NotFound();
        }

        var role = AdminRegional ? ValeursFermees.Lire<RoleSuivi>(Role) : RoleSuivi.ReferentSuivi;
        var r = await equipe.AccorderAsync(p.Id, Courriel, role, PeutExporter, AdminRegional, acces.Habilitations.Nom, ct);
        if (r.Reussi)
        {
            return RedirectToPage(new { psad = p.Code });
        }

        Erreurs.Ajouter(r.Erreurs);

        await ChargerAsync(ct);
        return Page();
    }

    /// <summary>The PSAD's deadlines and thresholds, for its coordinators: all valid or nothing saved.</summary>
    public async Task<IActionResult> OnPostReglagesAsync(CancellationToken ct)
    {
        if (!await ChargerAsync(ct) || Choisie is not { } p || !Coordinateur)
        {
            return NotFound();
        }

        var lus = ReglagesSuivi.Lire(Saisie, Erreurs);
        if (lus is null)
        {
            return Page();
        }

        var coordonnees = await acces.PsadsCoordonneesAsync(ct);
        var psad = await db.Psads.FirstOrDefaultAsync(x => x.Id == p.Id && coordonnees.Contains(x.Id), ct);
        if (psad is null)
        {
            return NotFound();
        }

        psad.Reglages = lus;
        journal.Ajouter(Journal.Tracabilite.Modification, "psad", psad.Code,
            "réglages du suivi : " + string.Join(", ", ReglagesSuivi.Champs.Select(c => $"{c.Code} {c.Lire(lus)}")) + $", relances automatiques {(lus.RelancesAutomatiques ? "oui" : "non")}, points de suivi à {lus.MoisPointsSuivi} mois");
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { psad = p.Code, enregistre = 1 });
    }

    /// <summary>The PSAD's message texts, for its coordinators: all valid or nothing saved; an emptied text goes back to the default.</summary>
    public async Task<IActionResult> OnPostModelesAsync(CancellationToken ct)
    {
        if (!await ChargerAsync(ct) || Choisie is not { } p || !Coordinateur)
        {
            return NotFound();
        }

        if (ModelesMessages.Lire(SaisieModeles, Erreurs) is not { } lus)
        {
            return Page();
        }

        var psad = await db.Psads.FirstAsync(x => x.Id == p.Id, ct);
        psad.Modeles = lus;
        journal.Ajouter(Journal.Tracabilite.Modification, "psad", psad.Code,
            "textes des messages : " + string.Join(", ", ModelesMessages.Champs.Select(c => $"{c.Code} {(c.Lire(lus) is null ? "par défaut" : "personnalisé")}")));
        await db.SaveChangesAsync(ct);
        return RedirectToPage(null, null, new { psad = p.Code, textes = 1 }, "modeles");
    }

    /// <summary>The letterhead of the printed letters, for the PSAD's coordinators: every field checked, all or nothing saved.</summary>
    public async Task<IActionResult> OnPostEnTeteAsync(CancellationToken ct)
    {
        if (!await ChargerAsync(ct) || Choisie is not { } p || !Coordinateur)
        {
            return NotFound();
        }

        var lu = EnTeteLettres.Lire(EnTeteAdresse, EnTeteTelephone, EnTeteCourriel, EnTeteConseil, Erreurs);
        if (lu is null)
        {
            return Page();
        }

        var coordonnees = await acces.PsadsCoordonneesAsync(ct);
        var psad = await db.Psads.FirstOrDefaultAsync(x => x.Id == p.Id && coordonnees.Contains(x.Id), ct);
        if (psad is null)
        {
            return NotFound();
        }

        psad.EnTete = lu;
        journal.Ajouter(Journal.Tracabilite.Modification, "psad", psad.Code, "en-tête des lettres");
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { psad = p.Code, enregistre = 1 });
    }

    public async Task<IActionResult> OnPostRetirerAsync(CancellationToken ct)
    {
        if (!await ChargerAsync(ct) || Choisie is not { } p)
        {
            return NotFound();
        }

        return await equipe.RetirerAsync(p.Id, HabilitationId, AdminRegional, acces.Habilitations.Nom, ct) ? RedirectToPage(new { psad = p.Code }) : NotFound();
    }

    private async Task<bool> ChargerAsync(CancellationToken ct)
    {
        var coordonnees = await acces.PsadsCoordonneesAsync(ct);
        if (!AdminRegional && coordonnees.Count == 0)
        {
            return false;
        }

        Psads = [.. (await db.Psads.AsNoTracking().Where(p => AdminRegional || coordonnees.Contains(p.Id)).OrderBy(p => p.Code)
            .Select(p => new { p.Id, p.Code, p.Nom }).ToListAsync(ct)).Select(p => (p.Id, p.Code, p.Nom))];
        Choisie = Psads.Where(p => p.Code == Psad).Select(p => ((int, string, string)?)p).FirstOrDefault() ?? (Psads.Count == 1 ? Psads[0] : null);
        if (Choisie is { } c)
        {
            Membres = await equipe.MembresAsync(c.Id, ct);
            Coordinateur = coordonnees.Contains(c.Id);
            var lus = await db.Psads.AsNoTracking().Where(x => x.Id == c.Id).Select(x => new { x.Reglages, x.EnTete }).FirstAsync(ct);
            (Reglages, EnTete) = (lus.Reglages, lus.EnTete);
            Modeles = await db.Psads.AsNoTracking().Where(x => x.Id == c.Id).Select(x => x.Modeles).FirstAsync(ct);
            ModelesEnregistres = Request.Query.ContainsKey("textes");
            Enregistre = Request.Query.ContainsKey("enregistre");
            Partenaires = [.. (await db.Set<PartenairePsad>().Where(x => x.PsadId == c.Id).Select(x => x.Structure!.Nom).ToListAsync(ct)).Order(StringComparer.Create(new("fr-FR"), true))];
        }

        return true;
    }
}
