using System.Diagnostics;
using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Decrocheurs;
using Raccroche.Web.Features.Observatoire;
using Raccroche.Web.Features.Propositions;

namespace Raccroche.Web.Features.Resultats;

/// <summary>The settings of the programmes' outcomes (section <c>Resultats</c>).</summary>
public sealed class ResultatsOptions
{
    public const string Section = "Resultats";

    /// <summary>The job that computes the snapshot each night and loads it in this instance (off in tests).</summary>
    public bool Active { get; set; } = true;

    /// <summary>From this hour (Paris time), a snapshot computed before it is out of date: the night's computation runs.</summary>
    public int HeureCalcul { get; set; } = 3;

    /// <summary>How often the job looks (a due computation, a snapshot another instance wrote).</summary>
    public int IntervalleMinutes { get; set; } = 30;
}

/// <summary>What the pages and the matcher read: the last computation loaded, and each programme's masked table.</summary>
public sealed record EtatResultats(int? CalculId, DateTime? CalculeLe, IReadOnlyDictionary<int, TableauResultats> ParDispositif)
{
    public static readonly EtatResultats Vide = new(null, null, new Dictionary<int, TableauResultats>());

    public TableauResultats? De(int dispositifId) => ParDispositif.GetValueOrDefault(dispositifId);
}

/// <summary>The loaded snapshot of this instance, replaced whole (readers never lock).</summary>
public sealed class InstantaneResultats
{
    private volatile EtatResultats _actuel = EtatResultats.Vide;

    internal SemaphoreSlim Chargement { get; } = new(1, 1);

    public EtatResultats Actuel => _actuel;

    internal void Publier(EtatResultats etat) => _actuel = etat;
}

/// <summary>One cell of the aggregate query, as the database returns it.</summary>
public sealed class LigneAgregee
{
    public int DispositifId { get; set; }
    public int PsadId { get; set; }
    public string? Sexe { get; set; }
    public string? Classe { get; set; }
    public string? Diplome { get; set; }
    public long Proposes { get; set; }
    public long Entres { get; set; }
    public long Faits3 { get; set; }
    public long Toujours3 { get; set; }
    public long Changes3 { get; set; }
    public long Faits6 { get; set; }
    public long Toujours6 { get; set; }
    public long Changes6 { get; set; }
    public long Faits12 { get; set; }
    public long Toujours12 { get; set; }
    public long Changes12 { get; set; }
}

