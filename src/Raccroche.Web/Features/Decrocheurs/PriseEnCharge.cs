namespace Raccroche.Web.Features.Decrocheurs;

/// <summary>
/// What a référent learns about a young person who does not need the PSAD: already followed by someone else, or already
/// back in a solution. The first group closes the file ("déjà accompagné·e ailleurs"); the second puts it "en solution" with
/// the solution recorded as entered (so the follow-up of the solution goes on: its check-ins are scheduled from the date
/// given, else from the declaration), or closes it as a positive exit at once (the check-ins go on after the closure).
/// </summary>
public enum NaturePriseEnCharge
{
    [Valeur("mission-locale", "Accompagné·e par une mission locale")] MissionLocale,
    [Valeur("france-travail", "Inscrit·e et suivi·e par France Travail")] FranceTravail,
    [Valeur("e2c", "Suivi·e par une école de la 2e chance")] E2c,
    [Valeur("epide", "Suivi·e par l'EPIDE")] Epide,
    [Valeur("autre-psad", "Suivi·e par une autre PSAD")] AutrePsad,
    [Valeur("autre-accompagnement", "Accompagné·e par une autre structure")] AutreAccompagnement,
    [Valeur("retour-scolarite", "De retour en formation initiale (lycée, CFA sous statut scolaire…)")] RetourScolarite,
    [Valeur("apprentissage", "En apprentissage")] Apprentissage,
    [Valeur("formation", "En formation professionnelle")] Formation,
    [Valeur("service-civique", "En service civique")] ServiceCivique,
    [Valeur("emploi", "En emploi")] Emploi,
}

/// <summary>Who said so: the information's source is kept with it (the coordinator weighs "le jeune l'a dit" and "l'établissement l'a confirmé" differently).</summary>
public enum SourcePriseEnCharge
{
    [Valeur("jeune", "Le jeune")] Jeune,
    [Valeur("famille", "Sa famille ou son responsable légal")] Famille,
    [Valeur("partenaire", "La structure qui l'accompagne")] Partenaire,
    [Valeur("etablissement", "Un établissement scolaire ou un CFA")] Etablissement,
    [Valeur("employeur", "L'employeur")] Employeur,
    [Valeur("siei", "La liste SIEI")] Siei,
    [Valeur("autre", "Autre source")] Autre,
}

/// <summary>"Déjà connu / déjà en solution", as recorded on a case file: what, where (in a few words), since when, who said so.</summary>
public sealed class PriseEnCharge
{
    public long Id { get; set; }
    public int JeuneSuiviId { get; set; }
    public NaturePriseEnCharge Nature { get; set; }

    /// <summary>The organisation or the place, in a few words (a mission locale, a lycée, an employer's trade), never a person's name.</summary>
    public string? Organisme { get; set; }
    public SourcePriseEnCharge Source { get; set; }

    /// <summary>Since when, as far as the source knows.</summary>
    public DateOnly? Depuis { get; set; }

    /// <summary>The solution recorded as entered, for the second group.</summary>
    public long? SolutionId { get; set; }
    public DateTime EnregistreeLe { get; set; }
    public required string Auteur { get; set; }

    public const int OrganismeMax = 120;

    /// <summary>Already followed elsewhere (the first group) rather than already in a solution.</summary>
    public static bool EstAccompagnement(NaturePriseEnCharge n) => n <= NaturePriseEnCharge.AutreAccompagnement;

    /// <summary>The kind of solution a young person already in one has entered.</summary>
    public static TypeSolution TypeDe(NaturePriseEnCharge n) => n switch
    {
        NaturePriseEnCharge.RetourScolarite => TypeSolution.FormationInitiale,
        NaturePriseEnCharge.Apprentissage => TypeSolution.Apprentissage,
        NaturePriseEnCharge.Formation => TypeSolution.FormationProfessionnelle,
        NaturePriseEnCharge.ServiceCivique => TypeSolution.ServiceCivique,
        NaturePriseEnCharge.Emploi => TypeSolution.EmploiCourt,
        _ => throw new ArgumentOutOfRangeException(nameof(n), n, "un accompagnement n'est pas une solution"),
    };
}

