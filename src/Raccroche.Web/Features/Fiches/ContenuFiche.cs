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

    public static ContenuStructure De(Structure s) => Champ.Copier(s, new ContenuStructure
    {
        Nom = s.Nom,
        Lieux = [.. s.Lieux.OrderBy(l => l.Nom, StringComparer.Ordinal).ThenBy(l => l.Id).Select(ContenuLieu.De)],
    }, ChampsStructure.Tous);

    /// <summary>Copies the content onto the live structure. Places are matched by id and must belong to it; the commune and position are not editable here.</summary>
    public void Appliquer(Structure s)
    {
        Champ.Copier(this, s, ChampsStructure.Tous);
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

    public static ContenuLieu De(Lieu l) => Champ.Copier(l, new ContenuLieu { Id = l.Id, Nom = l.Nom }, ChampsLieu.Tous);

    public void Appliquer(Lieu l) => Champ.Copier(this, l, ChampsLieu.Tous);
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

    public static ContenuDispositif De(Dispositif d) => Champ.Copier(d, new ContenuDispositif
    {
        Nom = d.Nom,
        Resume = d.Resume,
        Lieux = [.. d.Lieux.Select(l => l.Id).Order()],
    }, ChampsDispositif.Tous);

    /// <summary>
    /// Copies the content onto the live programme. <paramref name="lieuxPossibles"/> are the places it may be
    /// linked to (its structure's and those it already had), tracked; ids that no longer exist are ignored.
    /// </summary>
    public void Appliquer(Dispositif d, IReadOnlyCollection<Lieu> lieuxPossibles)
    {
        Champ.Copier(this, d, ChampsDispositif.Tous);
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
        var champs = ChampsStructure.Tous.Select(c => new ChampFiche(c.Cle, c.Libelle, Texte(c, s), c.Long)).ToList();
        foreach (var l in s.Lieux)
        {
            champs.AddRange(ChampsLieu.Tous.Select(c => new ChampFiche(
                $"lieu-{l.Id}-{c.Cle}", c == ChampsLieu.Nom ? $"Lieu : nom (n° {l.Id})" : $"{c.Libelle} – {l.Nom}", Texte(c, l), c.Long)));
        }

        return champs;
    }

    public static IReadOnlyList<ChampFiche> Champs(ContenuDispositif d, IReadOnlyDictionary<int, string> nomsLieux, RepertoireCommunes communes) =>
    [
        .. ChampsDispositif.Tous.Select(c => new ChampFiche(c.Cle, c.Libelle, c.Genre switch
        {
            GenreChamp.Zone => DecrireZone(d.ZoneType, d.ZoneCodes, communes),
            GenreChamp.Lieux => string.Join(" ; ", d.Lieux.Select(i => nomsLieux.GetValueOrDefault(i, $"lieu n° {i}")).Order(StringComparer.Ordinal)),
            _ => Texte(c, d),
        }, c.Long)),
    ];

    /// <summary>A field's value as a person reads it: lists as labels, numbers with their unit, yes/no in the field's words.</summary>
    private static string Texte(Champ c, object contenu) => (c.Genre, c.Valeur(contenu)) switch
    {
        (GenreChamp.Texte, var v) => v as string ?? c.Vide,
        (GenreChamp.Choix, var v) => v is string code ? c.Vocabulaire!.Libelle(code) : c.Vide,
        (GenreChamp.Liste, var v) => Liste((IEnumerable<string>)v!, c.Vocabulaire!),
        (GenreChamp.Entier, var v) => v is int n ? string.Format(CultureInfo.InvariantCulture, c.Unite, n) : c.Vide,
        (GenreChamp.OuiNon, var v) => Format.OuiNon((bool?)v, c.Oui, c.Non),
        (GenreChamp.Case, var v) => v is true ? c.Oui : c.Non,
        _ => throw new InvalidOperationException($"Field {c.Cle} is not read as text."),
    };

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
