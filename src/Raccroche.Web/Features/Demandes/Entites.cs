
namespace Raccroche.Web.Features.Demandes;

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
    public required Creneau Creneau { get; set; }
    public string? Message { get; set; }
    public DateTime ConsentementLe { get; set; }
    public int StructureId { get; set; }
    public Catalogue.Structure? Structure { get; set; }
    public int? DispositifId { get; set; }

    /// <summary>
    /// The commune (INSEE code) the request was routed for: the young person's, or for a professional's referral the
    /// programme's place. With <see cref="Departement"/>, it decides which coordinators see the request (not the
    /// receiving structure's places). Null for old requests whose commune is unknown: structure members only.
    /// </summary>
    public string? CodeCommune { get; set; }
    public string? Departement { get; set; }

    /// <summary>The diagnostic answers (age, situation, level, commune, wish, needs) as JSON, so the adviser starts with the picture.</summary>
    public string Reponses { get; set; } = "{}";
    public StatutDemande Statut { get; set; } = StatutDemande.Nouvelle;
    public DateTime? ClotureLe { get; set; }

    /// <summary>Who started it: the young person, a professional or a re-referral.</summary>
    public OrigineDemande Origine { get; set; } = OrigineDemande.Jeune;

    /// <summary>The sending structure and professional, for referrals made by a professional.</summary>
    public int? StructureOrigineId { get; set; }
    public Catalogue.Structure? StructureOrigine { get; set; }
    public string? EmetteurId { get; set; }
    public string? Emetteur { get; set; }
    public int? Age { get; set; }
    public string? Situation { get; set; }

    /// <summary>The re-referral this one led to, when its status is "réorienté·e".</summary>
    public int? SuiteId { get; set; }
    public MotifSansSuite? MotifSansSuite { get; set; }
    public DateTime? PremierContactLe { get; set; }

    /// <summary>Last status change (or creation): the 10-day reminder counts from here.</summary>
    public DateTime DernierMouvementLe { get; set; }
    public DateTime? RelanceLe { get; set; }
    public DateTime? AnonymiseeLe { get; set; }
    public List<SuiviDemande> Suivi { get; set; } = [];
}

/// <summary>One status change of a request, with who made it and an optional note.</summary>
public sealed class SuiviDemande
{
    public int Id { get; set; }
    public int DemandeId { get; set; }
    public DateTime Le { get; set; }
    public required StatutDemande Statut { get; set; }
    public string? Note { get; set; }
    public string? AuteurId { get; set; }
    public required string Auteur { get; set; }
}
