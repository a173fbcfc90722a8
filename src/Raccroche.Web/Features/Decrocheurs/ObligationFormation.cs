namespace Raccroche.Web.Features.Decrocheurs;

/// <summary>Where a minor stands towards the obligation de formation (16 to 18): the closed set the référent chooses from.</summary>
public enum StatutObligation
{
    [Valeur("non-verifiee", "Non vérifiée")] NonVerifiee,
    [Valeur("satisfaite", "Satisfaite")] Satisfaite,
    [Valeur("exemptee", "Exemptée")] Exemptee,
    [Valeur("non-satisfaite", "Non satisfaite")] NonSatisfaite,
}

/// <summary>How a satisfied obligation is met (the kinds the code de l'éducation counts).</summary>
public enum FormeObligation
{
    [Valeur("scolarite", "Scolarité")] Scolarite,
    [Valeur("apprentissage", "Apprentissage")] Apprentissage,
    [Valeur("formation", "Formation")] Formation,
    [Valeur("emploi", "Emploi")] Emploi,
    [Valeur("service-civique", "Service civique")] ServiceCivique,
    [Valeur("accompagnement", "Accompagnement")] Accompagnement,
}

/// <summary>The legal steps of the obligation de formation, in their order.</summary>
public enum EtapeObligation
{
    [Valeur("entretien-propose", "Proposer un entretien")] EntretienPropose,
    [Valeur("convocation", "Convoquer le jeune et son responsable légal")] Convocation,
    [Valeur("transmission", "Transmettre au président du conseil départemental")] Transmission,
}

/// <summary>
/// A minor's obligation de formation as the file shows it: whether the clock runs, the status (typed by a référent or
/// derived from the file), the next legal step and its due date, and why there is none.
/// </summary>
public sealed record EtatObligation(
    bool Soumis,
    StatutObligation Statut,
    FormeObligation? Forme,
    bool Derive,
    EtapeObligation? Prochaine,
    DateOnly? Echeance,
    DateOnly? Fin,
    string Explication)
{
    /// <summary>The next step's due date has come (today or earlier).</summary>
    public bool Due(DateOnly aujourdhui) => Echeance is { } e && e <= aujourdhui;

    public bool EnRetard(DateOnly aujourdhui) => Echeance is { } e && e < aujourdhui;

    public static readonly EtatObligation NonSoumis = new(false, StatutObligation.NonVerifiee, null, false, null, null, null, "pas soumis à l'obligation de formation");
}

/// <summary>
/// The clock of the obligation de formation (16-18, code de l'éducation, art. L114-1): the steps are an entretien proposed
/// to the minor; the convocation of the minor and the legal guardian when they do not answer (or leave the pathway:
/// "non satisfaite" typed by the référent); and, when two months (the PSAD's setting) after the convocation the obligation
/// is still not met, the transmission to the président du conseil départemental. The clock stops when the obligation is
/// met or exempted, when the file leaves the PSAD (transferred, cancelled), after the transmission, and at the 18th
/// birthday: no step is ever due on or after it.
/// </summary>
public static class ObligationFormation
{
    /// <summary>
    /// The state of <paramref name="d"/>'s obligation on <paramref name="aujourdhui"/>; <paramref name="solutionEntree"/> is the
    /// type of the solution the young person is in now (entered, not abandoned), if any.
    /// </summary>
    public static EtatObligation Calculer(JeuneSuivi d, TypeSolution? solutionEntree, DateOnly aujourdhui, ReglagesSuivi r)
    {
        if (d.DateNaissance is not { } naissance)
        {
            return EtatObligation.NonSoumis with { Explication = "date de naissance inconnue : l'obligation de formation ne peut pas être suivie" };
        }

        var debut = naissance.AddYears(16);
        var fin = naissance.AddYears(18);
        if (aujourdhui < debut)
        {
            return EtatObligation.NonSoumis;
        }

        if (aujourdhui >= fin)
        {
            return EtatObligation.NonSoumis with { Fin = fin, Explication = $"18 ans le {fin:dd/MM/yyyy} : l'obligation de formation a pris fin" };
        }

        var (statut, forme, derive) = Statut(d, solutionEntree);
        EtatObligation Etat(EtapeObligation? etape, DateOnly? echeance, string explication) => new(true, statut, forme, derive, etape, echeance, fin, explication);

        if (d.Statut is StatutDossier.Transfere or StatutDossier.Annule)
        {
            return Etat(null, null, $"dossier {d.Statut.Libelle().ToLowerInvariant()} : la PSAD ne suit plus l'obligation");
        }

        if (statut is StatutObligation.Satisfaite or StatutObligation.Exemptee)
        {
            return Etat(null, null, statut == StatutObligation.Exemptee ? "obligation exemptée" : $"obligation satisfaite ({forme?.Libelle().ToLowerInvariant() ?? "forme non précisée"})");
        }

        if (d.TransmissionLe is { } transmise)
        {
            return Etat(null, null, $"transmis au président du conseil départemental le {HeureParis.Jour(transmise):dd/MM/yyyy}");
        }

        EtapeObligation etape;
        DateOnly echeance;
        if (d.ConvocationLe is { } convoque)
        {
            etape = EtapeObligation.Transmission;
            echeance = HeureParis.Jour(convoque).AddMonths(r.ObligationTransmissionMois);
        }
        else if (d.ObligationStatut == StatutObligation.NonSatisfaite)
        {
            // The young person left the pathway (or never entered one): the convocation is due at once.
            etape = EtapeObligation.Convocation;
            echeance = HeureParis.Jour(d.ObligationFixeeLe ?? d.ArriveLe);
        }
        else if (d.EntretienProposeLe is { } propose)
        {
            if (!SansReponse(d))
            {
                return Etat(null, null, "jeune joint : vérifiez l'obligation de formation et notez-la");
            }

            etape = EtapeObligation.Convocation;
            echeance = HeureParis.Jour(propose).AddDays(r.ObligationReponseJours);
        }
        else
        {
            etape = EtapeObligation.EntretienPropose;
            var arrivee = HeureParis.Jour(d.ArriveLe);
            echeance = (arrivee > debut ? arrivee : debut).AddDays(r.ObligationEntretienJours);
        }

        return echeance >= fin
            ? Etat(null, null, $"« {etape.Libelle()} » serait dû le {echeance:dd/MM/yyyy}, après les 18 ans ({fin:dd/MM/yyyy}) : aucune étape n'est due")
            : Etat(etape, echeance, $"{etape.Libelle()} avant le {echeance:dd/MM/yyyy}");
    }

