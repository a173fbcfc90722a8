namespace Raccroche.Tests.Unit;

/// <summary>The app's copy of the data·inclusion vocabularies must stay identical to the reference schema.</summary>
public sealed class VocabularyTests
{
    public static TheoryData<string> Fichiers => new(Directory.GetFiles(Path.Combine(RacineDepot(), "src/Raccroche.Web/Donnees/Vocabulaires"), "*.json").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Fichiers))]
    public void Vocabulary_IsACopyOfTheReferenceSchema(string fichier)
    {
        var reference = Path.Combine(RacineDepot(), "../shared/reference/data-inclusion-schema-v1/extra", fichier);
        Assert.True(File.Exists(reference), $"Reference file not found: {reference} (the shared/ folder must sit beside the repository).");
        Assert.Equal(File.ReadAllText(reference), File.ReadAllText(Path.Combine(RacineDepot(), "src/Raccroche.Web/Donnees/Vocabulaires", fichier)));
    }

    private static string RacineDepot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Raccroche.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
