using Raccroche.Web.Features.Moderation;

namespace Raccroche.Web.Features.Agenda;

/// <summary>
/// An event of the agenda (a forum, an information meeting, a training session…), organised by a structure (its
/// <see cref="ContenuModere.StructureId"/> when it is in the catalogue, and always a name), on site or online. Instants are
/// stored in UTC and read in Paris time; an all-day event runs from midnight (Paris) of its first day to midnight after its
/// last. Moderated as every editorial content.
/// </summary>
public sealed class Evenement : ContenuModere
{
    public const int LongueurTitre = 200;
    public const int LongueurResume = 1000;

    public required string Titre { get; set; }
    public required string Resume { get; set; }
    public DateTime Debut { get; set; }
    public DateTime Fin { get; set; }
    public bool JourneeEntiere { get; set; }
    public bool EnLigne { get; set; }
    public string? Adresse { get; set; }

    /// <summary>The commune's INSEE code, for an event on site.</summary>
    public string? CodeCommune { get; set; }
    public string? LienEnLigne { get; set; }
    public required string Organisateur { get; set; }
    public string? LienInscription { get; set; }
    public List<string> Publics { get; set; } = [];
    public List<string> Themes { get; set; } = [];

    /// <summary>Département codes (an event on site has its commune's); empty: the whole region.</summary>
    public List<string> Territoire { get; set; } = [];

    /// <summary>The iCalendar UID, chosen once when the event is written and never changed (calendars update the event they have).</summary>
    public required string Uid { get; set; }

    public string Slug => TexteFrancais.Slug(Titre);

    /// <summary>The last calendar day of the event (Paris).</summary>
    public DateOnly DernierJour => JourneeEntiere ? HeureParis.Jour(Fin).AddDays(-1) : HeureParis.Jour(Fin);
}

internal sealed class EvenementConfiguration : IEntityTypeConfiguration<Evenement>
{
    public void Configure(EntityTypeBuilder<Evenement> b)
    {
        b.ToTable("Evenements");
        b.ConfigurerModeration();
        b.Ignore(e => e.Slug);
        b.Ignore(e => e.DernierJour);
        b.HasIndex(e => new { e.Statut, e.Fin });
        b.HasIndex(e => e.Uid).IsUnique();
        b.Property(e => e.Titre).HasMaxLength(Evenement.LongueurTitre);
        b.Property(e => e.Resume).HasMaxLength(Evenement.LongueurResume);
        b.Property(e => e.Adresse).HasMaxLength(300);
        b.Property(e => e.CodeCommune).HasMaxLength(5);
        b.Property(e => e.LienEnLigne).HasMaxLength(500);
        b.Property(e => e.Organisateur).HasMaxLength(200);
        b.Property(e => e.LienInscription).HasMaxLength(500);
        b.Property(e => e.Uid).HasMaxLength(200);
    }
}
