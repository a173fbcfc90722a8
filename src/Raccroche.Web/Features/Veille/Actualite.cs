using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Moderation;

namespace Raccroche.Web.Features.Veille;

/// <summary>
/// A news item of the observatory's watch: a dated summary, in our own words, of what a source published, with its tags and
/// the catalogue's programmes and structures it concerns. Moderated as every editorial content (<see cref="ContenuModere"/>).
/// </summary>
public sealed class Actualite : ContenuModere
{
    public const int LongueurTitre = 200;
    public const int LongueurResume = 600;
    public const int LongueurCorps = 20000;

    public required string Titre { get; set; }

    /// <summary>The day the news is about (its publication by the source), shown and sorted on.</summary>
    public DateOnly Date { get; set; }
    public required string Resume { get; set; }

    /// <summary>Markdown, rendered without raw HTML (<see cref="Markdown"/>).</summary>
    public string? Corps { get; set; }
    public string? SourceNom { get; set; }
    public string? SourceUrl { get; set; }
    public List<string> Themes { get; set; } = [];
    public List<string> Publics { get; set; } = [];

    /// <summary>Département codes; empty: the whole region.</summary>
    public List<string> Territoire { get; set; } = [];
    public List<Dispositif> DispositifsLies { get; set; } = [];
    public List<Structure> StructuresLiees { get; set; } = [];

    /// <summary>The French search key of the title, summary, body and source (<see cref="TexteFrancais.CleRecherche"/>).</summary>
    public string CleRecherche { get; set; } = "";

    public string Slug => TexteFrancais.Slug(Titre);

    /// <summary>Recomputes what is derived from the typed fields.</summary>
    public void Indexer() => CleRecherche = TexteFrancais.CleRecherche($"{Titre} {Resume} {Corps} {SourceNom}");
}

internal sealed class ActualiteConfiguration : IEntityTypeConfiguration<Actualite>
{
    public void Configure(EntityTypeBuilder<Actualite> b)
    {
        b.ToTable("Actualites");
        b.ConfigurerModeration();
        b.Ignore(a => a.Slug);
        b.HasIndex(a => new { a.Statut, a.Date });
        b.Property(a => a.Titre).HasMaxLength(Actualite.LongueurTitre);
        b.Property(a => a.Resume).HasMaxLength(Actualite.LongueurResume);
        b.Property(a => a.Corps).HasMaxLength(Actualite.LongueurCorps);
        b.Property(a => a.SourceNom).HasMaxLength(200);
        b.Property(a => a.SourceUrl).HasMaxLength(500);
        b.HasMany(a => a.DispositifsLies).WithMany().UsingEntity("ActualiteDispositifs");
        b.HasMany(a => a.StructuresLiees).WithMany().UsingEntity("ActualiteStructures");
    }
}
