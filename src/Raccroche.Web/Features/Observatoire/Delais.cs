using Raccroche.Web.Features.Communes;

namespace Raccroche.Web.Features.Observatoire;

/// <summary>The step a delay indicator measures, from the day the young person's file was opened (their first SIEI list).</summary>
public enum Etape
{
    [Valeur("premiere-tentative", "première tentative de contact")] PremiereTentative,
    [Valeur("entretien", "premier entretien de situation")] Entretien,
    [Valeur("solution", "première entrée dans une solution")] Solution,
}

/// <summary>One row of a delay table: the files of the cohort that reached the step, and the median and third quartile of their delays in days.</summary>
public sealed record LigneDelai(LigneTableau Ligne, string Dossiers, int? Mediane, int? TroisiemeQuartile);

/// <summary>A delay indicator for a selection: its rows and a last row for the whole population.</summary>
public sealed record TableauDelais(Indicateur Indicateur, Selection Selection, IReadOnlyList<LigneDelai> Lignes, DateTime CalculeLe)
{
    public LigneDelai Total => Lignes[^1];

    /// <summary>What a median or quartile cell shows: "12 j", or "nd" under the minimum of files.</summary>
    public static string Texte(int? jours) => jours is { } j ? $"{Format.Nombre(j)} j" : "nd";
}

/// <summary>
/// The delays from the file's opening to a step (decision 0022): one grouped SQL query per step and breakdown returns the
/// distribution (territory, days, files), never the files; the median and the third quartile are read from it by nearest
/// rank. A median is shown only over <see cref="ReglesSecret.DenominateurMinimum"/> files or more; the numbers of files are
/// counts and follow the observatory's secrecy (small counts and the cells that would give them away masked).
/// </summary>
public sealed class CalculDelais(RaccrocheDbContext db, TimeProvider clock, CacheObservatoire cache)
{
    /// <summary>One cell of the distribution, as the database returns it.</summary>
    public sealed class Classe
    {
        public string? Cle { get; set; }
        public int Jours { get; set; }
        public long Nombre { get; set; }
    }

    /// <summary>Breakdowns of the delays: the region by PSAD or by département (the finest levels whose files are many enough).</summary>
    public static readonly IReadOnlyList<Ventilation> Ventilations = [Ventilation.Psad, Ventilation.Departement];

