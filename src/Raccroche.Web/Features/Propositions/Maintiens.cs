namespace Raccroche.Web.Features.Propositions;

/// <summary>
/// The age bands of the programmes' outcomes: the age reached in the year the programme was proposed (the year minus the
/// birth year, INSEE's "âge atteint dans l'année"), the one age an anonymised file still gives (only its birth year stays).
/// The bounds are the observatory's breakdown by age (16-17, 18-20, 21-25, 26 and over), its first band open below.
/// </summary>
public enum ClasseAge
{
    [Valeur("moins-18", "Moins de 18 ans")] Moins18,
    [Valeur("18-20", "18 à 20 ans")] De18A20,
    [Valeur("21-25", "21 à 25 ans")] De21A25,
    [Valeur("26-plus", "26 ans et plus")] Plus26,
}

public static class ClassesAge
{
    public static ClasseAge De(int age) => age switch
    {
        < 18 => ClasseAge.Moins18,
        <= 20 => ClasseAge.De18A20,
        <= 25 => ClasseAge.De21A25,
        _ => ClasseAge.Plus26,
    };
}

/// <summary>Of the young people of a profile whose 6-month check-in in a programme was done, how many were still in it.</summary>
public sealed record MaintienProfil(int Encore, int Suivis);

/// <summary>
/// The retention signal the matcher uses for one programme and one young person: still in the programme at the 6-month
/// check-in, over the check-ins done, for their age band and diploma (<see cref="AvecDiplome"/>) or, when that cell is too
/// small, their age band alone.
/// </summary>
public sealed record SignalMaintien(int Encore, int Suivis, bool AvecDiplome)
{
    public double Taux => (double)Encore / Suivis;

    /// <summary>Out of ten, rounded: what the sentence says (never the counts themselves).</summary>
    public int SurDix => (int)Math.Round(10.0 * Encore / Suivis, MidpointRounding.AwayFromZero);

    /// <summary>The reason shown to the young person: "7 jeunes sur 10 de ton profil y étaient encore après 6 mois."</summary>
    public string RaisonJeune => Phrase(AvecDiplome ? "de ton profil (ton âge, ton diplôme)" : "de ton âge");

    /// <summary>The same for a professional's page, without "tu".</summary>
    public string RaisonProfessionnel => Phrase(AvecDiplome ? "de même âge et même diplôme" : "de même âge");

    private string Phrase(string qui) => SurDix switch
    {
        _ when Encore == Suivis => $"Tous les jeunes {qui} suivis à {MaintiensDispositifs.Mois} mois y étaient encore.",
        _ when Encore == 0 => $"Aucun des jeunes {qui} suivis à {MaintiensDispositifs.Mois} mois n'y était encore.",
        10 => $"Plus de 9 jeunes sur 10 {qui} y étaient encore après {MaintiensDispositifs.Mois} mois.",
        0 => $"Moins de 1 jeune sur 10 {qui} y était encore après {MaintiensDispositifs.Mois} mois.",
        1 => $"1 jeune sur 10 {qui} y était encore après {MaintiensDispositifs.Mois} mois.",
        var n => $"{n} jeunes sur 10 {qui} y étaient encore après {MaintiensDispositifs.Mois} mois.",
    };
}

/// <summary>
/// The 6-month retention of every programme by profile (age band and diploma, and age band alone), as the last computation
/// of the outcomes found it, with the secrecy's thresholds. Immutable: the matcher reads it without locks. A signal exists
/// only when at least <see cref="DenominateurMinimum"/> check-ins were done and the count is not a small one (from 1 to
/// <see cref="SeuilEffectif"/> − 1), the same rule as every published figure.
/// </summary>
public sealed class MaintiensDispositifs(IReadOnlyDictionary<(int Dispositif, ClasseAge Classe, string? Niveau), MaintienProfil> cellules, int seuilEffectif, int denominateurMinimum)
{
    /// <summary>The check-in the signal reads: six months after the entry.</summary>
    public const int Mois = 6;

    public static readonly MaintiensDispositifs Aucun = new(new Dictionary<(int, ClasseAge, string?), MaintienProfil>(), 11, 20);

    public int SeuilEffectif => seuilEffectif;
    public int DenominateurMinimum => denominateurMinimum;
    public int Cellules => cellules.Count;

    /// <summary>The signal for <paramref name="dispositifId"/> and this profile, the finest publishable one; null when none is.</summary>
    public SignalMaintien? Signal(int dispositifId, Profil p)
    {
        var classe = ClassesAge.De(p.Age);
        if (p.Niveau is { } niveau && cellules.TryGetValue((dispositifId, classe, niveau), out var fin) && Publiable(fin))
        {
            return new SignalMaintien(fin.Encore, fin.Suivis, AvecDiplome: true);
        }

        return cellules.TryGetValue((dispositifId, classe, null), out var large) && Publiable(large)
            ? new SignalMaintien(large.Encore, large.Suivis, AvecDiplome: false)
            : null;
    }

    private bool Publiable(MaintienProfil m) => m.Suivis >= denominateurMinimum && !(m.Encore >= 1 && m.Encore < seuilEffectif);
}

/// <summary>The current <see cref="MaintiensDispositifs"/>, replaced whole when the outcomes are loaded again (the catalogue's snapshot does the same).</summary>
public sealed class InstantaneMaintiens
{
    private volatile MaintiensDispositifs _actuel = MaintiensDispositifs.Aucun;

    public MaintiensDispositifs Actuel => _actuel;

    public void Publier(MaintiensDispositifs maintiens) => _actuel = maintiens;
}
