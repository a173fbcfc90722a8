using System.Reflection;

namespace Raccroche.Web.Features.Catalogue;

/// <summary>How a sheet field is typed, checked and read back: this decides its diff text and its column's limit.</summary>
public enum GenreChamp
{
    /// <summary>Free text, at most <see cref="Champ.LongueurMax"/> characters.</summary>
    Texte,

    /// <summary>One code of <see cref="Champ.Vocabulaire"/>, or none.</summary>
    Choix,

    /// <summary>Codes of <see cref="Champ.Vocabulaire"/>.</summary>
    Liste,

    /// <summary>A whole number, shown through <see cref="Champ.Unite"/>.</summary>
    Entier,

    /// <summary>Yes, no or not said (<see cref="Champ.Oui"/>, <see cref="Champ.Non"/>).</summary>
    OuiNon,

    /// <summary>Yes or no (a box to tick).</summary>
    Case,

    /// <summary>A zone type and its codes (two properties, <c>ZoneType</c> and <c>ZoneCodes</c>).</summary>
    Zone,

    /// <summary>The places a programme is linked to.</summary>
    Lieux,
}

/// <summary>
/// One editable field of a catalogue sheet: its key in forms and diffs, the property that holds it (same name on the
/// entity, the sheet content and the form), its French label, and what it accepts.
/// </summary>
public sealed record Champ(string Cle, string Propriete, string Libelle, GenreChamp Genre)
{
    public int? LongueurMax { get; init; }

    /// <summary>Long texts get a word-level diff.</summary>
    public bool Long { get; init; }
    public Liste? Vocabulaire { get; init; }

    /// <summary>For a number: how it reads, "{0}" standing for the value ("{0} ans").</summary>
    public string Unite { get; init; } = "{0}";
    public string Oui { get; init; } = "Oui";
    public string Non { get; init; } = "Non";

    /// <summary>How an empty value reads.</summary>
    public string Vide { get; init; } = "";

    public int Max => LongueurMax ?? throw new InvalidOperationException($"Field {Cle} has no length limit.");

    /// <summary>The properties this field occupies (a zone has two).</summary>
    public IEnumerable<string> Proprietes => Genre == GenreChamp.Zone ? ["ZoneType", "ZoneCodes"] : [Propriete];

    public static Champ Texte(string cle, string propriete, string libelle, int max, bool texteLong = false) =>
        new(cle, propriete, libelle, GenreChamp.Texte) { LongueurMax = max, Long = texteLong };

    /// <summary>The field's value on <paramref name="objet"/> (an entity, a content) read by its property name.</summary>
    public object? Valeur(object objet) => ProprieteDe(objet.GetType(), Propriete).GetValue(objet);

    /// <summary>
    /// Copies the described fields from <paramref name="source"/> onto <paramref name="cible"/>, property by property of
    /// the same name (lists are copied, not shared); the places are left to the caller, who knows which ones are allowed.
    /// </summary>
    public static T Copier<T>(object source, T cible, IEnumerable<Champ> champs) where T : notnull
    {
        foreach (var p in champs.Where(c => c.Genre != GenreChamp.Lieux).SelectMany(c => c.Proprietes))
        {
            var valeur = ProprieteDe(source.GetType(), p).GetValue(source);
            ProprieteDe(cible.GetType(), p).SetValue(cible, valeur is List<string> liste ? new List<string>(liste) : valeur);
        }

        return cible;
    }

    private static PropertyInfo ProprieteDe(Type type, string nom) => type.GetProperty(nom)
        ?? throw new InvalidOperationException($"{type.Name} has no property {nom}.");
}

