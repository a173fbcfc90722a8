using Raccroche.Web.Features.Comptes;

namespace Raccroche.Web.Features.Moderation;

/// <summary>
/// What the view of an editing page reads, whatever the kind of content (the shared partials <c>_EtatModeration</c>,
/// <c>_BoutonsModeration</c> and <c>_DecisionModeration</c> take it as their model).
/// </summary>
public abstract class PageEditionModel(ModerationContenus moderation) : PageModel
{
    protected ModerationContenus Moderation => moderation;

    /// <summary>The content's version (its <see cref="ContenuModere.ModifieeLe"/> ticks) when the page was shown; 0 for a new one.</summary>
    [BindProperty] public long Version { get; set; }

    /// <summary>The editor's comment when sending a proposal back.</summary>
    [BindProperty] public string? Commentaire { get; set; }

    public ContenuModere? Contenu { get; protected set; }
    public bool EstNouveau => Contenu is null || Contenu.Id == 0;
    public bool EstEditeur => moderation.EstEditeur;
    public bool Modifiable => Contenu is not null && moderation.PeutModifier(Contenu);
    public Erreurs Erreurs { get; } = new();
    public string? Message { get; protected set; }

    /// <summary>The kind's name ("actualité"), for the shared partials' sentences.</summary>
    public abstract string NomGenre { get; }

    /// <summary>The public page of the content, once published.</summary>
    public abstract string? LienPublic { get; }
}

