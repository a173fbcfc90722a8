using Raccroche.Web.Features.Journal;

namespace Raccroche.Web.Features.Decrocheurs;

/// <summary>
/// The work list of the follow-up (<c>/pro/decrocheurs</c>): for a référent, the files of their structure (or, with
/// <c>suivi=co-suivis</c>, the files their structure co-follows, read-only); for a coordinator, every file of their PSAD, with
/// counts per status and structure, the unassigned files and bulk assignment. Sorted by priority, then the oldest first; 50 a
/// page. What is listed is a recorded read.
/// </summary>
public sealed class DossiersModel(AccesSuivi acces, RaccrocheDbContext db, ListeDossiers liste, Tracabilite journal, TimeProvider clock, DossiersSuivi dossiers, ConservationSuivi conservation, ChargeSuivi charges) : PageModel
{
    public const int ParPage = ListeDossiers.ParPage;

    /// <summary>A row of the list; <paramref name="PointDu"/> is the file's oldest check-in due (months after the entry, due date).</summary>
    public sealed record Ligne(int Id, string Nom, int? Age, string? Commune, StatutDossier Statut, int JoursDansStatut, string? Structure, Drapeaux Drapeaux, (int Mois, DateOnly Echeance)? PointDu = null);

    public Onglet Onglet { get; private set; }

