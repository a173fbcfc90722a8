using System.Net;
using System.Net.Sockets;

namespace Raccroche.Web.Infrastructure;

/// <summary>
/// The client's address as the limits count it. After <see cref="Mandataire"/> the connection's remote address is the
/// client's (read from X-Forwarded-For only when the sender is a trusted proxy). An IPv6 client owns a whole /64 (one
/// household or phone gets 2^64 addresses), so a limit per full IPv6 address would be no limit at all: IPv6 addresses
/// are counted by their /64 prefix, IPv4 ones (and IPv4 mapped into IPv6) by the address.
/// </summary>
public static class AdresseClient
{
    public static string Partition(HttpContext http) => Partition(http.Connection.RemoteIpAddress);

    public static string Partition(IPAddress? adresse)
    {
        if (adresse is null)
        {
            return "inconnue";
        }

        if (adresse.IsIPv4MappedToIPv6)
        {
            adresse = adresse.MapToIPv4();
        }

        if (adresse.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return adresse.ToString();
        }

        var octets = adresse.GetAddressBytes();
        Array.Clear(octets, 8, 8);
        return new IPAddress(octets) + "/64";
    }
}
