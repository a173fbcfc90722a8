
namespace Raccroche.BrowserTests;

/// <summary>The young person's path on a phone-sized screen: eight questions, then what fits nearby.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DiagnosticBrowserTests(BrowserFixture app)
{
    private static async Task Axe(IPage page, bool javaScript = true)
    {
        if (javaScript)
        {
            // axe-core runs as a script: with JavaScript off, the same pages are checked in the JavaScript run.
            await BrowserTests.Axe.AucuneViolation(page);
        }
    }

    private static async Task Suivant(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Suivant" }).ClickAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task WholeFlow_OnAPhone_WithAxeOnEveryStep(bool javaScript)
    {
        Task Axe(IPage p) => DiagnosticBrowserTests.Axe(p, javaScript);
        var page = await app.NewPageAsync(width: 360, height: 740, javaScript: javaScript);
        await page.GotoAsync(app.BaseUrl + "/diagnostic");

        await Axe(page);
        await page.GetByLabel("Quel âge as-tu ?").FillAsync("17");
        await Suivant(page);

        await Assertions.Expect(page.Locator(".progress-label")).ToHaveTextAsync("Question 2 sur 8");
        await Axe(page);
        await page.GetByText("J'ai arrêté l'école").ClickAsync();
        await Suivant(page);

        await Axe(page);
        await page.GetByText("Entre 3 et 6 mois").ClickAsync();
        await Suivant(page);

        await Axe(page);
        await page.GetByText("Un CAP ou un bac pro, pas terminé").ClickAsync();
        await Suivant(page);

        await Axe(page);
        await page.GetByLabel("Où habites-tu ?").FillAsync("Thiers");
        await Suivant(page);

        await Axe(page);
        await page.GetByText("Apprendre un métier en étant payé·e").ClickAsync();
        await Suivant(page);

        await Axe(page);
        await page.GetByText("De l'argent pour vivre").ClickAsync();
        await Suivant(page);

        await Axe(page);
        await page.GetByText("Jusqu'à 50 km").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Voir ce qui peut m'aider" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Ce qui peut t'aider près de Thiers");
        await Assertions.Expect(page.Locator("#contacts")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".result .why").First).ToContainTextAsync("Tu as 17 ans");
        await Axe(page);
        var largeur = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(largeur <= 360, $"results are {largeur}px wide");
    }

    [Fact]
    public async Task BackAndChangeAnAnswer_KeepsTheOthers()
    {
        var page = await app.NewPageAsync(width: 360, height: 740);
        await page.GotoAsync(app.BaseUrl + "/diagnostic?age=19&situation=sorti-sans-diplome&depuis=plus-1-an&classe=lycee&code_commune=69123&souhait=formation&besoins=aucun&rayon_km=");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/diagnostic/resultats"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Modifier : Quel âge as-tu ?" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Quel âge as-tu ?")).ToHaveValueAsync("19");
        await page.GetByLabel("Quel âge as-tu ?").FillAsync("20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Voir ce qui peut m'aider" }).ClickAsync();
        await Assertions.Expect(page.Locator(".answers")).ToContainTextAsync("20 ans");
        await Assertions.Expect(page.Locator(".answers")).ToContainTextAsync("Lyon");
        await Assertions.Expect(page.Locator(".result .why").First).ToContainTextAsync("Tu as 20 ans");
    }

    [Fact]
    public async Task KeyboardOnly_AnswersAndReachesResults()
    {
        var page = await app.NewPageAsync(width: 360, height: 740);
        await page.GotoAsync(app.BaseUrl + "/diagnostic");
        await Assertions.Expect(page.GetByLabel("Quel âge as-tu ?")).ToBeFocusedAsync(); // autofocus on arrival
        await page.Keyboard.TypeAsync("18");
        await page.Keyboard.PressAsync("Enter");

        for (var etape = 2; etape <= 4; etape++)
        {
            await Assertions.Expect(page.Locator(".progress-label")).ToHaveTextAsync($"Question {etape} sur 8");
            await page.Keyboard.PressAsync("Tab"); // skip link
            await TabJusquA(page, "input[type=radio]");
            await page.Keyboard.PressAsync("Space");
            await page.Keyboard.PressAsync("Enter");
        }

        await Assertions.Expect(page.Locator(".progress-label")).ToHaveTextAsync("Question 5 sur 8");
        await Assertions.Expect(page.GetByLabel("Où habites-tu ?")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Clermont-Ferrand");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator(".progress-label")).ToHaveTextAsync("Question 6 sur 8");
        await TabJusquA(page, "input[type=radio]");
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator(".progress-label")).ToHaveTextAsync("Question 7 sur 8");
        await TabJusquA(page, "button[type=submit]");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator(".progress-label")).ToHaveTextAsync("Question 8 sur 8");
        await TabJusquA(page, "input[type=radio]");
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Ce qui peut t'aider près de Clermont-Ferrand");
    }

    [Fact]
    public async Task RecontactForm_EmptyAndWithItsErrors_NoAxeViolation_AndTheSummaryLeadsToTheFields()
    {
        var page = await app.NewPageAsync(width: 360, height: 740);
        await page.GotoAsync(app.BaseUrl + "/diagnostic/recontact?age=17&situation=sorti-sans-diplome&depuis=3-6-mois&classe=lycee&code_commune=63430&souhait=metier-paye&besoins=aucun&rayon_km=");
        await BrowserTests.Axe.AucuneViolation(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma demande" }).ClickAsync();

        await Assertions.Expect(page.Locator(".error-summary h2")).ToHaveTextAsync("Il manque quelque chose");
        await Assertions.Expect(page.GetByLabel("Ton prénom")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Quand préfères-tu être appelé·e ?" })).ToBeVisibleAsync();
        await BrowserTests.Axe.AucuneViolation(page);
        await page.GetByLabel("Le matin").CheckAsync(new() { Force = true });
        await Assertions.Expect(page.GetByLabel("Le matin")).ToBeCheckedAsync();
    }

    [Fact]
    public async Task SkippingAQuestion_AsksItAgainWithAMessage()
    {
        var page = await app.NewPageAsync(width: 360, height: 740, javaScript: false);
        await page.GotoAsync(app.BaseUrl + "/diagnostic?age=17");
        await Suivant(page); // no situation chosen
        await Assertions.Expect(page.Locator(".progress-label")).ToHaveTextAsync("Question 2 sur 8");
        await Assertions.Expect(page.Locator("#erreur-question")).ToContainTextAsync("Réponds à cette question");
    }

    private static async Task TabJusquA(IPage page, string selecteur)
    {
        for (var i = 0; i < 30; i++)
        {
            if (await page.EvaluateAsync<bool>($"document.activeElement && document.activeElement.matches('{selecteur}')"))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"{selecteur} not reachable by keyboard");
    }
}
