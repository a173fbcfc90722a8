using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Comptes;

namespace Raccroche.Web.Features.Fiches;

/// <summary>Editing the structure's sheet, with the name, address, hours and contacts of its places. Members of that structure only; others get a 404.</summary>
public sealed class ModifierStructureModel(Habilitations h, EditionFiches fiches, InstantaneCatalogue holder) : PageModel
{
    [BindProperty] public SaisieStructure Saisie { get; set; } = new();
    [BindProperty] public long Version { get; set; }
    public Structure Structure { get; private set; } = null!;
    public RevisionFiche? Ouverte { get; private set; }
    public IReadOnlyList<Ecart> EcartsSoumis { get; private set; } = [];

    /// <summary>The places as they are now, in display order: the form shows one block per place, in this order.</summary>
    public List<ContenuLieu> LieuxActuels { get; private set; } = [];
    public Dictionary<int, string> Communes { get; private set; } = [];
    public Erreurs Erreurs { get; } = new();
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string? fait, CancellationToken ct)
    {
        if (!await ChargerAsync(id, ct))
        {
            return NotFound();
        }

        var contenu = Ouverte?.Statut == StatutRevision.Brouillon
            ? ContenuFiche.Lire<ContenuStructure>(Ouverte.Contenu)
            : ContenuStructure.De(Structure);
        Saisie = SaisieStructure.De(contenu);

        // One block per current place, from the draft when it has that place.
        Saisie.Lieux = [.. LieuxActuels.Select(l => SaisieLieu.De(contenu.Lieux.FirstOrDefault(x => x.Id == l.Id) ?? l))];
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
            await fiches.RetirerAsync(o.Id, Structure.Id, ct);
        }

        return Redirect($"/pro/fiches/structure/{id}?fait=retiree");
    }

    public async Task<IActionResult> OnPostAbandonnerAsync(int id, CancellationToken ct)
    {
        if (!await ChargerAsync(id, ct))
        {
            return NotFound();
        }

        if (Ouverte is { Statut: StatutRevision.Brouillon } o)
        {
            await fiches.AbandonnerAsync(o.Id, Structure.Id, ct);
        }

        return Redirect($"/pro/fiches?fait=abandonnee#fiche-structure-{id}");
    }

    private async Task<IActionResult> EnregistrerAsync(int id, bool soumettre, CancellationToken ct)
    {
        if (!await ChargerAsync(id, ct))
        {
            return NotFound();
        }

        var contenu = Saisie.Valider(Erreurs, LieuxActuels);
        if (contenu is null)
        {
            return Page();
        }

        if (soumettre && Ecarts.Comparer(ContenuFiche.Champs(ContenuStructure.De(Structure)), ContenuFiche.Champs(contenu)).Count == 0)
        {
            Erreurs.Ajouter("etat", "Cette version est identique à la fiche publiée : il n'y a rien à valider. Si la fiche est juste, utilisez plutôt « Confirmer que la fiche est à jour » sur la page Nos fiches.");
            return Page();
        }

        var (issue, ouverte) = await fiches.EnregistrerAsync(TypesFiche.Structure, id, id, ContenuFiche.Serialiser(contenu), Version, soumettre, ct);
        switch (issue)
        {
            case IssueEnregistrement.Enregistree:
                return Redirect(soumettre ? $"/pro/fiches?fait=soumise#fiche-structure-{id}" : $"/pro/fiches/structure/{id}?fait=enregistre");
            case IssueEnregistrement.TropLongue:
                Erreurs.Ajouter("description", "La fiche est trop longue au total pour être enregistrée : raccourcissez la présentation ou les horaires.");
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

    private async Task<bool> ChargerAsync(int id, CancellationToken ct)
    {
        if (!h.PeutEditer(id) || await fiches.StructureAsync(id, ct) is not { } s)
        {
            return false;
        }

        Structure = s;
        LieuxActuels = ContenuStructure.De(s).Lieux;
        Communes = s.Lieux.ToDictionary(l => l.Id, l => holder.Communes.ParCode(l.CodeInsee)?.Nom ?? l.CodeInsee);
        Ouverte = await fiches.OuverteAsync(TypesFiche.Structure, id, ct);
        if (Ouverte?.Statut == StatutRevision.Soumise && HttpMethods.IsGet(Request.Method))
        {
            EcartsSoumis = (await fiches.EcartsAsync([Ouverte], ct))[Ouverte.Id];
        }

        return true;
    }
}
