namespace Raccroche.Web.Features.Decrocheurs;

/// <summary>A PSAD's own deadlines and thresholds, edited by its coordinators (stored with the PSAD).</summary>
public sealed class ReglagesSuivi
{
    /// <summary>Days between a young person's arrival on a list and the first contact attempt.</summary>
    public int DelaiPremiereTentativeJours { get; set; } = 15;

    /// <summary>Days between reaching the young person and the entretien de situation.</summary>
    public int DelaiEntretienJours { get; set; } = 21;

    /// <summary>Days between the entretien and a solution the young person has entered.</summary>
    public int DelaiSolutionJours { get; set; } = 45;

    /// <summary>An open file with no action for this many days is "sans nouvelles".</summary>
    public int SansNouvellesJours { get; set; } = 30;

    public int InjoignableTentatives { get; set; } = 3;
    public int InjoignableCanaux { get; set; } = 2;
    public int InjoignableJours { get; set; } = 10;

    /// <summary>Days without news, once a first message or attempt is made ("contact en cours"), before a reminder is proposed.</summary>
    public int DelaiRelanceJours { get; set; } = 7;

    /// <summary>Reminders are sent by the job (between 08:00 and 20:00) rather than only proposed on the file.</summary>
    public bool RelancesAutomatiques { get; set; }
    /// <summary>Obligation de formation: days after a minor's arrival (or 16th birthday) to propose an entretien.</summary>
    public int ObligationEntretienJours { get; set; } = 15;

    /// <summary>Days without an answer after the entretien was proposed before the convocation is due.</summary>
    public int ObligationReponseJours { get; set; } = 15;

    /// <summary>Months after the convocation before the transmission to the président du conseil départemental (two in the law).</summary>
    public int ObligationTransmissionMois { get; set; } = 2;

    /// <summary>
    /// The check-ins after a solution the young person entered (<see cref="PointSuivi"/>): months after the entry, increasing,
    /// comma-separated ("1,3,6,12"). A change applies to the solutions entered afterwards; scheduled check-ins keep their dates.
    /// </summary>
    public string MoisPointsSuivi { get; set; } = MoisPointsParDefaut;

    public const string MoisPointsParDefaut = "1,3,6,12";

    /// <summary>The form field of <see cref="MoisPointsSuivi"/>, its label and bounds.</summary>
    public const string ChampMoisPoints = "moisPointsSuivi", LibelleMoisPoints = "Points de suivi après une solution (mois après l'entrée, séparés par des virgules)";
    public const int MoisPointMax = 24, PointsMax = 6;

    /// <summary>The months of the check-ins, read from <see cref="MoisPointsSuivi"/> (the defaults if it were unreadable: the form never lets that through).</summary>
    public IReadOnlyList<int> MoisDesPoints() => LireMois(MoisPointsSuivi, null) ?? [1, 3, 6, 12];

