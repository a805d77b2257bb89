using System.Net;
using KieGateway.Tests.Infrastructure;

namespace KieGateway.Tests.Sandbox;

/// <summary>
/// With the private-network guard on (its default), a sandbox upload's URL, which points at the gateway's own local
/// address, still makes a video: nothing fetches images in sandbox mode. Webhooks are sent for real, so they stay guarded.
/// </summary>
public sealed class SandboxPrivateUrlTests : IAsyncLifetime
{
    private readonly GatewayFactory _gateway = new(kie: null, new Dictionary<string, string?> { ["Security:AllowPrivateNetworkUrls"] = "false" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        File.Delete(_gateway.DatabasePath);
    }

    [Fact]
    public async Task ASandboxUploadsLocalUrlMakesAVideoButALocalCallbackUrlIsStillRefused()
    {
        var client = _gateway.ClientWithKey("kgw_sandbox_dev_key");
        var upload = await (await client.PostAsync("/uploads", TestImages.Multipart(TestImages.Png(512)))).AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal("localhost", new Uri(upload["url"].Str()).Host);

        await (await client.PostVideoAsync(new { prompt = "p", imageUrls = new[] { upload["url"].Str() } })).AssertJsonAsync(HttpStatusCode.Accepted);
        var refused = await client.PostVideoAsync(new { prompt = "p", callbackUrl = "http://localhost:9/hook" });
        var problem = await refused.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.NotNull(problem["errors"]!["callbackUrl"]);
    }
}
