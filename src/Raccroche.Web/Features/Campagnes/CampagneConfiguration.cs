

namespace Raccroche.Web.Features.Campagnes;

internal sealed class CampagneConfiguration : IEntityTypeConfiguration<Campagne>
{
    public void Configure(EntityTypeBuilder<Campagne> b)
    {
        b.HasIndex(c => c.Code).IsUnique();
        b.Property(c => c.Code).HasMaxLength(6);
        b.Property(c => c.Nom).HasMaxLength(100);
        b.Property(c => c.Territoire).HasMaxLength(100);
        b.HasOne<Raccroche.Web.Features.Catalogue.Structure>().WithMany().HasForeignKey(c => c.StructureId).OnDelete(DeleteBehavior.SetNull);
    }
}
