using Raccroche.Web.Features.Veille;

namespace Raccroche.Web.Features.Agenda;

/// <summary>
/// The agenda as iCalendar (RFC 5545): a stable UID per event, DTSTAMP and LAST-MODIFIED at the event's last change (so the
/// same events give the same bytes, and the ETag holds), times with <c>TZID=Europe/Paris</c> and the VTIMEZONE that defines
/// it, all-day events as dates; never a floating time. Text values are escaped (backslash, semicolon, comma, line breaks
/// as <c>\n</c>), so a typed line break can never start a property of its own; lines are folded at 75 octets, CRLF.
/// </summary>
public static class Calendrier
{
    public const string TypeMime = "text/calendar; charset=utf-8";
    public const string Fuseau = "Europe/Paris";

    /// <summary>
    /// Europe/Paris since 1996 (EU rules): summer time from the last Sunday of March at 02:00 to the last Sunday of
    /// October at 03:00. Every event the agenda holds is after that.
    /// </summary>
    private static readonly string[] FuseauParis =
    [
        "BEGIN:VTIMEZONE",
        "TZID:Europe/Paris",
        "X-LIC-LOCATION:Europe/Paris",
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "TZNAME:CEST",
        "DTSTART:19700329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "TZNAME:CET",
        "DTSTART:19701025T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
    ];

    /// <summary>A calendar of <paramref name="evenements"/>; <paramref name="communes"/> names the places.</summary>
    public static string Document(IEnumerable<Evenement> evenements, string urlPublique, string nom, Func<string, string?> communes)
    {
        var lignes = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Raccroche//Agenda de l'observatoire//FR",
            "CALSCALE:GREGORIAN",
            "X-WR-CALNAME:" + Texte(nom),
            "X-WR-TIMEZONE:" + Fuseau,
        };
        lignes.AddRange(FuseauParis);
        foreach (var e in evenements)
        {
            var page = $"{urlPublique}/agenda/{e.Id}/{e.Slug}";
            lignes.Add("BEGIN:VEVENT");
            lignes.Add("UID:" + Texte(e.Uid));
            lignes.Add("DTSTAMP:" + Utc(e.ModifieeLe));
            lignes.Add("CREATED:" + Utc(e.CreeLe));
            lignes.Add("LAST-MODIFIED:" + Utc(e.ModifieeLe));
            if (e.JourneeEntiere)
            {
                lignes.Add("DTSTART;VALUE=DATE:" + HeureParis.Jour(e.Debut).ToString("yyyyMMdd", CultureInfo.InvariantCulture));
                lignes.Add("DTEND;VALUE=DATE:" + HeureParis.Jour(e.Fin).ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            }
            else
            {
                lignes.Add($"DTSTART;TZID={Fuseau}:" + Locale(e.Debut));
                lignes.Add($"DTEND;TZID={Fuseau}:" + Locale(e.Fin));
            }

            lignes.Add("SUMMARY:" + Texte(e.Titre));
            var description = new StringBuilder(e.Resume);
            description.Append("\n\nOrganisé par ").Append(e.Organisateur).Append('.');
            if (e.LienInscription is { } inscription)
            {
                description.Append("\nInscription : ").Append(inscription);
            }

            description.Append("\nPlus d'informations : ").Append(page);
            lignes.Add("DESCRIPTION:" + Texte(description.ToString()));
            lignes.Add("LOCATION:" + Texte(e.EnLigne
                ? $"En ligne{(e.LienEnLigne is { } l ? " : " + l : "")}"
                : string.Join(", ", new[] { e.Adresse, e.CodeCommune is { } c ? communes(c) ?? c : null }.Where(x => !string.IsNullOrEmpty(x)))));
            lignes.Add("URL:" + Propre(page));
            if (e.Themes.Count > 0)
            {
                lignes.Add("CATEGORIES:" + string.Join(',', e.Themes.Select(t => Texte(Etiquettes.Themes.Libelle(t)))));
            }

            lignes.Add("STATUS:CONFIRMED");
            lignes.Add("TRANSP:OPAQUE");
            lignes.Add("END:VEVENT");
        }

        lignes.Add("END:VCALENDAR");
        var sb = new StringBuilder();
        foreach (var l in lignes)
        {
            Plier(sb, l);
        }

        return sb.ToString();
    }

    /// <summary>A TEXT value (RFC 5545 §3.3.11): \\, \;, \, and \n; other control characters dropped.</summary>
    public static string Texte(string valeur)
    {
        var sb = new StringBuilder(valeur.Length + 8);
        foreach (var c in valeur.Replace("\r\n", "\n", StringComparison.Ordinal))
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case ';': sb.Append("\\;"); break;
                case ',': sb.Append("\\,"); break;
                case '\n' or '\r': sb.Append("\\n"); break;
                default:
                    if (!char.IsControl(c) || c == '\t')
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>A URI value: no escaping, but never a control character.</summary>
    private static string Propre(string valeur) => new([.. valeur.Where(c => !char.IsControl(c))]);

    private static string Utc(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Locale(DateTime utc) => HeureParis.Locale(utc).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    /// <summary>Folds a content line into lines of at most 75 octets (RFC 5545 §3.1), never inside a UTF-8 character, each ended by CRLF.</summary>
    public static void Plier(StringBuilder sb, string ligne)
    {
        var octets = 0;
        var limite = 75;
        for (var i = 0; i < ligne.Length; i++)
        {
            var longueur = char.IsHighSurrogate(ligne[i]) && i + 1 < ligne.Length ? 2 : 1;
            var taille = Encoding.UTF8.GetByteCount(ligne.AsSpan(i, longueur));
            if (octets + taille > limite)
            {
                sb.Append("\r\n ");
                octets = 0;
                limite = 74;
            }

            sb.Append(ligne, i, longueur);
            octets += taille;
            i += longueur - 1;
        }

        sb.Append("\r\n");
    }
}
