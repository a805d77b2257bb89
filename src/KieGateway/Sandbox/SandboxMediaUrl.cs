using KieGateway.Models;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace KieGateway.Sandbox;

/// <summary>Where the gateway serves the sandbox's sample video and uploads: its public URL, else its own listening address.</summary>
internal sealed class SandboxMediaUrl(IOptions<GatewayOptions> gateway, IServiceProvider services)
{
    public const string SamplePath = "/sandbox/media/sample.mp4";

    public const string UploadsPrefix = "/sandbox/uploads/";

    public string SampleVideo() => BaseUrl().TrimEnd('/') + SamplePath;

    /// <summary>Where a file stored by the simulated Kie file host is served (<paramref name="path"/> is uploadPath/fileName).</summary>
    public string Upload(string path) =>
        BaseUrl().TrimEnd('/') + UploadsPrefix + string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    private string BaseUrl()
    {
        if (gateway.Value.PublicBaseUrl is { Length: > 0 } configured)
        {
            return configured;
        }

        var address = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses
            .OrderBy(a => a.StartsWith("https", StringComparison.Ordinal) ? 1 : 0)
            .FirstOrDefault();
        return address is null
            ? "http://localhost"
            : address.Replace("://+", "://localhost").Replace("://*", "://localhost")
                .Replace("://0.0.0.0", "://localhost").Replace("://[::]", "://localhost");
    }
}
