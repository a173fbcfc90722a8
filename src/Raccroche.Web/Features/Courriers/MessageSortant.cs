namespace Raccroche.Web.Features.Courriers;

/// <summary>
/// An e-mail waiting to be sent (outbox): written in the same transaction as what it reports, retried until sent
/// or given up (then its recipient and body are blanked, a trace remains).
/// </summary>
public sealed class MessageSortant
{
    public int Id { get; set; }

    /// <summary>The request whose data the mail repeats, if any: retention erases the mail with the request.</summary>
    public int? DemandeId { get; set; }
    public StatutMessage Statut { get; set; } = StatutMessage.EnAttente;
    public required string Destinataire { get; set; }
    public required string Sujet { get; set; }
    public required string Corps { get; set; }
    public DateTime CreeLe { get; set; }
    public int Tentatives { get; set; }
    public DateTime ProchaineTentative { get; set; }
    public DateTime? EnvoyeLe { get; set; }
    public DateTime? AbandonneLe { get; set; }
    public string? DerniereErreur { get; set; }
}

/// <summary>Where an outbox message stands; stored as the same strings as before the enum existed.</summary>
public enum StatutMessage
{
    [Valeur("en-attente", "En attente")] EnAttente,
    [Valeur("envoye", "Envoyé")] Envoye,
    [Valeur("abandonne", "Abandonné")] Abandonne,
}