    /// <summary>
    /// Months typed as "1, 3, 6, 12" (commas, semicolons or spaces between): each between 1 and <see cref="MoisPointMax"/>,
    /// increasing without repeats, <see cref="PointsMax"/> at most. Null, with a French message on the field, when wrong.
    /// </summary>
    public static List<int>? LireMois(string? texte, Erreurs? erreurs)
    {
        List<int>? Erreur(string message)
        {
            erreurs?.Ajouter(ChampMoisPoints, "Points de suivi : " + message);
            return null;
        }

        var morceaux = (texte ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (morceaux.Length == 0)
        {
            return Erreur("indiquez au moins un mois (par exemple 1, 3, 6, 12).");
        }

        if (morceaux.Length > PointsMax)
        {
            return Erreur($"{PointsMax} points au plus ({morceaux.Length} saisis).");
        }

        var mois = new List<int>();
        foreach (var m in morceaux)
        {
            if (!int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return Erreur($"« {Saisie.Tronquer(m)} » n'est pas un nombre de mois.");
            }

            if (n is < 1 or > MoisPointMax)
            {
                return Erreur($"chaque point est entre 1 et {MoisPointMax} mois après l'entrée ({n} ne l'est pas).");
            }

            if (mois.Count > 0 && n <= mois[^1])
            {
                return Erreur($"les mois vont en croissant, sans doublon ({n} vient après {mois[^1]}).");
            }

            mois.Add(n);
        }

        return mois;
    }

    /// <summary>Every setting with its form field, French label and bounds: the form, the check and the page read them here.</summary>
    public static readonly IReadOnlyList<ChampReglage> Champs =
    [
        new("premiereTentative", "Délai de la première tentative de contact (jours après l'arrivée)", r => r.DelaiPremiereTentativeJours, (r, v) => r.DelaiPremiereTentativeJours = v, 1, 90),
        new("entretien", "Délai de l'entretien (jours après le contact)", r => r.DelaiEntretienJours, (r, v) => r.DelaiEntretienJours = v, 1, 180),
        new("solution", "Délai de la solution (jours après l'entretien)", r => r.DelaiSolutionJours, (r, v) => r.DelaiSolutionJours = v, 1, 365),
        new("sansNouvelles", "« Sans nouvelles » après (jours sans action)", r => r.SansNouvellesJours, (r, v) => r.SansNouvellesJours = v, 7, 365),
        new("injoignableTentatives", "Tentatives avant « injoignable »", r => r.InjoignableTentatives, (r, v) => r.InjoignableTentatives = v, 2, 10, "tentatives"),
        new("injoignableCanaux", "Canaux différents avant « injoignable »", r => r.InjoignableCanaux, (r, v) => r.InjoignableCanaux = v, 1, 4, "canaux"),
        new("injoignableJours", "Jours couverts par les tentatives avant « injoignable »", r => r.InjoignableJours, (r, v) => r.InjoignableJours = v, 3, 60),
        new("relance", "Relance proposée après (jours sans nouvelles, contact en cours)", r => r.DelaiRelanceJours, (r, v) => r.DelaiRelanceJours = v, 2, 60),
        new("obligationEntretien", "Obligation de formation : délai pour proposer un entretien (jours après l'arrivée ou les 16 ans)", r => r.ObligationEntretienJours, (r, v) => r.ObligationEntretienJours = v, 1, 60),
        new("obligationReponse", "Obligation de formation : convocation sans réponse après (jours après l'entretien proposé)", r => r.ObligationReponseJours, (r, v) => r.ObligationReponseJours = v, 7, 60),
        new("obligationTransmission", "Obligation de formation : transmission au conseil départemental (mois après la convocation)", r => r.ObligationTransmissionMois, (r, v) => r.ObligationTransmissionMois = v, 2, 6, "mois"),
    ];

    /// <summary>The form field of <see cref="RelancesAutomatiques"/> (a check box whose value is "true").</summary>
    public const string ChampRelancesAutomatiques = "relancesAutomatiques";

    /// <summary>The settings out of their bounds (field code, French message); none when all are right.</summary>
    public IEnumerable<(string Champ, string Message)> Verifier()
    {
        var erreurs = new Erreurs();
        LireMois(MoisPointsSuivi, erreurs);
        return Champs
            .Where(c => c.Lire(this) < c.Min || c.Lire(this) > c.Max)
            .Select(c => (c.Code, $"{c.Libelle} : entre {c.Min} et {c.Max}."))
            .Concat(erreurs.Pour(ChampMoisPoints) is { } m ? [(ChampMoisPoints, m)] : []);
    }

    /// <summary>Settings typed in a form (one text per field code); each wrong or missing value is an error on its field.</summary>
    public static ReglagesSuivi? Lire(IReadOnlyDictionary<string, string?> saisie, Erreurs erreurs)
    {
        var r = new ReglagesSuivi();
        foreach (var c in Champs)
        {
            var v = Saisie.Entier(erreurs, c.Code, c.Libelle, saisie.GetValueOrDefault(c.Code), c.Min, c.Max, c.Unite);
            if (v is null && erreurs.Pour(c.Code) is null)
            {
                erreurs.Ajouter(c.Code, $"{c.Libelle} : indiquez un nombre entre {c.Min} et {c.Max}.");
            }

            if (v is { } n)
            {
                c.Ecrire(r, n);
            }
        }

        r.RelancesAutomatiques = saisie.GetValueOrDefault(ChampRelancesAutomatiques) == "true";
        if (LireMois(saisie.GetValueOrDefault(ChampMoisPoints), erreurs) is { } mois)
        {
            r.MoisPointsSuivi = string.Join(',', mois);
        }

        return erreurs.Any ? null : r;
    }
}

public sealed record ChampReglage(string Code, string Libelle, Func<ReglagesSuivi, int> Lire, Action<ReglagesSuivi, int> Ecrire, int Min, int Max, string Unite = "jours");

/// <summary>
/// The flags of a case file, computed from its status and dates, never typed by anyone: "à traiter" (nothing done yet),
/// "à recontacter", "en retard" (the step's deadline has passed), "sans nouvelles depuis N jours", and "prioritaire" with
/// its reasons.
/// </summary>
public sealed record Drapeaux(bool ATraiter, bool ARecontacter, string? Retard, int? SansNouvellesDepuis, IReadOnlyList<string> Priorites, bool RelanceProposee = false)
{
    public bool EnRetard => Retard is not null;
    public bool Prioritaire => Priorites.Count > 0;

