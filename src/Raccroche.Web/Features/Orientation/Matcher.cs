using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Communes;
using Raccroche.Web.Features.Directory;
using Raccroche.Web.Features.Search;
using Raccroche.Web.Features.Shared;

namespace Raccroche.Web.Features.Orientation;

public sealed record Proposition(DispositifDoc Dispositif, string Entree, double Score, double? DistanceKm, LieuDoc? Lieu, IReadOnlyList<string> Raisons);

public sealed record GroupePropositions(string Entree, string Libelle, IReadOnlyList<Proposition> Propositions);

/// <summary>A structure to contact whatever the programmes: the competent mission locale, CIO, MLDS, PSAD.</summary>
public sealed record PointEntree(StructureDoc Structure, string Raison, double? DistanceKm, LieuDoc? Lieu);

public sealed record ResultatOrientation(IReadOnlyList<GroupePropositions> Groupes, IReadOnlyList<PointEntree> PointsEntree)
{
    public int NombrePropositions => Groupes.Sum(g => g.Propositions.Count);
}

/// <summary>
/// Matches a young person's answers with the catalogue. Hard rules are never broken (age, diploma
/// level, situation, zone covering the commune, not suspended, within the travel distance); among
/// what remains a score orders the options, and each carries its reasons in plain French ("tu").
/// </summary>
public static class Matcher
{
    public const int MaxPropositions = 8;

    public static ResultatOrientation Orienter(Profil p, CatalogueIndex index, Annuaire annuaire)
    {
        var situations = SituationsDe(p);
        var entreeSouhaitee = Orientations.EntreeDuSouhait(p.Souhait);
        var candidats = new List<Proposition>();
        foreach (var d in index.Documents)
        {
            if (!Eligible(d, p, situations, out var distance, out var lieu))
            {
                continue;
            }

            var (score, raisons) = Evaluer(d, p, situations, entreeSouhaitee, distance, lieu);
            var entree = entreeSouhaitee is not null && d.Entrees.Contains(entreeSouhaitee) ? entreeSouhaitee : d.Entrees.FirstOrDefault() ?? "reflechir-projet";
            candidats.Add(new Proposition(d, entree, score, distance, lieu, raisons));
        }

        var retenues = candidats
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.DistanceKm ?? double.MaxValue)
            .ThenBy(c => c.Dispositif.Nom, StringComparer.Ordinal)
            .Take(MaxPropositions)
            .ToList();

        // The wished entry comes first; the others keep the order of the three doors.
        var groupes = Vocabulaire.Entrees.Termes
            .OrderByDescending(t => t.Valeur == entreeSouhaitee)
            .Select(t => new GroupePropositions(t.Valeur, t.Libelle, [.. retenues.Where(r => r.Entree == t.Valeur)]))
            .Where(g => g.Propositions.Count > 0)
            .ToList();

