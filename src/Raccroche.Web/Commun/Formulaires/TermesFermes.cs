namespace Raccroche.Web.Commun.Formulaires;

/// <summary>A closed enum's members as the terms of a form's radios or select (code as value, French label).</summary>
public static class TermesFermes
{
    public static IReadOnlyList<Terme> De<T>()
        where T : struct, Enum => Cache<T>.Termes;

    private static class Cache<T>
        where T : struct, Enum
    {
        public static readonly IReadOnlyList<Terme> Termes = [.. ValeursFermees.Toutes<T>().Select(v => new Terme(v.Code(), v.Libelle()))];
    }
}
