

namespace Raccroche.Web.Features.Diagnostic;

internal sealed class StatistiqueDiagnosticConfiguration : IEntityTypeConfiguration<Raccroche.Web.Features.Diagnostic.StatistiqueDiagnostic>
{
    public void Configure(EntityTypeBuilder<Raccroche.Web.Features.Diagnostic.StatistiqueDiagnostic> b)
    {
        b.HasIndex(s => new { s.Jour, s.Departement, s.TrancheAge, s.Situation, s.Souhait }).IsUnique();
        b.Property(s => s.Departement).HasMaxLength(3);
        b.Property(s => s.TrancheAge).HasMaxLength(20);
        b.Property(s => s.Situation).HasMaxLength(40);
        b.Property(s => s.Souhait).HasMaxLength(20);
    }
}
