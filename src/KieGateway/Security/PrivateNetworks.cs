using System.Net;
using System.Net.Sockets;

namespace KieGateway.Security;

/// <summary>
/// Addresses the gateway must not be pointed at from outside: loopback, private, link-local (cloud
/// metadata), CGNAT, multicast, reserved and IPv6 local ranges, and IPv4 addresses wrapped in IPv6.
/// </summary>
internal static class PrivateNetworks
{
    private static readonly IPNetwork[] Blocked = Parse(
        // IPv4
        "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
        "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
        "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
        // IPv6: ::/96 holds ::, ::1 and the deprecated IPv4-compatible form; then SIIT, local-use NAT64,
        // discard, Teredo, benchmarking, ORCHID, documentation, unique local, link-local, site-local, multicast.
        "::/96", "::ffff:0:0:0/96", "64:ff9b:1::/48", "100::/64", "2001::/32", "2001:2::/48", "2001:10::/28",
        "2001:db8::/32", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8");

    /// <summary>IPv6 ranges that carry an IPv4 address, and where its four bytes start.</summary>
    private static readonly (IPNetwork Range, int Offset)[] Embedding =
    [
        (IPNetwork.Parse("::ffff:0:0/96"), 12), // IPv4-mapped
        (IPNetwork.Parse("64:ff9b::/96"), 12), // NAT64 well-known prefix
        (IPNetwork.Parse("2002::/16"), 2), // 6to4
    ];

    public static bool Contains(IPAddress address)
    {
        if (Blocked.Any(range => range.Contains(address)))
        {
            return true;
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        var bytes = address.GetAddressBytes();
        foreach (var (range, offset) in Embedding)
        {
            if (range.Contains(address) && Contains(new IPAddress(bytes.AsSpan(offset, 4))))
            {
                return true;
            }
        }

        return false;
    }

    private static IPNetwork[] Parse(params string[] ranges) => ranges.Select(IPNetwork.Parse).ToArray();
}
