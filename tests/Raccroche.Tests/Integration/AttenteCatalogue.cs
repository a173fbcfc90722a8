using Microsoft.AspNetCore.Mvc.Testing;

namespace Raccroche.Tests.Integration;

/// <summary>
/// The catalogue snapshot is rebuilt in the background after a change: a test that saves programmes, structures,
/// places or communes and then reads search, the directory or the API waits for it here.
/// </summary>
public static class AttenteCatalogue
{
    /// <summary>Long enough for a slow machine; a snapshot that never comes fails the test instead of hanging it.</summary>
    public static readonly TimeSpan Delai = TimeSpan.FromSeconds(30);

    /// <summary>Completes when the app's snapshot covers every catalogue change saved so far.</summary>
    public static async Task AttendreCatalogueAsync(this WebApplicationFactory<Program> app)
    {
        using var delai = new CancellationTokenSource(Delai);
        await app.Services.GetRequiredService<InstantaneCatalogue>().AttendreAJourAsync(delai.Token);
    }
}