/// <summary>
/// One "déjà connu / déjà en solution" declaration and what it does to the file, whoever makes it (a référent on the case
/// file, the young person through their link): already followed elsewhere closes the file ("déjà accompagné·e
/// ailleurs"); already in a solution records that solution as entered and puts the file "en solution", or closes it as a
/// positive exit when <see cref="Cloturer"/>.
/// </summary>
public sealed record DeclarationPriseEnCharge(NaturePriseEnCharge Nature, string? Organisme, SourcePriseEnCharge Source, DateOnly? Depuis, bool Cloturer)
{
    public bool Accompagnement => PriseEnCharge.EstAccompagnement(Nature);

    public bool Ferme => Accompagnement || Cloturer;

    public StatutDossier Apres => Ferme ? StatutDossier.Cloture : StatutDossier.EnSolution;

    public MotifCloture Motif => Accompagnement ? MotifCloture.DejaAccompagne : MotifCloture.SortiePositive;

    /// <summary>The end of the history line: where the file went.</summary>
    public string Suite => Ferme ? $"dossier clôturé ({Motif.Libelle().ToLowerInvariant()})" : "dossier en solution";

    /// <summary>The file's new status (and closing reason) inside the caller's guarded UPDATE.</summary>
    public void Appliquer(Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<JeuneSuivi> u, DateTime maintenant)
    {
        u.SetProperty(j => j.Statut, Apres).SetProperty(j => j.StatutDepuis, maintenant);
        if (!Accompagnement)
        {
            // A solution entered: a new schedule of check-ins (PointsSuivi), the follow-up after a solution starts over.
            u.SetProperty(j => j.SortieMaintenue, (bool?)null).SetProperty(j => j.SortiSansSolutionLe, (DateTime?)null);
        }

        if (Ferme)
        {
            var precision = Organisme is null ? Nature.Libelle() : $"{Nature.Libelle()} : {Organisme}";
            u.SetProperty(j => j.MotifCloture, Motif).SetProperty(j => j.PrecisionCloture, precision.Length > 300 ? precision[..300] : precision).SetProperty(j => j.ClotureLe, maintenant);
        }
    }

    /// <summary>The solution entered (for a solution) and the declaration's row, added to the caller's transaction.</summary>
    public async Task EnregistrerAsync(RaccrocheDbContext db, int dossier, string auteur, DateTime maintenant, CancellationToken ct)
    {
        SolutionSuivi? solution = null;
        if (!Accompagnement)
        {
            solution = new SolutionSuivi
            {
                JeuneSuiviId = dossier,
                HorsCatalogue = Organisme ?? Nature.Libelle(),
                Type = PriseEnCharge.TypeDe(Nature),
                Statut = StatutSolution.Entree,
                EntreeLe = Depuis,
                CreeLe = maintenant,
                StatutDepuis = maintenant,
                Auteur = auteur,
            };
            db.SolutionsSuivi.Add(solution);
            await db.SaveChangesAsync(ct);
            await PointsSuivi.PlanifierAsync(db, dossier, solution.Id, Depuis, maintenant, ct);
        }
        else
        {
            // Followed elsewhere: the file closes, no check-in of an earlier solution is left to do.
            await PointsSuivi.AnnulerAsync(db, db.PointsSuivi.Where(p => p.JeuneSuiviId == dossier), maintenant, ct);
        }

        db.PrisesEnCharge.Add(new PriseEnCharge
        {
            JeuneSuiviId = dossier,
            Nature = Nature,
            Organisme = Organisme,
            Source = Source,
            Depuis = Depuis,
            SolutionId = solution?.Id,
            EnregistreeLe = maintenant,
            Auteur = auteur,
        });
    }
}

