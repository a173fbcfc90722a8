using Raccroche.Web.Features.Catalogue;

namespace Raccroche.Web.Features.Moderation;

/// <summary>
/// What every editorial content shares (a news item, an event; later the partners and resources): who wrote it, for which
/// structure, and where it stands in the moderation. Draft → proposed (by a structure) → published (by an editor), or sent
/// back to draft with the editor's comment; an editor may also take a published content back to draft. Only published
/// contents are public. <see cref="ModifieeLe"/> is the version a form carries: a write made on an older version is refused.
/// </summary>
public abstract class ContenuModere
{
    public int Id { get; set; }
    public StatutModeration Statut { get; set; } = StatutModeration.Brouillon;

    /// <summary>The structure the content is written for (its proposer, an event's organiser); none for the editors' own.</summary>
    public int? StructureId { get; set; }
    public Structure? Structure { get; set; }
    public string? AuteurId { get; set; }
    public required string Auteur { get; set; }
    public DateTime CreeLe { get; set; }
    public DateTime ModifieeLe { get; set; }
    public DateTime? ProposeLe { get; set; }

    /// <summary>The first publication (kept when an editor takes the content back to draft and publishes it again).</summary>
    public DateTime? PublieLe { get; set; }
    public DateTime? DecisionLe { get; set; }
    public string? DecisionPar { get; set; }

    /// <summary>The editor's comment when the content was sent back to its structure.</summary>
    public string? Commentaire { get; set; }
}

/// <summary>Where an editorial content stands.</summary>
public enum StatutModeration
{
    [Valeur("brouillon", "Brouillon")] Brouillon,
    [Valeur("proposee", "Proposée, en attente d'un éditeur")] Proposee,
    [Valeur("publiee", "Publiée")] Publiee,
}

/// <summary>The columns every editorial content's table has, configured once.</summary>
public static class ConfigurationModeration
{
    public const int LongueurCommentaire = 1000;

    public static void ConfigurerModeration<T>(this EntityTypeBuilder<T> b) where T : ContenuModere
    {
        b.HasIndex(c => new { c.Statut, c.ModifieeLe });
        b.HasIndex(c => c.StructureId);
        b.Property(c => c.Statut).HasMaxLength(20);
        b.Property(c => c.AuteurId).HasMaxLength(450);
        b.Property(c => c.Auteur).HasMaxLength(100);
        b.Property(c => c.DecisionPar).HasMaxLength(100);
        b.Property(c => c.Commentaire).HasMaxLength(LongueurCommentaire);

        // A save made on the version the form showed: EF's UPDATE holds it in its WHERE (a concurrent save wins, the other is told).
        b.Property(c => c.ModifieeLe).IsConcurrencyToken();
        b.HasOne(c => c.Structure).WithMany().HasForeignKey(c => c.StructureId).OnDelete(DeleteBehavior.SetNull);
    }
}
