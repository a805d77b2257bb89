using System.Net;

namespace KieGateway.Security;

/// <summary>
/// The rules for URLs the gateway or Kie will fetch (<c>callbackUrl</c>, <c>imageUrls</c>), as far as they
/// can be told from the URL itself. No DNS here: the connect-time check (<see cref="GuardedConnector"/>)
/// judges the addresses a name has when the gateway connects.
/// </summary>
internal static class OutboundUrls
{
    public const int MaxLength = 2048;

    /// <summary>Names that only ever mean this machine or the local network (RFC 6761, 6762, 8375, ICANN's .internal).</summary>
    private static readonly string[] LocalSuffixes = [".localhost", ".local", ".localdomain", ".internal", ".home.arpa"];

    public static bool IsAbsoluteHttp(string? value) =>
        value is { Length: > 0 and <= MaxLength }
        && Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && !string.IsNullOrEmpty(uri.Host);

    /// <summary>
    /// True when the URL names a blocked address literally (in any notation <see cref="Uri"/> accepts) or a
    /// host name that can only be local: <c>localhost</c>, a local suffix, or a single label, which the
    /// resolver completes with the local search domains.
    /// </summary>
    public static bool PointsToPrivateNetwork(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            return false;
        }

        var host = uri.IdnHost.Trim('[', ']').TrimEnd('.').ToLowerInvariant();
        if (IPAddress.TryParse(host, out var address))
        {
            return PrivateNetworks.Contains(address);
        }

        return host == "localhost" || !host.Contains('.') || LocalSuffixes.Any(s => host.EndsWith(s, StringComparison.Ordinal));
    }
}
