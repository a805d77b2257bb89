using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace KieGateway.Security;

/// <summary>
/// The <see cref="SocketsHttpHandler.ConnectCallback"/> of clients that call URLs given by clients: it
/// resolves the host itself and connects only to the addresses it has checked, so a name that passed
/// validation and later resolves to a private address (DNS rebinding) is refused at connect time.
/// </summary>
internal sealed class GuardedConnector(IHostResolver resolver, IOptions<SecurityOptions> options, ILogger<GuardedConnector> logger)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var (host, port) = (context.DnsEndPoint.Host.Trim('[', ']'), context.DnsEndPoint.Port);
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await resolver.ResolveAsync(host, ct);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        var allowed = options.Value.AllowPrivateNetworkUrls ? addresses : addresses.Where(a => !PrivateNetworks.Contains(a)).ToArray();
        if (allowed.Length == 0)
        {
            logger.LogWarning("Refused to connect to {Host}: it resolves to private or local addresses {Addresses}", host, addresses);
            // The addresses stay in the log: the message reaches the client (webhook attempts), and must not map its network.
            throw new IOException($"Refused to connect to '{host}': it resolves to a private or local network address "
                + "(Security:AllowPrivateNetworkUrls is off).");
        }

        return await ConnectToFirstAsync(allowed, port, ct);
    }

    private static async Task<Stream> ConnectToFirstAsync(IPAddress[] addresses, int port, CancellationToken ct)
    {
        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last!;
    }
}
