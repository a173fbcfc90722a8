using System.Security.Cryptography;

namespace Raccroche.Web.Commun;

public static class Codes
{
    /// <summary>Upper-case letters and digits without look-alikes (no 0/O, 1/I/L), easy to read aloud or copy from a poster.</summary>
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public static string Aleatoire(int longueur) => string.Create(longueur, Alphabet, (span, a) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = a[RandomNumberGenerator.GetInt32(a.Length)];
        }
    });
}
