namespace Raccroche.Tests.Integration;

/// <summary>
/// The logs of realistic scenarios (a young person's contact request, one refused, its mails sent, a professional's
/// sign-in), captured at Information level with the SQL commands, contain none of the names, phones or e-mails used.
/// </summary>
public abstract class JournauxSansDonneesTests
{
    protected abstract AppFactory Creer();

    private const string Reponses = "age=17&situation=sorti-sans-diplome&depuis=3-6-mois&classe=lycee&code_commune=63430&souhait=metier-paye&besoins=aucun&rayon_km=";

    [Fact]
    public async Task LogsOfARun_ContainNoNamePhoneOrEmailOfTheYoungPeople()
    {
        var capture = new CaptureJournaux();
        await using var f = Creer();
        f.Capture = capture;
        f.Reglages["Logging:LogLevel:Default"] = "Information";
        f.Reglages["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information";
        await f.InitializeAsync();

        var marque = Guid.NewGuid().ToString("N")[..8];
        var prenom = "Ysaline" + new string([.. marque.Select(c => (char)('a' + (c % 16)))]);
        var courriel = $"ysaline.{marque}@exemple.fr";
        await Soumission.DemandeDeContactAsync(f, Reponses, prenom, courriel);

        // A refused form (a malformed address beside the name) and the outbox's delivery (to the drop folder).
        var client = f.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = AppFactory.Https });
        var refuse = await Soumission.EnvoyerAsync(client, $"/diagnostic/recontact?{Reponses}", new Dictionary<string, string>
        {
            ["Saisie.Prenom"] = prenom + "bis",
            ["Saisie.Telephone"] = "07 11 22 33 44",
            ["Saisie.Courriel"] = $"pas-une-adresse-{marque}",
            ["Saisie.Creneau"] = "matin",
            ["Saisie.Consentement"] = "true",
        });
        Assert.Equal(HttpStatusCode.OK, refuse.StatusCode);
        using (var scope = f.Services.CreateScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<Courrier>().EnvoyerEnAttenteAsync() >= 1);
        }

        var compte = await Pro.CreerCompteAsync(f, Roles.MembreStructure, "ml-63");
        await Pro.ConnecterAsync(f, compte);

        Assert.NotEmpty(capture.Lignes);
        Assert.Contains(capture.Lignes, l => l.Contains("DemandesContact", StringComparison.Ordinal));
        foreach (var secret in new[] { prenom, courriel, "0698765432", "06 98 76 54 32", "+33698765432", "0711223344", "07 11 22 33 44", $"pas-une-adresse-{marque}" })
        {
            Assert.DoesNotContain(capture.Lignes, l => l.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }
}

public sealed class JournauxSansDonneesSqliteTests : JournauxSansDonneesTests
{
    protected override AppFactory Creer() => new SqliteAppFactory();
}

public sealed class JournauxSansDonneesPostgresTests : JournauxSansDonneesTests
{
    protected override AppFactory Creer() => new PostgresAppFactory();
}
