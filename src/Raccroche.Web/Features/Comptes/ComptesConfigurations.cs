
namespace Raccroche.Web.Features.Comptes;

internal sealed class UtilisateurConfiguration : IEntityTypeConfiguration<Utilisateur>
{
    public void Configure(EntityTypeBuilder<Utilisateur> b)
    {
        b.Property(u => u.NomAffiche).HasMaxLength(100);
        b.Property(u => u.Role).HasMaxLength(30);
        b.HasOne(u => u.Structure).WithMany().HasForeignKey(u => u.StructureId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(u => u.StructureId);
    }
}

internal sealed class SessionProConfiguration : IEntityTypeConfiguration<SessionPro>
{
    public void Configure(EntityTypeBuilder<SessionPro> b)
    {
        b.Property(s => s.Id).HasMaxLength(64);
        b.Property(s => s.UtilisateurId).HasMaxLength(450);
        b.Property(s => s.EmpreinteTampon).HasMaxLength(64);
        b.HasIndex(s => s.UtilisateurId);
        b.HasIndex(s => s.OuverteLe);
        b.HasOne<Utilisateur>().WithMany().HasForeignKey(s => s.UtilisateurId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EtatConnexionConfiguration : IEntityTypeConfiguration<EtatConnexion>
{
    public void Configure(EntityTypeBuilder<EtatConnexion> b)
    {
        b.ToTable("EtatsConnexion");
        b.HasKey(e => e.UtilisateurId);
        b.Property(e => e.UtilisateurId).HasMaxLength(450);
        b.HasOne<Utilisateur>().WithOne().HasForeignKey<EtatConnexion>(e => e.UtilisateurId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.HasIndex(i => i.JetonHash).IsUnique();
        b.HasIndex(i => i.ExpireLe);
        b.Property(i => i.Courriel).HasMaxLength(256);
        b.Property(i => i.Role).HasMaxLength(30);
        b.Property(i => i.JetonHash).HasMaxLength(64);
        b.Property(i => i.InviteParId).HasMaxLength(450);
        b.HasOne(i => i.Structure).WithMany().HasForeignKey(i => i.StructureId).OnDelete(DeleteBehavior.Cascade);
    }
}
