namespace Raccroche.Web.Features.Contact;

/// <summary>
/// A young person's request to be called back. Personal data: the least the adviser needs (first name,
/// one way to reach them, a preferred time), routed to one structure, anonymised after closure.
/// </summary>
public sealed class DemandeContact
{
    public int Id { get; set; }

    /// <summary>Short code shown to the young person and quoted to the adviser (no personal data in it).</summary>
    public required string Reference { get; set; }
    public DateTime CreeLe { get; set; }
    public required string Prenom { get; set; }
    public string? Telephone { get; set; }
    public string? Courriel { get; set; }
    public required string Creneau { get; set; }
    public string? Message { get; set; }
    public DateTime ConsentementLe { get; set; }
    public int StructureId { get; set; }
    public Catalogue.Structure? Structure { get; set; }
    public int? DispositifId { get; set; }

    /// <summary>The diagnostic answers (age, situation, level, commune, wish, needs) as JSON, so the adviser starts with the picture.</summary>
    public string Reponses { get; set; } = "{}";
    public string Statut { get; set; } = "nouvelle";
    public DateTime? ClotureLe { get; set; }
}

/// <summary>An e-mail waiting to be sent (outbox): written in the same transaction as what it reports, retried until sent.</summary>
public sealed class MessageSortant
{
    public int Id { get; set; }
    public required string Destinataire { get; set; }
    public required string Sujet { get; set; }
    public required string Corps { get; set; }
    public DateTime CreeLe { get; set; }
    public int Tentatives { get; set; }
    public DateTime ProchaineTentative { get; set; }
    public DateTime? EnvoyeLe { get; set; }
    public string? DerniereErreur { get; set; }
}
