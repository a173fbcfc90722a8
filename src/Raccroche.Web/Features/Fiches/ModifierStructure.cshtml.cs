using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Comptes;

namespace Raccroche.Web.Features.Fiches;

/// <summary>Editing the structure's sheet, with the name, address, hours and contacts of its places.</summary>
public sealed class ModifierStructureModel(Habilitations h, EditionFiches fiches, InstantaneCatalogue instantane)
    : ModifierFicheModel<SaisieStructure, ContenuStructure>(h, fiches)
{
    public Structure Structure { get; private set; } = null!;

    /// <summary>The places as they are now, in display order: the form shows one block per place, in this order.</summary>
    public List<ContenuLieu> LieuxActuels { get; private set; } = [];
    public Dictionary<int, string> Communes { get; private set; } = [];

    protected override TypeFiche Type => TypeFiche.Structure;

    protected override int StructureId => Structure.Id;

    protected override async Task<bool> ChargerFicheAsync(int id, CancellationToken ct)
    {
        if (await Fiches.StructureAsync(id, ct) is not { } s)
        {
            return false;
        }

        Structure = s;
        LieuxActuels = ContenuStructure.De(s).Lieux;
        Communes = s.Lieux.ToDictionary(l => l.Id, l => instantane.Communes.ParCode(l.CodeInsee)?.Nom ?? l.CodeInsee);
        return true;
    }

    protected override ContenuStructure Publie() => ContenuStructure.De(Structure);

    /// <summary>One block per current place, from the draft when it has that place.</summary>
    protected override SaisieStructure SaisieDe(ContenuStructure contenu)
    {
        var saisie = SaisieStructure.De(contenu);
        saisie.Lieux = [.. LieuxActuels.Select(l => SaisieLieu.De(contenu.Lieux.FirstOrDefault(x => x.Id == l.Id) ?? l))];
        return saisie;
    }

    protected override ContenuStructure? Valider() => Saisie.Valider(Erreurs, LieuxActuels);

    protected override IReadOnlyList<ChampFiche> Champs(ContenuStructure contenu) => ContenuFiche.Champs(contenu);
}