    public async Task<TableauDelais> CalculerAsync(Indicateur indicateur, Selection selection, ReglesSecret regles, CancellationToken ct = default)
    {
        var etape = indicateur.Etape ?? throw new ArgumentException("Not a delay indicator.", nameof(indicateur));
        var classes = await DistributionAsync(etape, selection.Annee, selection.Calendrier, selection.Ventilation, ct);
        var parCle = classes.GroupBy(c => c.Cle ?? CalculIndicateurs.Inconnu).ToDictionary(g => g.Key, g => g.Select(c => (c.Jours, c.Nombre)).ToList());
        var lignes = selection.Ventilation == Ventilation.Psad
            ? (await db.Psads.AsNoTracking().OrderBy(p => p.Code).Select(p => new { p.Id, p.Code, p.Nom }).ToListAsync(ct))
                .Select(p => new LigneTableau(p.Id.ToString(CultureInfo.InvariantCulture), $"{p.Code} – {p.Nom}")).ToList()
            : [.. parCle.Keys.Where(k => k != CalculIndicateurs.Inconnu).Order(StringComparer.Ordinal).Select(d => new LigneTableau(d, Departements.Nom(d) is { } n ? $"{d} – {n}" : d)),
                new(CalculIndicateurs.Inconnu, "commune non renseignée")];

        // The counts: one column and its total, masked like any table (the total is the region's, published).
        var histogrammes = lignes.Select(l => parCle.GetValueOrDefault(l.Cle) ?? []).ToList();
        histogrammes.Add([.. classes.GroupBy(c => c.Jours).Select(g => (g.Key, g.Sum(c => c.Nombre)))]);
        long?[] comptes = [.. histogrammes.Select(h => (long?)h.Sum(x => x.Nombre))];
        var masque = SecretStatistique.Appliquer(comptes, [new Somme(lignes.Count, [.. Enumerable.Range(0, lignes.Count)])], regles);
        var total = new LigneTableau("", "");
        var resultat = histogrammes.Select((h, i) =>
        {
            var n = comptes[i]!.Value;
            var publiable = regles.TauxPubliable(n);
            return new LigneDelai(i < lignes.Count ? lignes[i] : total, masque.Texte(i, regles), publiable ? Quantile(h, 0.5) : null, publiable ? Quantile(h, 0.75) : null);
        }).ToList();
        return new TableauDelais(indicateur, selection, resultat, clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>
    /// The quantile <paramref name="p"/> of a distribution by nearest rank: the smallest delay whose cumulated files reach
    /// ⌈p × n⌉ (the median of 1, 2, 9, 30 is 2; its third quartile 9). Null for no file.
    /// </summary>
    public static int? Quantile(IReadOnlyCollection<(int Jours, long Nombre)> distribution, double p)
    {
        var n = distribution.Sum(x => x.Nombre);
        if (n == 0)
        {
            return null;
        }

        var rang = (long)Math.Ceiling(p * n);
        long cumul = 0;
        foreach (var (jours, nombre) in distribution.OrderBy(x => x.Jours))
        {
            cumul += nombre;
            if (cumul >= Math.Max(1, rang))
            {
                return jours;
            }
        }

        return distribution.Max(x => x.Jours);
    }

    /// <summary>The distribution of a step's delays over the year's cohort, by row key, cached <see cref="ObservatoireOptions.CacheSecondes"/>.</summary>
    public async Task<IReadOnlyList<Classe>> DistributionAsync(Etape etape, int annee, Calendrier calendrier, Ventilation ventilation, CancellationToken ct)
    {
        var maintenant = clock.GetUtcNow().UtcDateTime;
        var cle = $"delais|{etape.Code()}|{annee}|{calendrier.Code()}|{ventilation.Code()}";
        if (cache.Lire<IReadOnlyList<Classe>>(cle, maintenant) is { } deja)
        {
            return deja;
        }

        var de = calendrier == Calendrier.Civil ? new DateOnly(annee, 1, 1) : new DateOnly(annee, 9, 1);
        List<Classe> classes = await db.Database.SqlQueryRaw<Classe>(Requete(db.Database.IsNpgsql(), etape, ventilation, de, de.AddYears(1))).ToListAsync(ct);
        cache.Ecrire(cle, (IReadOnlyList<Classe>)classes, maintenant);
        return classes;
    }

    /// <summary>
    /// The SQL of the distribution (no parameter: the dates are written by this code, the rest is constant): the files
    /// opened in [<paramref name="de"/>, <paramref name="a"/>) that reached the step, by row key and whole days between the
    /// day the file was opened and the day of the step's first occurrence (UTC days; a step dated before the opening counts 0).
    /// </summary>
    public static string Requete(bool postgres, Etape etape, Ventilation ventilation, DateOnly de, DateOnly a)
    {
        var (table, colonne, horodatage, condition) = etape switch
        {
            Etape.PremiereTentative => ("TentativesContact", "Quand", true, ""),
            Etape.Entretien => ("EntretiensSituation", "Date", false, ""),
            _ => ("SolutionsSuivi", "EntreeLe", false, "AND e.\"EntreeLe\" IS NOT NULL"),
        };
        string Jour(string expression, bool estHorodatage) => postgres
            ? estHorodatage ? $"CAST({expression} AT TIME ZONE 'UTC' AS date)" : expression
            : $"julianday(substr({expression}, 1, 10))";
        var ecart = postgres
            ? $"({Jour($"MIN(e.\"{colonne}\")", horodatage)} - {Jour("j.\"CreeLe\"", true)})"
            : $"CAST({Jour($"MIN(e.\"{colonne}\")", horodatage)} - {Jour("j.\"CreeLe\"", true)} AS INTEGER)";
        var cle = ventilation == Ventilation.Departement
            ? "CASE WHEN j.\"CodeInsee\" IS NULL THEN NULL WHEN j.\"CodeInsee\" LIKE '97%' THEN substr(j.\"CodeInsee\", 1, 3) ELSE substr(j.\"CodeInsee\", 1, 2) END"
            : "CAST(j.\"PsadId\" AS TEXT)";
        string Borne(DateOnly d) => postgres
            ? $"TIMESTAMPTZ '{d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} 00:00:00+00'"
            : $"'{d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} 00:00:00'";
        return $"""
            SELECT x.cle AS "Cle", CASE WHEN x.jours < 0 THEN 0 ELSE x.jours END AS "Jours", COUNT(*) AS "Nombre"
            FROM (
                SELECT {cle} AS cle, {ecart} AS jours
                FROM "JeunesSuivis" j JOIN "{table}" e ON e."JeuneSuiviId" = j."Id" {condition}
                WHERE j."CreeLe" >= {Borne(de)} AND j."CreeLe" < {Borne(a)}
                GROUP BY j."Id", j."CreeLe", j."PsadId", j."CodeInsee") x
            GROUP BY x.cle, CASE WHEN x.jours < 0 THEN 0 ELSE x.jours END
            """;
    }
}
