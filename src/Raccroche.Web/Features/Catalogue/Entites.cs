
namespace Raccroche.Web.Features.Catalogue;

/// <summary>An organisation that carries programmes and receives young people (mission locale, CIO, E2C...).</summary>
public sealed class Structure
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Nom { get; set; }
    public required string Type { get; set; }
    public string? ReseauPorteur { get; set; }
    public string? Siret { get; set; }
    public string? SiteWeb { get; set; }
    public string Description { get; set; } = "";
    public string? Courriel { get; set; }
    public string? Telephone { get; set; }
    public ZoneType ZoneType { get; set; }
    public List<string> ZoneCodes { get; set; } = [];
    public DateOnly DateMaj { get; set; }
    public List<Lieu> Lieux { get; set; } = [];
    public List<Dispositif> Dispositifs { get; set; } = [];

    /// <summary>The data·inclusion producer the sheet was imported from (<c>annuaire-service-public</c>…); null when written here.</summary>
    public string? SourceDonnees { get; set; }

    /// <summary>The record's id at that producer (<c>source--id</c>), the key of a later import.</summary>
    public string? IdSource { get; set; }

    /// <summary>A newer full file of the source no longer holds the record: kept, flagged, never deleted.</summary>
    public bool PlusDansLaSource { get; set; }

    /// <summary>The competence zone was computed (nearest office of the same kind in the département), not given.</summary>
    public bool ZoneEstimee { get; set; }

    /// <summary>The last imported record (data·inclusion JSON): what "inchangé" and a conflict are measured against.</summary>
    public string? ValeursImportees { get; set; }

    /// <summary>When the structure's members took the imported sheet over: from then on an import never overwrites their fields.</summary>
    public DateTimeOffset? RepriseLe { get; set; }
}

/// <summary>A physical place where a structure receives people.</summary>
public sealed class Lieu
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public int StructureId { get; set; }
    public Structure? Structure { get; set; }
    public required string Nom { get; set; }
    public string? Adresse { get; set; }
    public string? CodePostal { get; set; }
    public required string CodeInsee { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }

    /// <summary>True when the position is the commune's centre, not the building's.</summary>
    public bool PositionApprochee { get; set; }
    public string? Horaires { get; set; }
    public bool? AccessiblePmr { get; set; }
    public string? Telephone { get; set; }
    public string? Courriel { get; set; }
    public List<Dispositif> Dispositifs { get; set; } = [];
}

/// <summary>A programme ("dispositif") a professional can mobilise for a young person.</summary>
public sealed class Dispositif
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Nom { get; set; }
    public required string Resume { get; set; }
    public string Description { get; set; } = "";
    public List<string> Entrees { get; set; } = [];
    public List<string> Thematiques { get; set; } = [];
    public string? TypeService { get; set; }
    public List<string> Publics { get; set; } = [];
    public int? AgeMin { get; set; }
    public int? AgeMax { get; set; }
    public List<string> Niveaux { get; set; } = [];
    public List<string> Situations { get; set; } = [];
    public string? ConditionsAcces { get; set; }
    public int? DureeSemaines { get; set; }
    public int? HeuresHebdo { get; set; }
    public bool? Internat { get; set; }
    public bool? Remunere { get; set; }
    public string? RemunerationDetail { get; set; }
    public string? Frais { get; set; }
    public bool? EntreePermanente { get; set; }
    public int? Capacite { get; set; }
    public List<string> ModesMobilisation { get; set; } = [];
    public List<string> PersonnesMobilisatrices { get; set; } = [];
    public bool PrescriptionProfessionnel { get; set; }
    public string? LienMobilisation { get; set; }
    public ZoneType ZoneType { get; set; }
    public List<string> ZoneCodes { get; set; } = [];
    public int StructureId { get; set; }
    public Structure? Structure { get; set; }
    public List<Lieu> Lieux { get; set; } = [];
    public DateOnly DateMaj { get; set; }
    public string? Source { get; set; }
    public bool Suspendu { get; set; }

    /// <summary>The data·inclusion producer the service was imported from; null when written here.</summary>
    public string? SourceDonnees { get; set; }

    /// <summary>The service's id at that producer.</summary>
    public string? IdSource { get; set; }

    /// <summary>A newer full file of the source no longer holds the service.</summary>
    public bool PlusDansLaSource { get; set; }

    /// <summary>The last imported record (data·inclusion JSON).</summary>
    public string? ValeursImportees { get; set; }
}

public enum ZoneType
{
    France,
    Region,
    Departements,
    Epci,
    Communes,
}
