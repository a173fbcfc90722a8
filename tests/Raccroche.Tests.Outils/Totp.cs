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

        // Written apart from the app's CodeTotpUnique on purpose (an independent oracle): RFC 4226 dynamic truncation
        // read as a big-endian integer with its sign bit cleared.
        using var hmac = new HMACSHA1(cle);
        var empreinte = hmac.ComputeHash(compteur);
        var decalage = empreinte[empreinte.Length - 1] & 0xF;
        var valeur = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(empreinte.AsSpan(decalage, 4)) & int.MaxValue;
        return (valeur % 1000000).ToString("000000", System.Globalization.CultureInfo.InvariantCulture);
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
