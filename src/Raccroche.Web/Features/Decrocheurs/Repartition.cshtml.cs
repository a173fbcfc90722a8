using Raccroche.Web.Features.Journal;

namespace Raccroche.Web.Features.Decrocheurs;

/// <summary>
/// The dispatch rules of a PSAD (<c>/pro/decrocheurs/repartition</c>, its coordinators only): listed in the order they are
/// tried, added, deleted, moved up or down with plain forms. Every change is audited. Others get 404.
/// </summary>
public sealed partial class RepartitionModel(AccesSuivi acces, RaccrocheDbContext db, Tracabilite journal) : PageModel
{
    public const int ReglesMax = 50;

    public sealed record Ligne(RegleRepartition Regle, int Numero, string Structure, bool Partenaire);

    public IReadOnlyList<(int Id, string Code, string Nom)> Psads { get; private set; } = [];
    public (int Id, string Code, string Nom)? Choisie { get; private set; }
    public IReadOnlyList<Ligne> Regles { get; private set; } = [];
    public IReadOnlyList<(int Id, string Nom)> Partenaires { get; private set; } = [];
    public IReadOnlyList<string> Territoire { get; private set; } = [];
    public Erreurs Erreurs { get; } = new();

    [BindProperty(SupportsGet = true, Name = "psad")] public string? Psad { get; set; }
    [BindProperty] public string? Critere { get; set; }
    [BindProperty] public string? Codes { get; set; }
    [BindProperty] public int? StructureId { get; set; }
    [BindProperty] public int RegleId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ChargerAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAjouterAsync(CancellationToken ct)
    {
        if (!await ChargerAsync(ct) || Choisie is not { } p)
        {
            return NotFound();
        }

        var critere = ValeursFermees.Lire<CritereRepartition>(Critere);
        if (critere is null)
        {
            Erreurs.Ajouter("critere", "Choisissez le critère de la règle.");
        }

        if (StructureId is null || Partenaires.All(x => x.Id != StructureId))
        {
            Erreurs.Ajouter("structure", "Choisissez une structure partenaire de la PSAD.");
        }

        var codes = LireCodes(critere, Codes, Erreurs);
        if (Regles.Count >= ReglesMax)
        {
            Erreurs.Ajouter("critere", $"Une PSAD a {ReglesMax} règles au plus : supprimez-en une avant d'en ajouter.");
        }

        if (Erreurs.Any)
        {
            return Page();
        }

        var ordre = Regles.Count == 0 ? 1 : Regles.Max(r => r.Regle.Ordre) + 1;
        db.ReglesRepartition.Add(new RegleRepartition { PsadId = p.Id, Ordre = ordre, Critere = critere!.Value, Codes = codes, StructureId = StructureId!.Value });
        journal.Ajouter(Tracabilite.Creation, "regle-repartition", p.Code, $"règle {critere.Value.Code()}{(codes.Count > 0 ? " " + string.Join(",", codes) : "")} → structure {StructureId}");
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { psad = p.Code });
    }

    public async Task<IActionResult> OnPostSupprimerAsync(CancellationToken ct)
    {
        if (!await ChargerAsync(ct) || Choisie is not { } p || Regles.FirstOrDefault(r => r.Regle.Id == RegleId) is not { } l)
        {
            return NotFound();
        }

        await db.ReglesRepartition.Where(r => r.Id == RegleId && r.PsadId == p.Id).ExecuteDeleteAsync(ct);
        await journal.EcrireAsync(Tracabilite.Modification, "regle-repartition", p.Code, $"règle {l.Numero} ({l.Regle.Critere.Code()}) supprimée", ct: ct);
        return RedirectToPage(new { psad = p.Code });
    }

    public Task<IActionResult> OnPostMonterAsync(CancellationToken ct) => DeplacerAsync(-1, ct);

    public Task<IActionResult> OnPostDescendreAsync(CancellationToken ct) => DeplacerAsync(1, ct);

    /// <summary>Swaps the rule with its neighbour (a rule already first or last stays where it is).</summary>
    private async Task<IActionResult> DeplacerAsync(int sens, CancellationToken ct)
    {
        if (!await ChargerAsync(ct) || Choisie is not { } p)
        {
            return NotFound();
        }

        var i = Regles.ToList().FindIndex(r => r.Regle.Id == RegleId);
        if (i < 0)
        {
            return NotFound();
        }

        var j = i + sens;
        if (j >= 0 && j < Regles.Count)
        {
            var tous = await db.ReglesRepartition.Where(r => r.PsadId == p.Id).OrderBy(r => r.Ordre).ThenBy(r => r.Id).ToListAsync(ct);
            (tous[i], tous[j]) = (tous[j], tous[i]);
            for (var k = 0; k < tous.Count; k++)
            {
                tous[k].Ordre = k + 1;
            }

            journal.Ajouter(Tracabilite.Modification, "regle-repartition", p.Code, $"règle {i + 1} ({Regles[i].Regle.Critere.Code()}) déplacée en position {j + 1}");
            await db.SaveChangesAsync(ct);
        }

        return RedirectToPage(new { psad = p.Code });
    }

    /// <summary>The commune or département codes of a rule that needs them; none for the others.</summary>
    internal static List<string> LireCodes(CritereRepartition? critere, string? saisie, Erreurs erreurs)
    {
        if (critere is not (CritereRepartition.Commune or CritereRepartition.Departement))
        {
            return [];
        }

        var codes = (saisie ?? "").Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(c => c.Trim().ToUpperInvariant()).Distinct().ToList();
        var commune = critere == CritereRepartition.Commune;
        if (codes.Count == 0)
        {
            erreurs.Ajouter("codes", commune ? "Indiquez au moins un code INSEE de commune (5 caractères, par exemple 63113)." : "Indiquez au moins un code de département (par exemple 63, 2A ou 974).");
        }
        else if (codes.Count > 200)
        {
            erreurs.Ajouter("codes", "Une règle compte 200 codes au plus.");
        }
        else if (codes.FirstOrDefault(c => !(commune ? CodeCommune() : CodeDepartement()).IsMatch(c)) is { } faux)
        {
            erreurs.Ajouter("codes", commune
                ? $"« {(faux.Length > 20 ? faux[..20] + "…" : faux)} » n'est pas un code INSEE de commune (5 caractères, par exemple 63113 ou 2A004)."
                : $"« {(faux.Length > 20 ? faux[..20] + "…" : faux)} » n'est pas un code de département (par exemple 63, 2A ou 974).");
        }

        return codes;
    }

    [GeneratedRegex("^(?:[0-9]{5}|2[AB][0-9]{3})$")]
    private static partial Regex CodeCommune();

    [GeneratedRegex("^(?:[0-9]{2}|2[AB]|97[1-6])$")]
    private static partial Regex CodeDepartement();

    private async Task<bool> ChargerAsync(CancellationToken ct)
    {
        var coordonnees = await acces.PsadsCoordonneesAsync(ct);
        if (coordonnees.Count == 0)
        {
            return false;
        }

        Psads = [.. (await db.Psads.AsNoTracking().Where(p => coordonnees.Contains(p.Id)).OrderBy(p => p.Code)
            .Select(p => new { p.Id, p.Code, p.Nom }).ToListAsync(ct)).Select(p => (p.Id, p.Code, p.Nom))];
        Choisie = Psads.Where(p => p.Code == Psad).Select(p => ((int, string, string)?)p).FirstOrDefault() ?? (Psads.Count == 1 ? Psads[0] : null);
        if (Choisie is { } c)
        {
            var ordre = StringComparer.Create(new("fr-FR"), true);
            Partenaires = [.. (await db.Set<PartenairePsad>().Where(x => x.PsadId == c.Id).Select(x => new { x.StructureId, x.Structure!.Nom }).ToListAsync(ct))
                .OrderBy(x => x.Nom, ordre).Select(x => (x.StructureId, x.Nom))];
            Territoire = await db.Psads.Where(x => x.Id == c.Id).Select(x => x.Territoire).FirstAsync(ct);
            var regles = await db.ReglesRepartition.AsNoTracking().Where(r => r.PsadId == c.Id).OrderBy(r => r.Ordre).ThenBy(r => r.Id).ToListAsync(ct);
            var ids = regles.Select(r => r.StructureId).Distinct().ToList();
            var noms = await db.Structures.Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Nom, ct);
            Regles = [.. regles.Select((r, i) => new Ligne(r, i + 1, noms.GetValueOrDefault(r.StructureId, "structure supprimée"), Partenaires.Any(x => x.Id == r.StructureId)))];
        }

        return true;
    }
}
