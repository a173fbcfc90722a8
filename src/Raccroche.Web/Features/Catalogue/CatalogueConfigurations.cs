
namespace Raccroche.Web.Features.Catalogue;

internal sealed class StructureConfiguration : IEntityTypeConfiguration<Structure>
{
    public void Configure(EntityTypeBuilder<Structure> b)
    {
        b.HasIndex(s => s.Slug).IsUnique();
        b.Property(s => s.Slug).HasMaxLength(120);
        b.Property(s => s.Type).HasMaxLength(40);
        b.Property(s => s.ReseauPorteur).HasMaxLength(80);
        b.Property(s => s.ZoneType).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.SourceDonnees).HasMaxLength(100);
        b.Property(s => s.IdSource).HasMaxLength(300);
        b.HasIndex(s => new { s.SourceDonnees, s.IdSource }).IsUnique();
        LongueursMax.Appliquer(b, ChampsStructure.Tous);
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
        b.Property(l => l.CodeInsee).HasMaxLength(5);
        LongueursMax.Appliquer(b, ChampsLieu.Tous);
    }
}

internal sealed class DispositifConfiguration : IEntityTypeConfiguration<Dispositif>
{
    public void Configure(EntityTypeBuilder<Dispositif> b)
    {
        b.HasIndex(d => d.Slug).IsUnique();
        b.Property(d => d.Slug).HasMaxLength(120);
        b.Property(d => d.Source).HasMaxLength(500);
        b.Property(d => d.ZoneType).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.SourceDonnees).HasMaxLength(100);
        b.Property(d => d.IdSource).HasMaxLength(300);
        b.HasIndex(d => new { d.SourceDonnees, d.IdSource }).IsUnique();
        LongueursMax.Appliquer(b, ChampsDispositif.Tous);
        b.HasMany(d => d.Lieux).WithMany(l => l.Dispositifs).UsingEntity("DispositifLieux");
    }
}

/// <summary>The column limits of the editable fields come from their description, so the form and the column agree.</summary>
internal static class LongueursMax
{
    public static void Appliquer<T>(EntityTypeBuilder<T> b, IEnumerable<Champ> champs) where T : class
    {
        foreach (var c in champs.Where(c => c.LongueurMax is not null))
        {
            b.Property(c.Propriete).HasMaxLength(c.Max);
        }
    }
}