        return new ResultatOrientation(groupes, PointsEntree(p, annuaire));
    }

    /// <summary>The main situation plus the statuses that needs reveal (disability, justice).</summary>
    private static HashSet<string> SituationsDe(Profil p)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (p.Situation is not null)
        {
            set.Add(p.Situation);
        }

        foreach (var b in p.Besoins)
        {
            if (Orientations.SituationDuBesoin(b) is { } s)
            {
                set.Add(s);
            }
        }

        return set;
    }

    internal static bool Eligible(DispositifDoc d, Profil p, HashSet<string> situations, out double? distance, out LieuDoc? lieu)
    {
        distance = null;
        lieu = null;
        if (d.Suspendu ||
            (d.AgeMin is { } min && p.Age < min) || (d.AgeMax is { } max && p.Age > max) ||
            (p.Niveau is not null && d.Niveaux.Length > 0 && !d.Niveaux.Contains(p.Niveau)) ||
            (p.Situation is not null && d.Situations.Length > 0 && !d.Situations.Any(situations.Contains)) ||
            !d.Couvre(p.Commune))
        {
            return false;
        }

        foreach (var l in d.Lieux)
        {
            var km = Geo.DistanceKm(p.Commune.Latitude, p.Commune.Longitude, l.Latitude, l.Longitude);
            if (distance is null || km < distance)
            {
                distance = km;
                lieu = l;
            }
        }

        return p.RayonKm is not { } rayon || distance is not { } dist || dist <= rayon;
    }

    private static (double Score, List<string> Raisons) Evaluer(DispositifDoc d, Profil p, HashSet<string> situations,
        string? entreeSouhaitee, double? distance, LieuDoc? lieu)
    {
        var score = 0.0;
        var raisons = new List<string> { RaisonPublic(d, p) };
        if (d.AgeMin is not null || d.AgeMax is not null)
        {
            score += 0.5;
        }

        var cible = d.Situations.FirstOrDefault(situations.Contains);
        if (cible is not null)
        {
            score += 1.5;
            raisons.Add($"Il est pensé pour ta situation : {Vocabulaire.Situations.Libelle(cible).ToLowerInvariant()}.");
        }

        if (entreeSouhaitee is not null && d.Entrees.Contains(entreeSouhaitee))
        {
            score += 3;
            raisons.Add($"Tu veux {PhraseSouhait(p.Souhait)} : c'est ce qu'il propose.");
        }

        if (p.Souhait == "metier-paye" && d.Remunere == true)
        {
            score += 1.5;
        }

        foreach (var besoin in p.Besoins)
        {
            if (besoin == "argent" && d.Remunere == true)
            {
                score += 2;
                raisons.Add("Tu as besoin d'argent : ce parcours est rémunéré ou indemnisé.");
            }
            else if (besoin == "logement" && d.Internat == true)
            {
                score += 2;
                raisons.Add("Tu cherches un logement : un internat est possible.");
            }
            else if (Orientations.ThematiqueDuBesoin(besoin) is { } t &&
                     (d.Thematiques.Contains(t) || d.Categories.Contains(t)))
            {
                score += 2;
                raisons.Add($"Il peut t'aider pour : {Orientations.Besoins.Libelle(besoin).ToLowerInvariant()}.");
            }
        }

        if (d.EntreePermanente == true)
        {
            score += 0.5;
            raisons.Add("Tu peux commencer à tout moment de l'année.");
        }

        if (distance is { } km)
        {
            score += 2 * (1 - (Math.Min(km, 60) / 60));
            raisons.Add(km < 0.5 ? $"C'est dans ta commune ({lieu!.NomCommune})." : $"{Capitaliser(Format.Distance(km))} de chez toi ({lieu!.NomCommune}).");
        }
        else
        {
            score += 0.5;
            raisons.Add("Pas besoin de te déplacer loin : il se fait à distance ou près de chez toi.");
        }

        return (score, raisons);
    }

    /// <summary>"Tu as 19 ans et pas de diplôme : ce dispositif accueille les 16-25 ans sans diplôme."</summary>
    private static string RaisonPublic(DispositifDoc d, Profil p)
    {
        var ages = (d.AgeMin, d.AgeMax) switch
        {
            ({ } a, { } b) => $"les {a}-{b} ans",
            ({ } a, null) => $"les jeunes à partir de {a} ans",
            (null, { } b) => $"les jeunes jusqu'à {b} ans",
            _ => "les jeunes de tout âge",
        };
        var sansDiplome = p.Niveau == "sans-diplome";
        var niveau = sansDiplome && d.Niveaux.Contains("sans-diplome") ? " sans diplôme" :
            p.Niveau is not null && d.Niveaux.Contains(p.Niveau) ? $" de ton niveau ({Vocabulaire.Niveaux.Libelle(p.Niveau)})" : "";
        return $"Tu as {p.Age} ans{(sansDiplome ? " et pas de diplôme" : "")} : {d.Nom} accueille {ages}{niveau}.";
    }

    private static string PhraseSouhait(string? souhait) => souhait switch
    {
        "formation" => "reprendre une formation",
        "metier-paye" => "apprendre un métier en étant payé·e",
        "travail" => "trouver un travail",
        _ => "y voir plus clair sur ton projet",
    };

    private static string Capitaliser(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    /// <summary>
    /// Who to contact for this commune, from each structure's competence zone (never from code per city):
    /// the mission locale from 16 to 25; the CIO, the MLDS and the PSAD for 16-18 year-olds under the
    /// obligation de formation (the CIO alone below 16). The most local structure of each kind wins.
    /// </summary>
    public static List<PointEntree> PointsEntree(Profil p, Annuaire annuaire)
    {
        var types = new List<(string Type, string Raison)>();
        if (p.Age >= 16 && p.Age <= 25)
        {
            types.Add(("mission-locale", "La mission locale accompagne tous les 16-25 ans : formation, emploi, logement, santé, argent."));
        }

        if (p.Age <= 18)
        {
            types.Add(("cio", "Le CIO t'aide à choisir une formation et à y retourner, avec un psychologue de l'Éducation nationale."));
        }

        if (p.Age is >= 16 and <= 18)
        {
            types.Add(("mlds", "Entre 16 et 18 ans, tu as droit à une solution de formation : la MLDS t'aide à reprendre un parcours."));
            types.Add(("psad", "La plateforme de suivi des décrocheurs réunit les acteurs qui trouvent une solution aux jeunes de ton territoire."));
        }

        var points = new List<PointEntree>();
        foreach (var (type, raison) in types)
        {
            var (_, hits) = annuaire.Rechercher(new StructureQuery(null, type, p.Commune, null, null, 1, 50));
            var meilleur = hits
                .Where(h => h.Competente)
                .OrderBy(h => h.Doc.ZoneType switch { ZoneType.Communes => 0, ZoneType.Epci => 1, ZoneType.Departements => 2, _ => 3 })
                .ThenBy(h => h.DistanceKm ?? double.MaxValue)
                .FirstOrDefault();
            if (meilleur is not null)
            {
                points.Add(new PointEntree(meilleur.Doc, raison, meilleur.DistanceKm, meilleur.LieuProche));
            }
        }

        return points;
    }
}
