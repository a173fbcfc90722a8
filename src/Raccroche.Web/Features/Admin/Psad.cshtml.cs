using Raccroche.Web.Features.Comptes;
using Raccroche.Web.Features.Decrocheurs;

namespace Raccroche.Web.Features.Admin;

/// <summary>
/// Creating (<c>/pro/admin/psads/edition</c>) or editing (<c>/pro/admin/psads/edition/{code}</c>) a PSAD. The partner
/// structures are checkboxes; "chercher" narrows the list by name without JavaScript, keeping what was typed and ticked.
/// </summary>
[Authorize(Policy = ComptesSetup.PolitiquePro, Roles = Roles.AdminRegional)]
public sealed class PsadModel(AdministrationPsads administration) : PageModel
{
    public AdministrationPsads.Fiche? Existante { get; private set; }
    public IReadOnlyList<AdministrationPsads.StructureProposee> Structures { get; private set; } = [];
    public Erreurs Erreurs { get; } = new();

    /// <summary>The edited PSAD's code, from the route (not "code": the form's Code field would bind to it).</summary>
    [BindProperty(SupportsGet = true, Name = "psad")] public string? CodeActuel { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Nom { get; set; }
    [BindProperty] public string? Territoire { get; set; }
    [BindProperty] public List<int> Partenaires { get; set; } = [];
    [BindProperty] public string? Recherche { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ChargerAsync(ct))
        {
            return NotFound();
        }

        if (Existante is { } p)
        {
            (Code, Nom, Territoire, Partenaires) = (p.Code, p.Nom, string.Join(", ", p.Territoire), [.. p.Partenaires]);
        }

        await StructuresAsync(ct);
        return Page();
    }

    /// <summary>Narrows the structures shown; writes nothing.</summary>
    public async Task<IActionResult> OnPostChercherAsync(CancellationToken ct)
    {
        if (!await ChargerAsync(ct))
        {
            return NotFound();
        }

        await StructuresAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await ChargerAsync(ct))
        {
            return NotFound();
        }

        var r = await administration.EnregistrerAsync(Existante?.Id, Code, Nom, Territoire, Partenaires, User.Identity?.Name, ct);
        if (!r.Reussi)
        {
            if (r.Refus == Refus.Interdit)
            {
                return NotFound();
            }

            Erreurs.Ajouter(r.Erreurs);
            await StructuresAsync(ct);
            return Page();
        }

        TempData["Message"] = Existante is null ? $"La PSAD {r.Valeur} a été créée." : $"La PSAD {r.Valeur} a été modifiée.";
        return Redirect("/pro/admin/psads");
    }

    private async Task<bool> ChargerAsync(CancellationToken ct)
    {
        if (string.IsNullOrEmpty(CodeActuel))
        {
            return true;
        }

        Existante = await administration.LireAsync(CodeActuel, ct);
        return Existante is not null;
    }

    private async Task StructuresAsync(CancellationToken ct) =>
        Structures = await administration.StructuresAsync(Recherche, Partenaires, ct);
}
