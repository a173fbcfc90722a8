using Raccroche.Web.Features.Journal;

namespace Raccroche.Web.Features.Decrocheurs;

/// <summary>The tabs of a work list: what the professional has to do next.</summary>
public enum Onglet
{
    [Valeur("a-traiter", "À traiter")] ATraiter,
    [Valeur("a-recontacter", "À recontacter")] ARecontacter,
    [Valeur("en-cours", "En cours")] EnCours,
    [Valeur("en-solution", "En solution")] EnSolution,
    [Valeur("clotures", "Clôturés")] Clotures,
}

/// <summary>
/// The work list of the follow-up (<c>/pro/decrocheurs</c>): for a référent, the files of their structure; for a coordinator,
/// every file of their PSAD, with counts per status and structure, the unassigned files and bulk assignment. Sorted by
/// priority, then the oldest first; 50 a page. What is listed is a recorded read.
/// </summary>
public sealed class DossiersModel(AccesSuivi acces, RaccrocheDbContext db, Tracabilite journal, TimeProvider clock, DossiersSuivi dossiers, ConservationSuivi conservation, ChargeSuivi charges) : PageModel
{
    public const int ParPage = 50;

    public sealed record Ligne(int Id, string Nom, int? Age, string? Commune, StatutDossier Statut, int JoursDansStatut, string? Structure, Drapeaux Drapeaux);

    public Onglet Onglet { get; private set; }
    public Dictionary<Onglet, int> Comptes { get; } = [];
    public IReadOnlyList<Ligne> Lignes { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCourante { get; private set; } = 1;
    public bool Coordinateur { get; private set; }
    /// <summary>The partner structures and référents a coordinator assigns to, each with its open load (<see cref="ChargeSuivi"/>).</summary>
    public ChargesOuvertes Charges { get; private set; } = new([], []);
    public int NonAttribues { get; private set; }

    /// <summary>Open files whose young person lives outside the PSAD's territory (offered for transfer).</summary>
    public int HorsTerritoire { get; private set; }
    public int AArbitrer { get; private set; }

    /// <summary>Files of the coordinator's PSADs the retention will anonymise within 30 days.</summary>
    public int BientotAnonymises { get; private set; }
    public Erreurs Erreurs { get; } = new();
    public string? Message { get; private set; }
    public bool PeutExporter { get; private set; }

    [BindProperty(SupportsGet = true, Name = "onglet")] public string? OngletDemande { get; set; }
    [BindProperty(SupportsGet = true, Name = "statut")] public string? Statut { get; set; }
    [BindProperty(SupportsGet = true, Name = "drapeau")] public string? Drapeau { get; set; }
    [BindProperty(SupportsGet = true, Name = "age")] public string? TrancheAge { get; set; }
    [BindProperty(SupportsGet = true, Name = "commune")] public string? Commune { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Recherche { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? NumeroPage { get; set; }

    [BindProperty] public List<int> Selection { get; set; } = [];
    [BindProperty] public int? StructureId { get; set; }
    [BindProperty] public string? ReferentId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await acces.ParticipeAsync(ct))
        {
            return NotFound();
        }

        await ChargerAsync(ct);
        return Page();
    }

    /// <summary>Bulk assignment (coordinators): the ticked files go to one partner structure.</summary>
    public async Task<IActionResult> OnPostAttribuerAsync(CancellationToken ct)
    {
        if ((await acces.PsadsCoordonneesAsync(ct)).Count == 0)
        {
            return NotFound();
        }

        if (Selection.Count == 0)
        {
            Erreurs.Ajouter("selection", "Cochez au moins un dossier à attribuer.");
        }
        else if (Selection.Count > ParPage)
        {
            Erreurs.Ajouter("selection", $"Attribuez {ParPage} dossiers au plus à la fois.");
        }
        else
        {
            var r = await dossiers.AttribuerAsync(Selection.Distinct().ToList(), StructureId, string.IsNullOrEmpty(ReferentId) ? null : ReferentId, null, ct);
            if (r.Reussi)
            {
                return RedirectToPage(new { onglet = OngletDemande, attribues = Selection.Count });
            }

            if (r.Refus == Refus.Interdit)
            {
                return NotFound();
            }

            if (r.Refus == Refus.Conflit)
            {
                Erreurs.Ajouter("selection", "Un des dossiers a changé entre-temps (clôturé ou annulé) : rien n'a été attribué. Vérifiez la liste et recommencez.");
            }
            else
            {
                Erreurs.Ajouter(r.Erreurs);
            }
        }

        await ChargerAsync(ct);
        return Page();
    }

    /// <summary>
    /// The list of the current tab and filters as CSV (<see cref="ExportCsv"/>), for accounts given the right in one of
    /// their PSADs; only the files of those PSADs, no INE nor birth date; audited with the files it holds.
    /// </summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var roles = await acces.RolesAsync(ct);
        var exportables = roles.Where(r => r.PeutExporter).Select(r => r.PsadId).Distinct().ToList();
        if (exportables.Count == 0)
        {
            return NotFound();
        }

        Onglet = ValeursFermees.Lire<Onglet>(OngletDemande) ?? Onglet.ATraiter;
        var maintenant = clock.GetUtcNow().UtcDateTime;
        var aujourdhui = HeureParis.Jour(maintenant);
        var q = DansOnglet(Filtrer((await acces.DossiersTraitesAsync(ct)).Where(j => exportables.Contains(j.PsadId)), aujourdhui), Onglet);
        var lignes = await q.OrderBy(j => j.ArriveLe).ThenBy(j => j.Id)
            .Select(j => new { Dossier = j, Structure = db.Structures.Where(s => s.Id == j.StructureId).Select(s => s.Nom).FirstOrDefault() })
            .ToListAsync(ct);
        var reglages = await ReglagesAsync(lignes.Select(l => l.Dossier.PsadId), ct);
        await journal.EcrireAsync(Tracabilite.Export, "dossiers-suivi", Onglet.Code(),
            $"export de la liste de suivi ({lignes.Count}) : {string.Join(", ", lignes.Select(l => l.Dossier.Id))}", ct: ct);

        string[] colonnes = ["Dossier", "Nom", "Prénom", "Âge", "Commune", "Statut", "Depuis le", "Structure", "Prioritaire", "En retard"];
        return new ExportCsv<(JeuneSuivi Dossier, string? Structure)>(lignes.Select(l => (l.Dossier, l.Structure)).ToAsyncEnumerable(), colonnes, l =>
        {
            var (j, structure) = l;
            var d = Drapeaux.Calculer(j, aujourdhui, reglages[j.PsadId]);
            return [
                j.Id.ToString(CultureInfo.InvariantCulture), j.Nom, j.Prenom,
                j.DateNaissance is { } n ? Drapeaux.Age(n, aujourdhui).ToString(CultureInfo.InvariantCulture) : null,
                j.Commune, j.Statut.Libelle(), HeureParis.Tableur(j.StatutDepuis)[..10],
                structure, string.Join(", ", d.Priorites), d.Retard];
        }, $"suivi-{Onglet.Code()}-{HeureParis.NomDeFichier(maintenant)}.csv");
    }

