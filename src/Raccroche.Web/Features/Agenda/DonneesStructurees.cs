using System.Text.Encodings.Web;
using System.Text.Unicode;
using Raccroche.Web.Features.Communes;

namespace Raccroche.Web.Features.Agenda;

/// <summary>
/// The schema.org <c>Event</c> of an event's page, as JSON-LD. The serializer escapes &lt;, &gt;, &amp; and quotes
/// (<c>\u003C</c>…), so no typed text can close the script element it sits in.
/// </summary>
public static class DonneesStructurees
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string Evenement(Evenement e, string urlPublique, Commune? commune)
    {
        var lieu = e.EnLigne
            ? Objet(("@type", "VirtualLocation"), ("url", e.LienEnLigne))
            : Objet(
                ("@type", "Place"),
                ("name", commune?.Nom ?? e.CodeCommune),
                ("address", Objet(
                    ("@type", "PostalAddress"),
                    ("streetAddress", e.Adresse),
                    ("addressLocality", commune?.Nom),
                    ("postalCode", commune?.ListeCodesPostaux().FirstOrDefault()),
                    ("addressCountry", "FR"))));
        var donnees = Objet(
            ("@context", "https://schema.org"),
            ("@type", "Event"),
            ("name", e.Titre),
            ("description", e.Resume),
            ("url", $"{urlPublique}/agenda/{e.Id}/{e.Slug}"),
            ("startDate", e.JourneeEntiere ? Jour(HeureParis.Jour(e.Debut)) : Instant(e.Debut)),
            ("endDate", e.JourneeEntiere ? Jour(e.DernierJour) : Instant(e.Fin)),
            ("eventStatus", "https://schema.org/EventScheduled"),
            ("eventAttendanceMode", e.EnLigne ? "https://schema.org/OnlineEventAttendanceMode" : "https://schema.org/OfflineEventAttendanceMode"),
            ("location", lieu),
            ("organizer", Objet(("@type", "Organization"), ("name", e.Organisateur), ("url", e.StructureId is { } s ? $"{urlPublique}/structures/{s}" : null))),
            ("inLanguage", "fr"),
            ("offers", e.LienInscription is { } inscription ? Objet(("@type", "Offer"), ("url", inscription)) : null));
        return JsonSerializer.Serialize(donnees, Options);
    }

    private static string Jour(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 with the Paris offset: "2022-10-25T14:00:00+02:00".</summary>
    private static string Instant(DateTime utc) => HeureParis.AvecDecalage(utc).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>A JSON object without its empty members.</summary>
    private static Dictionary<string, object> Objet(params (string Cle, object? Valeur)[] membres) =>
        membres.Where(m => m.Valeur is not null).ToDictionary(m => m.Cle, m => m.Valeur!, StringComparer.Ordinal);
}
