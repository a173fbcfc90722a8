using Raccroche.Web.Features.Comptes;

namespace Raccroche.Web.Features.Fiches;

/// <summary>
/// What the two sheet editors share: the open draft (or the live sheet when there is none) in a form, saved as a draft
/// again and again, submitted, withdrawn from validation or dropped. Only members of the sheet's structure reach it;
/// anyone else gets a 404. A subclass says how its sheet is loaded, shown in the form and read back from it.
/// </summary>
public abstract class ModifierFicheModel<TSaisie, TContenu>(Habilitations h, EditionFiches fiches) : PageModel
    where TSaisie : new()
{
    [BindProperty] public TSaisie Saisie { get; set; } = new();
    [BindProperty] public long Version { get; set; }
    public RevisionFiche? Ouverte { get; private set; }
    public IReadOnlyList<Ecart> EcartsSoumis { get; private set; } = [];
    public Erreurs Erreurs { get; } = new();
    public string? Message { get; private set; }

    protected EditionFiches Fiches => fiches;

    protected abstract TypeFiche Type { get; }

    /// <summary>The structure that owns the loaded sheet.</summary>
    protected abstract int StructureId { get; }

    /// <summary>Loads the live sheet and what the form needs; false when it does not exist.</summary>
    protected abstract Task<bool> ChargerFicheAsync(int id, CancellationToken ct);

    /// <summary>The live sheet as content.</summary>
    protected abstract TContenu Publie();

    protected abstract TSaisie SaisieDe(TContenu contenu);

    /// <summary>The posted form as content, or null with the errors in <see cref="Erreurs"/>.</summary>
    protected abstract TContenu? Valider();

    /// <summary>The live sheet's readable fields (for <paramref name="contenu"/>'s diff with it).</summary>
    protected abstract IReadOnlyList<ChampFiche> Champs(TContenu contenu);

    private string Chemin(int id) => $"/pro/fiches/{Type.Code()}/{id}";

    private string Ancre(int id) => $"fiche-{Type.Code()}-{id}";

    public async Task<IActionResult> OnGetAsync(int id, string? fait, CancellationToken ct)
    {
        if (!await ChargerAsync(id, ct))
        {
            return NotFound();
        }

        Saisie = SaisieDe(Ouverte?.Statut == StatutRevision.Brouillon ? ContenuFiche.Lire<TContenu>(Ouverte.Contenu) : Publie());
        Version = Ouverte?.ModifieeLe.Ticks ?? 0;
        Message = fait switch
        {
            "enregistre" => "Brouillon enregistré. Il n'est pas encore publié : soumettez-le à validation quand il est prêt.",
            "retiree" => "La modification est retirée de la validation : vous pouvez à nouveau la changer.",
            _ => null,
        };
        return Page();
    }

    public Task<IActionResult> OnPostEnregistrerAsync(int id, CancellationToken ct) => EnregistrerAsync(id, soumettre: false, ct);

    public Task<IActionResult> OnPostSoumettreAsync(int id, CancellationToken ct) => EnregistrerAsync(id, soumettre: true, ct);

    public async Task<IActionResult> OnPostRetirerAsync(int id, CancellationToken ct)
    {
        if (!await ChargerAsync(id, ct))
        {
            return NotFound();
        }

        if (Ouverte is { Statut: StatutRevision.Soumise } o)
        {
            await fiches.RetirerAsync(o.Id, ct);
        }

        return Redirect($"{Chemin(id)}?fait=retiree");
    }

    public async Task<IActionResult> OnPostAbandonnerAsync(int id, CancellationToken ct)
    {
        if (!await ChargerAsync(id, ct))
        {
            return NotFound();
        }

        if (Ouverte is { Statut: StatutRevision.Brouillon } o)
        {
            await fiches.AbandonnerAsync(o.Id, ct);
        }

        return Redirect($"/pro/fiches?fait=abandonnee#{Ancre(id)}");
    }

    private async Task<IActionResult> EnregistrerAsync(int id, bool soumettre, CancellationToken ct)
    {
        if (!await ChargerAsync(id, ct))
        {
            return NotFound();
        }

        if (Valider() is not { } contenu)
        {
            return Page();
        }

        if (soumettre && Ecarts.Comparer(Champs(Publie()), Champs(contenu)).Count == 0)
        {
            Erreurs.Ajouter("etat", "Cette version est identique à la fiche publiée : il n'y a rien à valider. Si la fiche est juste, utilisez plutôt « Confirmer que la fiche est à jour » sur la page Nos fiches.");
            return Page();
        }

        var r = await fiches.EnregistrerAsync(Type, id, ContenuFiche.Serialiser(contenu), Version, soumettre, ct);
        if (r.Reussi)
        {
            return Redirect(soumettre ? $"/pro/fiches?fait=soumise#{Ancre(id)}" : $"{Chemin(id)}?fait=enregistre");
        }

        if (r.Refus == Refus.Interdit)
        {
            return NotFound();
        }

        Erreurs.Ajouter(r.Erreurs);
        RevisionFiche? ouverte = null;
        if (r.Refus == Refus.Conflit)
        {
            // Show the revision as it is now; after someone else's save, the next save replaces that version.
            ouverte = await fiches.OuverteAsync(Type, id, ct);
            if (ouverte?.Statut != StatutRevision.Soumise)
            {
                Version = ouverte?.ModifieeLe.Ticks ?? 0;
            }
        }

        Ouverte = ouverte ?? Ouverte;
        if (Ouverte?.Statut == StatutRevision.Soumise)
        {
            EcartsSoumis = (await fiches.EcartsAsync([Ouverte], ct))[Ouverte.Id];
        }

        return Page();
    }

    /// <summary>The sheet and its open revision; false when it does not exist or is not this member's.</summary>
    private async Task<bool> ChargerAsync(int id, CancellationToken ct)
    {
        if (!await ChargerFicheAsync(id, ct) || !h.PeutEditer(StructureId))
        {
            return false;
        }

        Ouverte = await fiches.OuverteAsync(Type, id, ct);
        if (Ouverte?.Statut == StatutRevision.Soumise && HttpMethods.IsGet(Request.Method))
        {
            EcartsSoumis = (await fiches.EcartsAsync([Ouverte], ct))[Ouverte.Id];
        }

        return true;
    }
}
