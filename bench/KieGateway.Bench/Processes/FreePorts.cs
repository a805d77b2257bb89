using System.Net;
using System.Net.Sockets;

namespace KieGateway.Bench.Processes;

internal static class FreePorts
{
    /// <summary>A loopback port nothing listens on now (the kernel's pick; the child binds it a moment later).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
