using System.Net;
using System.Text.Json.Nodes;
using KieGateway.Security;
using KieGateway.Tests.Infrastructure;
using KieGateway.Tests.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace KieGateway.Tests.Security;

/// <summary>
/// A callback host that passes validation (a public-looking name) but resolves to loopback when the
/// webhook is sent, as a DNS rebinding attack would arrange: the connection is refused.
/// </summary>
public sealed class ConnectTimeGuardTests : RebindingTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Security:AllowPrivateNetworkUrls"] = "false",
    };

    [Fact]
    public async Task AWebhookToANameThatResolvesToLoopbackIsRefusedAtConnectTime()
    {
        var id = await FinishVideoAsync(Alice, callbackUrl: RebindingUrl);

        var attempts = await AttemptsAsync(id, 2);

        Assert.All(attempts, a => Assert.Null(a!["statusCode"]));
        Assert.All(attempts, a => Assert.Contains("private or local network", a!["error"].Str()));
        Assert.Empty(Receiver.Received);
        Assert.DoesNotContain("127.0.0.1", attempts.ToJsonString()); // the client learns nothing of the internal network
        Assert.Contains(Gateway.Log.Lines, l => l.StartsWith("Warning") && l.Contains("Refused to connect") && l.Contains("127.0.0.1"));
    }
}

/// <summary>The same name and resolver with the guard off: the webhook arrives, so the refusal above is the guard's doing.</summary>
public sealed class ConnectTimeGuardOffTests : RebindingTest
{
    [Fact]
    public async Task WithAllowPrivateNetworkUrlsTheSameWebhookIsDelivered()
    {
        var id = await FinishVideoAsync(Alice, callbackUrl: RebindingUrl);

        await WaitForHooksAsync(1);

        Assert.Equal(200, (await AttemptsAsync(id, 1))[0]!["statusCode"]!.GetValue<int>());
    }
}

/// <summary>A webhook test whose DNS says that <c>hooks.example.com</c> is 127.0.0.1, where the receiver listens.</summary>
public abstract class RebindingTest : WebhookTest
{
    protected string RebindingUrl => $"http://hooks.example.com:{Receiver.BaseUrl.Port}/hooks";

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IHostResolver>(new LoopbackResolver());

    /// <summary>Moves the clock a second at a time until the video's event has <paramref name="count"/> attempts.</summary>
    protected async Task<JsonArray> AttemptsAsync(string videoId, int count)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var events = (await (await Alice.GetAsync($"/videos/{videoId}/events", cts.Token)).AssertJsonAsync(HttpStatusCode.OK))["data"]!.AsArray();
            if (events is [{ } evt] && evt["attempts"]!.AsArray() is { } attempts && attempts.Count >= count)
            {
                return attempts;
            }

            Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(10, cts.Token);
        }
    }

    private sealed class LoopbackResolver : IHostResolver
    {
        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) =>
            Task.FromResult(host == "hooks.example.com" ? [IPAddress.Loopback] : Array.Empty<IPAddress>());
    }
}
