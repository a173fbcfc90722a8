using Raccroche.Web.Features.Journal;

namespace Raccroche.Web.Features.Decrocheurs;

/// <summary>The printed documents of a case file ("Courrier" is the e-mail outbox: these are letters).</summary>
public enum NatureLettre
{
    [Valeur("information", "Lettre d'information")] Information,
    [Valeur("convocation", "Convocation du jeune et de son responsable légal")] Convocation,
    [Valeur("transmission", "Transmission au président du conseil départemental")] Transmission,
}

/// <summary>
/// A letter to print (<c>/pro/decrocheurs/{id}/lettres/{nature}</c>), A4, with the PSAD's letterhead and the address of the
/// structure that follows the young person (from the catalogue). The convocation and the transmission exist once their step
/// is recorded on the file (they are dated by it, so a reprint is the same letter); the information letter is dated today.
/// Only those who handle the file see it (the address, birth date and guardian are restricted); every display is audited.
/// </summary>
public sealed class LettreModel(AccesSuivi acces, RaccrocheDbContext db, Tracabilite journal, TimeProvider clock, DossiersSuivi dossiers) : PageModel
{
    public sealed record Adresse(string Nom, IReadOnlyList<string> Lignes, string? Telephone, string? Courriel);

    public NatureLettre Nature { get; private set; }
    public JeuneSuivi Dossier { get; private set; } = null!;
    public LigneSiei? Ligne { get; private set; }
    public EtatObligation Obligation { get; private set; } = EtatObligation.NonSoumis;
    public Adresse Psad { get; private set; } = null!;
    public IReadOnlyList<string> ConseilDepartemental { get; private set; } = [];
    public Adresse? Structure { get; private set; }

    /// <summary>The date printed on the letter: the recorded step's for a convocation or a transmission, today for an information letter.</summary>
    public DateOnly Date { get; private set; }

    public string NomJeune => $"{Dossier.Prenom} {Dossier.Nom?.ToUpperInvariant()}".Trim();

    public string? Responsable => Ligne is null ? null : $"{Ligne.ResponsablePrenom} {Ligne.ResponsableNom?.ToUpperInvariant()}".Trim() is { Length: > 0 } r ? r : null;

    public async Task<IActionResult> OnGetAsync(int id, string nature, CancellationToken ct)
    {
        var dossier = await db.JeunesSuivis.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);
        if (ValeursFermees.Lire<NatureLettre>(nature) is not { } n || dossier is null || !AccesSuivi.Traite(await acces.PositionAsync(dossier, ct)))
        {
            return NotFound();
        }

        var date = n switch
        {
            NatureLettre.Convocation => dossier.ConvocationLe,
            NatureLettre.Transmission => dossier.TransmissionLe,
            _ => clock.GetUtcNow().UtcDateTime,
        };
        if (date is null)
        {
            // No convocation or transmission recorded: that document does not exist yet.
            return NotFound();
        }

        Nature = n;
        Dossier = dossier;
        Date = HeureParis.Jour(date.Value);
        Obligation = await dossiers.EtatObligationAsync(dossier, ct);
        var contenu = await db.SituationsSiei.AsNoTracking().Where(x => x.JeuneSuiviId == id).OrderByDescending(x => x.LivraisonId).Select(x => x.Contenu).FirstOrDefaultAsync(ct);
        Ligne = contenu is null ? null : JsonSerializer.Deserialize<LigneSiei>(contenu);

        var psad = await db.Psads.AsNoTracking().Where(p => p.Id == dossier.PsadId).Select(p => new { p.Nom, p.EnTete }).FirstAsync(ct);
        Psad = new Adresse(psad.Nom, EnTeteLettres.Lignes(psad.EnTete.Adresse), psad.EnTete.Telephone, psad.EnTete.Courriel);
        ConseilDepartemental = EnTeteLettres.Lignes(psad.EnTete.ConseilDepartemental);
        if (dossier.StructureId is { } s)
        {
            var structure = await db.Structures.AsNoTracking().Where(x => x.Id == s)
                .Select(x => new { x.Nom, x.Telephone, x.Courriel, Lieu = x.Lieux.OrderBy(l => l.Id).Select(l => new { l.Adresse, l.CodePostal, l.CodeInsee, l.Telephone, l.Courriel }).FirstOrDefault() })
                .FirstOrDefaultAsync(ct);
            if (structure is not null)
            {
                var commune = structure.Lieu is null ? null : await db.Communes.Where(c => c.CodeInsee == structure.Lieu.CodeInsee).Select(c => c.Nom).FirstOrDefaultAsync(ct);
                string[] lignes = structure.Lieu is null ? [] : [.. new[] { structure.Lieu.Adresse, $"{structure.Lieu.CodePostal} {commune}".Trim() }.Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => x!)];
                Structure = new Adresse(structure.Nom, lignes, structure.Lieu?.Telephone ?? structure.Telephone, structure.Lieu?.Courriel ?? structure.Courriel);
            }
        }

        await journal.EcrireAsync(Tracabilite.Lecture, "dossier-suivi", id.ToString(CultureInfo.InvariantCulture), $"lettre à imprimer : {n.Code()}", ct: ct);
        return Page();
    }
}
