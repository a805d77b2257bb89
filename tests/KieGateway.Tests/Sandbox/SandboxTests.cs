using System.Net;
using KieGateway.Tests.Infrastructure;

namespace KieGateway.Tests.Sandbox;

/// <summary>With no Kie key at all, the built-in simulator makes every path visible.</summary>
public sealed class SandboxTests : SandboxTest
{
    private async Task<string> CreateAsync(object body) =>
        (await (await Client.PostVideoAsync(body)).AssertJsonAsync(HttpStatusCode.Accepted))["id"].Str();

    private async Task<System.Text.Json.Nodes.JsonObject> ReadAsync(string id) =>
        await (await Client.GetAsync($"/videos/{id}")).AssertJsonAsync(HttpStatusCode.OK);

    [Theory]
    [InlineData("veo-3.1-fast", null)]
    [InlineData("veo-3.1", "https://images.example.com/a.png")]
    [InlineData("sora-2", null)]
    [InlineData("sora-2-pro", "https://images.example.com/a.png")]
    public async Task ASandboxVideoGoesFromQueuedToCompletedWithAPlayableSample(string model, string? image)
    {
        var id = await CreateAsync(new { prompt = "a fox in the snow", model, imageUrls = image is null ? null : new[] { image } });
        Assert.Equal("queued", (await ReadAsync(id))["status"].Str());

        Clock.Advance(TimeSpan.FromSeconds(5));
        var generating = await ReadAsync(id);
        Assert.Equal("in_progress", generating["status"].Str());

        Clock.Advance(TimeSpan.FromSeconds(6));
        var completed = await ReadAsync(id);
        Assert.Equal("completed", completed["status"].Str());
        Assert.Equal(100, completed["progress"]!.GetValue<int>());
        var url = new Uri(Assert.Single(completed["videoUrls"].Strings()));
        Assert.Equal("/sandbox/media/sample.mp4", url.AbsolutePath);

        var media = await Gateway.CreateClient().GetAsync(url.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, media.StatusCode);
        Assert.Equal("video/mp4", media.Content.Headers.ContentType?.MediaType);
        var bytes = await media.Content.ReadAsByteArrayAsync();
        Assert.Equal("ftyp", System.Text.Encoding.ASCII.GetString(bytes, 4, 4)); // an MP4 container
    }

    [Theory]
    [InlineData("veo-3.1-fast", "generation_failed", "[sandbox:fail]")]
    [InlineData("sora-2", "generation_failed", "[sandbox:fail]")]
    [InlineData("veo-3.1", "no_output", "[sandbox:no-output]")]
    [InlineData("sora-2-pro", "no_output", "[sandbox:no-output]")]
    public async Task TaskMarkersMakeTheVideoFail(string model, string code, string marker)
    {
        var id = await CreateAsync(new { prompt = $"a fox {marker}", model });

        Clock.Advance(TimeSpan.FromSeconds(11));
        var video = await ReadAsync(id);

        Assert.Equal("failed", video["status"].Str());
        Assert.Equal(code, video["error"]!["code"].Str());
        Assert.Empty(video["videoUrls"]!.AsArray());
    }

    [Theory]
    [InlineData("[sandbox:402]", HttpStatusCode.PaymentRequired, "insufficient_credits")]
    [InlineData("[sandbox:429]", HttpStatusCode.TooManyRequests, "upstream_rate_limited")]
    [InlineData("[sandbox:500]", HttpStatusCode.BadGateway, "upstream_error")]
    public async Task CreateMarkersMakeCreateFailAsKieWould(string marker, HttpStatusCode status, string code)
    {
        foreach (var model in new[] { "veo-3.1-fast", "sora-2" })
        {
            var response = await Client.PostVideoAsync(new { prompt = $"a fox {marker}", model });

            await response.AssertProblemAsync(status, code);
        }
    }

    [Fact]
    public async Task SandboxWebhooksAreSignedAndSent()
    {
        await using var receiver = await KieGateway.Tests.Webhooks.WebhookReceiver.StartAsync(() => Clock.GetUtcNow());
        var id = await CreateAsync(new { prompt = "a fox", callbackUrl = receiver.HookUrl });
        Clock.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal("completed", (await ReadAsync(id))["status"].Str());

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (receiver.Received.Count == 0)
        {
            Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(10, timeout.Token);
        }

        var hook = receiver.Received[0];
        Assert.StartsWith("v1,", hook.Signature);
        Assert.Contains(id, hook.Body);
    }

    [Fact]
    public async Task ReadinessReportsSandboxMode()
    {
        var health = await (await Gateway.CreateClient().GetAsync("/health/ready")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("Healthy", health["status"].Str());
        Assert.Equal("Sandbox", health["kieMode"].Str());
    }

    [Fact]
    public async Task CreditsAnswerFromTheSimulator()
    {
        var credits = await (await Client.GetAsync("/credits")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.True(credits["credits"]!.GetValue<decimal>() > 0);
    }

    [Theory]
    [InlineData("veo-3.1-fast", "a fox", "completed")]
    [InlineData("sora-2", "a fox", "completed")]
    [InlineData("veo-3.1", "a fox [sandbox:fail]", "failed")]
    [InlineData("sora-2-pro", "a fox [sandbox:no-output]", "failed")]
    public async Task AnotherReplicaOnTheSameStoreFollowsASandboxTaskItNeverSaw(string model, string prompt, string status)
    {
        var id = await CreateAsync(new { prompt, model });
        await using var other = new GatewayFactory(kie: null, time: Clock, database: Gateway.DatabasePath);
        Clock.Advance(TimeSpan.FromSeconds(11));

        var video = await (await other.ClientWithKey(SandboxKey).GetAsync($"/videos/{id}")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(status, video["status"].Str()); // the other replica's simulator read the task from its id
    }
}

public sealed class SandboxKeyTests
{
    [Fact]
    public async Task OutsideDevelopmentTheWellKnownSandboxKeyIsNotHandedOut()
    {
        await using var gateway = new GatewayFactory(kie: null, new Dictionary<string, string?> { ["Sandbox:ClientKey"] = null }, environment: "Production");

        var response = await gateway.ClientWithKey("kgw_sandbox_dev_key").GetAsync("/videos");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        File.Delete(gateway.DatabasePath);
    }
}
