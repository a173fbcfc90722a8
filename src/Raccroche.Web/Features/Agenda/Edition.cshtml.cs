using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Moderation;

namespace Raccroche.Web.Features.Agenda;

/// <summary>Writing an event (<c>/pro/agenda/edition</c>) or changing one (<c>/pro/agenda/edition/{id}</c>), with the moderation's steps.</summary>
public sealed class EditionModel(ModerationContenus moderation, RaccrocheDbContext db, InstantaneCatalogue instantane, IConfiguration config)
    : PageEditionModel<Evenement, SaisieEvenement>(moderation)
{
    public static readonly GenreContenu<Evenement> Evenements = new("événement", "/pro/agenda/edition", e => e.Titre);

    public override string NomGenre => "événement";

    public override string? LienPublic => Element is { Id: > 0, Statut: StatutModeration.Publiee } e ? $"/agenda/{e.Id}/{e.Slug}" : null;

    protected override GenreContenu<Evenement> Genre => Evenements;

    protected override string CheminListe => "/pro/agenda";

    protected override Evenement Nouveau() => new()
    {
        Titre = "",
        Resume = "",
        Auteur = "",
        Organisateur = "",
        Uid = $"{Guid.NewGuid():N}@{new Uri(AdressePublique.UrlPublique(config)).Host}",
    };

    protected override IQueryable<Evenement> AvecDetails(IQueryable<Evenement> visibles) => visibles.Include(e => e.Structure);

    protected override SaisieEvenement SaisieDe(Evenement contenu) => SaisieEvenement.De(contenu, instantane.Communes);

    protected override Task<bool> AppliquerAsync(Evenement contenu, CancellationToken ct) =>
        Saisie.AppliquerAsync(contenu, db, instantane.Communes, Moderation.EstEditeur, Erreurs, ct);

    /// <summary>A member's new event is organised by their structure: its name is the default organiser.</summary>
    protected override async Task PreparerAsync(CancellationToken ct)
    {
        if (EstNouveau && HttpMethods.IsGet(Request.Method) && Moderation.StructureDuMembre is { } s && string.IsNullOrEmpty(Saisie.Organisateur))
        {
            Saisie.Organisateur = await db.Structures.Where(x => x.Id == s).Select(x => x.Nom).FirstOrDefaultAsync(ct);
        }
    }
}