    /// <summary>Today in Paris, by the page's clock.</summary>
    public DateOnly Aujourdhui { get; private set; }
    public Dictionary<Onglet, int> Comptes { get; } = [];
    public IReadOnlyList<Ligne> Lignes { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCourante { get; private set; } = 1;
    public bool Coordinateur { get; private set; }
    public int NonAttribues => Tableau?.NonAttribues ?? 0;
    public int AArbitrer => Tableau?.AArbitrer ?? 0;

    /// <summary>The coordinator's counts over their PSADs (no filter applied).</summary>
    public TableauCoordination? Tableau { get; private set; }

    /// <summary>Choices of the filters: the PSADs' livraisons, structures and référents.</summary>
    public IReadOnlyList<Terme> Livraisons { get; private set; } = [];
    public IReadOnlyList<Terme> StructuresFiltre { get; private set; } = [];
    public IReadOnlyList<Terme> Referents { get; private set; } = [];
    public IReadOnlyList<Terme> Formations { get; private set; } = [];
    public IReadOnlyList<Terme> Psads { get; private set; } = [];

    /// <summary>The value of <c>suivi</c> that lists the files the référent's structure co-follows.</summary>
    public const string CoSuivisCode = "co-suivis";

    /// <summary>The list shows the co-followed files (read-only) instead of the handled ones.</summary>
    public bool CoSuivis { get; private set; }

    /// <summary>The files the référent's structure co-follows (the link to them); null for an account that is no référent.</summary>
    public int? NombreCoSuivis { get; private set; }

    public static readonly IReadOnlyList<Terme> ChoixSuivi = [new(CoSuivisCode, "Co-suivis par ma structure (lecture seule)")];

    public static readonly IReadOnlyList<Terme> Niveaux =
    [
        new("infra-3", "Infra 3 (sans diplôme, brevet)"), new("3", "3 (CAP, BEP)"), new("4", "4 (bac)"), new("5", "5 (bac+2)"),
        new("6", "6 (licence)"), new("7", "7 (master)"), new("8", "8 (doctorat)"),
    ];

    /// <summary>The partner structures and référents a coordinator assigns to, each with its open load (<see cref="ChargeSuivi"/>).</summary>
    public ChargesOuvertes Charges { get; private set; } = new([], []);

    /// <summary>Open files whose young person lives outside the PSAD's territory (offered for transfer).</summary>
    public int HorsTerritoire { get; private set; }

    /// <summary>Files of the coordinator's PSADs the retention will anonymise within 30 days.</summary>
    public int BientotAnonymises { get; private set; }
    public Erreurs Erreurs { get; } = new();
    public string? Message { get; private set; }
    public bool PeutExporter { get; private set; }

    [BindProperty(SupportsGet = true, Name = "onglet")] public string? OngletDemande { get; set; }
    [BindProperty(SupportsGet = true, Name = "suivi")] public string? Suivi { get; set; }
    [BindProperty(SupportsGet = true, Name = "psad")] public string? Psad { get; set; }
    [BindProperty(SupportsGet = true, Name = "statut")] public string? Statut { get; set; }
    [BindProperty(SupportsGet = true, Name = "drapeau")] public string? Drapeau { get; set; }
    [BindProperty(SupportsGet = true, Name = "age")] public string? TrancheAge { get; set; }
    [BindProperty(SupportsGet = true, Name = "commune")] public string? Commune { get; set; }
    [BindProperty(SupportsGet = true, Name = "formation")] public string? Formation { get; set; }
    [BindProperty(SupportsGet = true, Name = "niveau")] public string? Niveau { get; set; }
    [BindProperty(SupportsGet = true, Name = "livraison")] public string? Livraison { get; set; }
    [BindProperty(SupportsGet = true, Name = "structure")] public string? StructureFiltre { get; set; }
    [BindProperty(SupportsGet = true, Name = "referent")] public string? Referent { get; set; }
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

            r.Reporter(Erreurs, "selection", "Un des dossiers a changé entre-temps (clôturé ou annulé) : rien n'a été attribué. Vérifiez la liste et recommencez.");
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
        var reglages = await liste.ReglagesAsync(exportables, ct);
        var lignes = await liste.Tout((await VisiblesAsync(ct)).Where(j => exportables.Contains(j.PsadId)), reglages, Filtres(), Onglet, aujourdhui).ToListAsync(ct);
        await journal.EcrireAsync(Tracabilite.Export, "dossiers-suivi", Onglet.Code(),
            $"export de la liste de suivi{(CoSuivis ? " (co-suivis)" : "")} ({lignes.Count}) : {string.Join(", ", lignes.Select(l => l.Dossier.Id))}", ct: ct);

        string[] colonnes = ["Dossier", "Nom", "Prénom", "Âge", "Commune", "Statut", "Depuis le", "Structure", "Prioritaire", "En retard"];
        return new ExportCsv<ListeDossiers.Ligne>(lignes.ToAsyncEnumerable(), colonnes, l =>
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
        Aujourdhui = aujourdhui;
        var traites = await acces.DossiersTraitesAsync(ct);
        var miens = await acces.PsadsTraitesAsync(ct);
        var reglages = await liste.ReglagesAsync(miens, ct);
        var filtres = Filtres();
        var visibles = await VisiblesAsync(ct);
        if ((await acces.PsadsReferentAsync(ct)).Count > 0)
        {
            NombreCoSuivis = await (await acces.DossiersCoSuivisAsync(ct)).CountAsync(ct);
        }

        var resultat = await liste.ChargerAsync(visibles, reglages, filtres, Onglet, PageCourante, aujourdhui, ct);
        foreach (var (o, n) in resultat.Comptes)
        {
            Comptes[o] = n;
        }

        Total = resultat.Total;
        var points = await liste.PointsDusAsync([.. resultat.Lignes.Select(l => l.Dossier.Id)], aujourdhui, ct);
        Lignes = [.. resultat.Lignes.Select(l => new Ligne(
            l.Dossier.Id,
            $"{l.Dossier.Prenom} {l.Dossier.Nom?.ToUpperInvariant()}".Trim() is { Length: > 0 } n ? n : $"INE {l.Dossier.Ine}",
            l.Dossier.DateNaissance is { } d ? Drapeaux.Age(d, aujourdhui) : null,
            l.Dossier.Commune,
            l.Dossier.Statut,
            aujourdhui.DayNumber - HeureParis.Jour(l.Dossier.StatutDepuis).DayNumber,
            l.Structure,
            Drapeaux.Calculer(l.Dossier, aujourdhui, reglages[l.Dossier.PsadId]),
            points.TryGetValue(l.Dossier.Id, out var p) ? p : null))];

        Livraisons = [.. (await db.Livraisons.AsNoTracking().Where(l => miens.Contains(l.PsadId)).OrderByDescending(l => l.Mois).ThenByDescending(l => l.Id).Take(36)
                .Select(l => new { l.Id, l.Mois, Psad = db.Psads.Where(p => p.Id == l.PsadId).Select(p => p.Code).FirstOrDefault() }).ToListAsync(ct))
            .Select(l => new Terme(l.Id.ToString(CultureInfo.InvariantCulture), $"{l.Mois:MM/yyyy} (PSAD {l.Psad}, n° {l.Id})"))];
        Formations = [.. (await liste.FormationsAsync(visibles, ct)).Select(f => new Terme(f, f))];
        if (miens.Count > 1)
        {
            Psads = [.. (await db.Psads.AsNoTracking().Where(p => miens.Contains(p.Id)).OrderBy(p => p.Code).Select(p => new { p.Id, p.Code, p.Nom }).ToListAsync(ct))
                .Select(p => new Terme(p.Id.ToString(CultureInfo.InvariantCulture), $"{p.Code} – {p.Nom}"))];
        }

        if (Coordinateur)
        {
            Tableau = await liste.CompterAsync(traites, reglages, psads, aujourdhui, ct);
            // The partners and référents come from the load query (one read for the filters and the assignment form).
            Charges = await charges.ChargerAsync(psads, ct);
            StructuresFiltre = [new("aucune", "Non attribués"), .. Charges.Structures.Select(s => new Terme(s.Id.ToString(CultureInfo.InvariantCulture), s.Nom))];
            Referents = [.. Charges.Referents.DistinctBy(r => r.Id).OrderBy(r => r.Nom, StringComparer.Create(new("fr-FR"), true)).Select(r => new Terme(r.Id, r.Nom))];
            HorsTerritoire = await Repartition.CompterHorsTerritoireAsync(db, traites, psads, ct);
            BientotAnonymises = await conservation.AAnonymiserAvant(traites, maintenant.AddDays(30)).CountAsync(ct);
        }
        else if (acces.Habilitations.UtilisateurId is { } moi)
        {
            Referents = [new(moi, "Moi")];
        }

        await journal.EcrireAsync(Tracabilite.Lecture, "dossiers-suivi", Onglet.Code(),
            $"liste de suivi{(CoSuivis ? " (co-suivis)" : "")} ({Lignes.Count}) : {string.Join(", ", Lignes.Select(l => l.Id))}", ct: ct);
    }

    /// <summary>
    /// The files the list starts from: the ones the professional handles, or with <c>suivi=co-suivis</c> the ones their
    /// structure co-follows (<see cref="AccesSuivi.DossiersCoSuivisAsync"/>); another value is reported and ignored.
    /// </summary>
    private async Task<IQueryable<JeuneSuivi>> VisiblesAsync(CancellationToken ct)
    {
        if (Saisie.Nettoyer(Suivi) is { } suivi && suivi != CoSuivisCode)
        {
            Erreurs.Ajouter("suivi", $"Dossiers : « {suivi} » n'est pas un choix de la liste, ce filtre est ignoré.");
        }

        CoSuivis = Saisie.Nettoyer(Suivi) == CoSuivisCode;
        return CoSuivis ? await acces.DossiersCoSuivisAsync(ct) : await acces.DossiersTraitesAsync(ct);
    }

    /// <summary>The filters of the query string; a value that is not one of the choices is reported on its field and ignored.</summary>
    private FiltresDossiers Filtres()
    {
        T? Choix<T>(string champ, string libelle, string? texte) where T : struct, Enum
        {
            if (Saisie.Nettoyer(texte) is null)
            {
                return null;
            }

            var v = ValeursFermees.Lire<T>(texte);
            if (v is null)
            {
                Erreurs.Ajouter(champ, $"{libelle} : « {texte} » n'est pas un choix de la liste, ce filtre est ignoré.");
            }

            return v;
        }

        int? Numero(string champ, string libelle, string? texte)
        {
            if (Saisie.Nettoyer(texte) is not { } t || t == "aucune")
            {
                return null;
            }

            if (int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return n;
            }

            Erreurs.Ajouter(champ, $"{libelle} : « {t} » n'est pas un choix de la liste, ce filtre est ignoré.");
            return null;
        }

        var niveau = Saisie.Nettoyer(Niveau);
        if (niveau is not null && Niveaux.All(n => n.Valeur != niveau))
        {
            Erreurs.Ajouter("niveau", $"Niveau de la dernière formation : « {niveau} » n'est pas un choix de la liste, ce filtre est ignoré.");
            niveau = null;
        }

        return new FiltresDossiers
        {
            PsadId = Numero("psad", "PSAD", Psad),
            Statut = Choix<StatutDossier>("statut", "Statut", Statut),
            Drapeau = Choix<FiltreDrapeau>("drapeau", "Alerte", Drapeau),
            Age = Choix<TrancheAge>("age", "Âge", TrancheAge),
            Formation = Saisie.Nettoyer(Formation) is { Length: <= 200 } f ? f : null,
            Niveau = niveau,
            LivraisonId = Numero("livraison", "Livraison", Livraison),
            Commune = Commune,
            StructureId = Numero("structure", "Structure", StructureFiltre),
            SansStructure = StructureFiltre == "aucune",
            ReferentId = Referent,
            Recherche = Saisie.Nettoyer(Recherche) is { Length: <= 100 } q ? q : null,
        };
    }
}