    /// <summary>
    /// The status shown: "satisfaite" and "exemptée" typed by a référent stand; otherwise a solution the young person is in,
    /// or a closure as "déjà accompagné·e ailleurs", satisfies the obligation (derived); otherwise what was typed.
    /// </summary>
    public static (StatutObligation Statut, FormeObligation? Forme, bool Derive) Statut(JeuneSuivi d, TypeSolution? solutionEntree)
    {
        if (d.ObligationStatut is StatutObligation.Satisfaite or StatutObligation.Exemptee)
        {
            return (d.ObligationStatut, d.ObligationForme, false);
        }

        if (solutionEntree is { } t && FormeDe(t) is { } forme)
        {
            return (StatutObligation.Satisfaite, forme, true);
        }

        if (d.Statut == StatutDossier.Cloture && d.MotifCloture == MotifCloture.DejaAccompagne)
        {
            return (StatutObligation.Satisfaite, FormeObligation.Accompagnement, true);
        }

        return (d.ObligationStatut, null, false);
    }

    /// <summary>The kind of obligation a solution meets; "autre" meets none that the file can tell.</summary>
    public static FormeObligation? FormeDe(TypeSolution t) => t switch
    {
        TypeSolution.FormationInitiale => FormeObligation.Scolarite,
        TypeSolution.Apprentissage => FormeObligation.Apprentissage,
        TypeSolution.FormationProfessionnelle or TypeSolution.E2cEpideSmv => FormeObligation.Formation,
        TypeSolution.ServiceCivique => FormeObligation.ServiceCivique,
        TypeSolution.EmploiDurable or TypeSolution.EmploiCourt => FormeObligation.Emploi,
        TypeSolution.AccompagnementMissionLocale => FormeObligation.Accompagnement,
        _ => null,
    };

    /// <summary>The young person (or guardian) has not been reached: still in contact, or closed without reaching them.</summary>
    private static bool SansReponse(JeuneSuivi d) => d.Statut switch
    {
        StatutDossier.AAttribuer or StatutDossier.AContacter or StatutDossier.ContactEnCours or StatutDossier.Injoignable => true,
        StatutDossier.Cloture => d.MotifCloture is not (MotifCloture.SortiePositive or MotifCloture.DejaAccompagne or MotifCloture.SansBesoin),
        _ => false,
    };

    /// <summary>A file whose birth date is after this bound has not turned 18 on <paramref name="jour"/> (the OF list's SQL bound, as <see cref="Drapeaux"/>'s).</summary>
    public static DateOnly BorneMajorite(DateOnly jour) => Drapeaux.NeAvant(jour, 18);
}
