using System.Threading.RateLimiting;
using KieGateway.Models;
using Microsoft.Extensions.Options;

namespace KieGateway.Security;

/// <summary>A client's effective limits: its own <c>RateLimit</c> settings, else the <c>Gateway:RateLimit</c> defaults.</summary>
internal sealed class ClientLimits : IDisposable
{
    private readonly IOptionsMonitor<GatewayOptions> _gateway;
    private readonly IOptionsMonitor<RateLimitOptions> _defaults;

    public ClientLimits(IOptionsMonitor<GatewayOptions> gateway, IOptionsMonitor<RateLimitOptions> defaults)
    {
        _gateway = gateway;
        _defaults = defaults;
        AllRequestsLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => ClientRateLimits.ClientOf(context) is { } id
            ? RateLimitPartition.GetFixedWindowLimiter(id, AllRequests)
            : RateLimitPartition.GetNoLimiter(""));
    }

    /// <summary>The limiter every request passes; owned here so that the container disposes it, and its timer, with the host.</summary>
    public PartitionedRateLimiter<HttpContext> AllRequestsLimiter { get; }

    public FixedWindowRateLimiterOptions AllRequests(string clientId)
    {
        var own = Own(clientId);
        return Window(own?.PermitLimit ?? _defaults.CurrentValue.PermitLimit, own?.Window ?? _defaults.CurrentValue.Window);
    }

    public FixedWindowRateLimiterOptions Creates(string clientId)
    {
        var own = Own(clientId);
        return Window(own?.CreatePermitLimit ?? _defaults.CurrentValue.CreatePermitLimit, own?.CreateWindow ?? _defaults.CurrentValue.CreateWindow);
    }

    public TimeSpan LongestWindow(string clientId) =>
        AllRequests(clientId).Window > Creates(clientId).Window ? AllRequests(clientId).Window : Creates(clientId).Window;

    public void Dispose() => AllRequestsLimiter.Dispose();

    private ClientRateLimit? Own(string clientId) =>
        _gateway.CurrentValue.Clients.FirstOrDefault(c => c.Id == clientId)?.RateLimit;

    // No queue: a request over the limit is answered at once, never held.
    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0 };
}
