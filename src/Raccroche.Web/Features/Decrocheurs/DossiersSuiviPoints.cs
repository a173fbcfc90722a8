using Raccroche.Web.Features.Journal;

namespace Raccroche.Web.Features.Decrocheurs;

/// <summary>The référent's check-in after a solution, written like every change of a file (guarded UPDATE, history line, audit line).</summary>
public sealed partial class DossiersSuivi
{
    /// <summary>
    /// Records what a référent found at a check-in (<see cref="ConstatPoint"/>): once, from <see cref="PointsSuivi.AvanceJours"/>
    /// days before its due date, with the date the situation was found (not in the future, not before that window). "Sorti sans
    /// solution" reopens the file; "a changé" needs the kind of the new solution.
    /// </summary>
    public async Task<Resultat> FairePointAsync(int id, int version, long pointId, ConstatSuivi? constat, TypeSolution? nouveauType, string? precision, string? date, CancellationToken ct = default)
    {
        var dossier = await ModifiableAsync(id, ct);
        var point = dossier is null ? null : await db.PointsSuivi.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pointId && p.JeuneSuiviId == id, ct);
        if (dossier is null || point is null)
        {
            return Introuvable;
        }

        var erreurs = new Erreurs();
        var maintenant = Maintenant;
        var aujourdhui = HeureParis.Jour(maintenant);
        var debut = point.Echeance.AddDays(-PointsSuivi.AvanceJours);
        if (point.FaitLe is { } fait)
        {
            return Resultat.Echec("constat", $"Ce point de suivi a déjà été fait le {HeureParis.Date(HeureParis.Jour(fait))}.");
        }

        if (point.AnnuleLe is not null)
        {
            return Resultat.Echec("constat", "Ce point de suivi a été annulé (le jeune est sorti de cette solution, ou le dossier est transféré, annulé ou clôturé) : il n'y a plus rien à constater.");
        }

        if (debut > aujourdhui)
        {
            return Resultat.Echec("constat", $"Le point de suivi à {point.Mois} mois est prévu le {point.Echeance:dd/MM/yyyy} : il se fait à partir du {debut:dd/MM/yyyy}.");
        }

        if (constat is null)
        {
            erreurs.Ajouter("constat", "Choisissez la situation constatée.");
        }
        else if (constat == ConstatSuivi.AChange && nouveauType is null)
        {
            erreurs.Ajouter("nouveauType", "Indiquez le type de la nouvelle solution du jeune.");
        }

        precision = Saisie.Facultatif(erreurs, "precisionPoint", "La précision", precision, PointSuivi.PrecisionMax);
        var lu = ValeursSiei.Date(date);
        if (lu.Erreur is { } e)
        {
            erreurs.Ajouter("constatLe", e);
        }
        else if (lu.Valeur > aujourdhui)
        {
            erreurs.Ajouter("constatLe", "La date du constat ne peut pas être dans le futur.");
        }
        else if (lu.Valeur < debut)
        {
            erreurs.Ajouter("constatLe", $"Le point de suivi à {point.Mois} mois se constate à partir du {debut:dd/MM/yyyy} (une semaine avant son échéance).");
        }

        if (erreurs.Any)
        {
            return Resultat.Echec(erreurs);
        }

        // The day the situation was found: now when it is today, else midday of that day (Paris).
        var jour = lu.Valeur ?? aujourdhui;
        var faitLe = jour == aujourdhui ? maintenant : HeureParis.Utc(jour.ToDateTime(new TimeOnly(12, 0)));
        var plan = await ConstatPoint.PreparerAsync(db, dossier, point, constat!.Value, nouveauType, precision, ct);
        return await EcrireAsync(async () =>
        {
            if (!await AvancerAsync(id, version, maintenant, u => plan.Appliquer(u, maintenant), ct)
                || !await plan.EnregistrerAsync(db, parJeune: false, Auteur, faitLe, maintenant, ct))
            {
                return false;
            }

            db.EvenementsDossier.AddRange(plan.Evenements(Auteur, maintenant));
            journal.Ajouter(Tracabilite.Modification, "dossier-suivi", Id(id), plan.Audit);
            return true;
        }, ct);
    }
}
