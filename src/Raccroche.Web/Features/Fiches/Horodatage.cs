using System.Globalization;

namespace Raccroche.Web.Features.Fiches;

/// <summary>Times are stored in UTC and shown in French time ("3 mars 2026 à 14 h 05").</summary>
public static class Horodatage
{
    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly TimeZoneInfo Paris = Trouver();

    public static string Texte(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Paris);
        return local.ToString("d MMMM yyyy 'à' H' h 'mm", Fr);
    }

    public static string Texte(DateTime? utc) => utc is { } t ? Texte(t) : "";

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
