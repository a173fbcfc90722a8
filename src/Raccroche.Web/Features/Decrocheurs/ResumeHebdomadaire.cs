using Raccroche.Web.Features.Courriers;

namespace Raccroche.Web.Features.Decrocheurs;

/// <summary>The weekly digest's settings (section <c>ResumeHebdomadaire</c>): the day and the Paris time from which it leaves.</summary>
public sealed class ResumeHebdomadaireOptions
{
    /// <summary>The periodic job runs (off in the test hosts, like every job).</summary>
    public bool Active { get; set; } = true;

    /// <summary>The day of the week it leaves (Monday, …, Sunday), in Paris.</summary>
    public DayOfWeek Jour { get; set; } = DayOfWeek.Monday;

    /// <summary>The Paris time from which it leaves that day ("07:00").</summary>
    public TimeOnly Heure { get; set; } = new(7, 0);

    /// <summary>How often the job looks whether the week's digest is due.</summary>
    public int IntervalleMinutes { get; set; } = 10;
}

/// <summary>
/// A week whose digest was written to the outbox: its key is the Monday of the week (Paris), so that a second run, a restart
/// or a second instance finds it and writes nothing (decision 0018). Counts only.
/// </summary>
public sealed class ResumeEnvoye
{
    public DateOnly Semaine { get; set; }
    public DateTime EnvoyeLe { get; set; }
    public int Courriels { get; set; }
}

internal sealed class ResumeEnvoyeConfiguration : IEntityTypeConfiguration<ResumeEnvoye>
{
    public void Configure(EntityTypeBuilder<ResumeEnvoye> b) => b.HasKey(r => r.Semaine);
}

/// <summary>What the digest counts, in the order the mail gives them.</summary>
public enum MesureResume
{
    [Valeur("prioritaires", "dossier(s) prioritaire(s)")] Prioritaires,
    [Valeur("a-traiter", "à traiter (rien n'a encore été fait)")] ATraiter,
    [Valeur("a-recontacter", "à recontacter (relance proposée)")] ARecontacter,
    [Valeur("rappels", "demande(s) de rappel du jeune")] Rappels,
    [Valeur("points-suivi", "point(s) de suivi après une solution à faire")] PointsSuivi,
    [Valeur("obligation", "étape(s) de l'obligation de formation dues dans les 7 jours ou en retard")] EtapesObligation,
    [Valeur("a-attribuer", "à attribuer à une structure")] AAttribuer,
}

/// <summary>How the digest went: the week, the mails written, the partner structures skipped for want of a generic address.</summary>
public sealed record BilanResume(DateOnly Semaine, int Courriels, int StructuresSansAdresse);

/// <summary>
/// The weekly digest of the follow-up: one e-mail per référent (the open files assigned to them and to their structure), per
/// partner structure with a generic address (its files) and per PSAD coordinator (the PSAD's files, with those to assign):
/// counts of the work that waits, each a link to the work list filtered on exactly those files, and nothing about any young
/// person. Written to the outbox once a week (<see cref="ResumeHebdomadaireOptions"/>), the week recorded in the same
/// transaction (<see cref="ResumeEnvoye"/>): never twice, whatever the runs, restarts and instances.
/// </summary>
public sealed class ResumeHebdomadaire(RaccrocheDbContext db, IOptions<ResumeHebdomadaireOptions> options, IConfiguration config, TimeProvider clock, ILogger<ResumeHebdomadaire> logger)
{
    /// <summary>The files of one PSAD, structure and référent (either may be none) that one measure counts.</summary>
    public sealed record Groupe(int PsadId, int? StructureId, string? ReferentId, int Nombre);

    /// <summary>The Monday of the week of <paramref name="jour"/>: the key of a week's digest.</summary>
    public static DateOnly Semaine(DateOnly jour) => jour.AddDays(-(((int)jour.DayOfWeek + 6) % 7));

    /// <summary>
    /// The week whose digest is due at <paramref name="maintenant"/>: on the configured day, from the configured Paris time until
    /// midnight; none otherwise (a digest missed that day is not sent later in the week: it would speak of a week half gone).
    /// </summary>
    public DateOnly? SemaineDue(DateTime maintenant)
    {
        var o = options.Value;
        var jour = HeureParis.Jour(maintenant);
        return jour.DayOfWeek == o.Jour && maintenant >= HeureParis.Utc(jour.ToDateTime(o.Heure)) ? Semaine(jour) : null;
    }

