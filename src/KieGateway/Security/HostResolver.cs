using System.Net;

namespace KieGateway.Security;

/// <summary>Turns a host name into addresses; a seam so that tests can make a public-looking name resolve to loopback.</summary>
internal interface IHostResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct);
}

internal sealed class DnsHostResolver : IHostResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) => Dns.GetHostAddressesAsync(host, ct);
}
