
namespace Raccroche.Web.Features.Decrocheurs;

/// <summary>
/// A plateforme de suivi et d'appui aux décrocheurs: a territory (département or commune codes) and the
/// partner structures (CIO, MLDS, mission locale, E2C...) whose référents follow its young people.
/// </summary>
public sealed class Psad
{
    public int Id { get; set; }

    /// <summary>Short stable code used by the verbs and in URLs, e.g. "63".</summary>
    public required string Code { get; set; }
    public required string Nom { get; set; }
    public List<string> Territoire { get; set; } = [];
    public List<PartenairePsad> Partenaires { get; set; } = [];
}

public sealed class PartenairePsad
{
    public int PsadId { get; set; }
    public int StructureId { get; set; }
    public Catalogue.Structure? Structure { get; set; }
}

/// <summary>One SIEI list received by a PSAD (SIEI sends one a month since February 2022).</summary>
public sealed class Livraison
{
    public int Id { get; set; }
    public int PsadId { get; set; }

    /// <summary>The month the list stands for (first day of the month).</summary>
    public DateOnly Mois { get; set; }
    public required string NomFichier { get; set; }

    /// <summary>SHA-256 of the file: the same file imported twice is recognised and changes nothing.</summary>
    public required string EmpreinteFichier { get; set; }
    public DateTime ImporteeLe { get; set; }
    public string? ImporteePar { get; set; }
    public int Lignes { get; set; }
    public int Nouveaux { get; set; }
    public int Rapproches { get; set; }
    public int AArbitrer { get; set; }
    public int Absents { get; set; }
    public int Reapparus { get; set; }
    public int Ignores { get; set; }

    /// <summary>The faulty rows left out (line, field, message: never the values), as JSON.</summary>
    public string Erreurs { get; set; } = "[]";
}

/// <summary>A young person followed by a PSAD: one per person, whatever the number of lists they appear in.</summary>
public sealed class JeuneSuivi
{
    public int Id { get; set; }
    public int PsadId { get; set; }
    public string? Ine { get; set; }
    public string? Nom { get; set; }
    public string? NomNaissance { get; set; }
    public string? Prenom { get; set; }
    public DateOnly? DateNaissance { get; set; }
    public string? LieuNaissance { get; set; }
    public string? CodeInsee { get; set; }
    public string? Commune { get; set; }
    public DateTime CreeLe { get; set; }
    public int PremiereLivraisonId { get; set; }
    public int DerniereLivraisonId { get; set; }
}

/// <summary>
/// What one row of a livraison said, frozen: the case file shows every list the young person appeared in.
/// A row "à arbitrer" has no young person yet: a coordinator merges or separates it.
/// </summary>
public sealed class SituationSiei
{
    public long Id { get; set; }
    public int LivraisonId { get; set; }
    public int? JeuneSuiviId { get; set; }
    public int Ligne { get; set; }
    public required string Issue { get; set; }
    public string? Raison { get; set; }
    public List<int> Candidats { get; set; } = [];

    /// <summary>The row as typed by SIEI (<see cref="LigneSiei"/> as JSON), never changed.</summary>
    public required string Contenu { get; set; }
}
