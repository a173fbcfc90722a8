namespace Raccroche.Web.Features.Communes;

public static class Distances
{
    internal const double RayonTerreKm = 6371.0088;

    /// <summary>Great-circle distance in kilometres (haversine).</summary>
    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        var dLat = EnRadians(lat2 - lat1);
        var dLon = EnRadians(lon2 - lon1);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) +
                (Math.Cos(EnRadians(lat1)) * Math.Cos(EnRadians(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * RayonTerreKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static double EnRadians(double d) => d * Math.PI / 180.0;
}
