using System.Linq.Expressions;

namespace Raccroche.Web.Features.Decrocheurs;

/// <summary>The tabs of a work list: what the professional has to do next.</summary>
public enum Onglet
{
    [Valeur("a-traiter", "À traiter")] ATraiter,
    [Valeur("a-recontacter", "À recontacter")] ARecontacter,
    [Valeur("en-cours", "En cours")] EnCours,
    [Valeur("en-solution", "En solution")] EnSolution,

    /// <summary>Every open file, whatever its step (the four tabs above together): where a flag is read across steps.</summary>
    [Valeur("ouverts", "Tous les ouverts")] Ouverts,
    [Valeur("clotures", "Clôturés")] Clotures,

    /// <summary>Files with a check-in after a solution due or overdue (not a status: "en solution" and positive exits alike), the oldest due first.</summary>
    [Valeur("points-suivi", "Points de suivi à faire")] PointsSuivi,
}

/// <summary>The computed flags a list can be narrowed to (<see cref="Drapeaux"/>, here in SQL).</summary>
public enum FiltreDrapeau
{
    [Valeur("a-traiter", "À traiter (aucune action)")] ATraiter,
    [Valeur("a-recontacter", "À recontacter")] ARecontacter,
    [Valeur("en-retard", "En retard sur un délai")] EnRetard,
    [Valeur("sans-nouvelles", "Sans nouvelles")] SansNouvelles,
    [Valeur("prioritaire", "Prioritaires")] Prioritaire,
    [Valeur("obligation-formation", "Obligation de formation (16-17 ans)")] ObligationFormation,
    [Valeur("sortie-recente", "Sortis il y a moins de 6 mois")] SortieRecente,
    [Valeur("rappel", "Demande de rappel")] Rappel,
    [Valeur("relance-proposee", "Relance proposée")] RelanceProposee,
    [Valeur("sorti-sans-solution", "Sortis de leur solution (point de suivi)")] SortiSansSolution,
}

/// <summary>Age bands of the list's filter (age on the day the list is read).</summary>
public enum TrancheAge
{
    [Valeur("moins-18", "Moins de 18 ans")] Moins18,
    [Valeur("18-plus", "18 ans et plus")] Plus18,
    [Valeur("18-20", "18 à 20 ans")] De18A20,
    [Valeur("21-plus", "21 ans et plus")] Plus21,
}

/// <summary>What a work list is narrowed to; every filter is optional and all of them combine.</summary>
public sealed record FiltresDossiers
{
    /// <summary>One of the professional's PSADs (a coordinator of two, a référent of several).</summary>
    public int? PsadId { get; init; }
    public StatutDossier? Statut { get; init; }
    public FiltreDrapeau? Drapeau { get; init; }
    public TrancheAge? Age { get; init; }

    /// <summary>The last training's libellé, as SIEI wrote it (one of <see cref="ListeDossiers.FormationsAsync"/>).</summary>
    public string? Formation { get; init; }

    /// <summary>The last training's level ("infra-3", "3" … "8").</summary>
    public string? Niveau { get; init; }

    /// <summary>Files of the young people present on that livraison.</summary>
    public int? LivraisonId { get; init; }

    /// <summary>A commune's name, or its INSEE code (five letters or digits).</summary>
    public string? Commune { get; init; }

    public int? StructureId { get; init; }

    /// <summary>Only the files no structure handles yet.</summary>
    public bool SansStructure { get; init; }

    public string? ReferentId { get; init; }

    /// <summary>A name (any order of names, accents and case ignored) or an INE.</summary>
    public string? Recherche { get; init; }
}

/// <summary>A partner structure and its open files (the coordinator's view and the assignment list).</summary>
public sealed record ComptesStructure(int? Id, string Nom, bool Partenaire, int Ouverts, int EnRetard);

/// <summary>The coordinator's counts over the PSAD's files (no filter): no young person in them.</summary>
public sealed record TableauCoordination(
    IReadOnlyDictionary<StatutDossier, int> ParStatut,
    IReadOnlyList<ComptesStructure> ParStructure,
    IReadOnlyList<int> Anciennete,
    int EnRetard,
    int SansNouvelles,
    int NonAttribues,
    int AArbitrer)
{
    /// <summary>The ageing buckets of <see cref="Anciennete"/> (days in the current status, open files).</summary>
    public static readonly IReadOnlyList<string> TranchesAnciennete = ["moins de 15 jours", "15 à 30 jours", "31 à 60 jours", "plus de 60 jours"];

    public int Ouverts => ParStatut.Where(s => !CycleDossier.EstFinal(s.Key)).Sum(s => s.Value);
}

