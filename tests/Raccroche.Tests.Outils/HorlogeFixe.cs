namespace Raccroche.Tests.Outils;

/// <summary>A clock that says what the test wants; timers and delays stay real.</summary>
public sealed class HorlogeFixe(DateTimeOffset maintenant) : TimeProvider
{
    public DateTimeOffset Maintenant { get; set; } = maintenant;

    public override DateTimeOffset GetUtcNow() => Maintenant;

    public void Avancer(TimeSpan duree) => Maintenant += duree;
}