    /// <summary>Writes the week's digest to the outbox if it is due and not written yet; null when there was nothing to do.</summary>
    public async Task<BilanResume?> ExecuterAsync(CancellationToken ct = default)
    {
        var maintenant = clock.GetUtcNow().UtcDateTime;
        if (SemaineDue(maintenant) is not { } semaine || await db.ResumesEnvoyes.AnyAsync(r => r.Semaine == semaine, ct))
        {
            return null;
        }

        var (courriels, sansAdresse) = await PreparerAsync(HeureParis.Jour(maintenant), semaine, ct);
        try
        {
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                // The week's row and its mails commit together: another instance inserting the same week fails on the key.
                db.ResumesEnvoyes.Add(new ResumeEnvoye { Semaine = semaine, EnvoyeLe = maintenant, Courriels = courriels.Count });
                db.MessagesSortants.AddRange(courriels.Select(c => Courrier.Preparer(c.Adresse, c.Sujet, c.Corps, maintenant)));
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            });
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await db.ResumesEnvoyes.AnyAsync(r => r.Semaine == semaine, ct))
            {
                throw;
            }

            logger.LogInformation("Weekly digest of {Week} already written by another instance", semaine);
            return null;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        if (sansAdresse > 0)
        {
            logger.LogInformation("Weekly digest of {Week}: {Count} partner structure(s) without a generic e-mail address get none", semaine, sansAdresse);
        }

        return new BilanResume(semaine, courriels.Count, sansAdresse);
    }

    /// <summary>One digest mail: where to, its subject and its text (counts and links only).</summary>
    public sealed record Courriel(string Adresse, string Sujet, string Corps);

    /// <summary>The week's mails (none for a recipient whose counts are all zero) and the partner structures without an address.</summary>
    public async Task<(IReadOnlyList<Courriel> Courriels, int SansAdresse)> PreparerAsync(DateOnly aujourdhui, DateOnly semaine, CancellationToken ct = default)
    {
        var comptage = await CompterAsync(aujourdhui, ct);
        var psads = await db.Psads.AsNoTracking().Select(p => new { p.Id, p.Code, p.Nom }).ToDictionaryAsync(p => p.Id, ct);
        var partenaires = await db.Set<PartenairePsad>().AsNoTracking().Select(p => new { p.PsadId, p.StructureId, p.Structure!.Nom, p.Structure.Courriel }).ToListAsync(ct);
        var roles = await db.HabilitationsSuivi.AsNoTracking()
            .Join(db.Users, h => h.UtilisateurId, u => u.Id, (h, u) => new { h.PsadId, h.Role, u.Id, u.Email, u.StructureId })
            .Where(x => x.Email != null).ToListAsync(ct);
        var fr = StringComparer.Create(new("fr-FR"), true);
        string Psad(int id) => psads.TryGetValue(id, out var p) ? $"PSAD {p.Code} – {p.Nom}" : "PSAD";
        string NomStructure(int id) => partenaires.FirstOrDefault(p => p.StructureId == id)?.Nom ?? "votre structure";

        var courriels = new List<Courriel>();
        foreach (var compte in roles.GroupBy(r => r.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var sections = new List<Section>();
            foreach (var psad in compte.Where(r => r.Role == RoleSuivi.CoordinateurPsad).Select(r => r.PsadId).Distinct().OrderBy(p => psads.GetValueOrDefault(p)?.Code, StringComparer.Ordinal))
            {
                sections.Add(new Section($"{Psad(psad)}, tous les dossiers (coordination)", comptage.Pour(g => g.PsadId == psad, psad), [("psad", Id(psad))]));
            }

            // A référent counts only where their structure is still a partner of the PSAD (as AccesSuivi reads).
            foreach (var r in compte.Where(r => r.Role == RoleSuivi.ReferentSuivi && r.StructureId is { } s && partenaires.Any(p => p.PsadId == r.PsadId && p.StructureId == s))
                         .DistinctBy(r => r.PsadId).OrderBy(r => psads.GetValueOrDefault(r.PsadId)?.Code, StringComparer.Ordinal))
            {
                var structure = r.StructureId!.Value;
                sections.Add(new Section($"{Psad(r.PsadId)}, les dossiers qui vous sont confiés", comptage.Pour(g => g.PsadId == r.PsadId && g.StructureId == structure && g.ReferentId == r.Id),
                    [("psad", Id(r.PsadId)), ("structure", Id(structure)), ("referent", r.Id)]));
                sections.Add(new Section($"{Psad(r.PsadId)}, les dossiers de votre structure ({NomStructure(structure)})", comptage.Pour(g => g.PsadId == r.PsadId && g.StructureId == structure),
                    [("psad", Id(r.PsadId)), ("structure", Id(structure))]));
            }

            if (Redaction(semaine, sections) is { } corps)
            {
                courriels.Add(new Courriel(compte.First().Email!, Sujet(semaine), corps));
            }
        }

        var sansAdresse = 0;
        foreach (var structure in partenaires.GroupBy(p => p.StructureId).OrderBy(g => g.First().Nom, fr))
        {
            if (Saisie.Nettoyer(structure.First().Courriel) is not { } adresse)
            {
                sansAdresse++;
                continue;
            }

            var sections = structure.OrderBy(p => psads.GetValueOrDefault(p.PsadId)?.Code, StringComparer.Ordinal)
                .Select(p => new Section($"{Psad(p.PsadId)}, les dossiers de {p.Nom}", comptage.Pour(g => g.PsadId == p.PsadId && g.StructureId == p.StructureId),
                    [("psad", Id(p.PsadId)), ("structure", Id(p.StructureId))]))
                .ToList();
            if (Redaction(semaine, sections) is { } corps)
            {
                courriels.Add(new Courriel(adresse, Sujet(semaine), corps));
            }
        }

        return (courriels, sansAdresse);
    }

    /// <summary>Every measure over the files still identified, grouped by PSAD, structure and référent; "à attribuer" per PSAD.</summary>
    public async Task<Comptage> CompterAsync(DateOnly aujourdhui, CancellationToken ct = default)
    {
        var reglages = await db.Psads.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Reglages, ct);
        var dossiers = db.JeunesSuivis.Where(j => j.AnonymiseLe == null);
        // The same predicates as the work list's tabs and flags (ListeDossiers), so that each link lists exactly what was counted.
        var ouverts = ListeDossiers.DansOnglet(dossiers, Onglet.Ouverts);
        var mesures = new Dictionary<MesureResume, IReadOnlyList<Groupe>>
        {
            [MesureResume.Prioritaires] = await GrouperAsync(ouverts.Where(ListeDossiers.Predicat(FiltreDrapeau.Prioritaire, aujourdhui, reglages)), ct),
            [MesureResume.ATraiter] = await GrouperAsync(ListeDossiers.DansOnglet(dossiers, Onglet.ATraiter), ct),
            [MesureResume.ARecontacter] = await GrouperAsync(dossiers.Where(ListeDossiers.Predicat(FiltreDrapeau.RelanceProposee, aujourdhui, reglages)), ct),
            [MesureResume.Rappels] = await GrouperAsync(dossiers.Where(ListeDossiers.Predicat(FiltreDrapeau.Rappel, aujourdhui, reglages)), ct),
            [MesureResume.PointsSuivi] = await PointsSuiviDusAsync(dossiers, aujourdhui, ct),
            [MesureResume.EtapesObligation] = await EtapesObligationAsync(dossiers, reglages.Keys, aujourdhui, ct),
            [MesureResume.AAttribuer] = await GrouperAsync(dossiers.Where(j => j.Statut == StatutDossier.AAttribuer), ct),
        };
        return new Comptage(mesures);
    }

    /// <summary>The files with a check-in after a solution due (<see cref="PointSuivi"/>: due today or before, not done, not cancelled), per PSAD, structure and référent.</summary>
    public Task<IReadOnlyList<Groupe>> PointsSuiviDusAsync(IQueryable<JeuneSuivi> dossiers, DateOnly aujourdhui, CancellationToken ct = default) =>
        GrouperAsync(dossiers.Where(j => db.PointsSuivi.Any(p => p.JeuneSuiviId == j.Id && p.FaitLe == null && p.AnnuleLe == null && p.Echeance <= aujourdhui)), ct);

    /// <summary>The minors whose next legal step is due within the OF list's horizon or late: the OF list's own rule, one PSAD at a time.</summary>
    private async Task<IReadOnlyList<Groupe>> EtapesObligationAsync(IQueryable<JeuneSuivi> dossiers, IEnumerable<int> psads, DateOnly aujourdhui, CancellationToken ct)
    {
        var groupes = new List<Groupe>();
        foreach (var psad in psads.Order())
        {
            var lignes = await ObligationModel.ChargerAsync(db, dossiers.Where(j => j.PsadId == psad), aujourdhui, ct);
            groupes.AddRange(lignes.GroupBy(l => (l.PsadId, l.StructureId, l.ReferentId)).Select(g => new Groupe(g.Key.PsadId, g.Key.StructureId, g.Key.ReferentId, g.Count())));
        }

        return groupes;
    }

    private static async Task<IReadOnlyList<Groupe>> GrouperAsync(IQueryable<JeuneSuivi> q, CancellationToken ct) =>
        await q.GroupBy(j => new { j.PsadId, j.StructureId, j.ReferentId })
            .Select(g => new Groupe(g.Key.PsadId, g.Key.StructureId, g.Key.ReferentId, g.Count())).ToListAsync(ct);

    /// <summary>The measures' groups; each recipient's counts are sums over the groups of their scope.</summary>
    public sealed class Comptage(IReadOnlyDictionary<MesureResume, IReadOnlyList<Groupe>> mesures)
    {
        /// <summary>The counts of the groups <paramref name="garder"/> keeps; "à attribuer" only for a PSAD's coordinators.</summary>
        public IReadOnlyDictionary<MesureResume, int> Pour(Func<Groupe, bool> garder, int? psadCoordonnee = null) => mesures
            .Where(m => m.Key != MesureResume.AAttribuer || psadCoordonnee is not null)
            .ToDictionary(m => m.Key, m => m.Value.Where(garder).Sum(g => g.Nombre));
    }

    /// <summary>A part of a mail: a title, its counts and the filters its links carry.</summary>
    private sealed record Section(string Titre, IReadOnlyDictionary<MesureResume, int> Comptes, IReadOnlyList<(string Nom, string Valeur)> Portee);

    private static string Sujet(DateOnly semaine) => $"Suivi des décrocheurs : votre récapitulatif de la semaine du {HeureParis.Date(semaine)}";

    /// <summary>The text of a mail, or null when every count of every section is zero (no mail then). Sections at zero are left out.</summary>
    private string? Redaction(DateOnly semaine, IReadOnlyList<Section> sections)
    {
        var pleines = sections.Where(s => s.Comptes.Values.Any(n => n > 0)).ToList();
        if (pleines.Count == 0)
        {
            return null;
        }

        var texte = new StringBuilder();
        texte.Append(CultureInfo.InvariantCulture, $"Bonjour,\n\nVoici le récapitulatif du suivi des décrocheurs pour la semaine du {HeureParis.Date(semaine)}.\n");
        foreach (var s in pleines)
        {
            texte.Append(CultureInfo.InvariantCulture, $"\n{s.Titre} :\n");
            foreach (var (mesure, n) in s.Comptes.OrderBy(c => c.Key))
            {
                texte.Append(CultureInfo.InvariantCulture, $"- {n} {mesure.Libelle()}").Append(n > 0 ? " : " + Lien(mesure, s.Portee) : "").Append('\n');
            }
        }

        texte.Append("\nChaque lien ouvre la liste de ces dossiers dans votre espace professionnel (connexion nécessaire). " +
            "Pour protéger les jeunes, ce message ne contient que des nombres : ni nom, ni INE, ni coordonnées.\n\nL'équipe Raccroche");
        return texte.ToString();
    }

    /// <summary>The work list (or the OF list) filtered on exactly the files a count counted, with the list's own parameter names.</summary>
    public string Lien(MesureResume mesure, IReadOnlyList<(string Nom, string Valeur)> portee)
    {
        (string Chemin, (string, string)[] Filtres) cible = mesure switch
        {
            MesureResume.Prioritaires => ("/pro/decrocheurs", [("onglet", Onglet.Ouverts.Code()), ("drapeau", FiltreDrapeau.Prioritaire.Code())]),
            MesureResume.ATraiter => ("/pro/decrocheurs", [("onglet", Onglet.ATraiter.Code())]),
            MesureResume.ARecontacter => ("/pro/decrocheurs", [("onglet", Onglet.Ouverts.Code()), ("drapeau", FiltreDrapeau.RelanceProposee.Code())]),
            MesureResume.Rappels => ("/pro/decrocheurs", [("onglet", Onglet.Ouverts.Code()), ("drapeau", FiltreDrapeau.Rappel.Code())]),
            MesureResume.PointsSuivi => ("/pro/decrocheurs", [("onglet", Onglet.PointsSuivi.Code())]),
            MesureResume.EtapesObligation => ("/pro/decrocheurs/obligation", []),
            _ => ("/pro/decrocheurs", [("onglet", Onglet.Ouverts.Code()), ("statut", StatutDossier.AAttribuer.Code())]),
        };
        var parametres = cible.Filtres.Concat(portee).Select(p => new KeyValuePair<string, string?>(p.Item1, p.Item2));
        return config.UrlPublique() + cible.Chemin + QueryString.Create(parametres).ToUriComponent();
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Looks every <see cref="ResumeHebdomadaireOptions.IntervalleMinutes"/> whether the week's digest is due (from start-up).</summary>
public sealed class TacheResumeHebdomadaire(IServiceScopeFactory scopes, IOptions<ResumeHebdomadaireOptions> options, TimeProvider clock, ILogger<TacheResumeHebdomadaire> logger)
    : TachePeriodique(scopes, clock, logger)
{
    protected override string Nom => "Weekly digest";

    protected override TimeSpan Intervalle => TimeSpan.FromMinutes(Math.Max(1, options.Value.IntervalleMinutes));

    protected override async Task ExecuterAsync(IServiceProvider services, CancellationToken ct)
    {
        if (await services.GetRequiredService<ResumeHebdomadaire>().ExecuterAsync(ct) is { } bilan)
        {
            logger.LogInformation("Weekly digest of {Week}: {Count} mail(s) written to the outbox", bilan.Semaine, bilan.Courriels);
        }
    }
}
