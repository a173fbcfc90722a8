using Raccroche.Web.Features.Journal;

namespace Raccroche.Web.Features.Decrocheurs;

/// <summary>
/// The obligation de formation work list (<c>/pro/decrocheurs/obligation</c>): the minors of the files this professional
/// handles whose next legal step (entretien proposé, convocation, transmission) is due within <see cref="Horizon"/> days
/// or overdue, soonest first; narrowed, like the work list and with the same names in the URL, to one PSAD (<c>psad</c>), one
/// structure (<c>structure</c>, <c>aucune</c> for the unassigned files) or one référent (<c>referent</c>): the weekly digest links
/// here. The clock is <see cref="ObligationFormation"/>'s; the list read is audited with the files it shows.
/// </summary>
public sealed class ObligationModel(AccesSuivi acces, RaccrocheDbContext db, Tracabilite journal, TimeProvider clock) : PageModel
{
    /// <summary>Steps due within this many days are listed with the overdue ones (a week to prepare a letter).</summary>
    public const int Horizon = 7;

    public sealed record Ligne(int Id, string Nom, int Age, string? Structure, StatutObligation Statut, EtapeObligation Etape, DateOnly Echeance, int Retard,
        int PsadId, int? StructureId, string? ReferentId);

    public IReadOnlyList<Ligne> Lignes { get; private set; } = [];
    public DateOnly Aujourdhui { get; private set; }

    [BindProperty(SupportsGet = true, Name = "psad")] public int? Psad { get; set; }
    [BindProperty(SupportsGet = true, Name = "structure")] public string? Structure { get; set; }
    [BindProperty(SupportsGet = true, Name = "referent")] public string? Referent { get; set; }

    /// <summary>The list is narrowed by one of the filters above (the page says so and links to the whole list).</summary>
    public bool Restreinte => Psad is not null || Saisie.Nettoyer(Structure) is not null || Saisie.Nettoyer(Referent) is not null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if ((await acces.PsadsTraitesAsync(ct)).Count == 0)
        {
            return NotFound();
        }

        Aujourdhui = HeureParis.Jour(clock.GetUtcNow().UtcDateTime);
        var traites = await acces.DossiersTraitesAsync(ct);
        if (Psad is { } psad)
        {
            traites = traites.Where(j => j.PsadId == psad);
        }

        if (Saisie.Nettoyer(Structure) == "aucune")
        {
            traites = traites.Where(j => j.StructureId == null);
        }
        else if (int.TryParse(Structure, NumberStyles.None, CultureInfo.InvariantCulture, out var structure))
        {
            traites = traites.Where(j => j.StructureId == structure);
        }

        if (Saisie.Nettoyer(Referent) is { } referent)
        {
            traites = traites.Where(j => j.ReferentId == referent);
        }

        Lignes = await ChargerAsync(db, traites, Aujourdhui, ct);
        await journal.EcrireAsync(Tracabilite.Lecture, "dossiers-suivi", "obligation",
            $"liste de l'obligation de formation ({Lignes.Count}) : {string.Join(", ", Lignes.Select(l => l.Id))}", ct: ct);
        return Page();
    }

    /// <summary>
    /// The minors among <paramref name="traites"/> with a step due by <paramref name="aujourdhui"/> + <see cref="Horizon"/>:
    /// SQL keeps the files whose clock may run (under 18, at least 16, not transferred, cancelled, satisfied, exempted nor
    /// transmitted), the clock itself runs in C# with each PSAD's settings.
    /// </summary>
    public static async Task<IReadOnlyList<Ligne>> ChargerAsync(RaccrocheDbContext db, IQueryable<JeuneSuivi> traites, DateOnly aujourdhui, CancellationToken ct)
    {
        var majeur = ObligationFormation.BorneMajorite(aujourdhui);
        var seize = Drapeaux.NeAvant(aujourdhui, 16);
        var candidats = await traites.AsNoTracking()
            .Where(j => j.DateNaissance > majeur && j.DateNaissance <= seize
                && j.Statut != StatutDossier.Transfere && j.Statut != StatutDossier.Annule
                && j.TransmissionLe == null
                && j.ObligationStatut != StatutObligation.Satisfaite && j.ObligationStatut != StatutObligation.Exemptee
                && !(j.Statut == StatutDossier.Cloture && j.MotifCloture == MotifCloture.DejaAccompagne))
            .Select(j => new
            {
                Dossier = j,
                Solution = db.SolutionsSuivi.Where(s => s.JeuneSuiviId == j.Id && s.Statut == StatutSolution.Entree).OrderByDescending(s => s.StatutDepuis).Select(s => (TypeSolution?)s.Type).FirstOrDefault(),
                Structure = db.Structures.Where(s => s.Id == j.StructureId).Select(s => s.Nom).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var psads = candidats.Select(c => c.Dossier.PsadId).Distinct().ToList();
        var reglages = (await db.Psads.AsNoTracking().Where(p => psads.Contains(p.Id)).Select(p => new { p.Id, p.Reglages }).ToListAsync(ct)).ToDictionary(p => p.Id, p => p.Reglages);
        var limite = aujourdhui.AddDays(Horizon);
        var francais = StringComparer.Create(new("fr-FR"), true);
        return [.. candidats
            .Select(c => (c.Dossier, c.Structure, Etat: ObligationFormation.Calculer(c.Dossier, c.Solution, aujourdhui, reglages[c.Dossier.PsadId])))
            .Where(x => x.Etat.Prochaine is not null && x.Etat.Echeance <= limite)
            .Select(x => new Ligne(
                x.Dossier.Id,
                $"{x.Dossier.Prenom} {x.Dossier.Nom?.ToUpperInvariant()}".Trim() is { Length: > 0 } n ? n : $"INE {x.Dossier.Ine}",
                Drapeaux.Age(x.Dossier.DateNaissance!.Value, aujourdhui),
                x.Structure,
                x.Etat.Statut,
                x.Etat.Prochaine!.Value,
                x.Etat.Echeance!.Value,
                Math.Max(0, aujourdhui.DayNumber - x.Etat.Echeance!.Value.DayNumber),
                x.Dossier.PsadId,
                x.Dossier.StructureId,
                x.Dossier.ReferentId))
            .OrderBy(l => l.Echeance).ThenBy(l => l.Nom, francais).ThenBy(l => l.Id)];
    }
}
