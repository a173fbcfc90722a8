using System.Text.Encodings.Web;
using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Communes;

namespace Raccroche.Web.Features.Fiches;

/// <summary>The fields of a structure's sheet a member may change, with the hours and contacts of its places.</summary>
public sealed record ContenuStructure
{
    public required string Nom { get; init; }
    public string Description { get; init; } = "";
    public string? SiteWeb { get; init; }
    public string? Courriel { get; init; }
    public string? Telephone { get; init; }
    public string? Siret { get; init; }
    public List<ContenuLieu> Lieux { get; init; } = [];

    public static ContenuStructure De(Structure s) => new()
    {
        Nom = s.Nom,
        Description = s.Description,
        SiteWeb = s.SiteWeb,
        Courriel = s.Courriel,
        Telephone = s.Telephone,
        Siret = s.Siret,
        Lieux = [.. s.Lieux.OrderBy(l => l.Nom, StringComparer.Ordinal).ThenBy(l => l.Id).Select(ContenuLieu.De)],
    };

    /// <summary>Copies the content onto the live structure. Places are matched by id and must belong to it; the commune and position are not editable here.</summary>
    public void Appliquer(Structure s)
    {
        s.Nom = Nom;
        s.Description = Description;
        s.SiteWeb = SiteWeb;
        s.Courriel = Courriel;
        s.Telephone = Telephone;
        s.Siret = Siret;
        foreach (var l in Lieux)
        {
            if (s.Lieux.FirstOrDefault(x => x.Id == l.Id) is { } lieu)
            {
                l.Appliquer(lieu);
            }
        }
    }
}

public sealed record ContenuLieu
{
    public int Id { get; init; }
    public required string Nom { get; init; }
    public string? Adresse { get; init; }
    public string? CodePostal { get; init; }
    public string? Horaires { get; init; }
    public string? Telephone { get; init; }
    public string? Courriel { get; init; }
    public bool? AccessiblePmr { get; init; }

    public static ContenuLieu De(Lieu l) => new()
    {
        Id = l.Id,
        Nom = l.Nom,
        Adresse = l.Adresse,
        CodePostal = l.CodePostal,
        Horaires = l.Horaires,
        Telephone = l.Telephone,
        Courriel = l.Courriel,
        AccessiblePmr = l.AccessiblePmr,
    };

    public void Appliquer(Lieu l)
    {
        l.Nom = Nom;
        l.Adresse = Adresse;
        l.CodePostal = CodePostal;
        l.Horaires = Horaires;
        l.Telephone = Telephone;
        l.Courriel = Courriel;
        l.AccessiblePmr = AccessiblePmr;
    }
}

/// <summary>The fields of a programme's sheet a member may change (everything public except the slug and the source line).</summary>
public sealed record ContenuDispositif
{
    public required string Nom { get; init; }
    public required string Resume { get; init; }
    public string Description { get; init; } = "";
    public List<string> Entrees { get; init; } = [];
    public List<string> Thematiques { get; init; } = [];
    public string? TypeService { get; init; }
    public List<string> Publics { get; init; } = [];
    public int? AgeMin { get; init; }
    public int? AgeMax { get; init; }
    public List<string> Niveaux { get; init; } = [];
    public List<string> Situations { get; init; } = [];
    public string? ConditionsAcces { get; init; }
    public int? DureeSemaines { get; init; }
    public int? HeuresHebdo { get; init; }
    public bool? Internat { get; init; }
    public bool? Remunere { get; init; }
    public string? RemunerationDetail { get; init; }
    public string? Frais { get; init; }
    public bool? EntreePermanente { get; init; }
    public int? Capacite { get; init; }
    public List<string> ModesMobilisation { get; init; } = [];
    public List<string> PersonnesMobilisatrices { get; init; } = [];
    public bool PrescriptionProfessionnel { get; init; }
    public string? LienMobilisation { get; init; }
    public ZoneType ZoneType { get; init; }
    public List<string> ZoneCodes { get; init; } = [];
    public List<int> Lieux { get; init; } = [];
    public bool Suspendu { get; init; }

    public static ContenuDispositif De(Dispositif d) => new()
    {
        Nom = d.Nom,
        Resume = d.Resume,
        Description = d.Description,
        Entrees = [.. d.Entrees],
        Thematiques = [.. d.Thematiques],
        TypeService = d.TypeService,
        Publics = [.. d.Publics],
        AgeMin = d.AgeMin,
        AgeMax = d.AgeMax,
        Niveaux = [.. d.Niveaux],
        Situations = [.. d.Situations],
        ConditionsAcces = d.ConditionsAcces,
        DureeSemaines = d.DureeSemaines,
        HeuresHebdo = d.HeuresHebdo,
        Internat = d.Internat,
        Remunere = d.Remunere,
        RemunerationDetail = d.RemunerationDetail,
        Frais = d.Frais,
        EntreePermanente = d.EntreePermanente,
        Capacite = d.Capacite,
        ModesMobilisation = [.. d.ModesMobilisation],
        PersonnesMobilisatrices = [.. d.PersonnesMobilisatrices],
        PrescriptionProfessionnel = d.PrescriptionProfessionnel,
        LienMobilisation = d.LienMobilisation,
        ZoneType = d.ZoneType,
        ZoneCodes = [.. d.ZoneCodes],
        Lieux = [.. d.Lieux.Select(l => l.Id).Order()],
        Suspendu = d.Suspendu,
    };

