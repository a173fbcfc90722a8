using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Raccroche.Web.Features.Contact;

namespace Raccroche.Web.Data.Configurations;

internal sealed class DemandeContactConfiguration : IEntityTypeConfiguration<DemandeContact>
{
    public void Configure(EntityTypeBuilder<DemandeContact> b)
    {
        b.HasIndex(d => d.Reference).IsUnique();
        b.HasIndex(d => new { d.StructureId, d.CreeLe });
        b.Property(d => d.Reference).HasMaxLength(12);
        b.Property(d => d.Prenom).HasMaxLength(50);
        b.Property(d => d.Telephone).HasMaxLength(20);
        b.Property(d => d.Courriel).HasMaxLength(200);
        b.Property(d => d.Creneau).HasMaxLength(20);
        b.Property(d => d.Message).HasMaxLength(1000);
        b.Property(d => d.Reponses).HasMaxLength(2000);
        // Two status changes taken on the same state (two "réorienté·e" clicks): the second finds the status changed and fails.
        b.Property(d => d.Statut).HasMaxLength(30).IsConcurrencyToken();
        b.HasOne(d => d.Structure).WithMany().HasForeignKey(d => d.StructureId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(d => d.StructureOrigine).WithMany().HasForeignKey(d => d.StructureOrigineId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => new { d.StructureOrigineId, d.CreeLe });
        b.HasIndex(d => d.ClotureLe);
        b.Property(d => d.Origine).HasMaxLength(20);
        b.Property(d => d.EmetteurId).HasMaxLength(450);
        b.Property(d => d.Emetteur).HasMaxLength(100);
        b.Property(d => d.Situation).HasMaxLength(40);
        b.Property(d => d.MotifSansSuite).HasMaxLength(40);
        b.Property(d => d.CodeCommune).HasMaxLength(5);
        b.Property(d => d.Departement).HasMaxLength(3);
        b.HasIndex(d => d.Departement);
        b.HasIndex(d => d.CodeCommune);
    }
}

internal sealed class MessageSortantConfiguration : IEntityTypeConfiguration<MessageSortant>
{
    public void Configure(EntityTypeBuilder<MessageSortant> b)
    {
        b.HasIndex(m => new { m.EnvoyeLe, m.ProchaineTentative });
        b.HasIndex(m => m.DemandeId);
        b.HasOne<DemandeContact>().WithMany().HasForeignKey(m => m.DemandeId).OnDelete(DeleteBehavior.Cascade);
        b.Property(m => m.Statut).HasMaxLength(20);

        // As long as an account's e-mail (Identity: 256), since invitations are mailed to it.
        b.Property(m => m.Destinataire).HasMaxLength(256);
        b.Property(m => m.Sujet).HasMaxLength(300);
        b.Property(m => m.Corps).HasMaxLength(20000);
        b.Property(m => m.DerniereErreur).HasMaxLength(1000);
    }
}
