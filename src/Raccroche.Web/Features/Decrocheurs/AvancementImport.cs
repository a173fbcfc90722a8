namespace Raccroche.Web.Features.Decrocheurs;

/// <summary>The steps of an import, in order (what the progress bar and the command line say).</summary>
public enum PhaseImport
{
    [Valeur("lecture", "lecture")] Lecture,
    [Valeur("analyse", "analyse")] Analyse,
    [Valeur("rapprochement", "rapprochement")] Rapprochement,
    [Valeur("ecriture", "écriture")] Ecriture,
}

/// <summary>Where a running import is: its phase and how many rows of that phase are done.</summary>
public sealed record AvancementImport(PhaseImport Phase, int Faites, int Total)
{
    /// <summary>"analyse : 40 000 / 100 000 lignes".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.GetCultureInfo("fr-FR"), $"{Phase.Libelle()} : {Faites:N0} / {Total:N0} lignes");

    /// <summary>About every 5 % of <paramref name="total"/> rows (at least 1): how often the loops report.</summary>
    public static int Pas(int total) => Math.Max(1, total / 20);
}

/// <summary>
/// Progress for the command line: a line such as "analyse : 40 000 / 100 000 lignes" on <paramref name="sortie"/> (stderr,
/// so that stdout stays the summary), at most once a second. Synchronous (not <see cref="Progress{T}"/>, which posts to the
/// thread pool and may print out of order).
/// </summary>
public sealed class AvancementTexte(TextWriter sortie, TimeProvider clock) : IProgress<AvancementImport>
{
    private DateTimeOffset? _dernier;

    public void Report(AvancementImport value)
    {
        var maintenant = clock.GetUtcNow();
        if (_dernier is { } d && maintenant - d < TimeSpan.FromSeconds(1))
        {
            return;
        }

        _dernier = maintenant;
        sortie.WriteLine(value.ToString());
    }
}