    private async Task ChargerAsync(CancellationToken ct)
    {
        var psads = await acces.PsadsCoordonneesAsync(ct);
        Coordinateur = psads.Count > 0;
        PeutExporter = (await acces.RolesAsync(ct)).Any(r => r.PeutExporter);
        Onglet = ValeursFermees.Lire<Onglet>(OngletDemande) ?? Onglet.ATraiter;
        PageCourante = Math.Clamp(NumeroPage ?? 1, 1, 10_000);
        if (int.TryParse(Request.Query["attribues"], out var attribues))
        {
            Message = $"{attribues} dossier(s) attribué(s).";
        }

        var maintenant = clock.GetUtcNow().UtcDateTime;
        var aujourdhui = HeureParis.Jour(maintenant);
        var traites = await acces.DossiersTraitesAsync(ct);
        var filtres = Filtrer(traites, aujourdhui);

        var parStatut = await filtres.GroupBy(j => new { j.Statut, Neuf = j.NombreTentatives == 0 })
            .Select(g => new { g.Key.Statut, g.Key.Neuf, Nombre = g.Count() }).ToListAsync(ct);
        foreach (var o in ValeursFermees.Toutes<Onglet>())
        {
            Comptes[o] = parStatut.Where(x => Dans(o, x.Statut, x.Neuf)).Sum(x => x.Nombre);
        }

        var q = DansOnglet(filtres, Onglet);
        Total = Comptes[Onglet];
        var majeur = aujourdhui.AddYears(-18);
        var seize = aujourdhui.AddYears(-16);
        var sortieRecente = aujourdhui.AddMonths(-6);
        var lignes = await q
            .OrderByDescending(j => (j.DateNaissance > majeur && j.DateNaissance <= seize) || j.DateSortie > sortieRecente)
            .ThenBy(j => j.ArriveLe).ThenBy(j => j.Id)
            .Skip((PageCourante - 1) * ParPage).Take(ParPage)
            .Select(j => new { Dossier = j, Structure = db.Structures.Where(s => s.Id == j.StructureId).Select(s => s.Nom).FirstOrDefault() })
            .ToListAsync(ct);

        var reglages = await ReglagesAsync(lignes.Select(l => l.Dossier.PsadId), ct);
        Lignes = [.. lignes.Select(l => new Ligne(
            l.Dossier.Id,
            $"{l.Dossier.Prenom} {l.Dossier.Nom?.ToUpperInvariant()}".Trim() is { Length: > 0 } n ? n : $"INE {l.Dossier.Ine}",
            l.Dossier.DateNaissance is { } d ? Drapeaux.Age(d, aujourdhui) : null,
            l.Dossier.Commune,
            l.Dossier.Statut,
            aujourdhui.DayNumber - HeureParis.Jour(l.Dossier.StatutDepuis).DayNumber,
            l.Structure,
            Drapeaux.Calculer(l.Dossier, aujourdhui, reglages[l.Dossier.PsadId])))];

        if (Coordinateur)
        {
            Charges = await charges.ChargerAsync(psads, ct);
            HorsTerritoire = await Repartition.CompterHorsTerritoireAsync(db, traites, psads, ct);
            NonAttribues = await traites.CountAsync(j => j.Statut == StatutDossier.AAttribuer, ct);
            BientotAnonymises = await conservation.AAnonymiserAvant(traites, maintenant.AddDays(30)).CountAsync(ct);
            AArbitrer = await db.SituationsSiei.CountAsync(s => s.JeuneSuiviId == null && s.Issue == IssueSituation.AArbitrer && db.Livraisons.Any(l => l.Id == s.LivraisonId && psads.Contains(l.PsadId)), ct);
        }

        await journal.EcrireAsync(Tracabilite.Lecture, "dossiers-suivi", Onglet.Code(),
            $"liste de suivi ({Lignes.Count}) : {string.Join(", ", Lignes.Select(l => l.Id))}", ct: ct);
    }