    /// <summary>
    /// Copies the content onto the live programme. <paramref name="lieuxPossibles"/> are the places it may be
    /// linked to (its structure's and those it already had), tracked; ids that no longer exist are ignored.
    /// </summary>
    public void Appliquer(Dispositif d, IReadOnlyCollection<Lieu> lieuxPossibles)
    {
        d.Nom = Nom;
        d.Resume = Resume;
        d.Description = Description;
        d.Entrees = [.. Entrees];
        d.Thematiques = [.. Thematiques];
        d.TypeService = TypeService;
        d.Publics = [.. Publics];
        d.AgeMin = AgeMin;
        d.AgeMax = AgeMax;
        d.Niveaux = [.. Niveaux];
        d.Situations = [.. Situations];
        d.ConditionsAcces = ConditionsAcces;
        d.DureeSemaines = DureeSemaines;
        d.HeuresHebdo = HeuresHebdo;
        d.Internat = Internat;
        d.Remunere = Remunere;
        d.RemunerationDetail = RemunerationDetail;
        d.Frais = Frais;
        d.EntreePermanente = EntreePermanente;
        d.Capacite = Capacite;
        d.ModesMobilisation = [.. ModesMobilisation];
        d.PersonnesMobilisatrices = [.. PersonnesMobilisatrices];
        d.PrescriptionProfessionnel = PrescriptionProfessionnel;
        d.LienMobilisation = LienMobilisation;
        d.ZoneType = ZoneType;
        d.ZoneCodes = [.. ZoneCodes];
        d.Suspendu = Suspendu;
        var voulus = Lieux.ToHashSet();
        d.Lieux.RemoveAll(l => !voulus.Contains(l.Id));
        foreach (var l in lieuxPossibles.Where(l => voulus.Contains(l.Id) && d.Lieux.All(x => x.Id != l.Id)))
        {
            d.Lieux.Add(l);
        }
    }
}

/// <summary>One field of a sheet as a person reads it: its label and its value as text (lists as labels, yes/no in words).</summary>
public sealed record ChampFiche(string Cle, string Libelle, string Texte, bool Long = false);

/// <summary>Serialisation of revision contents, and their readable form for the diffs.</summary>
public static class ContenuFiche
{
    /// <summary>
    /// Accents, quotes and &lt;, &gt;, &amp; kept as typed (fewer characters against the column's limit): this JSON
    /// is stored and read back, never written into a page.
    /// </summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>Size limit of the Contenu and Avant columns.</summary>
    public const int TailleMax = 20000;

    public static string Serialiser<T>(T contenu) => JsonSerializer.Serialize(contenu, Json);

    public static T Lire<T>(string json) => JsonSerializer.Deserialize<T>(json, Json)
        ?? throw new InvalidOperationException("Empty revision content.");

    public static IReadOnlyList<ChampFiche> Champs(ContenuStructure s)
    {
        var champs = new List<ChampFiche>
        {
            new("nom", "Nom", s.Nom),
            new("description", "Présentation", s.Description, Long: true),
            new("site-web", "Site internet", s.SiteWeb ?? ""),
            new("courriel", "Courriel", s.Courriel ?? ""),
            new("telephone", "Téléphone", s.Telephone ?? ""),
            new("siret", "SIRET", s.Siret ?? ""),
        };
        foreach (var l in s.Lieux)
        {
            var de = $" – {l.Nom}";
            champs.Add(new($"lieu-{l.Id}-nom", $"Lieu : nom (n° {l.Id})", l.Nom));
            champs.Add(new($"lieu-{l.Id}-adresse", "Adresse" + de, l.Adresse ?? ""));
            champs.Add(new($"lieu-{l.Id}-code-postal", "Code postal" + de, l.CodePostal ?? ""));
            champs.Add(new($"lieu-{l.Id}-horaires", "Horaires" + de, l.Horaires ?? "", Long: true));
            champs.Add(new($"lieu-{l.Id}-telephone", "Téléphone" + de, l.Telephone ?? ""));
            champs.Add(new($"lieu-{l.Id}-courriel", "Courriel" + de, l.Courriel ?? ""));
            champs.Add(new($"lieu-{l.Id}-pmr", "Accessible en fauteuil roulant" + de, Format.OuiNon(l.AccessiblePmr, "Oui", "Non")));
        }

        return champs;
    }

