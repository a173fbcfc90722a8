using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Raccroche.Web.Features.Campagnes;

namespace Raccroche.Web.Data.Configurations;

internal sealed class StatistiqueDiagnosticConfiguration : IEntityTypeConfiguration<Raccroche.Web.Features.Orientation.StatistiqueDiagnostic>
{
    public void Configure(EntityTypeBuilder<Raccroche.Web.Features.Orientation.StatistiqueDiagnostic> b)
    {
        b.HasIndex(s => new { s.Jour, s.Departement, s.TrancheAge, s.Situation, s.Souhait }).IsUnique();
        b.Property(s => s.Departement).HasMaxLength(3);
        b.Property(s => s.TrancheAge).HasMaxLength(20);
        b.Property(s => s.Situation).HasMaxLength(40);
        b.Property(s => s.Souhait).HasMaxLength(20);
    }
}

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
