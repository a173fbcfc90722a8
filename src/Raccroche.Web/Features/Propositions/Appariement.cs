using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Communes;


namespace Raccroche.Web.Features.Propositions;

/// <summary>A programme kept for the young person; <see cref="Maintien"/> is the retention signal that counted in its score, if any.</summary>
public sealed record Proposition(DispositifDoc Dispositif, string Entree, double Score, double? DistanceKm, LieuDoc? Lieu, IReadOnlyList<string> Raisons, SignalMaintien? Maintien = null);

public sealed record GroupePropositions(string Entree, string Libelle, IReadOnlyList<Proposition> Propositions);

/// <summary>A structure to contact whatever the programmes: the competent mission locale, CIO, MLDS, PSAD.</summary>
public sealed record PointEntree(StructureDoc Structure, string Raison, double? DistanceKm, LieuDoc? Lieu);

public sealed record ResultatAppariement(IReadOnlyList<GroupePropositions> Groupes, IReadOnlyList<PointEntree> PointsEntree)
{
    public int NombrePropositions => Groupes.Sum(g => g.Propositions.Count);
}

/// <summary>
/// Matches a young person's answers with the catalogue. Hard rules are never broken (age, diploma
/// level, situation, zone covering the commune, not suspended, within the travel distance); among
/// what remains a score orders the options, and each carries its reasons in plain French ("tu"). With the programmes'
/// outcomes (the last argument of <see cref="Orienter"/>), the share of young people of the same profile still in
/// the programme six months after entering it is one more signal, only where it is published (decision 0020).
/// </summary>
public static class Appariement
{
    public const int MaxPropositions = 8;

    /// <summary>
    /// What the retention signal weighs: ± this much around a retention of one in two (a programme without a published
    /// figure counts as one in two, neither helped nor held back), less than the wished entry (3) or a nearby place (2).
    /// </summary>
    public const double PoidsMaintien = 1.5;

    public static ResultatAppariement Orienter(Profil p, CatalogueIndex index, RepertoireStructures annuaire, MaintiensDispositifs? maintiens = null)
    {
        var situations = SituationsDe(p);
        var entreeSouhaitee = ChoixDiagnostic.EntreeDuSouhait(p.Souhait);
        if (maintiens is { Cellules: 0 })
        {
            maintiens = null;
        }

        // Only the programmes whose zone covers the commune are read (the index's zone lists: a few
        // thousand of a national catalogue), only the best few are kept while scoring, and reasons
        // are written for those alone: scanning and explaining every programme took ~20 ms a profile.
        var documents = index.Documents;
        var meilleurs = new Meilleurs(MaxPropositions);
        foreach (var liste in index.ListesDeZonePour(p.Commune))
        {
            foreach (var position in liste)
            {
                var d = documents[position];
                if (Eligible(d, p, situations, out var distance, out var lieu))
                {
                    meilleurs.Proposer(new Candidat(position, d, Evaluer(d, p, situations, entreeSouhaitee, distance, lieu, maintiens, null), distance, lieu));
                }
            }
        }

        var retenues = new List<Proposition>(meilleurs.Count);
        foreach (var c in meilleurs.Tries)
        {
            var d = c.Dispositif;
            var raisons = new List<string>();
            Evaluer(d, p, situations, entreeSouhaitee, c.DistanceKm, c.Lieu, maintiens, raisons);
            var entree = entreeSouhaitee is not null && d.Entrees.Contains(entreeSouhaitee) ? entreeSouhaitee : d.Entrees.FirstOrDefault() ?? "reflechir-projet";
            retenues.Add(new Proposition(d, entree, c.Score, c.DistanceKm, c.Lieu, raisons, maintiens?.Signal(d.Id, p)));
        }

        // The wished entry comes first; the others keep the order of the three doors.
        var groupes = Vocabulaire.Entrees.Termes
            .OrderByDescending(t => t.Valeur == entreeSouhaitee)
            .Select(t => new GroupePropositions(t.Valeur, t.Libelle, [.. retenues.Where(r => r.Entree == t.Valeur)]))
            .Where(g => g.Propositions.Count > 0)
            .ToList();

        return new ResultatAppariement(groupes, PointsEntree(p, annuaire));
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
            if (ChoixDiagnostic.SituationDuBesoin(b) is { } s)
            {
                set.Add(s);
            }
        }