/// <summary>
/// The editing page of one kind of content (<c>/pro/veille/edition/{id?}</c>, <c>/pro/agenda/edition/{id?}</c>…): a new
/// content or one the person may see (<see cref="ModerationContenus.Visibles"/>; anything else is a 404), its form, and the
/// moderation's steps as named handlers (post-redirect-get). A subclass says how its content is read, shown in the form
/// and read back from it. The page is for editors and members of a structure only.
/// </summary>
[Authorize(Policy = ComptesSetup.PolitiquePro, Roles = Roles.Editeur + "," + Roles.AdminStructure + "," + Roles.MembreStructure)]
public abstract class PageEditionModel<T, TSaisie>(ModerationContenus moderation) : PageEditionModel(moderation)
    where T : ContenuModere
    where TSaisie : new()
{
    [BindProperty] public TSaisie Saisie { get; set; } = new();

    public T? Element => (T?)Contenu;

    protected abstract GenreContenu<T> Genre { get; }

    /// <summary>The list page of the kind (<c>/pro/veille</c>).</summary>
    protected abstract string CheminListe { get; }

    /// <summary>A new content with its defaults (not yet added).</summary>
    protected abstract T Nouveau();

    /// <summary>The query that reads one content with what its form shows (its related rows), from <paramref name="visibles"/>.</summary>
    protected abstract IQueryable<T> AvecDetails(IQueryable<T> visibles);

    protected abstract TSaisie SaisieDe(T contenu);

    /// <summary>Writes the posted form on the tracked content; false with the messages in <see cref="PageEditionModel.Erreurs"/>.</summary>
    protected abstract Task<bool> AppliquerAsync(T contenu, CancellationToken ct);

    /// <summary>What the form needs besides the content (lists of choices…), also after a refused post.</summary>
    protected virtual Task PreparerAsync(CancellationToken ct) => Task.CompletedTask;

    private string Chemin(int id) => $"{Genre.CheminEdition}/{id}";

    public async Task<IActionResult> OnGetAsync(int? id, string? fait, CancellationToken ct)
    {
        if (!await ChargerAsync(id, suivi: false, ct))
        {
            return NotFound();
        }

        Saisie = SaisieDe(Element!);
        Version = Element!.ModifieeLe.Ticks;
        Message = fait switch
        {
            "enregistre" => "Enregistré.",
            "retiree" => "La proposition est retirée : vous pouvez à nouveau la modifier.",
            "depubliee" => "Le contenu n'est plus publié : il est revenu en brouillon.",
            _ => null,
        };
        await PreparerAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostEnregistrerAsync(int? id, CancellationToken ct) => EnregistrerAsync(id, null, ct);

    // A step the person may not take (a member publishing, an editor proposing: a forged post) is refused before the save,
    // so that nothing is written.
    public async Task<IActionResult> OnPostProposerAsync(int? id, CancellationToken ct) => Moderation.StructureDuMembre is null
        ? NotFound()
        : await EnregistrerAsync(id, c => Moderation.ProposerAsync(Genre, c.Id, c.ModifieeLe.Ticks, ct), ct);

    public async Task<IActionResult> OnPostPublierAsync(int? id, CancellationToken ct) => !Moderation.EstEditeur
        ? NotFound()
        : await EnregistrerAsync(id, c => Moderation.PublierAsync(Genre, c.Id, c.ModifieeLe.Ticks, ct), ct);

    public async Task<IActionResult> OnPostRenvoyerAsync(int id, CancellationToken ct)
    {
        if (!await ChargerAsync(id, suivi: false, ct))
        {
            return NotFound();
        }

        var commentaire = Commun.Formulaires.Saisie.Facultatif(Erreurs, "commentaire", "Le commentaire", Commentaire, ConfigurationModeration.LongueurCommentaire);
        if (commentaire is null && !Erreurs.Any)
        {
            Erreurs.Ajouter("commentaire", "Commentaire : dites à la structure ce qui doit être repris. Il est obligatoire pour renvoyer une proposition.");
        }

        return Erreurs.Any ? await RechargerAsync(id, ct) : await DeciderAsync(id, await Moderation.RenvoyerAsync(Genre, id, Version, commentaire!, ct), $"{CheminListe}?fait=renvoyee", ct);
    }

    public async Task<IActionResult> OnPostDepublierAsync(int id, CancellationToken ct) =>
        await DeciderAsync(id, await Moderation.DepublierAsync<T>(id, Version, ct), $"{Chemin(id)}?fait=depubliee", ct);

    public async Task<IActionResult> OnPostRetirerAsync(int id, CancellationToken ct) =>
        await DeciderAsync(id, await Moderation.RetirerPropositionAsync<T>(id, Version, ct), $"{Chemin(id)}?fait=retiree", ct);

    public async Task<IActionResult> OnPostSupprimerAsync(int id, CancellationToken ct)
    {
        var avant = await Moderation.Visibles<T>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        var r = await Moderation.SupprimerAsync<T>(id, ct);
        if (r.Reussi && avant is not null)
        {
            await ApresSuppressionAsync(avant, ct);
        }

        return await DeciderAsync(id, r, $"{CheminListe}?fait=supprimee", ct);
    }

    /// <summary>After the form was written (or refused by the save): what the kind keeps beside its row, a stored file, follows.</summary>
    protected virtual Task ApresEnregistrementAsync(T contenu, bool enregistre, CancellationToken ct) => Task.CompletedTask;

    /// <summary>After a draft was deleted (<paramref name="supprime"/> as it was read just before).</summary>
    protected virtual Task ApresSuppressionAsync(T supprime, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Saves the form, then takes the next step (propose, publish) on the version just saved.</summary>
    private async Task<IActionResult> EnregistrerAsync(int? id, Func<T, Task<Resultat>>? ensuite, CancellationToken ct)
    {
        if (!await ChargerAsync(id, suivi: true, ct))
        {
            return NotFound();
        }

        var contenu = Element!;
        if (!Modifiable)
        {
            Erreurs.Ajouter("etat", "Ce contenu ne peut plus être modifié : il attend la décision d'un éditeur, ou il est publié.");
            return await RechargerAsync(contenu.Id, ct);
        }

        if (!await AppliquerAsync(contenu, ct))
        {
            await PreparerAsync(ct);
            return Page();
        }

        if (EstNouveau)
        {
            Moderation.Ajouter(contenu);
        }

        var r = await Moderation.EnregistrerAsync(contenu, Version, ct);
        await ApresEnregistrementAsync(contenu, r.Reussi, ct);
        if (r.Reussi && ensuite is not null)
        {
            r = await ensuite(contenu);
        }

        if (r.Reussi)
        {
            return Redirect(ensuite is null ? $"{Chemin(contenu.Id)}?fait=enregistre" : $"{CheminListe}?fait={(Moderation.EstEditeur ? "publiee" : "proposee")}");
        }

        if (r.Refus == Refus.Interdit)
        {
            return NotFound();
        }

        Erreurs.Ajouter(r.Erreurs);
        if (contenu.Id == 0)
        {
            await PreparerAsync(ct);
            return Page();
        }

        return await RechargerAsync(contenu.Id, ct, garderSaisie: true);
    }

    private async Task<IActionResult> DeciderAsync(int id, Resultat r, string apres, CancellationToken ct)
    {
        if (r.Reussi)
        {
            return Redirect(apres);
        }

        if (r.Refus == Refus.Interdit)
        {
            return NotFound();
        }

        Erreurs.Ajouter(r.Erreurs);
        return await RechargerAsync(id, ct);
    }

    /// <summary>Shows the content as it is now (after a refusal): the next click acts on what is on screen.</summary>
    private async Task<IActionResult> RechargerAsync(int id, CancellationToken ct, bool garderSaisie = false)
    {
        Moderation.Oublier();
        if (!await ChargerAsync(id, suivi: false, ct))
        {
            return NotFound();
        }

        if (!garderSaisie || !Modifiable)
        {
            Saisie = SaisieDe(Element!);
        }

        Version = Element!.ModifieeLe.Ticks;
        ModelState.Remove(nameof(Version));
        await PreparerAsync(ct);
        return Page();
    }

    /// <summary>The content of the page (a new one when there is no id); false when the person may not see it.</summary>
    private async Task<bool> ChargerAsync(int? id, bool suivi, CancellationToken ct)
    {
        if (!Moderation.PeutRediger)
        {
            return false;
        }

        if (id is not { } n)
        {
            Contenu = Nouveau();
            Version = 0;
            return true;
        }

        var q = AvecDetails(Moderation.Visibles<T>());
        Contenu = await (suivi ? q : q.AsNoTracking()).FirstOrDefaultAsync(c => c.Id == n, ct);
        return Contenu is not null;
    }
}
