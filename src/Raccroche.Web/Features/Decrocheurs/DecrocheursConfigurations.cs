
namespace Raccroche.Web.Features.Decrocheurs;

internal sealed class PsadConfiguration : IEntityTypeConfiguration<Psad>
{
    public void Configure(EntityTypeBuilder<Psad> b)
    {
        b.HasIndex(p => p.Code).IsUnique();
        b.Property(p => p.Code).HasMaxLength(20);
        b.Property(p => p.Nom).HasMaxLength(150);
        b.HasMany(p => p.Partenaires).WithOne().HasForeignKey(x => x.PsadId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PartenairePsadConfiguration : IEntityTypeConfiguration<PartenairePsad>
{
    public void Configure(EntityTypeBuilder<PartenairePsad> b)
    {
        b.HasKey(x => new { x.PsadId, x.StructureId });
        b.HasOne(x => x.Structure).WithMany().HasForeignKey(x => x.StructureId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LivraisonConfiguration : IEntityTypeConfiguration<Livraison>
{
    public void Configure(EntityTypeBuilder<Livraison> b)
    {
        b.HasIndex(l => new { l.PsadId, l.EmpreinteFichier }).IsUnique();
        b.HasIndex(l => new { l.PsadId, l.Mois });
        b.Property(l => l.NomFichier).HasMaxLength(200);
        b.Property(l => l.EmpreinteFichier).HasMaxLength(64);
        b.Property(l => l.ImporteePar).HasMaxLength(256);
        b.HasOne<Psad>().WithMany().HasForeignKey(l => l.PsadId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class JeuneSuiviConfiguration : IEntityTypeConfiguration<JeuneSuivi>
{
    public void Configure(EntityTypeBuilder<JeuneSuivi> b)
    {
        b.HasIndex(j => new { j.PsadId, j.Ine });
        b.HasIndex(j => new { j.PsadId, j.DateNaissance });
        b.Property(j => j.Ine).HasMaxLength(11);
        b.Property(j => j.Nom).HasMaxLength(100);
        b.Property(j => j.NomNaissance).HasMaxLength(100);
        b.Property(j => j.Prenom).HasMaxLength(100);
        b.Property(j => j.LieuNaissance).HasMaxLength(100);
        b.Property(j => j.CodeInsee).HasMaxLength(5);
        b.Property(j => j.Commune).HasMaxLength(100);
        b.HasOne<Psad>().WithMany().HasForeignKey(j => j.PsadId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SituationSieiConfiguration : IEntityTypeConfiguration<SituationSiei>
{
    public void Configure(EntityTypeBuilder<SituationSiei> b)
    {
        b.HasIndex(s => new { s.LivraisonId, s.JeuneSuiviId });
        b.HasIndex(s => s.JeuneSuiviId);
        b.Property(s => s.Issue).HasMaxLength(20);
        b.Property(s => s.Raison).HasMaxLength(200);
        b.Property(s => s.Contenu).HasMaxLength(8000);
        b.HasOne<Livraison>().WithMany().HasForeignKey(s => s.LivraisonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<JeuneSuivi>().WithMany().HasForeignKey(s => s.JeuneSuiviId).OnDelete(DeleteBehavior.Cascade);
    }
}
