using Raccroche.Web.Features.Journal;
using Raccroche.Web.Infrastructure;

namespace Raccroche.Web.Features.Comptes;

/// <summary>Accepting an invitation: a display name and a password, then the second factor.</summary>
[AllowAnonymous]
[EnableRateLimiting(LimitesDebit.Connexion)]
public sealed class AccepterInvitationModel(Invitations invitations, UserManager<Utilisateur> users, SignInManager<Utilisateur> signIn,
    RaccrocheDbContext db, Tracabilite journal, TimeProvider clock) : PageModel
{
    [BindProperty] public string? NomAffiche { get; set; }
    [BindProperty] public string? MotDePasse { get; set; }
    [BindProperty] public string? Confirmation { get; set; }
    public Invitation? Invitation { get; private set; }
    public Erreurs Erreurs { get; } = new();

    public async Task<IActionResult> OnGetAsync(string jeton)
    {
        Invitation = await invitations.TrouverAsync(jeton);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string jeton)
    {
        Invitation = await invitations.TrouverAsync(jeton);
        if (Invitation is null)
        {
            return Page();
        }

        var nom = NomAffiche?.Trim() ?? "";
        if (nom.Length is 0 or > 100)
        {
            Erreurs.Ajouter("nom", "Indiquez le nom sous lequel vos collègues vous verront (100 caractères au plus).");
        }

        NouveauMotDePasseModel.ValiderMotDePasse(MotDePasse, Confirmation, Erreurs);
        if (Erreurs.Any)
        {
            return Page();
        }

        var user = new Utilisateur
        {
            UserName = Invitation.Courriel,
            Email = Invitation.Courriel,
            EmailConfirmed = true,
            NomAffiche = nom,
            Role = Invitation.Role,
            StructureId = Invitation.StructureId,
            Territoire = [.. Invitation.Territoire],
            CreeLe = clock.GetUtcNow().UtcDateTime,
        };
        return await db.EnTransactionAsync<IActionResult>(async tx =>
        {
            var r = await users.CreateAsync(user, MotDePasse!);
            if (!r.Succeeded)
            {
                foreach (var e in r.Errors)
                {
                    Erreurs.Ajouter(e.Code.StartsWith("Password", StringComparison.Ordinal) ? "mot-de-passe" : "nom", e.Description);
                }

                return Page();
            }

            // A retry starts from an empty change tracker: the invitation read before is attached again.
            if (db.Entry(Invitation!).State == EntityState.Detached)
            {
                db.Attach(Invitation!);
            }

            Invitation!.AccepteeLe = clock.GetUtcNow().UtcDateTime;
            db.Entry(Invitation).Property(i => i.AccepteeLe).IsModified = true;
            journal.Ajouter(Tracabilite.Creation, "compte", user.Id, $"invitation acceptée ({Roles.Libelle(user.Role)})", user.Email);
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            await signIn.SignInAsync(user, isPersistent: false);
            return RedirectToPage("/Comptes/DoubleFacteur");
        }, CancellationToken.None);
    }
}
