
namespace Raccroche.Web.Features.Courriers;

internal sealed class MessageSortantConfiguration : IEntityTypeConfiguration<MessageSortant>
{
    public void Configure(EntityTypeBuilder<MessageSortant> b)
    {
        b.HasIndex(m => new { m.EnvoyeLe, m.ProchaineTentative });
        b.HasIndex(m => m.DemandeId);
        b.Property(m => m.Statut).HasMaxLength(20);

        // As long as an account's e-mail (Identity: 256), since invitations are mailed to it.
        b.Property(m => m.Destinataire).HasMaxLength(256);
        b.Property(m => m.Sujet).HasMaxLength(300);
        b.Property(m => m.Corps).HasMaxLength(20000);
        b.Property(m => m.DerniereErreur).HasMaxLength(1000);
    }
}
