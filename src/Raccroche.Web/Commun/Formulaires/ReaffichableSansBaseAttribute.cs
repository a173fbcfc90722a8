namespace Raccroche.Web.Commun.Formulaires;

/// <summary>
/// The page renders its form from the posted values alone, with no database read: when the database is unavailable
/// beyond the retries, <see cref="IndisponibiliteBaseFilter"/> shows this very form again, filled, with its message. A page
/// without it gets the error page's kept form instead (the posted fields, ready to send again), since rendering it
/// would need the database that just failed.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ReaffichableSansBaseAttribute : Attribute;
