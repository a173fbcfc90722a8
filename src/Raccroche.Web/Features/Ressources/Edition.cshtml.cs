using Raccroche.Web.Features.Comptes;
using Raccroche.Web.Features.Moderation;

namespace Raccroche.Web.Features.Ressources;

/// <summary>
/// Writing a resource (<c>/pro/ressources/edition</c>) or changing one (<c>/pro/ressources/edition/{id}</c>), with the
/// moderation's steps: editors only (decision 0023). The form is multipart (a PDF of 20 MB at most); the request may be a
/// little larger so that a file just over the limit gets its French message rather than a bare 413.
/// </summary>
[Authorize(Policy = ComptesSetup.PolitiquePro, Roles = Roles.Editeur)]
[RequestSizeLimit(TailleRequete)]
[RequestFormLimits(MultipartBodyLengthLimit = TailleRequete)]
public sealed class EditionModel(ModerationContenus moderation, StockageRessources stockage) : PageEditionModel<Ressource, SaisieRessource>(moderation)
{
    public const long TailleRequete = 2 * StockageRessources.TailleMaximale;

    public static readonly GenreContenu<Ressource> Ressources = new("ressource", "/pro/ressources/edition", r => r.Titre);

    private string? _remplace;
    private string? _nouveau;

    [BindProperty] public IFormFile? Fichier { get; set; }

    public override string NomGenre => "ressource";

    public override string? LienPublic => Element is { Id: > 0, Statut: StatutModeration.Publiee } r ? $"/ressources/{r.Id}/{r.Slug}" : null;

    protected override GenreContenu<Ressource> Genre => Ressources;

    protected override string CheminListe => "/pro/ressources";

    protected override Ressource Nouveau() => new() { Titre = "", Resume = "", Auteur = "" };

    protected override IQueryable<Ressource> AvecDetails(IQueryable<Ressource> visibles) => visibles.Include(r => r.Structure);

    protected override SaisieRessource SaisieDe(Ressource contenu) => SaisieRessource.De(contenu);

    protected override async Task<bool> AppliquerAsync(Ressource contenu, CancellationToken ct)
    {
        var avant = contenu.Fichier;
        var (applique, remplace) = await Saisie.AppliquerAsync(contenu, Fichier, stockage, Erreurs, ct);
        _remplace = remplace;
        _nouveau = applique && contenu.Fichier != avant ? contenu.Fichier : null;
        return applique;
    }

    /// <summary>The replaced file goes once the row no longer names it; a file stored for a refused save goes at once.</summary>
    protected override Task ApresEnregistrementAsync(Ressource contenu, bool enregistre, CancellationToken ct)
    {
        stockage.Supprimer(enregistre ? _remplace : _nouveau);
        return Task.CompletedTask;
    }

    protected override Task ApresSuppressionAsync(Ressource supprime, CancellationToken ct)
    {
        stockage.Supprimer(supprime.Fichier);
        return Task.CompletedTask;
    }
}