/// <summary>
/// The programmes' outcomes (issue 11, §4; decision 0020): a snapshot computed by one aggregate query over the solutions,
/// the check-ins, the case files and their latest entretien (never by loading case files), kept as
/// <see cref="CelluleResultats"/> rows of one <see cref="CalculResultats"/>; each instance loads the latest one, masks every
/// programme's table once (<see cref="TableauResultats"/>) and gives the matcher its retention figures
/// (<see cref="InstantaneMaintiens"/>). Anonymised files count: PSAD, sex, birth year, solutions and check-ins stay.
/// </summary>
public sealed class ResultatsDispositifs(RaccrocheDbContext db, InstantaneResultats instantane, InstantaneMaintiens maintiens,
    IOptions<ObservatoireOptions> secret, IOptions<ResultatsOptions> options, TimeProvider clock)
{
    /// <summary>The secrecy's thresholds (the observatory's settings: one rule for every published figure).</summary>
    public ReglesSecret Regles => secret.Value.Regles;

    /// <summary>Computes a new snapshot, writes it in one transaction, and deletes the older ones.</summary>
    public async Task<CalculResultats> CalculerAsync(CancellationToken ct = default)
    {
        var chrono = Stopwatch.StartNew();
        var lignes = await AgregerAsync(db, ct);
        var calcul = new CalculResultats
        {
            CalculeLe = clock.GetUtcNow().UtcDateTime,
            Propositions = (int)lignes.Sum(l => l.Proposes),
            Cellules = lignes.Count,
        };
        var strategie = db.Database.CreateExecutionStrategy();
        await strategie.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.CalculsResultats.Add(calcul);
            await db.SaveChangesAsync(ct);
            await InsertionEnMasse.InsererAsync(db, lignes.Select(l => Cellule(calcul.Id, l)), cles: false, ct);
            await db.CellulesResultats.Where(c => c.CalculId < calcul.Id).ExecuteDeleteAsync(ct);
            await db.CalculsResultats.Where(c => c.Id < calcul.Id).ExecuteDeleteAsync(ct);
            calcul.DureeMs = (int)chrono.ElapsedMilliseconds;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        });
        db.ChangeTracker.Clear();
        return calcul;
    }

    /// <summary>True when the latest snapshot was computed before the last <see cref="ResultatsOptions.HeureCalcul"/> (Paris), or when there is none.</summary>
    public async Task<bool> DoitCalculerAsync(CancellationToken ct = default)
    {
        var dernier = await db.CalculsResultats.AsNoTracking().OrderByDescending(c => c.Id).Select(c => (DateTime?)c.CalculeLe).FirstOrDefaultAsync(ct);
        return dernier is not { } le || le < DerniereEcheance(clock.GetUtcNow().UtcDateTime, options.Value.HeureCalcul);
    }

    /// <summary>The last time, at or before <paramref name="maintenant"/>, the clock of Paris read <paramref name="heure"/>:00 (as UTC).</summary>
    public static DateTime DerniereEcheance(DateTime maintenant, int heure)
    {
        var jour = HeureParis.Jour(maintenant);
        var echeance = HeureParis.Utc(jour.ToDateTime(new TimeOnly(heure, 0)));
        return echeance <= maintenant ? echeance : HeureParis.Utc(jour.AddDays(-1).ToDateTime(new TimeOnly(heure, 0)));
    }

    /// <summary>
    /// The snapshot this instance shows: the latest computation, loaded (and masked) when a newer one than the loaded one
    /// exists. One small query when nothing changed.
    /// </summary>
    public async Task<EtatResultats> ActuelAsync(CancellationToken ct = default)
    {
        var dernier = await db.CalculsResultats.AsNoTracking().OrderByDescending(c => c.Id).Select(c => new { c.Id, c.CalculeLe }).FirstOrDefaultAsync(ct);
        if (dernier?.Id == instantane.Actuel.CalculId)
        {
            return instantane.Actuel;
        }

        if (dernier is null)
        {
            // The snapshots were deleted (a database put back to an earlier state): nothing to show, nothing for the matcher.
            instantane.Publier(EtatResultats.Vide);
            maintiens.Publier(MaintiensDispositifs.Aucun);
            return EtatResultats.Vide;
        }

        await instantane.Chargement.WaitAsync(ct);
        try
        {
            if (dernier.Id != instantane.Actuel.CalculId)
            {
                var cellules = await db.CellulesResultats.AsNoTracking().Where(c => c.CalculId == dernier.Id).ToListAsync(ct);
                var psads = await db.Psads.AsNoTracking().ToDictionaryAsync(p => p.Id, p => $"{p.Code} – {p.Nom}", ct);
                var (etat, profils) = Construire(dernier.Id, dernier.CalculeLe, cellules, psads, secret.Value.Regles);
                instantane.Publier(etat);
                maintiens.Publier(profils);
            }

            return instantane.Actuel;
        }
        finally
        {
            instantane.Chargement.Release();
        }
    }

    /// <summary>
    /// The aggregate query: per programme and young person, the first proposal, whether any solution was entered, and the best
    /// finding of the check-ins done at 3, 6 and 12 months (still in it &gt; another solution &gt; neither); then counted by
    /// PSAD, sex, age band (year of the first proposal minus the birth year) and the latest entretien's diploma. On PostgreSQL
    /// without JIT compilation (a second of compiling for a query of one, measured at 1,000,000 files) and with the memory its
    /// hash tables need (no spill to disk), for this transaction only.
    /// </summary>
    public static async Task<List<LigneAgregee>> AgregerAsync(RaccrocheDbContext db, CancellationToken ct = default)
    {
        var postgres = db.Database.IsNpgsql();
        if (!postgres)
        {
            return await db.Database.SqlQueryRaw<LigneAgregee>(Requete(postgres)).ToListAsync(ct);
        }

        var strategie = db.Database.CreateExecutionStrategy();
        return await strategie.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("SET LOCAL jit = off; SET LOCAL work_mem = '64MB'", ct);
            var lignes = await db.Database.SqlQueryRaw<LigneAgregee>(Requete(postgres)).ToListAsync(ct);
            await tx.CommitAsync(ct);
            return lignes;
        });
    }

    /// <summary>The SQL of <see cref="AgregerAsync"/> (no parameter: the codes it compares with are the closed lists' own), for PostgreSQL or SQLite.</summary>
    public static string Requete(bool postgres)
    {
        string Annee(string colonne, bool horodatage) => postgres
            ? $"CAST(EXTRACT(YEAR FROM {colonne}{(horodatage ? " AT TIME ZONE 'UTC'" : "")}) AS integer)"
            : $"CAST(substr({colonne}, 1, 4) AS INTEGER)";
        var toujours = ConstatSuivi.ToujoursEnSolution.Code();
        var change = ConstatSuivi.AChange.Code();
        string Constat(int mois) => $"MAX(CASE WHEN \"Mois\" = {mois} THEN (CASE \"Constat\" WHEN '{toujours}' THEN 3 WHEN '{change}' THEN 2 ELSE 1 END) ELSE 0 END) AS r{mois}";
        string Comptes(int mois) =>
            $"SUM(CASE WHEN x.r{mois} >= 1 THEN 1 ELSE 0 END) AS \"Faits{mois}\", SUM(CASE WHEN x.r{mois} = 3 THEN 1 ELSE 0 END) AS \"Toujours{mois}\", SUM(CASE WHEN x.r{mois} = 2 THEN 1 ELSE 0 END) AS \"Changes{mois}\"";

        // The latest entretien of each young person: PostgreSQL reads it in one ordered pass (DISTINCT ON, 90 ms at 500,000
        // entretiens against 690 for the join on the greatest id, which SQLite keeps).
        var dernierEntretien = postgres
            ? """SELECT DISTINCT ON ("JeuneSuiviId") "JeuneSuiviId" AS j, "Niveau" AS niveau FROM "EntretiensSituation" ORDER BY "JeuneSuiviId", "Id" DESC"""
            : """
              SELECT en."JeuneSuiviId" AS j, en."Niveau" AS niveau FROM "EntretiensSituation" en
              JOIN (SELECT "JeuneSuiviId" AS j, MAX("Id") AS id FROM "EntretiensSituation" GROUP BY "JeuneSuiviId") m ON m.id = en."Id"
              """;
        return $"""
            WITH pt AS (
                SELECT "SolutionId" AS sid, {Constat(3)}, {Constat(6)}, {Constat(12)}
                FROM "PointsSuivi" WHERE "FaitLe" IS NOT NULL AND "Constat" IS NOT NULL AND "Mois" IN (3, 6, 12) GROUP BY "SolutionId"),
            s AS (
                SELECT so."DispositifId" AS d, so."JeuneSuiviId" AS j, MIN(so."CreeLe") AS c, MAX(CASE WHEN so."EntreeLe" IS NOT NULL THEN 1 ELSE 0 END) AS e,
                    MAX(pt.r3) AS r3, MAX(pt.r6) AS r6, MAX(pt.r12) AS r12
                FROM "SolutionsSuivi" so LEFT JOIN pt ON pt.sid = so."Id" WHERE so."DispositifId" IS NOT NULL
                GROUP BY so."DispositifId", so."JeuneSuiviId"),
            n AS ({dernierEntretien})
            SELECT x.d AS "DispositifId", x.psad AS "PsadId", x.sexe AS "Sexe",
                CASE WHEN x.age IS NULL THEN NULL WHEN x.age < 18 THEN '{ClasseAge.Moins18.Code()}' WHEN x.age <= 20 THEN '{ClasseAge.De18A20.Code()}'
                     WHEN x.age <= 25 THEN '{ClasseAge.De21A25.Code()}' ELSE '{ClasseAge.Plus26.Code()}' END AS "Classe",
                x.diplome AS "Diplome", COUNT(*) AS "Proposes", SUM(x.e) AS "Entres", {Comptes(3)}, {Comptes(6)}, {Comptes(12)}
            FROM (
                SELECT s.d, s.e, jo."PsadId" AS psad, jo."Sexe" AS sexe, {Annee("s.c", true)} - {Annee("jo.\"DateNaissance\"", false)} AS age,
                    n.niveau AS diplome, s.r3, s.r6, s.r12
                FROM s JOIN "JeunesSuivis" jo ON jo."Id" = s.j
                LEFT JOIN n ON n.j = s.j) x
            GROUP BY 1, 2, 3, 4, 5
            """;
    }

    private static CelluleResultats Cellule(int calcul, LigneAgregee l) => new()
    {
        CalculId = calcul,
        DispositifId = l.DispositifId,
        PsadId = l.PsadId,
        Sexe = l.Sexe,
        Classe = ValeursFermees.Lire<ClasseAge>(l.Classe),
        Diplome = l.Diplome,
        Proposes = (int)l.Proposes,
        Entres = (int)l.Entres,
        Faits3 = (int)l.Faits3,
        Toujours3 = (int)l.Toujours3,
        Changes3 = (int)l.Changes3,
        Faits6 = (int)l.Faits6,
        Toujours6 = (int)l.Toujours6,
        Changes6 = (int)l.Changes6,
        Faits12 = (int)l.Faits12,
        Toujours12 = (int)l.Toujours12,
        Changes12 = (int)l.Changes12,
    };

    /// <summary>
    /// From a computation's cells: every programme's table, masked, and the matcher's 6-month retention per programme, age
    /// band and diploma (and per age band alone). Pure (the benchmark times it apart).
    /// </summary>
    public static (EtatResultats Etat, MaintiensDispositifs Maintiens) Construire(int calculId, DateTime calculeLe, IEnumerable<CelluleResultats> cellules,
        IReadOnlyDictionary<int, string> psads, ReglesSecret regles)
    {
        var tables = new Dictionary<int, TableauResultats>();
        var profils = new Dictionary<(int, ClasseAge, string?), MaintienProfil>();
        foreach (var parDispositif in cellules.GroupBy(c => c.DispositifId))
        {
            var liste = parDispositif.ToList();
            var lignes = new List<(LigneResultats, ComptesResultats)>
            {
                (new LigneResultats(AxeResultats.Ensemble, "ensemble", "Ensemble"), Somme(liste)),
            };
            foreach (var classe in ValeursFermees.Toutes<ClasseAge>())
            {
                lignes.Add((new LigneResultats(AxeResultats.Age, classe.Code(), classe.Libelle()), Somme(liste.Where(c => c.Classe == classe))));
            }

            Facultative(lignes, AxeResultats.Age, "Âge non renseigné", liste.Where(c => c.Classe is null));
            lignes.Add((new LigneResultats(AxeResultats.Sexe, "F", "Femmes"), Somme(liste.Where(c => c.Sexe == "F"))));
            lignes.Add((new LigneResultats(AxeResultats.Sexe, "M", "Hommes"), Somme(liste.Where(c => c.Sexe == "M"))));
            Facultative(lignes, AxeResultats.Sexe, "Sexe non renseigné", liste.Where(c => c.Sexe is not ("F" or "M")));
            foreach (var niveau in Vocabulaire.Niveaux.Termes)
            {
                lignes.Add((new LigneResultats(AxeResultats.Diplome, niveau.Valeur, niveau.Libelle), Somme(liste.Where(c => c.Diplome == niveau.Valeur))));
            }

            Facultative(lignes, AxeResultats.Diplome, "Diplôme non renseigné (pas d'entretien)", liste.Where(c => c.Diplome is null || !Vocabulaire.Niveaux.Contient(c.Diplome)));
            foreach (var parPsad in liste.GroupBy(c => c.PsadId).OrderBy(g => psads.GetValueOrDefault(g.Key, ""), StringComparer.Ordinal))
            {
                lignes.Add((new LigneResultats(AxeResultats.Territoire, parPsad.Key.ToString(CultureInfo.InvariantCulture), psads.GetValueOrDefault(parPsad.Key, "PSAD supprimée")), Somme(parPsad)));
            }

            tables[parDispositif.Key] = TableauResultats.Construire(parDispositif.Key, lignes, regles);

            foreach (var parClasse in liste.Where(c => c.Classe is not null).GroupBy(c => c.Classe!.Value))
            {
                profils[(parDispositif.Key, parClasse.Key, null)] = new MaintienProfil(parClasse.Sum(c => c.Toujours6), parClasse.Sum(c => c.Faits6));
                foreach (var parNiveau in parClasse.Where(c => c.Diplome is not null).GroupBy(c => c.Diplome!))
                {
                    profils[(parDispositif.Key, parClasse.Key, parNiveau.Key)] = new MaintienProfil(parNiveau.Sum(c => c.Toujours6), parNiveau.Sum(c => c.Faits6));
                }
            }
        }

        return (new EtatResultats(calculId, calculeLe, tables), new MaintiensDispositifs(profils, regles.SeuilEffectif, regles.DenominateurMinimum));
    }

    private static ComptesResultats Somme(IEnumerable<CelluleResultats> cellules)
    {
        var c = new ComptesResultats();
        foreach (var x in cellules)
        {
            c.Ajouter(x);
        }

        return c;
    }

    /// <summary>A "non renseigné" row, only when someone is in it (an empty row is all zeros: it hides nothing and says nothing).</summary>
    private static void Facultative(List<(LigneResultats, ComptesResultats)> lignes, AxeResultats axe, string libelle, IEnumerable<CelluleResultats> cellules)
    {
        var comptes = Somme(cellules);
        if (comptes.Proposes > 0)
        {
            lignes.Add((new LigneResultats(axe, "non-renseigne", libelle), comptes));
        }
    }
}

