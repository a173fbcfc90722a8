using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raccroche.Web.Data;
using Raccroche.Web.Features.Contact;
using Raccroche.Web.Features.Search;

namespace Raccroche.Web.Features.Orientation;

/// <summary>"Être recontacté·e": a short form; post-redirect-get to a confirmation with a reference.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Raccroche.Web.Infrastructure.RateLimiting.Formulaires)]
public sealed class RecontactModel(CatalogueIndexHolder holder, AppDbContext db, Recontact recontact) : PageModel
{
    [BindProperty] public SaisieContact Saisie { get; set; } = new();

    public Reponses Reponses { get; private set; } = new();
    public Profil Profil { get; private set; } = null!;
    public string? Dispositif { get; private set; }
    public int? DispositifId { get; private set; }
    public Erreurs Erreurs { get; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await Preparer(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await Preparer(ct) is { } redirection)
        {
            return redirection;
        }

        if (!string.IsNullOrEmpty(Saisie.SiteWeb))
        {
            // A bot filled the hidden field: pretend success, store nothing.
            return RedirectToPage("/Orientation/Merci", new { reference = "RC-000000" });
        }

        var creee = await recontact.CreerAsync(Saisie, Profil, DispositifId, Erreurs, ct, Reponses.Campagne);
        if (creee is null)
        {
            return Page();
        }

        return RedirectToPage("/Orientation/Merci", new { reference = creee.Reference });
    }

    private async Task<IActionResult?> Preparer(CancellationToken ct)
    {
        Reponses = Questionnaire.Lire(Request.Query, holder.Communes);
        if (Reponses.EnProfil() is not { } profil || Reponses.Erreurs.Count > 0)
        {
            return Redirect("/diagnostic" + QueryString.Create(Reponses.EnParametres()!));
        }

        Profil = profil;
        if (int.TryParse(Request.Query["dispositif"], out var id))
        {
            Dispositif = await db.Dispositifs.AsNoTracking().Where(d => d.Id == id).Select(d => d.Nom).FirstOrDefaultAsync(ct);
            DispositifId = Dispositif is null ? null : id;
        }

        return null;
    }

    public string LienResultats => "/diagnostic/resultats" + QueryString.Create(Reponses.EnParametres()!);
}
