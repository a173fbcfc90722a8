
namespace Raccroche.Web.Commun;

/// <summary>
/// Instants are stored in UTC; people read and search them in French time. Every conversion to or from Paris time,
/// and every way the application shows such an instant, is here.
/// </summary>
public static class HeureParis
{
    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly TimeZoneInfo Paris = Trouver();

    /// <summary>The UTC instant <paramref name="utc"/> on a Paris clock.</summary>
    public static DateTime Locale(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Paris);

    /// <summary>Midnight in Paris at the start of <paramref name="jour"/>, as a UTC instant (for filters on stored instants).</summary>
    public static DateTime DebutDuJour(DateOnly jour) =>
        TimeZoneInfo.ConvertTimeToUtc(jour.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Paris);

    /// <summary>A time typed in Paris (a form's date and hour), as a UTC instant.</summary>
    public static DateTime Utc(DateTime locale) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(locale, DateTimeKind.Unspecified), Paris);

    /// <summary>False for a Paris clock time skipped when summer time starts (the last Sunday of March, 02:00 to 03:00).</summary>
    public static bool Existe(DateTime locale) => !Paris.IsInvalidTime(DateTime.SpecifyKind(locale, DateTimeKind.Unspecified));

    /// <summary>A UTC instant as Paris time with its offset (+01:00 in winter, +02:00 in summer), for ISO 8601 dates.</summary>
    public static DateTimeOffset AvecDecalage(DateTime utc)
    {
        var u = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        return new DateTimeOffset(Locale(u), Paris.GetUtcOffset(u));
    }

    /// <summary>A time of day as people read it: "14 h", "9 h 30".</summary>
    public static string Heure(DateTime utc)
    {
        var l = Locale(utc);
        return l.Minute == 0 ? $"{l.Hour} h" : $"{l.Hour} h {l.Minute:00}";
    }

    /// <summary>With the day of the week: "mardi 25 octobre 2022".</summary>
    public static string JourEnToutesLettres(DateOnly jour) => jour.ToString("dddd d MMMM yyyy", Fr);

    /// <summary>The Paris calendar day of a UTC instant.</summary>
    public static DateOnly Jour(DateTime utc) => DateOnly.FromDateTime(Locale(utc));

    /// <summary>A calendar day in words: "2 décembre 2026".</summary>
    public static string Date(DateOnly jour) => jour.ToString("d MMMM yyyy", Fr);

    /// <summary>In running text: "23 novembre 2026 à 14:05".</summary>
    public static string Date(DateTime utc) => Locale(utc).ToString("d MMMM yyyy 'à' HH:mm", Fr);

    /// <summary>In the history of a sheet and its revisions: "3 mars 2026 à 14 h 05".</summary>
    public static string Horodatage(DateTime utc) => Locale(utc).ToString("d MMMM yyyy 'à' H' h 'mm", Fr);

    /// <summary>As <see cref="Horodatage(DateTime)"/>, empty when there is no instant.</summary>
    public static string Horodatage(DateTime? utc) => utc is { } t ? Horodatage(t) : "";

    /// <summary>In the audit trail's table: "23/11/2026 14:05:09".</summary>
    public static string Journal(DateTime utc) => Locale(utc).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>In the audit trail's CSV export (sorts as text): "2026-11-23 14:05:09".</summary>
    public static string Tableur(DateTime utc) => Locale(utc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>In a file name: "2026-11-23-1405".</summary>
    public static string NomDeFichier(DateTime utc) => Locale(utc).ToString("yyyy-MM-dd-HHmm", CultureInfo.InvariantCulture);

    /// <summary>A host without the time zone database shows UTC rather than failing.</summary>
    private static TimeZoneInfo Trouver()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
