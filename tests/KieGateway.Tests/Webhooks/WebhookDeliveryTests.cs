using System.Globalization;
using System.Text.Json.Nodes;
using KieGateway.Tests.Infrastructure;

namespace KieGateway.Tests.Webhooks;

/// <summary>A video with a callbackUrl tells its client when it ends, with a Standard Webhooks signature.</summary>
public sealed class WebhookDeliveryTests : WebhookTest
{
    [Fact]
    public async Task ACompletedVideoIsPostedToItsCallbackUrlSignedWithTheClientsSecret()
    {
        var id = await FinishVideoAsync(Alice);

        await WaitForHooksAsync(1);

        var hook = Hooks.Single();
        Assert.Equal("application/json", hook.ContentType?.Split(';')[0]);
        Assert.Matches("^msg_[0-9a-f]{32}$", hook.Id!);
        var timestamp = long.Parse(hook.Timestamp!, CultureInfo.InvariantCulture);
        Assert.InRange(timestamp, Clock.GetUtcNow().AddMinutes(-1).ToUnixTimeSeconds(), Clock.GetUtcNow().ToUnixTimeSeconds());
        Assert.Equal(ExpectedSignature(TestClients.AliceWebhookSecret, hook.Id!, hook.Timestamp!, hook.Body), hook.Signature);
        Assert.NotEqual(ExpectedSignature(TestClients.BobWebhookSecret, hook.Id!, hook.Timestamp!, hook.Body), hook.Signature);

        var body = JsonNode.Parse(hook.Body)!;
        Assert.Equal("video.completed", body["type"].Str());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$", body["timestamp"].Str());
        Assert.Equal(id, body["data"]!["id"].Str());
        Assert.Equal("completed", body["data"]!["status"].Str());
        Assert.Equal(["https://cdn.example/v.mp4"], body["data"]!["videoUrls"].Strings());
        Assert.Equal(Receiver.HookUrl, body["data"]!["callbackUrl"].Str());
    }

    [Fact]
    public async Task AFailedVideoSendsVideoFailedWithTheError()
    {
        var id = await FinishVideoAsync(Alice, successFlag: 2);

        await WaitForHooksAsync(1);

        var body = JsonNode.Parse(Hooks.Single().Body)!;
        Assert.Equal("video.failed", body["type"].Str());
        Assert.Equal(id, body["data"]!["id"].Str());
        Assert.Equal("failed", body["data"]!["status"].Str());
        Assert.NotNull(body["data"]!["error"]!["code"]);
    }

    [Fact]
    public async Task AReceiverThatFailsThenSucceedsGetsTheSameWebhookIdNoEarlierThanFiveSecondsLater()
    {
        Receiver.Script(500);
        await FinishVideoAsync(Alice);

        await WaitForHooksAsync(2);

        var (first, second) = (Hooks[0], Hooks[1]);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(first.Body, second.Body);
        Assert.True(second.At - first.At >= TimeSpan.FromSeconds(5), $"retried after {second.At - first.At}");
        Assert.True(long.Parse(second.Timestamp!, CultureInfo.InvariantCulture) - long.Parse(first.Timestamp!, CultureInfo.InvariantCulture) >= 5);
        // Each attempt is signed for its own timestamp.
        Assert.Equal(ExpectedSignature(TestClients.AliceWebhookSecret, second.Id!, second.Timestamp!, second.Body), second.Signature);
    }

    [Fact]
    public async Task ARedirectCountsAsAFailedAttemptAndItsTargetIsNeverCalled()
    {
        Receiver.Script(307);
        var id = await FinishVideoAsync(Alice);

        await WaitForHooksAsync(2);
        var events = await EventsWhenAsync(Alice, id, e => e[0]!["status"].Str() == "delivered");

        Assert.DoesNotContain(Receiver.Received, r => r.Path == "/elsewhere");
        var attempts = events.Single()!["attempts"]!.AsArray();
        Assert.Equal(307, attempts[0]!["statusCode"]!.GetValue<int>());
        Assert.Contains("redirect", attempts[0]!["error"].Str());
        Assert.Equal(200, attempts[1]!["statusCode"]!.GetValue<int>());
    }

    [Fact]
    public async Task AClientWithoutAWebhookSecretGetsNoUnsignedWebhook()
    {
        var ops = Gateway.ClientWithKey(TestClients.AdminKey);
        var id = await FinishVideoAsync(ops);

        await AdvanceUntilAsync(() => Gateway.Log.Lines.Any(l => l.Contains("has no webhook secret")), TimeSpan.FromSeconds(1));
        var events = await EventsWhenAsync(ops, id, e => e[0]!["status"].Str() == "failed");

        Assert.Empty(Receiver.Received);
        Assert.Contains("WebhookSecret", events.Single()!["failureReason"].Str());
        Assert.Empty(events.Single()!["attempts"]!.AsArray());
        Assert.Contains(Gateway.Log.Lines, l => l.StartsWith("Warning") && l.Contains("has no webhook secret"));
    }

    [Fact]
    public async Task AVideoWithoutACallbackUrlSendsNothing()
    {
        var created = await (await Alice.PostVideoAsync(new { prompt = "p" })).AssertJsonAsync(System.Net.HttpStatusCode.Accepted);
        Kie.SetRecord("veo_task_1", KieRecords.VeoCompleted("veo_task_1", "https://cdn.example/v.mp4"));
        Clock.Advance(TimeSpan.FromSeconds(5));
        await Alice.GetAsync($"/videos/{created["id"].Str()}");

        var events = await EventsWhenAsync(Alice, created["id"].Str(), _ => true);

        Assert.Empty(events);
    }
}
