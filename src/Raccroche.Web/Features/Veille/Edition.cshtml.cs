using Raccroche.Web.Features.Moderation;

namespace Raccroche.Web.Features.Veille;

/// <summary>Writing a news item (<c>/pro/veille/edition</c>) or changing one (<c>/pro/veille/edition/{id}</c>), with the moderation's steps.</summary>
public sealed class EditionModel(ModerationContenus moderation, RaccrocheDbContext db) : PageEditionModel<Actualite, SaisieActualite>(moderation)
{
    public static readonly GenreContenu<Actualite> Actualites = new("actualité", "/pro/veille/edition", a => a.Titre);

    public override string NomGenre => "actualité";

    public override string? LienPublic => Element is { Id: > 0, Statut: StatutModeration.Publiee } a ? $"/veille/{a.Id}/{a.Slug}" : null;

    protected override GenreContenu<Actualite> Genre => Actualites;

    protected override string CheminListe => "/pro/veille";

    protected override Actualite Nouveau() => new() { Titre = "", Resume = "", Auteur = "", Date = DateOnly.FromDateTime(HeureParis.Locale(Moderation.Maintenant)) };

    protected override IQueryable<Actualite> AvecDetails(IQueryable<Actualite> visibles) =>
        visibles.Include(a => a.Structure).Include(a => a.DispositifsLies).Include(a => a.StructuresLiees).AsSplitQuery();

    protected override SaisieActualite SaisieDe(Actualite contenu) => SaisieActualite.De(contenu);

    protected override Task<bool> AppliquerAsync(Actualite contenu, CancellationToken ct) => Saisie.AppliquerAsync(contenu, db, Erreurs, ct);
}