/// <summary>The editable fields of a programme: the one list the sheet content, its diff, the form's limits and the columns follow.</summary>
public static class ChampsDispositif
{
    public static readonly Champ Nom = Champ.Texte("nom", nameof(Dispositif.Nom), "Nom", 200);
    public static readonly Champ Resume = Champ.Texte("resume", nameof(Dispositif.Resume), "Résumé", 300, texteLong: true);
    public static readonly Champ Description = Champ.Texte("description", nameof(Dispositif.Description), "Description", 8000, texteLong: true);
    public static readonly Champ ConditionsAcces = Champ.Texte("conditions-acces", nameof(Dispositif.ConditionsAcces), "Conditions d'accès", 2000, texteLong: true);
    public static readonly Champ RemunerationDetail = Champ.Texte("remuneration-detail", nameof(Dispositif.RemunerationDetail), "Précisions sur la rémunération", 500, texteLong: true);
    public static readonly Champ LienMobilisation = Champ.Texte("lien-mobilisation", nameof(Dispositif.LienMobilisation), "Service en ligne", 500);

    /// <summary>In the order of the sheet (and of its diff).</summary>
    public static readonly IReadOnlyList<Champ> Tous =
    [
        Nom,
        Resume,
        Description,
        new("entrees", nameof(Dispositif.Entrees), "Entrées", GenreChamp.Liste) { Vocabulaire = Vocabulaire.Entrees },
        new("thematiques", nameof(Dispositif.Thematiques), "Thématiques", GenreChamp.Liste) { Vocabulaire = Vocabulaire.Thematiques },
        new("type-service", nameof(Dispositif.TypeService), "Type de service", GenreChamp.Choix) { Vocabulaire = Vocabulaire.TypesService, LongueurMax = 40 },
        new("publics", nameof(Dispositif.Publics), "Publics", GenreChamp.Liste) { Vocabulaire = Vocabulaire.Publics },
        new("age-min", nameof(Dispositif.AgeMin), "Âge minimum", GenreChamp.Entier) { Unite = "{0} ans" },
        new("age-max", nameof(Dispositif.AgeMax), "Âge maximum", GenreChamp.Entier) { Unite = "{0} ans" },
        new("niveaux", nameof(Dispositif.Niveaux), "Niveaux de diplôme", GenreChamp.Liste) { Vocabulaire = Vocabulaire.Niveaux },
        new("situations", nameof(Dispositif.Situations), "Situations", GenreChamp.Liste) { Vocabulaire = Vocabulaire.Situations },
        ConditionsAcces,
        new("duree-semaines", nameof(Dispositif.DureeSemaines), "Durée", GenreChamp.Entier) { Unite = "{0} semaines" },
        new("heures-hebdo", nameof(Dispositif.HeuresHebdo), "Rythme", GenreChamp.Entier) { Unite = "{0} heures par semaine" },
        new("remunere", nameof(Dispositif.Remunere), "Rémunéré", GenreChamp.OuiNon),
        RemunerationDetail,
        new("internat", nameof(Dispositif.Internat), "Internat", GenreChamp.OuiNon) { Oui = "Possible" },
        new("frais", nameof(Dispositif.Frais), "Coût", GenreChamp.Choix) { Vocabulaire = Vocabulaire.Frais, LongueurMax = 20, Vide = "Non précisé" },
        new("entree-permanente", nameof(Dispositif.EntreePermanente), "Entrées", GenreChamp.OuiNon) { Oui = "À tout moment", Non = "Par sessions" },
        new("capacite", nameof(Dispositif.Capacite), "Nombre de places", GenreChamp.Entier),
        new("modes-mobilisation", nameof(Dispositif.ModesMobilisation), "Comment le mobiliser", GenreChamp.Liste) { Vocabulaire = Vocabulaire.ModesMobilisation },
        new("personnes-mobilisatrices", nameof(Dispositif.PersonnesMobilisatrices), "Qui peut le mobiliser", GenreChamp.Liste) { Vocabulaire = Vocabulaire.PersonnesMobilisatrices },
        new("prescription-professionnel", nameof(Dispositif.PrescriptionProfessionnel), "Sur orientation d'un professionnel", GenreChamp.Case),
        LienMobilisation,
        new("zone", "Zone", "Territoire", GenreChamp.Zone),
        new("lieux", nameof(Dispositif.Lieux), "Lieux", GenreChamp.Lieux),
        new("suspendu", nameof(Dispositif.Suspendu), "Suspendu", GenreChamp.Case),
    ];