        return set;
    }

    /// <summary>
    /// The hard rules but the zone, which the caller guarantees (the candidates come from the index's
    /// zone lists), and the nearest place.
    /// </summary>
    internal static bool Eligible(DispositifDoc d, Profil p, HashSet<string> situations, out double? distance, out LieuDoc? lieu)
    {
        distance = null;
        lieu = null;
        if (d.Suspendu ||
            (d.AgeMin is { } min && p.Age < min) || (d.AgeMax is { } max && p.Age > max) ||
            (p.Niveau is not null && d.Niveaux.Length > 0 && !d.Niveaux.Contains(p.Niveau)) ||
            (p.Situation is not null && d.Situations.Length > 0 && PremiereSituation(d, situations) is null))
        {
            return false;
        }

        foreach (var l in d.Lieux)
        {
            var km = Distances.DistanceKm(p.Commune.Latitude, p.Commune.Longitude, l.Latitude, l.Longitude);
            if (distance is null || km < distance)
            {
                distance = km;
                lieu = l;
            }
        }

        return p.RayonKm is not { } rayon || distance is not { } dist || dist <= rayon;
    }

    /// <summary>The first of the programme's situations that the young person is in (a loop: a lambda here allocated per programme).</summary>
    private static string? PremiereSituation(DispositifDoc d, HashSet<string> situations)
    {
        foreach (var s in d.Situations)
        {
            if (situations.Contains(s))
            {
                return s;
            }
        }

        return null;
    }

    /// <summary>The score; the reasons too when <paramref name="raisons"/> is given (only for the programmes kept).</summary>
    private static double Evaluer(DispositifDoc d, Profil p, HashSet<string> situations,
        string? entreeSouhaitee, double? distance, LieuDoc? lieu, MaintiensDispositifs? maintiens, List<string>? raisons)
    {
        var score = 0.0;
        raisons?.Add(RaisonPublic(d, p));
        if (d.AgeMin is not null || d.AgeMax is not null)
        {
            score += 0.5;
        }

        var cible = PremiereSituation(d, situations);
        if (cible is not null)
        {
            score += 1.5;
            raisons?.Add($"Il est pensé pour ta situation : {Vocabulaire.Situations.Libelle(cible).ToLowerInvariant()}.");
        }

        if (entreeSouhaitee is not null && d.Entrees.Contains(entreeSouhaitee))
        {
            score += 3;
            raisons?.Add($"Tu veux {PhraseSouhait(p.Souhait)} : c'est ce qu'il propose.");
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
                raisons?.Add("Tu as besoin d'argent : ce parcours est rémunéré ou indemnisé.");
            }
            else if (besoin == "logement" && d.Internat == true)
            {
                score += 2;
                raisons?.Add("Tu cherches un logement : un internat est possible.");
            }
            else if (ChoixDiagnostic.ThematiqueDuBesoin(besoin) is { } t &&
                     (d.Thematiques.Contains(t) || d.Categories.Contains(t)))
            {
                score += 2;
                raisons?.Add($"Il peut t'aider pour : {ChoixDiagnostic.Besoins.Libelle(besoin).ToLowerInvariant()}.");
            }
        }

        if (d.EntreePermanente == true)
        {
            score += 0.5;
            raisons?.Add("Tu peux commencer à tout moment de l'année.");
        }

        if (maintiens?.Signal(d.Id, p) is { } maintien)
        {
            score += PoidsMaintien * 2 * (maintien.Taux - 0.5);
            raisons?.Add(maintien.RaisonJeune);
        }

        if (distance is { } km)
        {
            score += 2 * (1 - (Math.Min(km, 60) / 60));
            raisons?.Add(km < 0.5 ? $"C'est dans ta commune ({lieu!.NomCommune})." : $"{Capitaliser(Format.Distance(km))} de chez toi ({lieu!.NomCommune}).");
        }
        else
        {
            score += 0.5;
            raisons?.Add("Pas besoin de te déplacer loin : il se fait à distance ou près de chez toi.");
        }

        return score;
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
    public static List<PointEntree> PointsEntree(Profil p, RepertoireStructures annuaire)
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
            if (PlusLocale(annuaire.DuType(type), p.Commune) is { } meilleur)
            {
                points.Add(new PointEntree(meilleur.Structure, raison, meilleur.DistanceKm, meilleur.Lieu));
            }
        }

        return points;
    }

    /// <summary>
    /// The competent structure with the smallest zone, then the nearest, then by name. Like the
    /// directory's first page of 50 (competent ones first, then by distance and name), only the 50
    /// nearest competent structures are considered.
    /// </summary>
    private static Competente? PlusLocale(IReadOnlyList<StructureDoc> structures, Commune c)
    {
        const int Page = 50;
        var competentes = new List<Competente>();
        for (var i = 0; i < structures.Count; i++)
        {
            var s = structures[i];
            if (s.ZoneType == ZoneType.France || !Zones.Couvre(s.ZoneType, s.ZoneCodes, c))
            {
                continue;
            }

            double? distance = null;
            LieuDoc? proche = null;
            foreach (var l in s.Lieux)
            {
                var km = Distances.DistanceKm(c.Latitude, c.Longitude, l.Latitude, l.Longitude);
                if (distance is null || km < distance)
                {
                    distance = km;
                    proche = l;
                }
            }

            competentes.Add(new Competente(i, s, distance, proche));
        }

        if (competentes.Count > Page)
        {
            competentes.Sort(Competente.ParProximite);
            competentes.RemoveRange(Page, competentes.Count - Page);
        }

        Competente? meilleure = null;
        foreach (var x in competentes)
        {
            if (meilleure is not { } m || Competente.ParLocalite(x, m) < 0)
            {
                meilleure = x;
            }
        }

        return meilleure;
    }

    /// <summary>A programme that passed the hard rules; <see cref="Position"/> in the index breaks the last ties, as the catalogue order did.</summary>
    private readonly record struct Candidat(int Position, DispositifDoc Dispositif, double Score, double? DistanceKm, LieuDoc? Lieu)
    {
        /// <summary>Best score first, then nearest (no place last), then by name.</summary>
        public static int Ordre(Candidat a, Candidat b)
        {
            var c = b.Score.CompareTo(a.Score);
            if (c == 0)
            {
                c = (a.DistanceKm ?? double.MaxValue).CompareTo(b.DistanceKm ?? double.MaxValue);
            }

            if (c == 0)
            {
                c = string.CompareOrdinal(a.Dispositif.Nom, b.Dispositif.Nom);
            }

            return c != 0 ? c : a.Position.CompareTo(b.Position);
        }
    }

    /// <summary>The best <c>n</c> candidates seen so far, in order (an insertion into a short sorted array).</summary>
    private sealed class Meilleurs(int n)
    {
        private readonly Candidat[] _tries = new Candidat[n];

        public int Count { get; private set; }

        public ReadOnlySpan<Candidat> Tries => _tries.AsSpan(0, Count);

        public void Proposer(Candidat c)
        {
            if (Count == _tries.Length && Candidat.Ordre(c, _tries[^1]) >= 0)
            {
                return;
            }

            var i = Math.Min(Count, _tries.Length - 1);
            while (i > 0 && Candidat.Ordre(c, _tries[i - 1]) < 0)
            {
                _tries[i] = _tries[i - 1];
                i--;
            }

            _tries[i] = c;
            Count = Math.Min(Count + 1, _tries.Length);
        }
    }

    private readonly record struct Competente(int Position, StructureDoc Structure, double? DistanceKm, LieuDoc? Lieu)
    {
        /// <summary>Communes, then EPCI, then département, then wider.</summary>
        public int Rang => Structure.ZoneType switch { ZoneType.Communes => 0, ZoneType.Epci => 1, ZoneType.Departements => 2, _ => 3 };

        public static int ParLocalite(Competente a, Competente b)
        {
            var c = a.Rang.CompareTo(b.Rang);
            return c != 0 ? c : ParProximite(a, b);
        }

        public static int ParProximite(Competente a, Competente b)
        {
            var c = (a.DistanceKm ?? double.MaxValue).CompareTo(b.DistanceKm ?? double.MaxValue);
            if (c == 0)
            {
                c = string.CompareOrdinal(a.Structure.Nom, b.Structure.Nom);
            }

            return c != 0 ? c : a.Position.CompareTo(b.Position);
        }
    }
}
