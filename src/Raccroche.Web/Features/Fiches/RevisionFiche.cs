
namespace Raccroche.Web.Features.Fiches;

/// <summary>
/// A proposed version of a structure's or a programme's sheet. Draft → submitted → published (or sent
/// back to draft with a comment); a published revision becomes archived when a newer one is published.
/// The content is the editable fields as JSON; <see cref="Avant"/> keeps the live version it replaced.
/// </summary>
public sealed class RevisionFiche
{
    public int Id { get; set; }
    public required TypeFiche Type { get; set; }
    public int? CibleId { get; set; }
    public int StructureId { get; set; }
    public Catalogue.Structure? Structure { get; set; }
    public StatutRevision Statut { get; set; } = StatutRevision.Brouillon;
    public required string Contenu { get; set; }
    public string? Avant { get; set; }
    public string? AuteurId { get; set; }
    public required string Auteur { get; set; }
    public DateTime CreeLe { get; set; }
    public DateTime ModifieeLe { get; set; }
    public DateTime? SoumiseLe { get; set; }
    public DateTime? DecisionLe { get; set; }
    public string? DecisionPar { get; set; }
    public string? Commentaire { get; set; }
}

/// <summary>Where a revision stands: draft, submitted, published, or archived once a newer one is published.</summary>
public enum StatutRevision
{
    [Valeur("brouillon", "Brouillon")] Brouillon,
    [Valeur("soumise", "Soumise à validation")] Soumise,
    [Valeur("publiee", "Publiée")] Publiee,
    [Valeur("archivee", "Archivée")] Archivee,
}

/// <summary>What a sheet describes; the code is its segment in the sheet URLs (<c>/pro/fiches/dispositif/12</c>).</summary>
public enum TypeFiche
{
    [Valeur("structure", "Fiche de structure")] Structure,
    [Valeur("dispositif", "Fiche de dispositif")] Dispositif,
}
