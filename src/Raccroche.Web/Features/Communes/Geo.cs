namespace Raccroche.Web.Features.Communes;

public static class Geo
{
    private const double RayonTerreKm = 6371.0088;

    /// <summary>Great-circle distance in kilometres (haversine).</summary>
    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        var dLat = DegToRad(lat2 - lat1);
        var dLon = DegToRad(lon2 - lon1);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) +
                (Math.Cos(DegToRad(lat1)) * Math.Cos(DegToRad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * RayonTerreKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static double DegToRad(double d) => d * Math.PI / 180.0;
}
