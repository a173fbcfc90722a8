using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Comptes;

namespace Raccroche.Web.Features.Fiches;

/// <summary>
/// Editing a programme's sheet: the open draft (or the live sheet when there is none) in a form, saved as a draft
/// again and again, then submitted. Only members of the programme's structure reach it; anyone else gets a 404.
/// </summary>
public sealed class ModifierDispositifModel(Habilitations h, EditionFiches fiches, InstantaneCatalogue holder) : PageModel
{
    [BindProperty] public SaisieDispositif Saisie { get; set; } = new();
    [BindProperty] public long Version { get; set; }
    public Dispositif Dispositif { get; private set; } = null!;
    public RevisionFiche? Ouverte { get; private set; }
    public IReadOnlyList<Ecart> EcartsSoumis { get; private set; } = [];
    public List<Terme> LieuxPossibles { get; private set; } = [];
    public Erreurs Erreurs { get; } = new();
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string? fait, CancellationToken ct)
    {
        if (!await ChargerAsync(id, ct))
        {
            return NotFound();
        }

        Saisie = SaisieDispositif.De(Ouverte?.Statut == StatutRevision.Brouillon
            ? ContenuFiche.Lire<ContenuDispositif>(Ouverte.Contenu)
            : ContenuDispositif.De(Dispositif));
        Version = Ouverte?.ModifieeLe.Ticks ?? 0;
        Message = fait switch
        {
            "enregistre" => "Brouillon enregistré. Il n'est pas encore publié : soumettez-le à validation quand il est prêt.",
            "retiree" => "La modification est retirée de la validation : vous pouvez à nouveau la changer.",
            _ => null,
        };
        return Page();
    }

    public Task<IActionResult> OnPostEnregistrerAsync(int id, CancellationToken ct) => EnregistrerAsync(id, soumettre: false, ct);

    public Task<IActionResult> OnPostSoumettreAsync(int id, CancellationToken ct) => EnregistrerAsync(id, soumettre: true, ct);

    public async Task<IActionResult> OnPostRetirerAsync(int id, CancellationToken ct)
    {
        if (!await ChargerAsync(id, ct))
        {
            return NotFound();
        }

        if (Ouverte is { Statut: StatutRevision.Soumise } o)
        {
            await fiches.RetirerAsync(o.Id, Dispositif.StructureId, ct);
        }

        return Redirect($"/pro/fiches/dispositif/{id}?fait=retiree");
    }

    public async Task<IActionResult> OnPostAbandonnerAsync(int id, CancellationToken ct)
    {
        if (!await ChargerAsync(id, ct))
        {
            return NotFound();
        }

        if (Ouverte is { Statut: StatutRevision.Brouillon } o)
        {
            await fiches.AbandonnerAsync(o.Id, Dispositif.StructureId, ct);
        }

        return Redirect($"/pro/fiches?fait=abandonnee#fiche-dispositif-{id}");
    }

    private async Task<IActionResult> EnregistrerAsync(int id, bool soumettre, CancellationToken ct)
    {
        if (!await ChargerAsync(id, ct))
        {
            return NotFound();
        }

        var possibles = LieuxPossibles.Select(l => int.Parse(l.Valeur, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        var contenu = Saisie.Valider(Erreurs, possibles, holder.Communes);
        if (contenu is null)
        {
            return Page();
        }

        if (soumettre && SansChangement(contenu))
        {
            Erreurs.Ajouter("etat", "Cette version est identique à la fiche publiée : il n'y a rien à valider. Si la fiche est juste, utilisez plutôt « Confirmer que la fiche est à jour » sur la page Nos fiches.");
            return Page();
        }

        var (issue, ouverte) = await fiches.EnregistrerAsync(TypesFiche.Dispositif, id, Dispositif.StructureId, ContenuFiche.Serialiser(contenu), Version, soumettre, ct);
        switch (issue)
        {
            case IssueEnregistrement.Enregistree:
                return Redirect(soumettre ? $"/pro/fiches?fait=soumise#fiche-dispositif-{id}" : $"/pro/fiches/dispositif/{id}?fait=enregistre");
            case IssueEnregistrement.TropLongue:
                Erreurs.Ajouter("description", "La fiche est trop longue au total pour être enregistrée : raccourcissez la description ou les conditions d'accès.");
                break;
            case IssueEnregistrement.DejaSoumise:
                Erreurs.Ajouter("etat", "Une modification de cette fiche est déjà soumise à validation : attendez la décision, ou retirez-la de la validation pour la changer.");
                break;
            default:
                Erreurs.Ajouter("etat", ouverte is null
                    ? "Le brouillon de cette fiche a été publié ou abandonné entre-temps. Vos changements ne sont pas enregistrés : enregistrez à nouveau pour ouvrir un nouveau brouillon avec eux."
                    : $"Le brouillon a été modifié entre-temps par {ouverte.Auteur} (le {HeureParis.Horodatage(ouverte.ModifieeLe)}). Vos changements ne sont pas enregistrés : enregistrez à nouveau pour remplacer sa version par la vôtre, ou rechargez la page pour voir la sienne.");
                Version = ouverte?.ModifieeLe.Ticks ?? 0;
                break;
        }

        Ouverte = ouverte ?? Ouverte;
        if (Ouverte?.Statut == StatutRevision.Soumise)
        {
            EcartsSoumis = (await fiches.EcartsAsync([Ouverte], ct))[Ouverte.Id];
        }

        return Page();
    }

    private bool SansChangement(ContenuDispositif contenu)
    {
        var noms = LieuxPossibles.ToDictionary(l => int.Parse(l.Valeur, System.Globalization.CultureInfo.InvariantCulture), l => l.Libelle);
        return Ecarts.Comparer(
            ContenuFiche.Champs(ContenuDispositif.De(Dispositif), noms, holder.Communes),
            ContenuFiche.Champs(contenu, noms, holder.Communes)).Count == 0;
    }

    /// <summary>The programme, its open revision and the places it may be linked to; false when it is not this member's.</summary>
    private async Task<bool> ChargerAsync(int id, CancellationToken ct)
    {
        if (await fiches.DispositifAsync(id, ct) is not { } d || !h.PeutEditer(d.StructureId))
        {
            return false;
        }

        Dispositif = d;
        Ouverte = await fiches.OuverteAsync(TypesFiche.Dispositif, id, ct);
        var structure = await fiches.StructureAsync(d.StructureId, ct);
        LieuxPossibles = [.. (structure?.Lieux ?? []).UnionBy(d.Lieux, l => l.Id)
            .OrderBy(l => l.Nom, StringComparer.CurrentCulture)
            .Select(l => new Terme(l.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"{l.Nom} ({holder.Communes.ParCode(l.CodeInsee)?.Nom ?? l.CodeInsee})"))];
        if (Ouverte?.Statut == StatutRevision.Soumise && HttpMethods.IsGet(Request.Method))
        {
            EcartsSoumis = (await fiches.EcartsAsync([Ouverte], ct))[Ouverte.Id];
        }

        return true;
    }
}
