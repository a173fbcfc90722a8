using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Communes;

namespace Raccroche.Web.Features.DataInclusion;

/// <summary>
/// How the catalogue's sheets and data·inclusion records correspond, both ways. Thématiques, types, publics, frais,
/// modes and réseaux porteurs are the schema's own values in the catalogue (Donnees/Vocabulaires), so they pass as
/// they are, minus anything the schema would refuse. A structure's kind has no field in the schema: it goes out as
/// its network (<see cref="ReseauDuType"/>) and comes back from it, or from the name for the CIO (which belong to no
/// network of the schema). What the schema lacks (levels, situations, pay, boarding, capacity) goes to nothing.
/// </summary>
public static class CorrespondanceDI
{
    public static string IdStructure(int id) => $"{SchemaDI.SourceRaccroche}--structure-{id}";

    /// <summary>One service per programme, or per programme and place when it has several (the schema holds one address).</summary>
    public static string IdService(int id, int? lieu) => lieu is { } l ? $"{SchemaDI.SourceRaccroche}--service-{id}-lieu-{l}" : $"{SchemaDI.SourceRaccroche}--service-{id}";

    private static readonly Dictionary<string, string> ReseauxParType = new(StringComparer.Ordinal)
    {
        ["mission-locale"] = "mission-locale",
        ["e2c"] = "ecoles-de-la-deuxieme-chance",
        ["epide"] = "epide",
    };

    private static readonly Dictionary<string, string> TypesParReseau = new(StringComparer.Ordinal)
    {
        ["mission-locale"] = "mission-locale",
        ["ecoles-de-la-deuxieme-chance"] = "e2c",
        ["epide"] = "epide",
        ["afpa"] = "organisme-formation",
        ["cnam"] = "organisme-formation",
        ["cidff"] = "association",
        ["pjj"] = "service-etat",
        ["regions"] = "collectivite",
        ["departements"] = "collectivite",
        ["communes"] = "collectivite",
    };

    public static string? ReseauDuType(string type) => ReseauxParType.GetValueOrDefault(type);

    /// <summary>The kind of an imported structure: its network first, then its name for the CIO, else "autre".</summary>
    public static string TypeDe(IReadOnlyList<string> reseaux, string nom)
    {
        foreach (var r in reseaux)
        {
            if (TypesParReseau.TryGetValue(r, out var t))
            {
                return t;
            }
        }

        var cle = " " + TexteFrancais.Replier(nom).Replace('\'', ' ').Replace('’', ' ') + " ";
        if (cle.Contains(" centre d information et d orientation ", StringComparison.Ordinal) || cle.Contains("(cio)", StringComparison.Ordinal) || cle.Contains(" cio ", StringComparison.Ordinal))
        {
            return "cio";
        }

        return "autre";
    }

    /// <summary>The COG codes of a zone: a region becomes its départements, as the schema asks.</summary>
    public static List<string>? ZoneEligibilite(ZoneType type, IReadOnlyCollection<string> codes, Func<string, IEnumerable<string>> departementsDeRegion) => type switch
    {
        ZoneType.France => ["france"],
        ZoneType.Region => codes.SelectMany(departementsDeRegion).Distinct().Order(StringComparer.Ordinal).ToList() is { Count: > 0 } l ? l : null,
        _ => codes.Count > 0 ? [.. codes] : null,
    };

    public static EnregistrementDI Structure(Structure s, RepertoireCommunes communes, string urlPublique)
    {
        var r = new EnregistrementDI(SchemaDI.Structure)
        {
            ["source"] = SchemaDI.SourceRaccroche,
            ["id"] = IdStructure(s.Id),
            ["nom"] = Nom(s.Nom),
            ["date_maj"] = DateMaj(s.DateMaj),
            ["siret"] = s.Siret is { Length: 14 } siret && siret.All(char.IsAsciiDigit) ? siret : null,
            ["description"] = s.Description.Trim() is { Length: >= 5 and <= 10000 } d ? d : null,
            ["reseaux_porteurs"] = (s.ReseauPorteur is { } rp && Vocabulaire.ReseauxPorteurs.Contient(rp) ? rp : ReseauDuType(s.Type)) is { } reseau ? new List<string> { reseau } : null,
            ["telephone"] = Vide(s.Telephone),
            ["courriel"] = s.Courriel is { } c && SchemaDI.CourrielValide(c.Trim()) ? c.Trim() : null,
            ["site_web"] = s.SiteWeb is { } w && SchemaDI.UrlValide(w.Trim()) ? w.Trim() : null,
            ["lien_source"] = $"{urlPublique}/structures/{s.Id}",
        };
        if (s.Lieux.OrderBy(l => l.Id).FirstOrDefault() is { } lieu)
        {
            Adresse(r, lieu, communes);
        }

        return r;
    }

