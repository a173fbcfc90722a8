using System.Security.Cryptography;

namespace Raccroche.Tests.Outils;

/// <summary>RFC 6238 TOTP (HMAC-SHA1, 30 s, 6 digits), as an authenticator app computes it from the base32 key.</summary>
public static class Totp
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> Utilises = new();

    /// <summary>
    /// A code the app has not accepted yet for this key (it accepts each time step once): the current
    /// step's, or the next one's (within the one-step drift the app allows) when the current one was used.
    /// </summary>
    public static string CodeNeuf(string base32, DateTimeOffset? maintenant = null)
    {
        var t = maintenant ?? DateTimeOffset.UtcNow;
        var pas = t.ToUnixTimeSeconds() / 30;
        var choisi = Utilises.AddOrUpdate(base32, pas, (_, dernier) => Math.Max(pas, dernier + 1));
        if (choisi > pas + 1)
        {
            // Two steps ahead would be refused: wait for the clock (real time only; fake clocks move on their own).
            Assert.Null(maintenant);
            Thread.Sleep(TimeSpan.FromSeconds(((choisi - 1) * 30) - t.ToUnixTimeSeconds() + 1));
        }

        return Code(base32, DateTimeOffset.FromUnixTimeSeconds(choisi * 30));
    }

    public static string Code(string base32, DateTimeOffset t)
    {
        var cle = Base32(base32);
        var pas = t.ToUnixTimeSeconds() / 30;
        var compteur = BitConverter.GetBytes(pas);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(compteur);
        }

        var hash = HMACSHA1.HashData(cle, compteur);
        var o = hash[^1] & 0x0f;
        var binaire = ((hash[o] & 0x7f) << 24) | (hash[o + 1] << 16) | (hash[o + 2] << 8) | hash[o + 3];
        return (binaire % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string s)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        s = s.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var octets = new List<byte>();
        int tampon = 0, bits = 0;
        foreach (var c in s)
        {
            tampon = (tampon << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                octets.Add((byte)(tampon >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. octets];
    }
}