/// <summary>
/// The work lists of the follow-up as SQL, over the files <see cref="AccesSuivi"/> lets the professional see: every filter,
/// the counts per tab, the sort (priority, then the oldest arrival), one page of 50; and the coordinator's counts. The page,
/// the export and the benchmark all call it. The flags are the ones <see cref="Drapeaux.Calculer"/> computes, written as
/// predicates with each PSAD's own deadlines (<see cref="Psad.Reglages"/>): a test checks both agree on every file.
/// </summary>
public sealed class ListeDossiers(RaccrocheDbContext db)
{
    public const int ParPage = 50;

    public sealed record Ligne(JeuneSuivi Dossier, string? Structure);

    public sealed record Resultat(IReadOnlyDictionary<Onglet, int> Comptes, int Total, IReadOnlyList<Ligne> Lignes);

    /// <summary>The deadlines and thresholds of these PSADs (for the flags, in SQL and on the page).</summary>
    public async Task<Dictionary<int, ReglagesSuivi>> ReglagesAsync(IEnumerable<int> psads, CancellationToken ct = default)
    {
        var ids = psads.Distinct().ToList();
        return ids.Count == 0 ? [] : await db.Psads.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Reglages, ct);
    }

    /// <summary>The counts of every tab under the filters, and one page of the tab, sorted.</summary>
    public async Task<Resultat> ChargerAsync(IQueryable<JeuneSuivi> visibles, IReadOnlyDictionary<int, ReglagesSuivi> reglages, FiltresDossiers filtres, Onglet onglet, int page, DateOnly aujourdhui, CancellationToken ct = default)
    {
        var q = Filtrer(visibles, filtres, aujourdhui, reglages);
        var parStatut = await q.GroupBy(j => new { j.Statut, Neuf = j.NombreTentatives == 0 })
            .Select(g => new { g.Key.Statut, g.Key.Neuf, Nombre = g.Count() }).ToListAsync(ct);
        var comptes = ValeursFermees.Toutes<Onglet>().ToDictionary(o => o, o => parStatut.Where(x => Dans(o, x.Statut, x.Neuf)).Sum(x => x.Nombre));
        comptes[Onglet.PointsSuivi] = await AvecPointDu(q, aujourdhui).CountAsync(ct);
        // The page's 50 ids first, then their rows: the sort reads only columns of the lists' index (an index-only scan on
        // PostgreSQL), and only 50 files are read whole instead of every file of the tab.
        var ids = await TrierOnglet(q, onglet, aujourdhui).Skip((Math.Max(page, 1) - 1) * ParPage).Take(ParPage).Select(j => j.Id).ToListAsync(ct);
        var rang = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var lignes = ids.Count == 0 ? [] : (await Lignes(db.JeunesSuivis.Where(j => ids.Contains(j.Id))).ToListAsync(ct)).OrderBy(l => rang[l.Dossier.Id]).ToList();
        return new Resultat(comptes, comptes[onglet], lignes);
    }

    /// <summary>The last trainings of these files, the most frequent first (the choices of the filter).</summary>
    public async Task<IReadOnlyList<string>> FormationsAsync(IQueryable<JeuneSuivi> visibles, CancellationToken ct = default) =>
        await visibles.Where(j => j.Formation != null).GroupBy(j => j.Formation!).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Take(200).Select(g => g.Key).ToListAsync(ct);

    /// <summary>Every file of the tab under the filters, sorted as on the page (the export).</summary>
    public IQueryable<Ligne> Tout(IQueryable<JeuneSuivi> visibles, IReadOnlyDictionary<int, ReglagesSuivi> reglages, FiltresDossiers filtres, Onglet onglet, DateOnly aujourdhui) =>
        Lignes(TrierOnglet(Filtrer(visibles, filtres, aujourdhui, reglages), onglet, aujourdhui));

    /// <summary>The files of the tab, in its order: the check-ins' tab by the oldest check-in due, the others by priority then arrival.</summary>
    private IQueryable<JeuneSuivi> TrierOnglet(IQueryable<JeuneSuivi> q, Onglet onglet, DateOnly aujourdhui) => onglet == Onglet.PointsSuivi
        ? AvecPointDu(q, aujourdhui).OrderBy(j => db.PointsSuivi.Where(p => p.JeuneSuiviId == j.Id && p.FaitLe == null && p.AnnuleLe == null && p.Echeance <= aujourdhui).Min(p => (DateOnly?)p.Echeance)).ThenBy(j => j.Id)
        : Trier(DansOnglet(q, onglet), aujourdhui);

    /// <summary>The files with a check-in due or overdue on <paramref name="aujourdhui"/> (<see cref="PointsSuivi.Dus"/>).</summary>
    private IQueryable<JeuneSuivi> AvecPointDu(IQueryable<JeuneSuivi> q, DateOnly aujourdhui) =>
        q.Where(j => db.PointsSuivi.Any(p => p.JeuneSuiviId == j.Id && p.FaitLe == null && p.AnnuleLe == null && p.Echeance <= aujourdhui));

    /// <summary>For the rows shown: each file's oldest check-in due on <paramref name="aujourdhui"/> (months after the entry, due date).</summary>
    public async Task<Dictionary<int, (int Mois, DateOnly Echeance)>> PointsDusAsync(IReadOnlyCollection<int> ids, DateOnly aujourdhui, CancellationToken ct = default)
    {
        var dus = await db.PointsSuivi.AsNoTracking().Where(p => ids.Contains(p.JeuneSuiviId) && p.FaitLe == null && p.AnnuleLe == null && p.Echeance <= aujourdhui)
            .Select(p => new { p.JeuneSuiviId, p.Mois, p.Echeance }).ToListAsync(ct);
        return dus.GroupBy(p => p.JeuneSuiviId).ToDictionary(g => g.Key, g => g.OrderBy(p => p.Echeance).Select(p => (p.Mois, p.Echeance)).First());
    }

    private IQueryable<Ligne> Lignes(IQueryable<JeuneSuivi> q) =>
        q.Select(j => new Ligne(j, db.Structures.Where(s => s.Id == j.StructureId).Select(s => s.Nom).FirstOrDefault()));

    /// <summary>
    /// The coordinator's counts over <paramref name="visibles"/> (their PSADs' files): per status, per structure (open and
    /// late files), ageing of the open files, late, silent and unassigned files, and the rows waiting for arbitration.
    /// </summary>
    public async Task<TableauCoordination> CompterAsync(IQueryable<JeuneSuivi> visibles, IReadOnlyDictionary<int, ReglagesSuivi> reglages, IReadOnlyList<int> psads, DateOnly aujourdhui, CancellationToken ct = default)
    {
        var b15 = HeureParis.DebutDuJour(aujourdhui.AddDays(-14));
        var b30 = HeureParis.DebutDuJour(aujourdhui.AddDays(-30));
        var b60 = HeureParis.DebutDuJour(aujourdhui.AddDays(-60));
        // One pass over the files: status x ageing x structure, with the late and silent files counted in the same rows
        // (seven commands before; the late and silent predicates are the flags' own, see Predicat).
        Expression<Func<JeuneSuivi, bool, bool, Compte>> modele = (j, retard, silence) => new Compte
        {
            Statut = j.Statut,
            Tranche = j.StatutDepuis >= b15 ? 0 : j.StatutDepuis >= b30 ? 1 : j.StatutDepuis >= b60 ? 2 : 3,
            StructureId = j.StructureId,
            Retard = retard ? 1 : 0,
            Silence = silence ? 1 : 0,
        };
        var ligne = Expression.Lambda<Func<JeuneSuivi, Compte>>(
            new Remplacement(modele.Parameters[1], Corps(Predicat(FiltreDrapeau.EnRetard, aujourdhui, reglages), modele.Parameters[0]))
                .Visit(new Remplacement(modele.Parameters[2], Corps(Predicat(FiltreDrapeau.SansNouvelles, aujourdhui, reglages), modele.Parameters[0])).Visit(modele.Body)),
            modele.Parameters[0]);
        var groupes = await visibles.Select(ligne)
            .GroupBy(c => new { c.Statut, c.Tranche, c.StructureId })
            .Select(g => new { g.Key.Statut, g.Key.Tranche, g.Key.StructureId, Nombre = g.Count(), Retards = g.Sum(c => c.Retard), Silences = g.Sum(c => c.Silence) })
            .ToListAsync(ct);
        var parStatut = groupes.Select(g => new { g.Statut, g.Tranche, g.Nombre }).ToList();
        var ouverts = groupes.Where(g => !CycleDossier.EstFinal(g.Statut)).ToList();
        var charges = ouverts.GroupBy(g => g.StructureId).Select(g => new { g.Key, Nombre = g.Sum(x => x.Nombre) }).ToList();
        var retards = ouverts.GroupBy(g => g.StructureId).Select(g => new { g.Key, Nombre = g.Sum(x => x.Retards) }).ToList();
        var sansNouvelles = groupes.Sum(g => g.Silences);
        var partenaires = await db.Set<PartenairePsad>().Where(p => psads.Contains(p.PsadId))
            .Select(p => new { p.StructureId, p.Structure!.Nom }).Distinct().ToListAsync(ct);
        var aArbitrer = await db.SituationsSiei.CountAsync(s => s.JeuneSuiviId == null && s.Issue == IssueSituation.AArbitrer && db.Livraisons.Any(l => l.Id == s.LivraisonId && psads.Contains(l.PsadId)), ct);

        int Charge(int? structure) => charges.Where(c => c.Key == structure).Sum(c => c.Nombre);
        int Retard(int? structure) => retards.Where(c => c.Key == structure).Sum(c => c.Nombre);
        var fr = StringComparer.Create(new("fr-FR"), true);
        List<ComptesStructure> parStructure = [.. partenaires.OrderBy(p => p.Nom, fr).Select(p => new ComptesStructure(p.StructureId, p.Nom, true, Charge(p.StructureId), Retard(p.StructureId)))];

        // Files of a structure that is no longer a partner still count, under their own line.
        var anciens = charges.Where(c => c.Key is not null && partenaires.All(p => p.StructureId != c.Key)).Select(c => c.Key!.Value).ToList();
        if (anciens.Count > 0)
        {
            var noms = await db.Structures.Where(s => anciens.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Nom, ct);
            parStructure.AddRange(anciens.Select(a => new ComptesStructure(a, noms.GetValueOrDefault(a, "structure"), false, Charge(a), Retard(a))));
        }

        if (Charge(null) > 0)
        {
            parStructure.Add(new ComptesStructure(null, "Non attribués", false, Charge(null), Retard(null)));
        }

        return new TableauCoordination(
            ValeursFermees.Toutes<StatutDossier>().ToDictionary(s => s, s => parStatut.Where(x => x.Statut == s).Sum(x => x.Nombre)),
            parStructure,
            [.. Enumerable.Range(0, 4).Select(t => parStatut.Where(x => x.Tranche == t && !CycleDossier.EstFinal(x.Statut)).Sum(x => x.Nombre))],
            retards.Sum(r => r.Nombre),
            sansNouvelles,
            parStatut.Where(x => x.Statut == StatutDossier.AAttribuer).Sum(x => x.Nombre),
            aArbitrer);
    }

    /// <summary>One row of the coordinator's single counting pass, before grouping.</summary>
    private sealed class Compte
    {
        public StatutDossier Statut { get; init; }
        public int Tranche { get; init; }
        public int? StructureId { get; init; }
        public int Retard { get; init; }
        public int Silence { get; init; }
    }

    /// <summary>The body of a predicate over <paramref name="j"/> instead of its own parameter.</summary>
    private static Expression Corps(Expression<Func<JeuneSuivi, bool>> predicat, ParameterExpression j) =>
        new Remplacement(predicat.Parameters[0], j).Visit(predicat.Body);

    /// <summary>Every filter as a SQL predicate.</summary>
    public IQueryable<JeuneSuivi> Filtrer(IQueryable<JeuneSuivi> q, FiltresDossiers f, DateOnly aujourdhui, IReadOnlyDictionary<int, ReglagesSuivi> reglages)
    {
        if (f.PsadId is { } psad)
        {
            q = q.Where(j => j.PsadId == psad);
        }

        if (f.Statut is { } statut)
        {
            q = q.Where(j => j.Statut == statut);
        }

        if (f.Drapeau is { } drapeau)
        {
            q = q.Where(Predicat(drapeau, aujourdhui, reglages));
        }

        var n18 = Drapeaux.NeAvant(aujourdhui, 18);
        var n21 = Drapeaux.NeAvant(aujourdhui, 21);
        q = f.Age switch
        {
            TrancheAge.Moins18 => q.Where(j => j.DateNaissance > n18),
            TrancheAge.Plus18 => q.Where(j => j.DateNaissance <= n18),
            TrancheAge.De18A20 => q.Where(j => j.DateNaissance <= n18 && j.DateNaissance > n21),
            TrancheAge.Plus21 => q.Where(j => j.DateNaissance <= n21),
            _ => q,
        };

        if (Saisie.Nettoyer(f.Formation) is { } formation)
        {
            q = q.Where(j => j.Formation == formation);
        }

        if (Saisie.Nettoyer(f.Niveau) is { } niveau)
        {
            q = q.Where(j => j.NiveauFormation == niveau);
        }

        if (f.LivraisonId is { } livraison)
        {
            q = q.Where(j => db.SituationsSiei.Any(s => s.LivraisonId == livraison && s.JeuneSuiviId == j.Id));
        }

        if (Saisie.Nettoyer(f.Commune) is { } commune)
        {
            q = commune.Length == 5 && commune.All(char.IsAsciiLetterOrDigit) ? q.Where(j => j.CodeInsee == commune.ToUpperInvariant()) : q.Where(j => j.Commune == commune);
        }

        if (f.SansStructure)
        {
            q = q.Where(j => j.StructureId == null);
        }
        else if (f.StructureId is { } structure)
        {
            q = q.Where(j => j.StructureId == structure);
        }

        if (Saisie.Nettoyer(f.ReferentId) is { } referent)
        {
            q = q.Where(j => j.ReferentId == referent);
        }

        if (Saisie.Nettoyer(f.Recherche) is { } texte)
        {
            var ine = texte.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
            var mots = Rapprochement.Cle(texte).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(4).ToList();
            if (mots.Count == 0)
            {
                q = q.Where(j => j.Ine == ine);
            }
            else
            {
                // Every word of the search within the folded names (any order), or the INE.
                Expression<Func<JeuneSuivi, bool>> noms = j => j.NomRecherche != null;
                foreach (var m in mots)
                {
                    var mot = m;
                    noms = Et(noms, j => j.NomRecherche!.Contains(mot));
                }

                q = q.Where(Ou(noms, j => j.Ine == ine));
            }
        }

        return q;
    }

    /// <summary>The priority first (<see cref="Drapeaux.Priorites"/>), then the oldest arrival, then the file number.</summary>
    public static IOrderedQueryable<JeuneSuivi> Trier(IQueryable<JeuneSuivi> q, DateOnly aujourdhui) =>
        q.OrderBy(Rang(Predicat(FiltreDrapeau.Prioritaire, aujourdhui, new Dictionary<int, ReglagesSuivi>()))).ThenBy(j => j.ArriveLe).ThenBy(j => j.Id);

    private static Expression<Func<JeuneSuivi, int>> Rang(Expression<Func<JeuneSuivi, bool>> prioritaire) =>
        Expression.Lambda<Func<JeuneSuivi, int>>(Expression.Condition(prioritaire.Body, Expression.Constant(0), Expression.Constant(1)), prioritaire.Parameters);

    /// <summary>
    /// A flag as a predicate, true of exactly the files <see cref="Drapeaux.Calculer"/> flags so on <paramref name="aujourdhui"/>;
    /// deadlines are each PSAD's (<paramref name="reglages"/>: a file of a PSAD missing there is never late nor silent).
    /// </summary>
    public static Expression<Func<JeuneSuivi, bool>> Predicat(FiltreDrapeau drapeau, DateOnly aujourdhui, IReadOnlyDictionary<int, ReglagesSuivi> reglages)
    {
        var n18 = Drapeaux.NeAvant(aujourdhui, 18);
        var n16 = Drapeaux.NeAvant(aujourdhui, 16);
        var sortie = aujourdhui.AddMonths(-6);
        Expression<Func<JeuneSuivi, bool>> mineur = j => j.DateNaissance > n18 && j.DateNaissance <= n16;
        Expression<Func<JeuneSuivi, bool>> recente = j => j.DateSortie > sortie;
        Expression<Func<JeuneSuivi, bool>> rappel = j => j.RappelDemandeLe != null && j.Statut != StatutDossier.Cloture && j.Statut != StatutDossier.Transfere && j.Statut != StatutDossier.Annule;
        Expression<Func<JeuneSuivi, bool>> sorti = j => j.SortiSansSolutionLe != null && j.Statut != StatutDossier.Cloture && j.Statut != StatutDossier.Transfere && j.Statut != StatutDossier.Annule;
        return drapeau switch
        {
            FiltreDrapeau.ATraiter => j => j.NombreTentatives == 0 && (j.Statut == StatutDossier.AAttribuer || j.Statut == StatutDossier.AContacter),
            FiltreDrapeau.ARecontacter => j => j.Statut == StatutDossier.ContactEnCours,
            FiltreDrapeau.ObligationFormation => mineur,
            FiltreDrapeau.SortieRecente => recente,
            FiltreDrapeau.Rappel => rappel,
            FiltreDrapeau.SortiSansSolution => sorti,
            FiltreDrapeau.Prioritaire => Ou(Ou(Ou(mineur, recente), rappel), sorti),
            FiltreDrapeau.EnRetard => ParPsad(reglages, r =>
            {
                var premiere = HeureParis.DebutDuJour(aujourdhui.AddDays(-r.DelaiPremiereTentativeJours));
                var entretien = HeureParis.DebutDuJour(aujourdhui.AddDays(-r.DelaiEntretienJours));
                var solution = HeureParis.DebutDuJour(aujourdhui.AddDays(-r.DelaiSolutionJours));
                return j => ((j.Statut == StatutDossier.AAttribuer || j.Statut == StatutDossier.AContacter) && j.NombreTentatives == 0 && j.ArriveLe < premiere)
                    || ((j.Statut == StatutDossier.Joint || j.Statut == StatutDossier.EntretienPlanifie) && j.StatutDepuis < entretien)
                    || ((j.Statut == StatutDossier.EntretienRealise || j.Statut == StatutDossier.SolutionProposee) && j.StatutDepuis < solution);
            }),
            // RelancesSuivi.Proposee: "à contacter" past the first-attempt deadline, or "contact en cours" silent for the reminder delay.
            FiltreDrapeau.RelanceProposee => ParPsad(reglages, r =>
            {
                var premiere = HeureParis.DebutDuJour(aujourdhui.AddDays(-r.DelaiPremiereTentativeJours));
                var silence = HeureParis.DebutDuJour(aujourdhui.AddDays(1 - r.DelaiRelanceJours));
                return j => j.NePasContacterLe == null && j.Relances < RelancesSuivi.Maximum && j.AnonymiseLe == null && j.StructureId != null
                    && ((j.Statut == StatutDossier.AContacter && j.ArriveLe < premiere)
                        || (j.Statut == StatutDossier.ContactEnCours && (j.DerniereActionLe ?? j.ArriveLe) < silence));
            }),
            FiltreDrapeau.SansNouvelles => ParPsad(reglages, r =>
            {
                // Silent for N days or more: the last action (or the arrival) on a day before today - N + 1.
                var borne = HeureParis.DebutDuJour(aujourdhui.AddDays(1 - r.SansNouvellesJours));
                return j => j.Statut != StatutDossier.Cloture && j.Statut != StatutDossier.Transfere && j.Statut != StatutDossier.Annule
                    && (j.DerniereActionLe ?? j.ArriveLe) < borne;
            }),
            _ => j => false,
        };
    }

    /// <summary>One predicate per group of PSADs sharing the same settings, joined by OR (a coordinator has one or two PSADs).</summary>
    private static Expression<Func<JeuneSuivi, bool>> ParPsad(IReadOnlyDictionary<int, ReglagesSuivi> reglages, Func<ReglagesSuivi, Expression<Func<JeuneSuivi, bool>>> predicat)
    {
        Expression<Func<JeuneSuivi, bool>>? tout = null;
        foreach (var groupe in reglages.GroupBy(r => Cle(r.Value), r => r).OrderBy(g => g.Min(r => r.Key)))
        {
            var ids = groupe.Select(r => r.Key).Order().ToList();
            var p = Et(j => ids.Contains(j.PsadId), predicat(groupe.First().Value));
            tout = tout is null ? p : Ou(tout, p);
        }

        return tout ?? (j => false);
    }

    private static string Cle(ReglagesSuivi r) => string.Join('/', ReglagesSuivi.Champs.Select(c => c.Lire(r)));

    private static Expression<Func<JeuneSuivi, bool>> Et(Expression<Func<JeuneSuivi, bool>> a, Expression<Func<JeuneSuivi, bool>> b) =>
        Joindre(a, b, Expression.AndAlso);

    private static Expression<Func<JeuneSuivi, bool>> Ou(Expression<Func<JeuneSuivi, bool>> a, Expression<Func<JeuneSuivi, bool>> b) =>
        Joindre(a, b, Expression.OrElse);

    private static Expression<Func<JeuneSuivi, bool>> Joindre(Expression<Func<JeuneSuivi, bool>> a, Expression<Func<JeuneSuivi, bool>> b, Func<Expression, Expression, BinaryExpression> operateur)
    {
        var j = a.Parameters[0];
        return Expression.Lambda<Func<JeuneSuivi, bool>>(operateur(a.Body, new Remplacement(b.Parameters[0], j).Visit(b.Body)), j);
    }

    private sealed class Remplacement(ParameterExpression de, Expression par) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == de ? par : base.VisitParameter(node);
    }

    /// <summary>
    /// Is a file of status <paramref name="s"/> (no attempt yet when <paramref name="neuf"/>) in tab <paramref name="o"/>? The
    /// status tabs share the files out; the check-ins' tab is not a status (its files are in "en solution" or "clôturés" too).
    /// </summary>
    public static bool Dans(Onglet o, StatutDossier s, bool neuf) => o switch
    {
        Onglet.PointsSuivi => false,
        Onglet.ATraiter => neuf && s is StatutDossier.AAttribuer or StatutDossier.AContacter,
        Onglet.ARecontacter => s is StatutDossier.ContactEnCours,
        Onglet.EnSolution => s is StatutDossier.EnSolution,
        Onglet.Clotures => CycleDossier.EstFinal(s),
        Onglet.Ouverts => !CycleDossier.EstFinal(s),
        _ => !(neuf && s is StatutDossier.AAttribuer or StatutDossier.AContacter) && s is not (StatutDossier.ContactEnCours or StatutDossier.EnSolution) && !CycleDossier.EstFinal(s),
    };

    public static IQueryable<JeuneSuivi> DansOnglet(IQueryable<JeuneSuivi> q, Onglet o) => o switch
    {
        Onglet.PointsSuivi => throw new ArgumentException("the check-ins' tab is not a status: read it through ChargerAsync or Tout", nameof(o)),
        Onglet.ATraiter => q.Where(j => j.NombreTentatives == 0 && (j.Statut == StatutDossier.AAttribuer || j.Statut == StatutDossier.AContacter)),
        Onglet.ARecontacter => q.Where(j => j.Statut == StatutDossier.ContactEnCours),
        Onglet.EnSolution => q.Where(j => j.Statut == StatutDossier.EnSolution),
        Onglet.Clotures => q.Where(j => j.Statut == StatutDossier.Cloture || j.Statut == StatutDossier.Transfere || j.Statut == StatutDossier.Annule),
        Onglet.Ouverts => q.Where(j => j.Statut != StatutDossier.Cloture && j.Statut != StatutDossier.Transfere && j.Statut != StatutDossier.Annule),
        _ => q.Where(j => !(j.NombreTentatives == 0 && (j.Statut == StatutDossier.AAttribuer || j.Statut == StatutDossier.AContacter))
            && j.Statut != StatutDossier.ContactEnCours && j.Statut != StatutDossier.EnSolution
            && j.Statut != StatutDossier.Cloture && j.Statut != StatutDossier.Transfere && j.Statut != StatutDossier.Annule),
    };
}
