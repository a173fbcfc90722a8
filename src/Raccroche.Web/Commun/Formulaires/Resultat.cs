namespace Raccroche.Web.Commun.Formulaires;

/// <summary>Why a command did nothing: bad input (shown against the fields), not allowed, or overtaken by another change.</summary>
public enum Refus
{
    Saisie,
    Interdit,
    Conflit,
}

/// <summary>
/// What a command (a service that writes) returns: success, or the French messages per field that explain
/// why nothing was written, with the kind of refusal. The page shows <see cref="Erreurs"/> in its form,
/// the API turns them into a ValidationProblem.
/// </summary>
public class Resultat
{
    protected Resultat(Erreurs? erreurs, Refus refus)
    {
        Erreurs = erreurs ?? new();
        Refus = refus;
    }

    public Erreurs Erreurs { get; }

    /// <summary>Meaningful only when <see cref="Reussi"/> is false.</summary>
    public Refus Refus { get; }

    public bool Reussi => !Erreurs.Any;

    public static Resultat Succes() => new(null, Refus.Saisie);

    /// <summary>
    /// For a page after a refused command: copies the command's messages into the page's bag, or, when another change
    /// overtook it, the page's own message against <paramref name="champ"/> (the page knows what to say and reloads).
    /// </summary>
    public void Reporter(Erreurs erreurs, string champ, string messageConflit)
    {
        if (Refus == Refus.Conflit)
        {
            erreurs.Ajouter(champ, messageConflit);
        }
        else
        {
            erreurs.Ajouter(Erreurs);
        }
    }

    public static Resultat Echec(Erreurs erreurs, Refus refus = Refus.Saisie) => erreurs.Any
        ? new(erreurs, refus)
        : throw new ArgumentException("A refusal carries at least one message.", nameof(erreurs));

    public static Resultat Echec(string champ, string message, Refus refus = Refus.Saisie)
    {
        var erreurs = new Erreurs();
        erreurs.Ajouter(champ, message);
        return Echec(erreurs, refus);
    }
}

/// <summary>A command's result with the value it produced (what it created) when it succeeded.</summary>
public sealed class Resultat<T> : Resultat
{
    private readonly T? _valeur;

    private Resultat(T? valeur, Erreurs? erreurs, Refus refus)
        : base(erreurs, refus) => _valeur = valeur;

    public T Valeur => Reussi ? _valeur! : throw new InvalidOperationException("A refused command has no value: read Erreurs.");

    public static Resultat<T> Succes(T valeur) => new(valeur, null, Refus.Saisie);

    public static new Resultat<T> Echec(Erreurs erreurs, Refus refus = Refus.Saisie) => erreurs.Any
        ? new(default, erreurs, refus)
        : throw new ArgumentException("A refusal carries at least one message.", nameof(erreurs));

    public static new Resultat<T> Echec(string champ, string message, Refus refus = Refus.Saisie)
    {
        var erreurs = new Erreurs();
        erreurs.Ajouter(champ, message);
        return Echec(erreurs, refus);
    }
}
