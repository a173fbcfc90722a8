using Raccroche.Web.Features.Comptes;
using Raccroche.Web.Features.Moderation;

namespace Raccroche.Web.Features.Partenaires;

/// <summary>
/// Writing a partner (<c>/pro/partenaires/edition</c>) or changing one (<c>/pro/partenaires/edition/{id}</c>), with the
/// moderation's steps. Partners are the observatory's own directory: editors only write them (decision 0023), so the page
/// narrows the shared editing page to their role.
/// </summary>
[Authorize(Policy = ComptesSetup.PolitiquePro, Roles = Roles.Editeur)]
public sealed class EditionModel(ModerationContenus moderation, RaccrocheDbContext db) : PageEditionModel<Partenaire, SaisiePartenaire>(moderation)
{
    public static readonly GenreContenu<Partenaire> Partenaires = new("partenaire", "/pro/partenaires/edition", p => p.Nom);

    public override string NomGenre => "partenaire";

    public override string? LienPublic => Element is { Id: > 0, Statut: StatutModeration.Publiee } p ? $"/partenaires/{p.Id}/{p.Slug}" : null;

    protected override GenreContenu<Partenaire> Genre => Partenaires;

    protected override string CheminListe => "/pro/partenaires";

    protected override Partenaire Nouveau() => new() { Nom = "", Presentation = "", Auteur = "" };

    protected override IQueryable<Partenaire> AvecDetails(IQueryable<Partenaire> visibles) =>
        visibles.Include(p => p.Structure).Include(p => p.DispositifsLies).Include(p => p.StructuresLiees).AsSplitQuery();

    protected override SaisiePartenaire SaisieDe(Partenaire contenu) => SaisiePartenaire.De(contenu);

    protected override Task<bool> AppliquerAsync(Partenaire contenu, CancellationToken ct) => Saisie.AppliquerAsync(contenu, db, Erreurs, Moderation.Maintenant, ct);
}
