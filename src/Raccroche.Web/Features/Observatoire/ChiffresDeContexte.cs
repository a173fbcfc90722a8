using Raccroche.Web.Features.Communes;

namespace Raccroche.Web.Features.Observatoire;

/// <summary>
/// The external values as the observatory shows them: as published by their source (no masking, docs/decisions/0013),
/// each with its source and licence. These tables are small (a few indicators × territories × periods): read whole.
/// </summary>
public sealed class ChiffresDeContexte(RaccrocheDbContext db)
{
    public sealed record Chiffre(string Indicateur, string Libelle, string Territoire, string NomTerritoire, string Periode, string Valeur, string Unite, string Source, string Licence);

    /// <summary>Each external indicator's latest value for the region (indicators without a regional value are left out).</summary>
    public async Task<IReadOnlyList<Chiffre>> RegionauxAsync(CancellationToken ct)
    {
        var lignes = await db.ValeursExternes.AsNoTracking().Where(v => v.Territoire == ImportValeursExternes.Region).ToListAsync(ct);
        return [.. lignes.GroupBy(v => v.Indicateur).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(v => ImportValeursExternes.Fin(v.Periode)).ThenBy(v => v.Periode.Length).First())
            .Select(v => Lire(v, NomRegion))];
    }

    /// <summary>An indicator's values by territory (the region, then départements, then PSADs) and period (latest first); empty when unknown.</summary>
    public async Task<IReadOnlyList<Chiffre>> IndicateurAsync(string code, CancellationToken ct)
    {
        var lignes = await db.ValeursExternes.AsNoTracking().Where(v => v.Indicateur == code).ToListAsync(ct);
        var codes = lignes.Select(v => v.Territoire).Distinct().ToList();
        var psads = await db.Psads.AsNoTracking().Where(p => codes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, p => p.Nom, ct);
        return [.. lignes
            .OrderBy(v => v.Territoire == ImportValeursExternes.Region ? 0 : Departements.Existe(v.Territoire) ? 1 : 2)
            .ThenBy(v => v.Territoire, StringComparer.Ordinal)
            .ThenByDescending(v => ImportValeursExternes.Fin(v.Periode)).ThenBy(v => v.Periode.Length)
            .Select(v => Lire(v, v.Territoire == ImportValeursExternes.Region ? NomRegion
                : Departements.Nom(v.Territoire) is { } d ? $"{v.Territoire} – {d}"
                : $"PSAD {v.Territoire} – {psads.GetValueOrDefault(v.Territoire, "")}"))];
    }

    public const string NomRegion = "Auvergne-Rhône-Alpes";

    private static readonly CultureInfo Francais = CultureInfo.GetCultureInfo("fr-FR");

    private static Chiffre Lire(ValeurExterne v, string nom) =>
        new(v.Indicateur, v.Libelle, v.Territoire, nom, LibellePeriode(v.Periode), v.Valeur.ToString("#,##0.####", Francais), v.Unite, v.Source, v.Licence);

    /// <summary>"2024" → "2024", "2024-09" → "09/2024", "2024-T3" → "3e trimestre 2024".</summary>
    public static string LibellePeriode(string periode) => periode.Length switch
    {
        4 => periode,
        7 when periode[5] == 'T' => $"{(periode[6] == '1' ? "1er" : periode[6] + "e")} trimestre {periode[..4]}",
        _ => $"{periode[5..]}/{periode[..4]}",
    };
}