    /// <summary>The deadlines and thresholds of the PSADs the listed files belong to (for their flags).</summary>
    private async Task<Dictionary<int, ReglagesSuivi>> ReglagesAsync(IEnumerable<int> psads, CancellationToken ct)
    {
        var ids = psads.Distinct().ToList();
        return await db.Psads.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Reglages, ct);
    }

    private IQueryable<JeuneSuivi> Filtrer(IQueryable<JeuneSuivi> q, DateOnly aujourdhui)
    {
        if (ValeursFermees.Lire<StatutDossier>(Statut) is { } statut)
        {
            q = q.Where(j => j.Statut == statut);
        }

        var majeur = aujourdhui.AddYears(-18);
        var seize = aujourdhui.AddYears(-16);
        q = TrancheAge switch
        {
            "moins-18" => q.Where(j => j.DateNaissance > majeur),
            "18-plus" => q.Where(j => j.DateNaissance <= majeur),
            _ => q,
        };
        q = Drapeau switch
        {
            "prioritaire" => q.Where(j => (j.DateNaissance > majeur && j.DateNaissance <= seize) || j.DateSortie > aujourdhui.AddMonths(-6)),
            "obligation-formation" => q.Where(j => j.DateNaissance > majeur && j.DateNaissance <= seize),
            _ => q,
        };

        if (Saisie.Nettoyer(Commune) is { } commune)
        {
            q = commune.Length == 5 && commune.All(char.IsAsciiLetterOrDigit) ? q.Where(j => j.CodeInsee == commune) : q.Where(j => j.Commune == commune);
        }

        if (Saisie.Nettoyer(Recherche) is { } texte)
        {
            var ine = texte.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
            var nom = texte.ToUpperInvariant();
            q = q.Where(j => j.Ine == ine || (j.Nom != null && j.Nom.ToUpper().Contains(nom)) || (j.Prenom != null && j.Prenom.ToUpper().Contains(nom)));
        }

        return q;
    }

    private static bool Dans(Onglet o, StatutDossier s, bool neuf) => o switch
    {
        Onglet.ATraiter => neuf && s is StatutDossier.AAttribuer or StatutDossier.AContacter,
        Onglet.ARecontacter => s is StatutDossier.ContactEnCours,
        Onglet.EnSolution => s is StatutDossier.EnSolution,
        Onglet.Clotures => CycleDossier.EstFinal(s),
        _ => !(neuf && s is StatutDossier.AAttribuer or StatutDossier.AContacter) && s is not (StatutDossier.ContactEnCours or StatutDossier.EnSolution) && !CycleDossier.EstFinal(s),
    };

    private static IQueryable<JeuneSuivi> DansOnglet(IQueryable<JeuneSuivi> q, Onglet o) => o switch
    {
        Onglet.ATraiter => q.Where(j => j.NombreTentatives == 0 && (j.Statut == StatutDossier.AAttribuer || j.Statut == StatutDossier.AContacter)),
        Onglet.ARecontacter => q.Where(j => j.Statut == StatutDossier.ContactEnCours),
        Onglet.EnSolution => q.Where(j => j.Statut == StatutDossier.EnSolution),
        Onglet.Clotures => q.Where(j => j.Statut == StatutDossier.Cloture || j.Statut == StatutDossier.Transfere || j.Statut == StatutDossier.Annule),
        _ => q.Where(j => !(j.NombreTentatives == 0 && (j.Statut == StatutDossier.AAttribuer || j.Statut == StatutDossier.AContacter))
            && j.Statut != StatutDossier.ContactEnCours && j.Statut != StatutDossier.EnSolution
            && j.Statut != StatutDossier.Cloture && j.Statut != StatutDossier.Transfere && j.Statut != StatutDossier.Annule),
    };
}