    /// <summary>The services of a programme: one, or one per place when it has several.</summary>
    public static IEnumerable<EnregistrementDI> Services(Dispositif d, RepertoireCommunes communes, string urlPublique, Func<string, IEnumerable<string>> departementsDeRegion)
    {
        var lieux = d.Lieux.OrderBy(l => l.Id).ToList();
        if (lieux.Count <= 1)
        {
            yield return Service(d, lieux.FirstOrDefault(), null, communes, urlPublique, departementsDeRegion);
            yield break;
        }

        foreach (var l in lieux)
        {
            yield return Service(d, l, l.Id, communes, urlPublique, departementsDeRegion);
        }
    }

    private static EnregistrementDI Service(Dispositif d, Lieu? lieu, int? idLieu, RepertoireCommunes communes, string urlPublique, Func<string, IEnumerable<string>> departementsDeRegion)
    {
        var s = d.Structure;
        var telephone = Vide(lieu?.Telephone) ?? Vide(s?.Telephone);
        var courriel = new[] { lieu?.Courriel, s?.Courriel }.Select(x => x?.Trim()).FirstOrDefault(x => x is not null && SchemaDI.CourrielValide(x));
        var lien = d.LienMobilisation is { } lm && SchemaDI.UrlValide(lm.Trim()) ? lm.Trim() : null;

        // A mode is published only with what it needs: a phone to call, an address to write to, a link, a place to go to.
        var modes = d.ModesMobilisation.Where(Vocabulaire.ModesMobilisation.Contient).Distinct().Where(m => m switch
        {
            "telephoner" => telephone is not null,
            "envoyer-un-courriel" => courriel is not null,
            "utiliser-lien-mobilisation" => lien is not null,
            "se-presenter" => lieu is not null,
            _ => false,
        }).ToList();
        var publics = d.Publics.Where(Vocabulaire.Publics.Contient).Distinct().ToList();
        if (publics.Count > 1)
        {
            publics.Remove("tous-publics");
        }

        var description = d.Description.Trim() is { Length: >= 5 } texte ? texte : d.Resume.Trim();
        var r = new EnregistrementDI(SchemaDI.Service)
        {
            ["source"] = SchemaDI.SourceRaccroche,
            ["id"] = IdService(d.Id, idLieu),
            ["structure_id"] = IdStructure(d.StructureId),
            ["nom"] = Nom(d.Nom),
            ["description"] = description.Length > 10000 ? description[..10000] : description.Length >= 5 ? description : $"{d.Nom.Trim()} ({d.Resume.Trim()})",
            ["date_maj"] = DateMaj(d.DateMaj),
            ["type"] = d.TypeService is { } t && Vocabulaire.TypesService.Contient(t) ? t : null,
            ["thematiques"] = Liste(d.Thematiques.Where(Vocabulaire.Thematiques.Contient).Distinct()),
            ["publics"] = Liste(publics),
            ["conditions_acces"] = Vide(d.ConditionsAcces),
            ["frais"] = d.Frais is { } f && Vocabulaire.Frais.Contient(f) ? f : null,
            ["modes_accueil"] = lieu is not null ? new List<string> { "en-presentiel" } : null,
            ["modes_mobilisation"] = Liste(modes),
            ["mobilisable_par"] = Liste(d.PersonnesMobilisatrices.Where(Vocabulaire.PersonnesMobilisatrices.Contient).Distinct()),
            ["lien_mobilisation"] = lien,
            ["telephone"] = telephone,
            ["courriel"] = courriel,
            ["nombre_semaines"] = d.DureeSemaines is >= 1 and var n ? (long)n : null,
            ["volume_horaire_hebdomadaire"] = d.HeuresHebdo is >= 0 and var h ? (double)h : null,
            ["zone_eligibilite"] = ZoneEligibilite(d.ZoneType, d.ZoneCodes, departementsDeRegion),
            ["lien_source"] = $"{urlPublique}/dispositifs/{d.Id}/{d.Slug}",
        };
        if (lieu is not null)
        {
            Adresse(r, lieu, communes);
        }

        return r;
    }

    private static void Adresse(EnregistrementDI r, Lieu l, RepertoireCommunes communes)
    {
        r["adresse"] = Vide(l.Adresse);
        r["code_postal"] = l.CodePostal is { Length: 5 } cp && cp.All(char.IsAsciiDigit) ? cp : null;
        r["code_insee"] = l.CodeInsee.Length == 5 ? l.CodeInsee : null;
        r["commune"] = communes.ParCode(l.CodeInsee)?.Nom;
        r["latitude"] = l.Latitude;
        r["longitude"] = l.Longitude;
    }

    private static List<string>? Liste(IEnumerable<string> valeurs) => valeurs.ToList() is { Count: > 0 } l ? l : null;

    private static string Nom(string nom)
    {
        var n = nom.Trim();
        return n.Length <= 150 ? n : n[..149].TrimEnd() + "…";
    }

    private static string? Vide(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The review date as upstream accepts it (between 2000-01-01 and today): a date typed in the future goes out as today,
    /// a missing one (never reviewed) as 2000-01-01, the oldest date the schema knows.
    /// </summary>
    public static string DateMaj(DateOnly d)
    {
        var aujourdhui = DateOnly.FromDateTime(DateTime.UtcNow);
        return Date(d > aujourdhui ? aujourdhui : d < SchemaDI.DateMin ? SchemaDI.DateMin : d);
    }
}
