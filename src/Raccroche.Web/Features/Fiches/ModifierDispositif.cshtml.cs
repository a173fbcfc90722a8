using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Comptes;

namespace Raccroche.Web.Features.Fiches;

/// <summary>Editing a programme's sheet, with the places of its structure it may be linked to.</summary>
public sealed class ModifierDispositifModel(Habilitations h, EditionFiches fiches, InstantaneCatalogue instantane)
    : ModifierFicheModel<SaisieDispositif, ContenuDispositif>(h, fiches)
{
    public Dispositif Dispositif { get; private set; } = null!;
    public List<Terme> LieuxPossibles { get; private set; } = [];

    protected override TypeFiche Type => TypeFiche.Dispositif;

    protected override int StructureId => Dispositif.StructureId;

    protected override async Task<bool> ChargerFicheAsync(int id, CancellationToken ct)
    {
        if (await Fiches.DispositifAsync(id, ct) is not { } d)
        {
            return false;
        }

        Dispositif = d;
        var structure = await Fiches.StructureAsync(d.StructureId, ct);
        LieuxPossibles = [.. (structure?.Lieux ?? []).UnionBy(d.Lieux, l => l.Id)
            .OrderBy(l => l.Nom, StringComparer.CurrentCulture)
            .Select(l => new Terme(l.Id.ToString(CultureInfo.InvariantCulture),
                $"{l.Nom} ({instantane.Communes.ParCode(l.CodeInsee)?.Nom ?? l.CodeInsee})"))];
        return true;
    }

    protected override ContenuDispositif Publie() => ContenuDispositif.De(Dispositif);

    protected override SaisieDispositif SaisieDe(ContenuDispositif contenu) => SaisieDispositif.De(contenu);

    protected override ContenuDispositif? Valider() =>
        Saisie.Valider(Erreurs, LieuxPossibles.Select(l => int.Parse(l.Valeur, CultureInfo.InvariantCulture)).ToHashSet(), instantane.Communes);

    protected override IReadOnlyList<ChampFiche> Champs(ContenuDispositif contenu) =>
        ContenuFiche.Champs(contenu, LieuxPossibles.ToDictionary(l => int.Parse(l.Valeur, CultureInfo.InvariantCulture), l => l.Libelle), instantane.Communes);
}
