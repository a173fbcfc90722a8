using System.Collections.Frozen;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Raccroche.Web.Commun;

/// <summary>
/// On each member of a closed list (a C# enum): the string it is stored and posted as, and its French label.
/// The enum is the only declaration of the list: the database, forms, JSON and pages read the strings from here.
/// </summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class ValeurAttribute(string code, string libelle) : Attribute
{
    public string Code { get; } = code;
    public string Libelle { get; } = libelle;
}

/// <summary>
/// Closed lists as enums whose members all carry a <see cref="ValeurAttribute"/>: a value that is not declared cannot be
/// written (an unknown stored string fails on reading instead of being carried along).
/// </summary>
public static class ValeursFermees
{
    public static string Code<T>(this T valeur) where T : struct, Enum => Table<T>.Parmi(valeur).Code;

    public static string Libelle<T>(this T valeur) where T : struct, Enum => Table<T>.Parmi(valeur).Libelle;

    /// <summary>The member stored or posted as <paramref name="code"/>, null when there is none (a form's bad value).</summary>
    public static T? Lire<T>(string? code) where T : struct, Enum =>
        code is not null && Table<T>.ParCode.TryGetValue(code, out var v) ? v : null;

    /// <summary>All the members, in declaration order.</summary>
    public static IReadOnlyList<T> Toutes<T>() where T : struct, Enum => Table<T>.Membres;

    /// <summary>The members as the options of a form (code and label), in declaration order.</summary>
    public static IReadOnlyList<Terme> Termes<T>(IEnumerable<T>? parmi = null) where T : struct, Enum =>
        [.. (parmi ?? Table<T>.Membres).Select(v => new Terme(v.Code(), v.Libelle()))];

    /// <summary>The closed enums of an assembly (those with at least one <see cref="ValeurAttribute"/> member).</summary>
    public static IEnumerable<Type> Types(Assembly assembly) => assembly.GetTypes()
        .Where(t => t.IsEnum && t.GetFields(BindingFlags.Public | BindingFlags.Static).Any(f => f.IsDefined(typeof(ValeurAttribute))));

    private static class Table<T> where T : struct, Enum
    {
        public static readonly IReadOnlyList<T> Membres = Enum.GetValues<T>();

        private static readonly FrozenDictionary<T, ValeurAttribute> ParMembre = Membres.ToFrozenDictionary(v => v, v =>
            typeof(T).GetField(v.ToString())!.GetCustomAttribute<ValeurAttribute>()
            ?? throw new InvalidOperationException($"{typeof(T).Name}.{v} has no [Valeur]: each member of a closed list declares its stored string and label."));

        public static readonly FrozenDictionary<string, T> ParCode = ParMembre.ToFrozenDictionary(p => p.Value.Code, p => p.Key, StringComparer.Ordinal);

        public static ValeurAttribute Parmi(T valeur) => ParMembre.TryGetValue(valeur, out var a) ? a
            : throw new ArgumentOutOfRangeException(nameof(valeur), valeur, $"Not a {typeof(T).Name}.");
    }
}

/// <summary>Stores a closed enum as its declared string (the same strings as before the enums existed: no migration).</summary>
public sealed class ConversionFermee<T>() : ValueConverter<T, string>(v => v.Code(), s => Lire(s)) where T : struct, Enum
{
    private static T Lire(string s) => ValeursFermees.Lire<T>(s) ?? throw new InvalidOperationException($"'{s}' is not a {typeof(T).Name}.");
}
