using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Raccroche.Web.Features.Accounts;
using Raccroche.Web.Features.Audit;
using Raccroche.Web.Features.Contact;
using Raccroche.Web.Features.Sheets;

namespace Raccroche.Web.Data.Configurations;

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

internal sealed class SuiviDemandeConfiguration : IEntityTypeConfiguration<SuiviDemande>
{
    public void Configure(EntityTypeBuilder<SuiviDemande> b)
    {
        b.HasIndex(s => new { s.DemandeId, s.Le });
        b.Property(s => s.Statut).HasMaxLength(30);
        b.Property(s => s.Note).HasMaxLength(500);
        b.Property(s => s.AuteurId).HasMaxLength(450);
        b.Property(s => s.Auteur).HasMaxLength(100);
        b.HasOne<DemandeContact>().WithMany(d => d.Suivi).HasForeignKey(s => s.DemandeId).OnDelete(DeleteBehavior.Cascade);
    }
}

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

internal sealed class JournalAccesConfiguration : IEntityTypeConfiguration<JournalAcces>
{
    public void Configure(EntityTypeBuilder<JournalAcces> b)
    {
        b.ToTable("JournalAcces");
        b.HasIndex(j => j.Le);
        b.HasIndex(j => new { j.Ressource, j.RessourceId });
        b.HasIndex(j => j.UtilisateurId);
        b.Property(j => j.UtilisateurId).HasMaxLength(450);
        b.Property(j => j.Utilisateur).HasMaxLength(256);
        b.Property(j => j.Action).HasMaxLength(40);
        b.Property(j => j.Ressource).HasMaxLength(40);
        // An invitation's line names it by its address (up to 256 characters, as an account's e-mail).
        b.Property(j => j.RessourceId).HasMaxLength(256);
        b.Property(j => j.Adresse).HasMaxLength(64);
        b.Property(j => j.Detail).HasMaxLength(500);
    }
}
