
namespace Raccroche.Tests.Unit;

public sealed class GeoTests
{
    [Fact]
    public void DistanceKm_LyonToClermont_IsAbout135Km()
    {
        var km = Distances.DistanceKm(45.758, 4.835, 45.777, 3.087);
        Assert.InRange(km, 133, 138);
    }

    [Fact]
    public void DistanceKm_SamePoint_IsZero() => Assert.Equal(0, Distances.DistanceKm(45.8, 3.5, 45.8, 3.5), 6);

    [Fact]
    public void DistanceKm_IsSymmetric() =>
        Assert.Equal(Distances.DistanceKm(45.856, 3.547, 45.434, 4.390), Distances.DistanceKm(45.434, 4.390, 45.856, 3.547), 9);
}
