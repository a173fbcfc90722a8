using Raccroche.Web.Features.Decrocheurs;
using Raccroche.Web.Features.Observatoire;

namespace Raccroche.Web.Features.Resultats;

/// <summary>
/// One establishment of origin's row of the feedback, masked: its former pupils found on the PSAD's lists, those in a
/// solution today, those not (yet), and those in a solution by its kind (the kind of the latest solution entered; "non
/// précisé" when the file was closed as a positive exit without one). Cells: found, in a solution, not in one, then one per
/// <see cref="TypeSolution"/> and the unspecified one; each row is its own table ("found = in + not in", "in = Σ kinds"),
/// and no total across schools is published, so no small count of a school can be recomputed from the others.
/// </summary>
public sealed record LigneEtablissement(string Uai, TableauMasque Cellules)
{
    public const int Reperes = 0, EnSolution = 1, SansSolution = 2;

    public static readonly IReadOnlyList<TypeSolution> Types = ValeursFermees.Toutes<TypeSolution>();

    public static int Type(int k) => 3 + k;

    public static int NonPrecise => 3 + Types.Count;

    public static int Colonnes => 4 + Types.Count;

    public string Texte(int colonne, ReglesSecret regles) => Cellules.Texte(colonne, regles);

    /// <summary>The share of the pupils found who are in a solution, with at least <see cref="ReglesSecret.DenominateurMinimum"/> found and both counts published.</summary>
    public string? Taux(ReglesSecret regles) =>
        Cellules.Valeurs[Reperes] is { } r && regles.TauxPubliable(r) && Cellules.Valeurs[EnSolution] is { } s ? Format.Pourcentage(100.0 * s / r) : null;
}

/// <summary>
/// The feedback to schools of origin (issue 11, §4) for one PSAD: per UAI, counts only, no name. The files counted are the
/// PSAD's files still identified (an anonymised file has lost its UAI), neither transferred (the receiving PSAD counts
/// them) nor cancelled. "In a solution" is the observatory's definition: "en solution", or closed as a positive exit.
/// </summary>
public sealed class RetourEtablissements(RaccrocheDbContext db, IOptions<ObservatoireOptions> secret)
{
    public ReglesSecret Regles => secret.Value.Regles;

    public async Task<IReadOnlyList<LigneEtablissement>> ChargerAsync(int psadId, CancellationToken ct = default)
    {
        // One row per file, three narrow columns (no identity): the PSAD's files, grouped in memory by school.
        var dossiers = await db.JeunesSuivis.AsNoTracking()
            .Where(j => j.PsadId == psadId && j.AnonymiseLe == null && j.EtablissementUai != null
                && j.Statut != StatutDossier.Transfere && j.Statut != StatutDossier.Annule)
            .Select(j => new
            {
                Uai = j.EtablissementUai!,
                EnSolution = j.Statut == StatutDossier.EnSolution || (j.Statut == StatutDossier.Cloture && j.MotifCloture == MotifCloture.SortiePositive),
                Type = db.SolutionsSuivi.Where(s => s.JeuneSuiviId == j.Id && s.EntreeLe != null)
                    .OrderByDescending(s => s.EntreeLe).ThenByDescending(s => s.Id).Select(s => (TypeSolution?)s.Type).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var regles = Regles;
        return [.. dossiers.GroupBy(d => d.Uai).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var valeurs = new long?[LigneEtablissement.Colonnes];
            var enSolution = g.Where(d => d.EnSolution).ToList();
            valeurs[LigneEtablissement.Reperes] = g.Count();
            valeurs[LigneEtablissement.EnSolution] = enSolution.Count;
            valeurs[LigneEtablissement.SansSolution] = g.Count() - enSolution.Count;
            for (var k = 0; k < LigneEtablissement.Types.Count; k++)
            {
                valeurs[LigneEtablissement.Type(k)] = enSolution.Count(d => d.Type == LigneEtablissement.Types[k]);
            }

            valeurs[LigneEtablissement.NonPrecise] = enSolution.Count(d => d.Type is null);
            Somme[] sommes =
            [
                new(LigneEtablissement.Reperes, [LigneEtablissement.EnSolution, LigneEtablissement.SansSolution]),
                new(LigneEtablissement.EnSolution, [.. Enumerable.Range(0, LigneEtablissement.Types.Count).Select(LigneEtablissement.Type), LigneEtablissement.NonPrecise]),
            ];
            return new LigneEtablissement(g.Key, SecretStatistique.Appliquer(valeurs, sommes, regles));
        })];
    }
}
