
namespace Raccroche.Web.Features.Communes;

internal sealed class CommuneConfiguration : IEntityTypeConfiguration<Commune>
{
    public void Configure(EntityTypeBuilder<Commune> b)
    {
        b.HasKey(c => c.CodeInsee);
        b.Property(c => c.CodeInsee).HasMaxLength(5);
        b.Property(c => c.Nom).HasMaxLength(100);
        b.Property(c => c.CodesPostaux).HasMaxLength(200);
        b.Property(c => c.Departement).HasMaxLength(3);
        b.Property(c => c.Region).HasMaxLength(3);
        b.Property(c => c.Epci).HasMaxLength(9);
        b.HasIndex(c => c.Departement);
    }
}
