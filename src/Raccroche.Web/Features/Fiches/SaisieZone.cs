using Raccroche.Web.Features.Catalogue;
using Raccroche.Web.Features.Communes;
using static Raccroche.Web.Commun.Formulaires.Saisie;

namespace Raccroche.Web.Features.Fiches;

/// <summary>Reads the zone of a sheet (type and codes) as typed in the editor.</summary>
public static class SaisieZone
{
    public static (ZoneType Type, List<string> Codes) Zone(Erreurs e, string? type, string? codes, RepertoireCommunes communes)
    {
        if (!Enum.TryParse<ZoneType>(Nettoyer(type), ignoreCase: false, out var t) || !Enum.IsDefined(t) || int.TryParse(type, out _))
        {
            e.Ajouter("zone-type", "Territoire : choisissez le type de territoire couvert.");
            return (ZoneType.France, []);
        }

        var liste = (Nettoyer(codes) ?? "").Split([',', ';', ' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.ToUpperInvariant()).Distinct().ToList();
        if (t == ZoneType.France)
        {
            return (t, []);
        }

        if (liste.Count == 0)
        {
            e.Ajouter("zone-codes", "Codes du territoire : indiquez au moins un code (par exemple 63 pour un département, 63113 pour une commune).");
            return (t, []);
        }

        if (liste.Count > 300)
        {
            e.Ajouter("zone-codes", "Codes du territoire : 300 codes au plus. Pour un grand territoire, choisissez plutôt des départements ou la région.");
            return (t, []);
        }

        Func<string, bool> connu = t switch
        {
            ZoneType.Region => c => c.Length == 2 && communes.Toutes.Any(x => x.Region == c),
            ZoneType.Departements => c => Departements.Nom(c) is not null,
            ZoneType.Epci => c => c.Length == 9 && communes.Toutes.Any(x => x.Epci == c),
            _ => c => communes.ParCode(c) is not null,
        };
        var inconnus = liste.Where(c => !connu(c)).Take(5).ToList();
        if (inconnus.Count > 0)
        {
            var quoi = t switch
            {
                ZoneType.Region => "codes de région",
                ZoneType.Departements => "codes de département",
                ZoneType.Epci => "numéros SIREN d'intercommunalité",
                _ => "codes INSEE de commune",
            };
            e.Ajouter("zone-codes", $"Codes du territoire : {string.Join(", ", inconnus)} ne sont pas des {quoi} connus.");
            return (t, []);
        }

        return (t, liste);
    }
}