/// <summary>Computes the snapshot when the night's one is due, then loads the latest in this instance (every <c>Resultats:IntervalleMinutes</c>).</summary>
public sealed class TacheResultats(IServiceScopeFactory scopes, IOptions<ResultatsOptions> options, TimeProvider clock, ILogger<TacheResultats> logger)
    : TachePeriodique(scopes, clock, logger)
{
    protected override string Nom => "Programme outcomes";

    protected override TimeSpan Intervalle => TimeSpan.FromMinutes(options.Value.IntervalleMinutes);

    /// <summary>Lets start-up (migrations, the catalogue's index) finish first.</summary>
    protected override TimeSpan PremierDelai => TimeSpan.FromMinutes(1);

    /// <summary>Every instance loads the latest snapshot into its memory; the computation takes the lease below.</summary>
    protected override bool UneSeuleInstance => false;

    protected override async Task ExecuterAsync(IServiceProvider services, CancellationToken ct)
    {
        var resultats = services.GetRequiredService<ResultatsDispositifs>();
        await BauxTaches.ExecuterSeulAsync(services.GetRequiredService<IServiceScopeFactory>(), "calcul-resultats", TimeSpan.FromMinutes(2), async t =>
        {
            if (await resultats.DoitCalculerAsync(t))
            {
                var calcul = await resultats.CalculerAsync(t);
                logger.LogInformation("Programme outcomes computed: {Pairs} (programme, young person) pairs, {Cells} cells, {Ms} ms", calcul.Propositions, calcul.Cellules, calcul.DureeMs);
            }
        }, ct, rendre: true);

        await resultats.ActuelAsync(ct);
    }
}

public static class ResultatsSetup
{
    /// <summary>The programmes' outcomes: the nightly snapshot, its job, the loaded tables and the matcher's retention figures.</summary>
    public static IServiceCollection AddResultats(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<ResultatsOptions>().Bind(config.GetSection(ResultatsOptions.Section))
            .Validate(o => o.HeureCalcul is >= 0 and <= 23 && o.IntervalleMinutes is >= 1 and <= 1440,
                "Resultats: HeureCalcul must be between 0 and 23, IntervalleMinutes between 1 and 1440.")
            .ValidateOnStart();
        if (config.GetValue("Resultats:Active", true))
        {
            services.AddHostedService<TacheResultats>();
        }

        return services
            .AddSingleton<InstantaneResultats>()
            .AddSingleton<InstantaneMaintiens>()
            .AddScoped<ResultatsDispositifs>()
            .AddScoped<RetourEtablissements>();
    }
}