    public static IReadOnlyList<ChampFiche> Champs(ContenuDispositif d, IReadOnlyDictionary<int, string> nomsLieux, RepertoireCommunes communes) =>
    [
        new("nom", "Nom", d.Nom),
        new("resume", "Résumé", d.Resume, Long: true),
        new("description", "Description", d.Description, Long: true),
        new("entrees", "Entrées", Liste(d.Entrees, Vocabulaire.Entrees)),
        new("thematiques", "Thématiques", Liste(d.Thematiques, Vocabulaire.Thematiques)),
        new("type-service", "Type de service", d.TypeService is { } t ? Vocabulaire.TypesService.Libelle(t) : ""),
        new("publics", "Publics", Liste(d.Publics, Vocabulaire.Publics)),
        new("age-min", "Âge minimum", d.AgeMin is { } a ? $"{a} ans" : ""),
        new("age-max", "Âge maximum", d.AgeMax is { } b ? $"{b} ans" : ""),
        new("niveaux", "Niveaux de diplôme", Liste(d.Niveaux, Vocabulaire.Niveaux)),
        new("situations", "Situations", Liste(d.Situations, Vocabulaire.Situations)),
        new("conditions-acces", "Conditions d'accès", d.ConditionsAcces ?? "", Long: true),
        new("duree-semaines", "Durée", d.DureeSemaines is { } w ? $"{w} semaines" : ""),
        new("heures-hebdo", "Rythme", d.HeuresHebdo is { } h ? $"{h} heures par semaine" : ""),
        new("remunere", "Rémunéré", Format.OuiNon(d.Remunere, "Oui", "Non")),
        new("remuneration-detail", "Précisions sur la rémunération", d.RemunerationDetail ?? "", Long: true),
        new("internat", "Internat", Format.OuiNon(d.Internat, "Possible", "Non")),
        new("frais", "Coût", d.Frais switch { "gratuit" => "Gratuit", "payant" => "Payant", _ => "Non précisé" }),
        new("entree-permanente", "Entrées", Format.OuiNon(d.EntreePermanente, "À tout moment", "Par sessions")),
        new("capacite", "Nombre de places", d.Capacite?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""),
        new("modes-mobilisation", "Comment le mobiliser", Liste(d.ModesMobilisation, Vocabulaire.ModesMobilisation)),
        new("personnes-mobilisatrices", "Qui peut le mobiliser", Liste(d.PersonnesMobilisatrices, Vocabulaire.PersonnesMobilisatrices)),
        new("prescription-professionnel", "Sur orientation d'un professionnel", d.PrescriptionProfessionnel ? "Oui" : "Non"),
        new("lien-mobilisation", "Service en ligne", d.LienMobilisation ?? ""),
        new("zone", "Territoire", DecrireZone(d.ZoneType, d.ZoneCodes, communes)),
        new("lieux", "Lieux", string.Join(" ; ", d.Lieux.Select(i => nomsLieux.GetValueOrDefault(i, $"lieu n° {i}")).Order(StringComparer.Ordinal))),
        new("suspendu", "Suspendu", d.Suspendu ? "Oui" : "Non"),
    ];

    public static string DecrireZone(ZoneType type, IReadOnlyCollection<string> codes, RepertoireCommunes communes) => type switch
    {
        ZoneType.Epci or ZoneType.Region => $"{TypesZone.Libelle(type)} : {string.Join(", ", codes)}",
        _ => Zones.Decrire(type, codes, communes),
    };

    /// <summary>Labels in the list's order, so that a mere reordering never shows as a change.</summary>
    private static string Liste(IEnumerable<string> valeurs, Liste vocabulaire)
    {
        var set = valeurs.ToHashSet(StringComparer.Ordinal);
        var connus = vocabulaire.Termes.Where(t => set.Contains(t.Valeur)).Select(t => t.Libelle);
        var inconnus = set.Where(v => !vocabulaire.Contient(v)).Order(StringComparer.Ordinal);
        return string.Join(" ; ", connus.Concat(inconnus));
    }
}

/// <summary>Kinds of zone as offered in the programme form.</summary>
public static class TypesZone
{
    public static readonly IReadOnlyList<Terme> Termes =
    [
        new(nameof(ZoneType.France), "Toute la France"),
        new(nameof(ZoneType.Region), "Région(s)"),
        new(nameof(ZoneType.Departements), "Département(s)"),
        new(nameof(ZoneType.Epci), "Intercommunalité(s) (EPCI)"),
        new(nameof(ZoneType.Communes), "Commune(s)"),
    ];

    public static string Libelle(ZoneType t) => Termes.First(x => x.Valeur == t.ToString()).Libelle;
}