    public const string MineurObligation = "mineur soumis à l'obligation de formation", SortieRecente = "sorti·e il y a moins de 6 mois", Rappel = "demande de rappel du jeune",
        SortiSansSolution = "sorti·e de sa solution sans autre solution (point de suivi)";

    public static Drapeaux Calculer(JeuneSuivi d, DateOnly aujourdhui, ReglagesSuivi r)
    {
        // The same bounds as the lists' SQL (ListeDossiers): born after the 18th birthday's bound and on or before the 16th's.
        var priorites = new List<string>();
        if (d.DateNaissance is { } n && n > NeAvant(aujourdhui, 18) && n <= NeAvant(aujourdhui, 16))
        {
            priorites.Add(MineurObligation);
        }

        if (d.DateSortie is { } s && s > aujourdhui.AddMonths(-6))
        {
            priorites.Add(SortieRecente);
        }

        if (d.RappelDemandeLe is not null && !CycleDossier.EstFinal(d.Statut))
        {
            priorites.Add(Rappel);
        }

        if (d.SortiSansSolutionLe is not null && !CycleDossier.EstFinal(d.Statut))
        {
            priorites.Add(SortiSansSolution);
        }

        if (CycleDossier.EstFinal(d.Statut))
        {
            return new Drapeaux(false, false, null, null, priorites);
        }

        var derniere = HeureParis.Jour(d.DerniereActionLe ?? d.ArriveLe);
        var silence = aujourdhui.DayNumber - derniere.DayNumber;
        var depuisStatut = aujourdhui.DayNumber - HeureParis.Jour(d.StatutDepuis).DayNumber;
        var depuisArrivee = aujourdhui.DayNumber - HeureParis.Jour(d.ArriveLe).DayNumber;
        var retard = d.Statut switch
        {
            StatutDossier.AAttribuer or StatutDossier.AContacter when d.NombreTentatives == 0 && depuisArrivee > r.DelaiPremiereTentativeJours =>
                $"aucune tentative de contact {depuisArrivee} jours après l'arrivée (délai : {r.DelaiPremiereTentativeJours})",
            StatutDossier.Joint or StatutDossier.EntretienPlanifie when depuisStatut > r.DelaiEntretienJours =>
                $"pas d'entretien {depuisStatut} jours après le contact (délai : {r.DelaiEntretienJours})",
            StatutDossier.EntretienRealise or StatutDossier.SolutionProposee when depuisStatut > r.DelaiSolutionJours =>
                $"pas de solution {depuisStatut} jours après l'entretien (délai : {r.DelaiSolutionJours})",
            _ => null,
        };

        return new Drapeaux(
            ATraiter: d.NombreTentatives == 0 && d.Statut is StatutDossier.AAttribuer or StatutDossier.AContacter,
            ARecontacter: d.Statut is StatutDossier.ContactEnCours,
            Retard: retard,
            SansNouvellesDepuis: silence >= r.SansNouvellesJours ? silence : null,
            Priorites: priorites,
            RelanceProposee: RelancesSuivi.Proposee(d, depuisArrivee, silence, r));
    }

    /// <summary>The latest birth date of someone <paramref name="ans"/> years old on <paramref name="jour"/> (born on or before it).</summary>
    /// <remarks>The bound <see cref="Age"/> agrees with: someone born on 29 February is a year older on 28 February of a common year.</remarks>
    public static DateOnly NeAvant(DateOnly jour, int ans)
    {
        var borne = jour.AddYears(-ans);
        return jour is { Month: 2, Day: 28 } && !DateTime.IsLeapYear(jour.Year) && DateTime.IsLeapYear(borne.Year) ? borne.AddDays(1) : borne;
    }

    public static int Age(DateOnly naissance, DateOnly jour) =>
        jour.Year - naissance.Year - (jour < naissance.AddYears(jour.Year - naissance.Year) ? 1 : 0);
}
