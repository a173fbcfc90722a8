namespace Raccroche.Web.Features.Decrocheurs;

/// <summary>What a check-in found: the young person is still in their solution, moved to another one, left it without one, or could not be reached.</summary>
public enum ConstatSuivi
{
    [Valeur("toujours-en-solution", "Toujours en solution")] ToujoursEnSolution,
    [Valeur("a-change", "A changé de solution")] AChange,
    [Valeur("sorti-sans-solution", "Sorti·e sans solution")] SortiSansSolution,
    [Valeur("injoignable", "Injoignable")] Injoignable,
}

/// <summary>
/// A check-in after a solution the young person entered: due <see cref="Mois"/> months after the entry
/// (<see cref="SolutionSuivi.EntreeLe"/>), done once, by the young person through their personal link or by a référent.
/// The outcomes of the catalogue's programmes are counted from these rows.
/// </summary>
public sealed class PointSuivi
{
    public long Id { get; set; }
    public int JeuneSuiviId { get; set; }

    /// <summary>The solution entered that this check-in follows.</summary>
    public long SolutionId { get; set; }

    /// <summary>Months after the entry (1, 3, 6 and 12 unless the PSAD chose others).</summary>
    public int Mois { get; set; }
    public DateOnly Echeance { get; set; }

    public DateTime? FaitLe { get; set; }
    public ConstatSuivi? Constat { get; set; }

    /// <summary>The young person answered through their personal link (otherwise a référent recorded it: <see cref="Auteur"/>).</summary>
    public bool ParJeune { get; set; }
    public string? Auteur { get; set; }

    /// <summary>For <see cref="ConstatSuivi.AChange"/>: the kind of solution the young person is in now.</summary>
    public TypeSolution? NouveauType { get; set; }

    /// <summary>A few words (where, what), as typed, shown inert; erased with the identity.</summary>
    public string? Precision { get; set; }

    /// <summary>When a later event made this check-in pointless (the young person left without a solution, the file was transferred or cancelled).</summary>
    public DateTime? AnnuleLe { get; set; }

    public const int PrecisionMax = 200;

    /// <summary>Still in a solution (the same or another one): a positive exit at that date.</summary>
    public static bool Positif(ConstatSuivi? c) => c is ConstatSuivi.ToujoursEnSolution or ConstatSuivi.AChange;
}

