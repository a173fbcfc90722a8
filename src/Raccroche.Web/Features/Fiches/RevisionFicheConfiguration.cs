
namespace Raccroche.Web.Features.Fiches;

internal sealed class RevisionFicheConfiguration : IEntityTypeConfiguration<RevisionFiche>
{
    public void Configure(EntityTypeBuilder<RevisionFiche> b)
    {
        b.HasIndex(r => new { r.StructureId, r.Statut });
        b.HasIndex(r => new { r.Type, r.CibleId });
        b.Property(r => r.Type).HasMaxLength(20);
        b.Property(r => r.Statut).HasMaxLength(20);
        b.Property(r => r.Contenu).HasMaxLength(20000);
        b.Property(r => r.Avant).HasMaxLength(20000);
        b.Property(r => r.AuteurId).HasMaxLength(450);
        b.Property(r => r.Auteur).HasMaxLength(100);
        b.Property(r => r.DecisionPar).HasMaxLength(100);
        b.Property(r => r.Commentaire).HasMaxLength(1000);
        b.HasOne(r => r.Structure).WithMany().HasForeignKey(r => r.StructureId).OnDelete(DeleteBehavior.Cascade);
    }
}
