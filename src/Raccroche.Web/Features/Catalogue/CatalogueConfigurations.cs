
namespace Raccroche.Web.Features.Catalogue;

internal sealed class StructureConfiguration : IEntityTypeConfiguration<Structure>
{
    public void Configure(EntityTypeBuilder<Structure> b)
    {
        b.HasIndex(s => s.Slug).IsUnique();
        b.Property(s => s.Slug).HasMaxLength(120);
        b.Property(s => s.Nom).HasMaxLength(200);
        b.Property(s => s.Type).HasMaxLength(40);
        b.Property(s => s.ReseauPorteur).HasMaxLength(80);
        b.Property(s => s.Siret).HasMaxLength(14);
        b.Property(s => s.SiteWeb).HasMaxLength(500);
        b.Property(s => s.Description).HasMaxLength(4000);
        b.Property(s => s.Courriel).HasMaxLength(200);
        b.Property(s => s.Telephone).HasMaxLength(30);
        b.Property(s => s.ZoneType).HasConversion<string>().HasMaxLength(20);
        b.HasMany(s => s.Lieux).WithOne(l => l.Structure).HasForeignKey(l => l.StructureId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.Dispositifs).WithOne(d => d.Structure).HasForeignKey(d => d.StructureId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LieuConfiguration : IEntityTypeConfiguration<Lieu>
{
    public void Configure(EntityTypeBuilder<Lieu> b)
    {
        b.HasIndex(l => l.Slug).IsUnique();
        b.HasIndex(l => l.CodeInsee);
        b.Property(l => l.Slug).HasMaxLength(120);
        b.Property(l => l.Nom).HasMaxLength(200);
        b.Property(l => l.Adresse).HasMaxLength(300);
        b.Property(l => l.CodePostal).HasMaxLength(5);
        b.Property(l => l.CodeInsee).HasMaxLength(5);
        b.Property(l => l.Horaires).HasMaxLength(500);
        b.Property(l => l.Telephone).HasMaxLength(30);
        b.Property(l => l.Courriel).HasMaxLength(200);
    }
}

internal sealed class DispositifConfiguration : IEntityTypeConfiguration<Dispositif>
{
    public void Configure(EntityTypeBuilder<Dispositif> b)
    {
        b.HasIndex(d => d.Slug).IsUnique();
        b.Property(d => d.Slug).HasMaxLength(120);
        b.Property(d => d.Nom).HasMaxLength(200);
        b.Property(d => d.Resume).HasMaxLength(300);
        b.Property(d => d.Description).HasMaxLength(8000);
        b.Property(d => d.TypeService).HasMaxLength(40);
        b.Property(d => d.ConditionsAcces).HasMaxLength(2000);
        b.Property(d => d.RemunerationDetail).HasMaxLength(500);
        b.Property(d => d.Frais).HasMaxLength(20);
        b.Property(d => d.LienMobilisation).HasMaxLength(500);
        b.Property(d => d.Source).HasMaxLength(500);
        b.Property(d => d.ZoneType).HasConversion<string>().HasMaxLength(20);
        b.HasMany(d => d.Lieux).WithMany(l => l.Dispositifs).UsingEntity("DispositifLieux");
    }
}