internal sealed class PointSuiviConfiguration : IEntityTypeConfiguration<PointSuivi>
{
    public void Configure(EntityTypeBuilder<PointSuivi> b)
    {
        b.HasIndex(p => new { p.JeuneSuiviId, p.Mois });
        b.HasIndex(p => new { p.SolutionId, p.Mois }).IsUnique();

        // The check-ins due: the work lists and the weekly digest read open ones by date.
        b.HasIndex(p => p.Echeance).HasFilter("\"FaitLe\" IS NULL AND \"AnnuleLe\" IS NULL");
        b.Property(p => p.Constat).HasMaxLength(30);
        b.Property(p => p.NouveauType).HasMaxLength(40);
        b.Property(p => p.Auteur).HasMaxLength(256);
        b.Property(p => p.Precision).HasMaxLength(PointSuivi.PrecisionMax);
        b.HasOne<JeuneSuivi>().WithMany().HasForeignKey(p => p.JeuneSuiviId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SolutionSuivi>().WithMany().HasForeignKey(p => p.SolutionId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>What the young person answers through a check-in's personal link.</summary>
public enum ReponsePoint
{
    [Valeur("toujours", "Oui, j'y suis toujours")] Toujours,
    [Valeur("arrete", "Non, j'ai arrêté")] Arrete,
    [Valeur("change", "J'ai changé : je fais autre chose")] Change,
}

/// <summary>
/// The check-ins' schedule (decision 0017): when a solution is entered, one check-in per month of the PSAD's
/// <see cref="ReglagesSuivi.MoisPointsSuivi"/> after its entry date, the open check-ins of the file's other solutions
/// cancelled (one schedule per file: the young person is followed in the solution they entered last). Also the count of
/// check-ins due that the work lists and the weekly digest read.
/// </summary>
public static class PointsSuivi
{
    /// <summary>
    /// A check-in already this many days past its due date when its solution's entry is recorded is not scheduled (it can no
    /// longer be held at its time); it is also how long after its due date the job still sends the young person its link.
    /// </summary>
    public const int RetardMaxJours = 30;

    /// <summary>A référent may record a check-in from this many days before its due date.</summary>
    public const int AvanceJours = 7;

    /// <summary>The file is followed in a solution: "en solution", or closed as a positive exit (the follow-up goes on after the closure).</summary>
    public static bool Suivi(JeuneSuivi d) => d.Statut == StatutDossier.EnSolution || (d.Statut == StatutDossier.Cloture && d.MotifCloture == MotifCloture.SortiePositive);

    /// <summary>The check-ins of a solution entered on <paramref name="entree"/>, one per month, those too late at <paramref name="aujourdhui"/> left out.</summary>
    public static List<PointSuivi> Planifier(int dossier, long solution, DateOnly entree, IEnumerable<int> mois, DateOnly aujourdhui) =>
        [.. mois.Select(m => new PointSuivi { JeuneSuiviId = dossier, SolutionId = solution, Mois = m, Echeance = entree.AddMonths(m) })
            .Where(p => p.Echeance >= aujourdhui.AddDays(-RetardMaxJours))];

    /// <summary>
    /// In the caller's transaction: the open check-ins of the file's other solutions cancelled, those of
    /// <paramref name="solution"/> added (from its entry date, else from today: a solution declared without a date). Returns them.
    /// </summary>
    public static async Task<List<PointSuivi>> PlanifierAsync(RaccrocheDbContext db, int dossier, long solution, DateOnly? entree, DateTime maintenant, CancellationToken ct)
    {
        var aujourdhui = HeureParis.Jour(maintenant);
        var reglages = await db.Psads.Where(p => db.JeunesSuivis.Any(j => j.Id == dossier && j.PsadId == p.Id)).Select(p => p.Reglages).FirstAsync(ct);
        await AnnulerAsync(db, db.PointsSuivi.Where(p => p.JeuneSuiviId == dossier && p.SolutionId != solution), maintenant, ct);
        var points = Planifier(dossier, solution, entree ?? aujourdhui, reglages.MoisDesPoints(), aujourdhui);
        db.PointsSuivi.AddRange(points);
        return points;
    }

    /// <summary>Cancels the open check-ins among <paramref name="points"/> (a later event made them pointless), in the caller's transaction.</summary>
    public static Task<int> AnnulerAsync(RaccrocheDbContext db, IQueryable<PointSuivi> points, DateTime maintenant, CancellationToken ct) =>
        points.Where(p => p.FaitLe == null && p.AnnuleLe == null).ExecuteUpdateAsync(u => u.SetProperty(p => p.AnnuleLe, maintenant), ct);

    /// <summary>The open check-ins due on or before <paramref name="jour"/> (Paris day) among <paramref name="dossiers"/>, anonymised files left out.</summary>
    public static IQueryable<PointSuivi> Dus(RaccrocheDbContext db, IQueryable<JeuneSuivi> dossiers, DateOnly jour) =>
        db.PointsSuivi.Where(p => p.FaitLe == null && p.AnnuleLe == null && p.Echeance <= jour && dossiers.Any(j => j.Id == p.JeuneSuiviId && j.AnonymiseLe == null));

    /// <summary>How many check-ins are due (or overdue) on <paramref name="jour"/> among <paramref name="dossiers"/>: what the weekly digest counts.</summary>
    public static Task<int> DusAsync(RaccrocheDbContext db, IQueryable<JeuneSuivi> dossiers, DateOnly jour, CancellationToken ct = default) =>
        Dus(db, dossiers, jour).CountAsync(ct);

    /// <summary>Where a check-in stands on <paramref name="jour"/>, in the words of the case file.</summary>
    public static string Etat(PointSuivi p, DateOnly jour) =>
        p.FaitLe is { } fait ? $"fait le {HeureParis.Date(HeureParis.Jour(fait))}"
        : p.AnnuleLe is { } annule ? $"annulé le {HeureParis.Date(HeureParis.Jour(annule))}"
        : p.Echeance < jour ? $"à faire, en retard de {jour.DayNumber - p.Echeance.DayNumber} jour(s)"
        : p.Echeance == jour ? "à faire aujourd'hui"
        : "à venir";
}

/// <summary>
/// One check-in's finding and what it does to the file, whoever records it (a référent on the case file, the young person
/// through the link): the check-in done once (a guarded UPDATE: a second recording changes nothing), the earlier ones still
/// open cancelled (they can no longer be held at their date); "sorti sans solution" abandons the solution, cancels every
/// check-in left and reopens the file "à contacter", a priority; the last check-in of the schedule sets
/// <see cref="JeuneSuivi.SortieMaintenue"/>. A finding is about the solution followed: "toujours en solution" after an
/// earlier "a changé" is recorded "a changé" (still in the other solution).
/// </summary>
public sealed record ConstatPoint(PointSuivi Point, ConstatSuivi Constat, TypeSolution? NouveauType, string? Precision, bool Dernier, StatutDossier Avant, bool Attribue, TypeSolution TypeSuivi)
{
    public bool Reouvre => Constat == ConstatSuivi.SortiSansSolution;

    /// <summary>The file's status after the finding: back to "à contacter" (or "à attribuer" without a structure) when the young person left.</summary>
    public StatutDossier Apres => !Reouvre ? Avant : Attribue ? StatutDossier.AContacter : StatutDossier.AAttribuer;

    /// <summary>"Sortie positive maintenue", set by the last check-in held: the last of the schedule, or the one that found the young person out.</summary>
    public bool? Maintenue => Reouvre || Dernier ? PointSuivi.Positif(Constat) : null;

    public static async Task<ConstatPoint> PreparerAsync(RaccrocheDbContext db, JeuneSuivi d, PointSuivi p, ConstatSuivi constat, TypeSolution? type, string? precision, CancellationToken ct)
    {
        if (constat == ConstatSuivi.ToujoursEnSolution)
        {
            var change = await db.PointsSuivi.AsNoTracking().Where(x => x.SolutionId == p.SolutionId && x.Mois < p.Mois && x.Constat == ConstatSuivi.AChange)
                .OrderByDescending(x => x.Mois).Select(x => new { x.NouveauType }).FirstOrDefaultAsync(ct);
            if (change is not null)
            {
                constat = ConstatSuivi.AChange;
                type ??= change.NouveauType;
            }
        }

        var dernier = !await db.PointsSuivi.AnyAsync(x => x.SolutionId == p.SolutionId && x.Mois > p.Mois && x.AnnuleLe == null, ct);
        var suivi = await db.SolutionsSuivi.Where(s => s.Id == p.SolutionId).Select(s => s.Type).FirstAsync(ct);
        return new(p, constat, constat == ConstatSuivi.AChange ? type : null, precision, dernier, d.Statut, d.StructureId is not null, suivi);
    }

    /// <summary>The file's side, inside the caller's guarded UPDATE.</summary>
    public void Appliquer(Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<JeuneSuivi> u, DateTime maintenant)
    {
        if (Reouvre)
        {
            CycleDossier.Rouvrir(u, maintenant);
            u.SetProperty(j => j.SortiSansSolutionLe, maintenant).SetProperty(j => j.Relances, 0);
        }

        if (Maintenue is { } m)
        {
            u.SetProperty(j => j.SortieMaintenue, m);
        }
    }

    /// <summary>The check-in's side, in the caller's transaction; false when it was done or cancelled in between (nothing is written then).</summary>
    public async Task<bool> EnregistrerAsync(RaccrocheDbContext db, bool parJeune, string auteur, DateTime faitLe, DateTime maintenant, CancellationToken ct)
    {
        var n = await db.PointsSuivi.Where(x => x.Id == Point.Id && x.FaitLe == null && x.AnnuleLe == null).ExecuteUpdateAsync(u => u
            .SetProperty(x => x.FaitLe, faitLe)
            .SetProperty(x => x.Constat, Constat)
            .SetProperty(x => x.ParJeune, parJeune)
            .SetProperty(x => x.Auteur, auteur)
            .SetProperty(x => x.NouveauType, NouveauType)
            .SetProperty(x => x.Precision, Precision), ct);
        if (n == 0)
        {
            return false;
        }

        var (dossier, solution, mois) = (Point.JeuneSuiviId, Point.SolutionId, Point.Mois);
        await PointsSuivi.AnnulerAsync(db, Reouvre
            ? db.PointsSuivi.Where(x => x.JeuneSuiviId == dossier)
            : db.PointsSuivi.Where(x => x.SolutionId == solution && x.Mois < mois), maintenant, ct);
        if (Reouvre)
        {
            await db.SolutionsSuivi.Where(s => s.Id == solution && s.Statut == StatutSolution.Entree)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Statut, StatutSolution.Abandonnee).SetProperty(s => s.StatutDepuis, maintenant), ct);
        }

        return true;
    }

    /// <summary>The history lines: the check-in, and the reopening when the young person left (a reopening proper for a closed file).</summary>
    public IEnumerable<EvenementDossier> Evenements(string auteur, DateTime maintenant)
    {
        EvenementDossier Ligne(NatureEvenement nature, string detail) =>
            new() { JeuneSuiviId = Point.JeuneSuiviId, Quand = maintenant, Nature = nature, Auteur = auteur, Detail = detail.Length > 500 ? detail[..500] : detail };

        yield return Ligne(NatureEvenement.PointSuivi, $"point de suivi à {Point.Mois} mois : {Constat.Libelle().ToLowerInvariant()}"
            + (NouveauType is { } t ? $" ({t.Libelle().ToLowerInvariant()})" : "") + (Precision is { } p ? " : " + p : "")
            + (Maintenue is { } m && !Reouvre ? $" ; sortie positive maintenue : {(m ? "oui" : "non")}" : ""));
        if (Reouvre)
        {
            var suite = $"sorti·e sans solution au point de suivi à {Point.Mois} mois : solution « {TypeSuivi.Libelle()} » abandonnée, points de suivi restants annulés, dossier « {Apres.Libelle()} » en priorité";
            yield return Avant == StatutDossier.Cloture
                ? Ligne(NatureEvenement.Reouverture, suite + " (rouvert)")
                : Ligne(NatureEvenement.Statut, $"« {Avant.Libelle()} » → « {Apres.Libelle()} » : {suite}");
        }
    }

    /// <summary>The audit line's detail (codes only).</summary>
    public string Audit => $"point de suivi {Point.Id} ({Point.Mois} mois) : {Constat.Code()}" + (Reouvre ? $", dossier rouvert ({Apres.Code()})" : "") + (Maintenue is { } m ? $", sortie maintenue {(m ? "oui" : "non")}" : "");
}