    /// <summary>Properties of <see cref="Dispositif"/> that are not edited on its sheet.</summary>
    public static readonly IReadOnlyList<string> NonEditables =
        [nameof(Dispositif.Id), nameof(Dispositif.Slug), nameof(Dispositif.StructureId), nameof(Dispositif.Structure), nameof(Dispositif.DateMaj), nameof(Dispositif.Source),
        // Where an imported sheet comes from (data·inclusion, decision 0026): written by the import, never on the sheet.
        nameof(Dispositif.SourceDonnees), nameof(Dispositif.IdSource), nameof(Dispositif.PlusDansLaSource), nameof(Dispositif.ValeursImportees)];
}

/// <summary>The editable fields of a structure (its places have theirs, <see cref="ChampsLieu"/>).</summary>
public static class ChampsStructure
{
    public static readonly Champ Nom = Champ.Texte("nom", nameof(Structure.Nom), "Nom", 200);
    public static readonly Champ Description = Champ.Texte("description", nameof(Structure.Description), "Présentation", 4000, texteLong: true);

    public static readonly IReadOnlyList<Champ> Tous =
    [
        Nom,
        Description,
        Champ.Texte("site-web", nameof(Structure.SiteWeb), "Site internet", 500),
        Champ.Texte("courriel", nameof(Structure.Courriel), "Courriel", 200),
        Champ.Texte("telephone", nameof(Structure.Telephone), "Téléphone", 30),
        Champ.Texte("siret", nameof(Structure.Siret), "SIRET", 14),
    ];

    public static readonly IReadOnlyList<string> NonEditables =
    [
        nameof(Structure.Id), nameof(Structure.Slug), nameof(Structure.Type), nameof(Structure.ReseauPorteur), nameof(Structure.ZoneType),
        nameof(Structure.ZoneCodes), nameof(Structure.DateMaj), nameof(Structure.Lieux), nameof(Structure.Dispositifs),
        nameof(Structure.SourceDonnees), nameof(Structure.IdSource), nameof(Structure.PlusDansLaSource), nameof(Structure.ZoneEstimee),
        nameof(Structure.ValeursImportees), nameof(Structure.RepriseLe),
    ];
}

/// <summary>The editable fields of a place, edited on its structure's sheet (the commune and the position are not).</summary>
public static class ChampsLieu
{
    public static readonly Champ Nom = Champ.Texte("nom", nameof(Lieu.Nom), "Nom", 200);
    public static readonly Champ Adresse = Champ.Texte("adresse", nameof(Lieu.Adresse), "Adresse", 300);
    public static readonly Champ Horaires = Champ.Texte("horaires", nameof(Lieu.Horaires), "Horaires", 500, texteLong: true);

    public static readonly IReadOnlyList<Champ> Tous =
    [
        Nom,
        Adresse,
        Champ.Texte("code-postal", nameof(Lieu.CodePostal), "Code postal", 5),
        Horaires,
        Champ.Texte("telephone", nameof(Lieu.Telephone), "Téléphone", 30),
        Champ.Texte("courriel", nameof(Lieu.Courriel), "Courriel", 200),
        new("pmr", nameof(Lieu.AccessiblePmr), "Accessible en fauteuil roulant", GenreChamp.OuiNon),
    ];

    public static readonly IReadOnlyList<string> NonEditables =
    [
        nameof(Lieu.Id), nameof(Lieu.Slug), nameof(Lieu.StructureId), nameof(Lieu.Structure), nameof(Lieu.CodeInsee), nameof(Lieu.Latitude),
        nameof(Lieu.Longitude), nameof(Lieu.PositionApprochee), nameof(Lieu.Dispositifs),
    ];
}
